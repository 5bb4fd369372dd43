import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, newConversationId, openConsole, PASSWORD, residentSays, startApp, type Harness } from './support/harness';

describe("console sockets: who hears a resident's words", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ HANDOFF_AGENT_TIMEOUT_MS: '600' });
    for (const [u, name] of [
      ['sam', 'Sam'],
      ['alex', 'Alex'],
    ])
      await h.app.handoff.staff.addAccount(u, name, PASSWORD);
  });
  afterAll(async () => h?.close());

  it("sends a resident's message only to the agent who accepted the conversation; the other console hears only that it changed", async () => {
    const [sam, alex] = [await openConsole(h, 'sam'), await openConsole(h, 'alex')];
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, 'Talk to a person');
    const { id } = await eventually(() => h.app.handoff.store.openFor(conv));
    // While it waits, nobody holds it: both consoles hear of it, neither gets the words.
    await residentSays(h.url, h.channel.url, conv, 'my flat number is 12');
    await eventually(
      () => sam.inbox.some((m) => m.type === 'conversation' && m.handoffId === id) && alex.inbox.some((m) => m.type === 'conversation' && m.handoffId === id),
    );
    expect((await sam.api('POST', `/agent/api/conversations/${id}/accept`)).status).toBe(200);
    await residentSays(h.url, h.channel.url, conv, 'the bin was not collected on Tuesday');
    await eventually(() => sam.inbox.some((m) => m.type === 'message' && m.message.text === 'the bin was not collected on Tuesday'));
    const summary = await eventually(() => alex.inbox.filter((m) => m.type === 'conversation' && m.handoffId === id && m.status === 'active').at(-1));
    expect(summary).toEqual({ type: 'conversation', handoffId: id, status: 'active', updated: true });
    const heard = JSON.stringify(alex.inbox);
    expect(heard).not.toMatch(/not collected on Tuesday|flat number/);
    expect(alex.inbox.some((m) => m.type === 'message')).toBe(false);
    expect(JSON.stringify(sam.inbox)).not.toMatch(/flat number/);
    // The agent's own replies reach their console; the other console still hears nothing of them.
    expect((await sam.api('POST', `/agent/api/conversations/${id}/messages`, { text: 'I will book a collection' })).status).toBe(201);
    await eventually(() => sam.inbox.some((m) => m.type === 'message' && m.message.text === 'I will book a collection'));
    await eventually(() => alex.inbox.filter((m) => m.type === 'conversation' && m.handoffId === id).length >= 3);
    expect(JSON.stringify(alex.inbox)).not.toMatch(/book a collection/);
    await sam.api('POST', `/agent/api/conversations/${id}/end`);
    sam.ws.close();
    alex.ws.close();
  });
});
