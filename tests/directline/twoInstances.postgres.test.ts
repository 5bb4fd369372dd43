import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestPostgres } from '../support/postgres';
import { openConversation, post, startAssistant, type Running } from './harness';

/**
 * Two instances of the assistant on one PostgreSQL, as behind a load balancer: a resident's stream
 * is open on one, their messages go to the other. What the second stores reaches the first's
 * stream through NOTIFY (the re-read of the store is every 30 s, longer than these waits).
 */
describe('web chat across two instances on PostgreSQL', () => {
  let pgdb: TestPostgres | undefined;
  let a: Running | undefined;
  let b: Running | undefined;
  beforeAll(async () => {
    pgdb = await createTestPostgres();
    if (!pgdb.url) return; // skipped, with the reason printed
    a = await startAssistant({ DATABASE_URL: pgdb.url });
    b = await startAssistant({ DATABASE_URL: pgdb.url });
  }, 120_000);
  beforeEach((ctx) => {
    if (!a || !b) ctx.skip();
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await pgdb?.drop();
  });

  it("brings a message sent to one instance, and the bot's reply, to the stream open on the other", async () => {
    const c = await openConversation(a!.base);
    const { streamUrl } = (await (await fetch(`${b!.base}/v3/directline/conversations/${c.conversationId}?watermark=1`, { headers: c.headers })).json()) as {
      streamUrl: string;
    };
    const ws = new WebSocket(streamUrl);
    const seen: Array<{ type: string; text?: string; from: { role: string } }> = [];
    ws.on('message', (data) => seen.push(...(JSON.parse(String(data)) as { activities: typeof seen }).activities));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      expect((await post(a!.base, c, { type: 'message', text: 'help' })).status).toBe(200);
      await expect
        .poll(() => seen.filter((x) => x.type === 'message').map((x) => `${x.from.role}:${x.text?.slice(0, 4)}`), { timeout: 10_000 })
        .toEqual(['user:help', 'bot:You ']);
    } finally {
      ws.close();
    }
  });
});
