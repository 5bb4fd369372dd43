import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, newConversationId, PASSWORD, residentActivity, residentSays, signIn, startApp, type Harness } from './support/harness';

describe('handoff journey over /api/messages (SQLite, one process)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    await h.app.handoff.staff.addAccount('alex', 'Alex', PASSWORD);
  });
  afterAll(async () => h?.close());

  it('queues the resident with everything so far, relays both ways, and returns them to the assistant', async () => {
    const conv = newConversationId();
    const say = (text: string) => residentSays(h.url, h.channel.url, conv, text);
    expect(await say('my bin was not collected on Tuesday, AT1 1AA')).toBe(200);
    expect(await say('Talk to a person')).toBe(200);

    // handoff.initiate with the transcript attached, then the resident is told their place.
    const initiate = await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    expect(initiate.type).toBe('event');
    const value = initiate.value as { reason: string; priority: number; language: string; captured: Record<string, string> };
    expect(value.reason).toBe('resident_asked');
    expect(value.priority).toBe(3);
    expect(value.language).toBe('en-GB');
    const transcript = initiate.attachments?.find((a) => a.name === 'Transcript')?.content as { activities: Array<{ text: string }> };
    expect(transcript.activities.map((a) => a.text)).toContain('my bin was not collected on Tuesday, AT1 1AA');
    const queued = await h.channel.waitFor((a) => a.conversation?.id === conv && /number 1 in the queue/.test(a.text ?? ''));
    expect(queued.text).toMatch(/about 4 minutes/);

    // The agent sees it in the queue, with the reason and a summary.
    const sam = await signIn(h.url, 'sam');
    const queue = await sam.api('GET', '/agent/api/queue');
    const open = (await h.app.handoff.store.openFor(conv))!;
    const item = queue.body.waiting.find((w: { id: string }) => w.id === open.id);
    // The button says nothing more than the reason: the message that started the report it interrupted does.
    expect(item.summary).toBe('Asked for a person: "my bin was not collected on Tuesday, AT1 1AA" (Missed bin collection, not finished)');
    expect(item.reasonLabel).toBe('Asked for a person');

    // While waiting the resident can add to it; the assistant does not run dialogs.
    await say('it was the green bin');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /still in the queue|You're number 1/.test(a.text ?? '') && a.text !== queued.text);

    expect((await sam.api('POST', `/agent/api/conversations/${item.id}/accept`)).status).toBe(200);
    const acceptedEvent = await h.channel.waitFor(
      (a) => a.conversation?.id === conv && a.name === 'handoff.status' && (a.value as { state: string }).state === 'accepted',
    );
    const talking = await h.channel.waitFor((a) => a.conversation?.id === conv && /talking to Sam/.test(a.text ?? ''));
    // Proactive: no replyToId (Web Chat holds an activity replying to one it has not seen for 5 s).
    expect(acceptedEvent.replyToId).toBeUndefined();
    expect(talking.replyToId).toBeUndefined();

    const detail = await sam.api('GET', `/agent/api/conversations/${item.id}`);
    expect(detail.body.mine).toBe(true);
    expect(detail.body.context.transcript.some((t: { text: string }) => t.text.includes('AT1 1AA'))).toBe(true);
    expect(detail.body.messages.map((m: { text: string }) => m.text)).toContain('it was the green bin');

    // Resident → agent: stored and relayed, the assistant stays quiet.
    const before = h.channel.texts(conv).length;
    await say('are you still there?');
    const withMessage = await eventually(async () => {
      const d = await sam.api('GET', `/agent/api/conversations/${item.id}`);
      return d.body.messages.some((m: { text: string }) => m.text === 'are you still there?') && d;
    });
    expect(withMessage).toBeTruthy();
    expect(h.channel.texts(conv).length).toBe(before);

    // Agent → resident (proactive, through the channel's serviceUrl).
    const sent = await sam.api('POST', `/agent/api/conversations/${item.id}/messages`, { text: 'Yes, I can see your missed bin report.' });
    expect(sent.status).toBe(201);
    expect(sent.body.delivered).toBe(true);
    const agentMsg = await h.channel.waitFor((a) => a.conversation?.id === conv && a.text === 'Yes, I can see your missed bin report.');
    expect((agentMsg.channelData as { councilHandoff: { from: string } }).councilHandoff.from).toBe('agent');
    // Shown as a person: the agent's name and an id of its own, not the assistant's; no replyToId.
    const agentFrom = (agentMsg as { from?: { id: string; name?: string } }).from;
    expect(agentFrom?.name).toBe('Sam');
    expect(agentFrom?.id).not.toBe((talking as { from?: { id: string } }).from?.id);
    expect(agentMsg.replyToId).toBeUndefined();

    // End: handoff.status completed and the assistant is back.
    expect((await sam.api('POST', `/agent/api/conversations/${item.id}/end`)).status).toBe(200);
    await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.status' && (a.value as { state: string }).state === 'completed');
    await say('hello');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /What can I help you with today/.test(a.text ?? ''));

    // Audit: sign-in, accept, message, end, each with staff id and time.
    const trail = await h.app.handoff.staff.auditTrail();
    const samId = detail.body.agentId;
    for (const action of ['sign_in', 'accept', 'message', 'end']) {
      expect(trail.some((t) => t.action === action && t.staffId === samId && !Number.isNaN(Date.parse(t.at)))).toBe(true);
    }
  });

  it('lets the resident stop waiting, and tells the agent when the resident leaves mid-chat', async () => {
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, 'Talk to a person');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /in the queue/.test(a.text ?? ''));
    await residentSays(h.url, h.channel.url, conv, 'Stop waiting');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /left the queue/.test(a.text ?? ''));
    const open = await h.app.handoff.store.openFor(conv);
    expect(open).toBeUndefined();

    const conv2 = newConversationId();
    await residentSays(h.url, h.channel.url, conv2, 'Talk to a person');
    const handoff = await eventually(() => h.app.handoff.store.openFor(conv2));
    const alex = await signIn(h.url, 'alex');
    expect((await alex.api('POST', `/agent/api/conversations/${handoff.id}/accept`)).status).toBe(200);
    await residentActivity(h.url, h.channel.url, conv2, { type: 'endOfConversation' });
    const ended = await eventually(async () => {
      const d = await alex.api('GET', `/agent/api/conversations/${handoff.id}`);
      return d.body.status === 'ended' && d.body;
    });
    expect(ended.endReason).toBe('resident_left');
    expect(ended.messages.at(-1).text).toBe('The resident has left.');
    expect((await alex.api('POST', `/agent/api/conversations/${handoff.id}/messages`, { text: 'hello?' })).status).toBe(409);
  });

  it('after a safeguarding reply, a handoff is priority 1 and labelled with the risk category; safeguarding still answers while a person is talking', async () => {
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, 'my partner hits me and I am scared to go home');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /call \[999\]\(tel:999\)/.test(a.text ?? ''));
    await residentSays(h.url, h.channel.url, conv, 'Talk to a person');
    const initiate = await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    expect((initiate.value as { priority: number; reason: string }).priority).toBe(1);
    expect((initiate.value as { priority: number; reason: string }).reason).toBe('safeguarding');

    const handoff = (await h.app.handoff.store.openFor(conv))!;
    const sam = await signIn(h.url, 'sam');
    const q = await sam.api('GET', '/agent/api/queue');
    expect(q.body.waiting[0].id).toBe(handoff.id);
    expect(q.body.waiting[0].reasonLabel).toBe('Safeguarding concern (Domestic abuse)');
    expect(q.body.waiting[0].summary).toMatch(/^Safeguarding concern \(Domestic abuse\): "my partner hits me/);
    await sam.api('POST', `/agent/api/conversations/${handoff.id}/accept`);
    const before = h.channel.texts(conv).length;
    await residentSays(h.url, h.channel.url, conv, 'he says he will kill me');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /told the contact centre this is urgent/.test(a.text ?? ''));
    expect(h.channel.texts(conv).length).toBe(before + 1);
    const d = await sam.api('GET', `/agent/api/conversations/${handoff.id}`);
    expect(d.body.messages.find((m: { text: string }) => m.text === 'he says he will kill me').flag).toBe('safeguarding:domestic_abuse');
    await sam.api('POST', `/agent/api/conversations/${handoff.id}/end`);
  });

  it('after two misses in a row, the handoff says the assistant did not understand', async () => {
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, 'qwzx vbnm plok');
    await residentSays(h.url, h.channel.url, conv, 'zzyzx frobnicate quux');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /still didn't understand/.test(a.text ?? ''));
    await residentSays(h.url, h.channel.url, conv, 'Talk to a person');
    const initiate = await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    expect((initiate.value as { reason: string }).reason).toBe('not_understood');
    await residentSays(h.url, h.channel.url, conv, 'Stop waiting');
  });
});

describe('residents waiting behind', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  it('are told their new place when the conversation ahead is accepted', async () => {
    const first = newConversationId();
    const second = newConversationId();
    await residentSays(h.url, h.channel.url, first, 'Talk to a person');
    await residentSays(h.url, h.channel.url, second, 'Talk to a person');
    await h.channel.waitFor((a) => a.conversation?.id === second && /number 2 in the queue/.test(a.text ?? ''));
    const sam = await signIn(h.url, 'sam');
    const ahead = (await h.app.handoff.store.openFor(first))!;
    expect((await sam.api('POST', `/agent/api/conversations/${ahead.id}/accept`)).status).toBe(200);
    await h.channel.waitFor((a) => a.conversation?.id === second && /You're now number 1 in the queue, about 4 minutes/.test(a.text ?? ''));
    expect(h.channel.texts(first).some((t) => /You're now number/.test(t))).toBe(false);
  });
});
