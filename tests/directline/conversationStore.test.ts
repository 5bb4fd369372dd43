import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { ConversationStore } from '../../channels/directline/conversationStore';
import { TokenService } from '../../channels/directline/tokens';
import { AppDatabase } from '../../platform/storage/database';
import { KyselyStorage, isETagConflict } from '../../platform/storage/kyselyStorage';
import { createTestPostgres, type TestPostgres } from '../support/postgres';

/** Two stores on one database stand for two instances of the assistant behind a load balancer. */
function sharedDatabaseTests(open: () => Promise<[AppDatabase, AppDatabase] | undefined>) {
  let a: AppDatabase;
  let b: AppDatabase;
  let skip = false;
  beforeAll(async () => {
    const opened = await open();
    if (!opened) skip = true;
    else [a, b] = opened;
  });
  beforeEach((ctx) => {
    if (skip) ctx.skip();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('gives every activity its own watermark when two instances append at once', async () => {
    const one = new ConversationStore(a.db);
    const two = new ConversationStore(b.db);
    const conversation = await one.create('dl_x');
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).append(conversation.id, { type: 'message', text: `m${i}` })));
    const page = await two.list(conversation.id, 0);
    expect(page.activities).toHaveLength(20);
    expect(new Set(page.activities.map((x) => x.id)).size).toBe(20);
    expect(page.watermark).toBe(20);
    expect((await one.list(conversation.id, 15)).activities.map((x) => x.id)).toEqual(page.activities.slice(15).map((x) => x.id));
  });

  it("commits a resident's turn together: nothing of it shows until its state is saved, then all of it does", async () => {
    const one = new ConversationStore(a.db);
    const elsewhere = new ConversationStore(b.db);
    const storage = new KyselyStorage(a.db);
    const c = await one.create('dl_turn');
    const shown: string[] = [];
    one.on('activity', (_id: string, activity: { text?: string }) => shown.push(activity.text ?? ''));
    let duringTurn: unknown[] = ['not read'];
    await one.inOneTransaction(async (turn) => {
      const echo = await one.append(c.id, { type: 'message', text: 'my bin was missed' }, turn);
      await one.append(c.id, { type: 'message', text: 'Sorry to hear that', replyToId: echo.id }, turn);
      duringTurn = [...(await elsewhere.list(c.id, 0)).activities, ...shown];
      await storage.writeInTurn({ [`turn/${c.id}`]: { step: 2 } }, turn);
      expect((await elsewhere.list(c.id, 0)).activities.map((x) => x.text)).toEqual(['my bin was missed', 'Sorry to hear that']);
    });
    expect(duringTurn).toEqual([]);
    expect(shown).toEqual(['my bin was missed', 'Sorry to hear that']);
    expect(await new KyselyStorage(b.db).read([`turn/${c.id}`])).toMatchObject({ [`turn/${c.id}`]: { step: 2 } });
  });

  it("keeps the resident's message and the replies when the turn's state cannot be saved (another turn saved first)", async () => {
    const one = new ConversationStore(a.db);
    const storage = new KyselyStorage(a.db);
    const c = await one.create('dl_crossed');
    const key = `crossed/${c.id}`;
    await storage.write({ [key]: { step: 1 } });
    const loaded = (await storage.read([key]))[key] as Record<string, unknown>;
    await new KyselyStorage(b.db).write({ [key]: { step: 5, eTag: loaded.eTag } }); // the other turn
    const failure = await one
      .inOneTransaction(async (turn) => {
        await one.append(c.id, { type: 'message', text: 'yes' }, turn);
        await one.append(c.id, { type: 'message', text: 'Thank you' }, turn);
        await storage.writeInTurn({ [key]: { step: 2, eTag: loaded.eTag } }, turn);
      })
      .catch((err: unknown) => err);
    expect(isETagConflict(failure)).toBe(true);
    expect((await new ConversationStore(b.db).list(c.id, 0)).activities.map((x) => x.text)).toEqual(['yes', 'Thank you']);
    expect((await storage.read([key]))[key]).toMatchObject({ step: 5 });
  });

  it("keeps the resident's message, the replies and the state when a write not worth the turn (insight) fails in its transaction", async () => {
    const one = new ConversationStore(a.db);
    const storage = new KyselyStorage(a.db);
    const c = await one.create('dl_optional');
    const failures: string[] = [];
    await one.inOneTransaction(async (turn) => {
      await one.append(c.id, { type: 'message', text: 'is the tip open today' }, turn);
      turn.hold({
        write: async (trx) => void (await sql`insert into no_such_insight_table values (1)`.execute(trx)),
        committed: () => undefined,
        optional: (err) => failures.push(err.message),
      });
      await one.append(c.id, { type: 'message', text: 'Yes, 8am to 6pm' }, turn);
      await storage.writeInTurn({ [`optional/${c.id}`]: { step: 3 } }, turn);
    });
    expect(failures).toHaveLength(1);
    expect((await new ConversationStore(b.db).list(c.id, 0)).activities.map((x) => x.text)).toEqual(['is the tip open today', 'Yes, 8am to 6pm']);
    expect(await new KyselyStorage(b.db).read([`optional/${c.id}`])).toMatchObject({ [`optional/${c.id}`]: { step: 3 } });
  });

  it('renumbers a held turn whose number another instance took meanwhile, replies following their message', async () => {
    const one = new ConversationStore(a.db);
    const two = new ConversationStore(b.db);
    const c = await one.create('dl_race');
    await one.append(c.id, { type: 'message', text: 'welcome' });
    let echo: { id?: string } = {};
    await one.inOneTransaction(async (turn) => {
      echo = await one.append(c.id, { type: 'message', text: 'from the resident' }, turn);
      await two.append(c.id, { type: 'message', text: 'from a person, on another instance' });
      await one.append(c.id, { type: 'message', text: 'reply', replyToId: echo.id }, turn);
    });
    const page = await two.list(c.id, 0);
    expect(page.activities.map((x) => x.text)).toEqual(['welcome', 'from a person, on another instance', 'from the resident', 'reply']);
    expect(new Set(page.activities.map((x) => x.id)).size).toBe(4);
    // The id the resident's client is given (read after the commit) is the one it was stored under.
    expect(echo.id).toBe(page.activities[2].id);
    expect(page.activities[3].replyToId).toBe(echo.id);
  });

  it('shares one signing key, so a token from one instance works on the other', async () => {
    const fromA = new TokenService(await new ConversationStore(a.db).key('token-signing'));
    const fromB = new TokenService(await new ConversationStore(b.db).key('token-signing'));
    const token = fromA.issue('conversation', 'c1', 'dl_u');
    expect(fromB.verify(token, 'conversation')).toMatchObject({ ok: true, claims: { conversationId: 'c1', userId: 'dl_u' } });
    expect(fromB.verify(token, 'stream')).toEqual({ ok: false, reason: 'kind' });
  });

  it('tells the bot a conversation started only once, and forgets old conversations', async () => {
    const store = new ConversationStore(a.db);
    const c = await store.create('dl_y');
    const results = await Promise.all([store.markStarted(c.id), new ConversationStore(b.db).markStarted(c.id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.append(c.id, { type: 'message', text: 'old' });
    expect(await store.purge(new Date(Date.now() + 1000))).toBeGreaterThan(0);
    expect(await store.get(c.id)).toBeUndefined();
    expect((await store.list(c.id, 0)).activities).toEqual([]);
  });

  it('purges every old conversation in one call, in batches, and keeps the recent ones', async () => {
    const store = new ConversationStore(a.db);
    await store.purge(new Date(Date.now() + 1000)); // what earlier tests left
    const old = await Promise.all(Array.from({ length: 450 }, (_, i) => store.create(`dl_old${i}`)));
    await Promise.all(old.slice(0, 50).map((c) => store.append(c.id, { type: 'message', text: 'gone' })));
    const cutoff = new Date();
    // The recent conversation is made after the cutoff, on the clock the store reads.
    await eventually(() => Date.now() > cutoff.getTime(), { what: 'the clock past the cutoff' });
    const recent = await store.create('dl_recent');
    await store.append(recent.id, { type: 'message', text: 'kept' });
    expect(await store.purge(cutoff)).toBe(450);
    expect(await store.get(old[449].id)).toBeUndefined();
    expect((await store.list(old[0].id, 0)).activities).toEqual([]);
    expect((await store.list(recent.id, 0)).activities.map((x) => x.text)).toEqual(['kept']);
    // The purged conversation's sequence is forgotten, and a live one carries on from where it was.
    expect((await new ConversationStore(b.db).append(recent.id, { type: 'message', text: 'from b' })).id).toBe(`${recent.id}|0000002`);
    expect((await store.append(recent.id, { type: 'message', text: 'from a' })).id).toBe(`${recent.id}|0000003`);
  });
}

describe('conversation store on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-store-'));
  sharedDatabaseTests(async () => [await AppDatabase.open({ dataDir: dir }), await AppDatabase.open({ dataDir: dir })]);
});

describe('conversation store on PostgreSQL', () => {
  let pgdb: TestPostgres | undefined;
  afterAll(async () => pgdb?.drop());
  sharedDatabaseTests(async () => {
    pgdb = await createTestPostgres();
    if (!pgdb.url) return undefined; // skipped, with the reason printed
    return [
      await AppDatabase.open({ databaseUrl: pgdb.url, dataDir: '/nonexistent' }),
      await AppDatabase.open({ databaseUrl: pgdb.url, dataDir: '/nonexistent' }),
    ];
  });
});
