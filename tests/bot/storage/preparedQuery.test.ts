import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDatabase } from '../../../platform/storage/database';
import { PreparedQuery } from '../../../platform/storage/preparedQuery';
import { createTestPostgres, type TestPostgres } from '../../support/postgres';

function preparedQueryContract(open: () => Promise<AppDatabase>) {
  let database: AppDatabase;
  beforeAll(async () => {
    database = await open();
    const now = new Date().toISOString();
    await database.db
      .insertInto('bot_state')
      .values(['a', 'b', 'c'].map((id, i) => ({ id, data: `{"n":${i}}`, etag: i === 2 ? 'old' : 'current', updated_at: now })))
      .execute();
  });
  afterAll(async () => database?.close());

  it('runs with the values of each call, keeping the builder’s constants', async () => {
    const db = database.db;
    const query = new PreparedQuery(
      db,
      ({ id }: { id: string }) => db.selectFrom('bot_state').select(['id', 'data']).where('id', '=', id).where('etag', 'in', ['current', 'newer']),
      ['id'],
    );
    expect((await query.execute({ id: 'a' })).rows).toEqual([{ id: 'a', data: '{"n":0}' }]);
    expect((await query.execute({ id: 'b' })).rows).toEqual([{ id: 'b', data: '{"n":1}' }]);
    // 'c' exists but its eTag is not among the constants.
    expect((await query.execute({ id: 'c' })).rows).toEqual([]);
    expect(query.sql).not.toContain('prepared-query-value');
  });

  it('fills a value used in several places, and reports rows changed', async () => {
    const db = database.db;
    const touch = new PreparedQuery(
      db,
      ({ stamp }: { stamp: string }) => db.updateTable('bot_state').set({ etag: stamp, updated_at: stamp }).where('etag', '=', 'current'),
      ['stamp'],
    );
    expect(Number((await touch.execute({ stamp: '2026-11-27' })).numAffectedRows)).toBe(2);
    const rows = await db.selectFrom('bot_state').select(['id', 'etag', 'updated_at']).where('etag', '=', '2026-11-27').orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a', etag: '2026-11-27', updated_at: '2026-11-27' },
      { id: 'b', etag: '2026-11-27', updated_at: '2026-11-27' },
    ]);
  });

  it('refuses a named value the query does not use', () => {
    const db = database.db;
    expect(() => new PreparedQuery(db, () => db.selectFrom('bot_state').select('id'), ['id'])).toThrow(/"id" is not used/);
  });
}

describe('PreparedQuery on SQLite', () => {
  preparedQueryContract(() => AppDatabase.open({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ca-prepared-')) }));
});

describe('PreparedQuery on PostgreSQL', async () => {
  const pgdb: TestPostgres = await createTestPostgres();
  afterAll(async () => pgdb.drop());
  describe.skipIf(!!pgdb.skipReason)(pgdb.skipReason ?? 'contract', () => {
    preparedQueryContract(() => AppDatabase.open({ databaseUrl: pgdb.url, dataDir: os.tmpdir() }));
  });
});
