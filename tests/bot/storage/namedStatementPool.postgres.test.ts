import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NamedStatementPool } from '../../../platform/storage/namedStatementPool';
import { createTestPostgres, type TestPostgres } from '../../support/postgres';

interface Tables {
  item: { id: number; label: string };
}

describe('PostgreSQL queries prepared once per connection (NamedStatementPool)', () => {
  let pgdb: TestPostgres | undefined;
  let db: Kysely<Tables>;
  beforeAll(async () => {
    pgdb = await createTestPostgres();
    if (!pgdb.url) return;
    // One connection, so that what it has prepared can be read back on it.
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new NamedStatementPool(new pg.Pool({ connectionString: pgdb.url, max: 1 })) }) });
    await sql`create table item (id integer primary key, label text not null)`.execute(db);
  });
  beforeEach((ctx) => {
    if (!pgdb?.url) ctx.skip();
  });
  afterAll(async () => {
    await db?.destroy();
    await pgdb?.drop();
  });

  it('prepares a query the first time and reuses it, with new values each time', async () => {
    for (const [id, label] of [
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ] as const)
      await db.insertInto('item').values({ id, label }).execute();
    const labels = [];
    for (const id of [3, 1]) labels.push((await db.selectFrom('item').select('label').where('id', '=', id).executeTakeFirstOrThrow()).label);
    expect(labels).toEqual(['three', 'one']);
    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
    const statements = prepared.rows.map((r) => r.statement);
    expect(statements.filter((s) => s.startsWith('insert into "item"'))).toHaveLength(1);
    expect(statements.filter((s) => s.startsWith('select "label" from "item"'))).toHaveLength(1);
  });

  it('still answers when a table changed shape under a prepared query (a migration by another instance)', async () => {
    const all = () => db.selectFrom('item').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    expect(await all()).toEqual({ id: 1, label: 'one' });
    await sql`alter table item add column note text`.execute(db);
    expect(await all()).toEqual({ id: 1, label: 'one', note: null });
    expect(await all()).toEqual({ id: 1, label: 'one', note: null });
  });
});
