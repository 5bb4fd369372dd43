import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { StatementCache } from '../../../platform/storage/statementCache';

interface Schema {
  item: { id: number; name: string };
}

describe('StatementCache', () => {
  const open: SQLite.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
  });

  function database(): { handle: SQLite.Database; prepared: string[] } {
    const handle = new SQLite(':memory:');
    open.push(handle);
    handle.exec('create table item (id integer primary key, name text not null)');
    const prepared: string[] = [];
    const prepare = handle.prepare.bind(handle);
    handle.prepare = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
    return { handle, prepared };
  }

  it('prepares each query text once and gives the right rows every time', async () => {
    const { handle, prepared } = database();
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new StatementCache(handle) }) });
    for (let i = 1; i <= 5; i++)
      await db
        .insertInto('item')
        .values({ id: i, name: `item ${i}` })
        .execute();
    for (let i = 1; i <= 5; i++) {
      const row = await db.selectFrom('item').select('name').where('id', '=', i).executeTakeFirst();
      expect(row?.name).toBe(`item ${i}`);
    }
    expect(prepared.filter((s) => s.startsWith('insert'))).toHaveLength(1);
    expect(prepared.filter((s) => s.startsWith('select'))).toHaveLength(1);
    await db.destroy();
    expect(handle.open).toBe(false);
  });

  it('streams with a statement of its own, so the cached one stays free', async () => {
    const { handle } = database();
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new StatementCache(handle) }) });
    await db
      .insertInto('item')
      .values([
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ])
      .execute();
    const names: string[] = [];
    for await (const row of db.selectFrom('item').select('name').orderBy('id').stream()) names.push(row.name);
    expect(names).toEqual(['a', 'b']);
    expect(await db.selectFrom('item').select('name').orderBy('id').execute()).toEqual([{ name: 'a' }, { name: 'b' }]);
    await db.destroy();
  });

  it('keeps at most `limit` statements, dropping the oldest', () => {
    const { handle, prepared } = database();
    const cache = new StatementCache(handle, 2);
    cache.prepare('select 1');
    cache.prepare('select 2');
    cache.prepare('select 3');
    expect(cache.size).toBe(2);
    cache.prepare('select 3');
    cache.prepare('select 1');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 1']);
  });
});
