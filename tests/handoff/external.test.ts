import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConversationId, residentActivity, residentSays, startApp, type Harness } from './support/harness';

describe('an external contact centre (HANDOFF_TARGET=external)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ HANDOFF_TARGET: 'external' });
  });
  afterAll(async () => h?.close());

  const status = (conv: string, state: string) =>
    residentActivity(h.url, h.channel.url, conv, { type: 'event', name: 'handoff.status', value: { state }, from: { id: 'omnichannel', role: 'user' } });

  it('sends handoff.initiate (not the built-in queue), stays quiet, and returns on completed', async () => {
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, 'my bin was missed');
    await residentSays(h.url, h.channel.url, conv, 'Talk to a person');
    const initiate = await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    expect(initiate.attachments?.[0]?.name).toBe('Transcript');
    expect((await h.app.handoff.store.queued()).some((q) => q.conversationId === conv)).toBe(false);
    expect((await h.app.handoff.store.openFor(conv))?.status).toBe('external');

    await status(conv, 'accepted');
    const before = h.channel.texts(conv).length;
    await residentSays(h.url, h.channel.url, conv, 'hello, is anyone there');
    expect(h.channel.texts(conv).length).toBe(before);

    await status(conv, 'completed');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /I'm the assistant again/.test(a.text ?? ''));
    expect(await h.app.handoff.store.openFor(conv)).toBeUndefined();
  });

  it('tells the resident how else to get help when the handoff failed', async () => {
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, 'Talk to a person');
    await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
    await status(conv, 'failed');
    await h.channel.waitFor((a) => a.conversation?.id === conv && /couldn't reach the contact centre/.test(a.text ?? ''));
    expect(await h.app.handoff.store.openFor(conv)).toBeUndefined();
  });
});
