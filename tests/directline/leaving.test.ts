import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, botMessages, openConversation, post, startAssistant, type Conversation, type Running } from './harness';

const ALWAYS_OPEN = path.resolve(__dirname, '..', 'handoff', 'fixtures', 'always-open.yaml');

/** Leaving a handoff over the local Direct Line (issue 18, item 5), without a browser. */
describe('a resident who leaves, on the local Direct Line', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startAssistant({ CONTACT_CENTRE_CONFIG: ALWAYS_OPEN, DIRECT_LINE_LEAVE_GRACE_MS: '300' });
  });
  afterAll(async () => {
    await run?.stop();
  });

  async function queued(): Promise<{ c: Conversation; handoffId: string }> {
    const c = await openConversation(run.base);
    expect((await post(run.base, c, { type: 'message', text: 'Talk to a person' })).status).toBe(200);
    await expect.poll(async () => (await run.app.handoff.store.openFor(c.conversationId))?.status).toBe('queued');
    return { c, handoffId: (await run.app.handoff.store.openFor(c.conversationId))!.id };
  }

  async function stream(c: Conversation): Promise<WebSocket> {
    const { streamUrl } = (await (await fetch(`${run.base}/v3/directline/conversations/${c.conversationId}`, { headers: c.headers })).json()) as {
      streamUrl: string;
    };
    const ws = new WebSocket(streamUrl);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return ws;
  }

  it('the page closing (its stream gone past the grace) takes the resident out of the queue, and says so should they come back', async () => {
    const { c, handoffId } = await queued();
    const ws = await stream(c);
    ws.close();
    await expect.poll(async () => (await run.app.handoff.store.get(handoffId))?.endReason).toBe('resident_left');
    const messages = await run.app.handoff.store.messages(handoffId);
    expect(messages.at(-1)?.text).toBe('The resident has left.');
    await expect
      .poll(async () =>
        botMessages(await activities(run.base, c))
          .map((a) => a.text)
          .at(-1),
      )
      .toMatch(/You left the page, so you're no longer in the queue/);
  });

  it('a conversation with no stream ever opened is not taken for left', async () => {
    const { handoffId } = await queued();
    const other = await queued();
    const ws = await stream(other.c);
    ws.close();
    await expect.poll(async () => (await run.app.handoff.store.get(other.handoffId))?.status).toBe('ended');
    expect((await run.app.handoff.store.get(handoffId))?.status).toBe('queued');
  });

  it('the page\'s leave event ("Start again", "End chat") ends a queued handoff without words in the transcript', async () => {
    const { c, handoffId } = await queued();
    expect((await post(run.base, c, { type: 'event', name: 'council.handoff.leave' })).status).toBe(200);
    await expect.poll(async () => (await run.app.handoff.store.get(handoffId))?.endReason).toBe('resident_left_queue');
    const mine = (await activities(run.base, c)).activities.filter((a) => a.from?.role === 'user' && a.type === 'message').map((a) => a.text);
    expect(mine).toEqual(['Talk to a person']);
  });
});
