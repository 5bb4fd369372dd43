import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../channels/directline/conversationStore';
import { TokenService } from '../../channels/directline/tokens';
import { AppDatabase } from '../../platform/storage/database';
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
    return [await AppDatabase.open({ databaseUrl: pgdb.url, dataDir: '/nonexistent' }), await AppDatabase.open({ databaseUrl: pgdb.url, dataDir: '/nonexistent' })];
  });
});
