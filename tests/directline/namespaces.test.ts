import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyStorage } from '../../platform/storage/kyselyStorage';
import { messageActivity } from '../support/http';
import { activities, botMessages, openConversation, post, startAssistant, type Running } from './harness';

/**
 * Without an app id nothing authenticates /api/messages: whoever learns a local Direct Line
 * conversation id (it travels in URLs) must still not be able to act in that conversation.
 */
describe('/api/messages cannot reach the local Direct Line’s conversations', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startAssistant();
  });
  afterAll(async () => run?.stop());

  const stateOf = async (conversationId: string) => {
    const key = `directline/conversations/${conversationId}/`;
    return (await new KyselyStorage(run.app.database.db).read([key]))[key];
  };
  const postToApiMessages = (text: string, conversationId: string, channelId: string) =>
    fetch(`${run.base}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(messageActivity(text, conversationId, { channelId, serviceUrl: 'http://127.0.0.1:9', from: { id: 'intruder', name: 'Intruder' } })),
    });

  it('a report waiting at "Shall I send it?" is neither sent nor changed by a "yes" from outside', async () => {
    const c = await openConversation(run.base);
    for (const text of ['Report a street light fault', 'skip', 'It flickers', 'Lamp post opposite 12 Mill Lane']) {
      expect((await post(run.base, c, { type: 'message', text })).status).toBe(200);
    }
    const before = await activities(run.base, c);
    expect(botMessages(before).at(-1)?.text).toMatch(/Shall I send it\?/);
    const state = await stateOf(c.conversationId);
    expect(state).toBeDefined();

    for (const channelId of ['directline', 'DirectLine', 'emulator', 'webchat', 'msteams']) {
      const res = await postToApiMessages('Send it', c.conversationId, channelId);
      expect(res.status, channelId).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/belongs to the assistant's own Direct Line/);
    }
    // Another conversation on the directline channel id is refused too (its residents' state lives there).
    expect((await postToApiMessages('hello', 'made-up-conversation', 'directline')).status).toBe(403);

    expect(await stateOf(c.conversationId)).toEqual(state);
    expect((await activities(run.base, c)).activities).toEqual(before.activities);

    // The resident, through the Direct Line, still has the report waiting.
    expect((await post(run.base, c, { type: 'message', text: 'Send it' })).status).toBe(200);
    expect(
      botMessages(await activities(run.base, c, before.watermark))
        .map((m) => m.text)
        .join('\n'),
    ).toMatch(/reference/i);
  });

  it('other conversations on /api/messages are served as before', async () => {
    const res = await postToApiMessages('hello', 'emulator-conversation', 'emulator');
    expect(res.status).toBe(200);
  });
});
