import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestPostgres } from '../support/postgres';
import { Conversation, startBot, startChannel, type BotHarness, type Channel } from './harness';

const NOW = new Date('2026-11-24T18:00:00Z');

/** A pothole report up to "Shall I send it?" (the summary with its Send button). */
async function upToTheSummary(c: Conversation): Promise<void> {
  for (const text of ['Report a pothole', 'In the road', '40', '8', 'No']) await c.say(text);
  const summary = await c.say('Outside the library on Station Road');
  expect(summary.all).toMatch(/Contact: anonymous/);
}

/** Two "yes" sent together at the summary, over the real HTTP server, on one engine. */
function twoYesTogether(engine: () => { env: Record<string, string> }) {
  let bot: BotHarness;
  let channel: Channel;
  beforeAll(async () => {
    channel = await startChannel();
    bot = await startBot(engine().env, () => NOW);
  });
  afterAll(async () => {
    await bot?.close();
    await channel?.close();
  });

  it('files one request, gives one reference, and answers the second "yes" sensibly', async () => {
    const db = bot.app.database.db;
    const c = new Conversation(bot, `conv-twice-${Date.now()}`, channel.url);
    await upToTheSummary(c);
    const before = (await db.selectFrom('open311_requests').select('service_request_id').execute()).length;

    const replies = await Promise.all([c.say('yes'), c.say('yes')]);

    const all = replies.map((r) => r.all).join('\n');
    expect(all).not.toMatch(/something went wrong/i);
    for (const r of replies) expect(r.texts.length).toBeGreaterThan(0);
    const references = new Set(all.match(/AT-\d{8}/g) ?? []);
    expect(references.size).toBe(1);
    const [reference] = [...references];
    expect(replies.filter((r) => /I've taken your report/.test(r.all))).toHaveLength(1);

    const rows = await db.selectFrom('service_outbox').select(['reference', 'conversation_reference']).execute();
    expect(rows.filter((r) => r.conversation_reference?.includes(c.id)).map((r) => r.reference)).toEqual([reference]);
    await Conversation.until(
      async () => (await db.selectFrom('service_outbox').select('state').where('reference', '=', reference).executeTakeFirst())?.state === 'delivered',
      'delivery',
    );
    const filed = await db.selectFrom('open311_requests').select(['client_reference']).execute();
    expect(filed.length - before).toBe(1);
    expect(filed.filter((r) => r.client_reference === reference)).toHaveLength(1);

    // The conversation goes on normally afterwards.
    expect((await c.say('when is my bin day')).all).not.toMatch(/something went wrong|two of your messages/i);
  });
}

describe('two "yes" at "Shall I send it?" on SQLite', () => {
  twoYesTogether(() => ({ env: {} }));
});

describe('two "yes" at "Shall I send it?" on PostgreSQL', async () => {
  const pgdb: TestPostgres = await createTestPostgres();
  afterAll(async () => pgdb.drop());
  describe.skipIf(!!pgdb.skipReason)(pgdb.skipReason ?? 'PostgreSQL', () => {
    twoYesTogether(() => ({ env: { DATABASE_URL: pgdb.url! } }));
  });
});
