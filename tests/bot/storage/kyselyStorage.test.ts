import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDatabase } from '../../../platform/storage/database';
import { KyselyStorage } from '../../../platform/storage/kyselyStorage';
import { canMakeImmutable, whileImmutable } from '../../support/immutable';
import { createTestPostgres, type TestPostgres } from '../../support/postgres';

/** The botbuilder Storage contract, run against each engine. */
function storageContract(open: () => Promise<AppDatabase>) {
  let database: AppDatabase;
  let storage: KyselyStorage;
  beforeAll(async () => {
    database = await open();
    storage = new KyselyStorage(database.db);
  });
  afterAll(async () => database?.close());

  it('reads nothing for unknown keys and for no keys', async () => {
    expect(await storage.read(['missing'])).toEqual({});
    expect(await storage.read([])).toEqual({});
  });

  it('writes, reads back with an eTag, and overwrites with "*"', async () => {
    await storage.write({ a: { count: 1, nested: { list: [1, 'two'] } } });
    const first = await storage.read(['a']);
    expect(first.a).toMatchObject({ count: 1, nested: { list: [1, 'two'] } });
    expect(typeof first.a.eTag).toBe('string');
    await storage.write({ a: { count: 2, eTag: '*' } });
    const second = await storage.read(['a']);
    expect(second.a.count).toBe(2);
    expect(second.a.eTag).not.toBe(first.a.eTag);
  });

  it('accepts a write with the current eTag and refuses one with a stale eTag', async () => {
    await storage.write({ b: { v: 'one' } });
    const { b } = await storage.read(['b']);
    await storage.write({ b: { ...b, v: 'two' } });
    await expect(storage.write({ b: { ...b, v: 'stale' } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['b'])).b.v).toBe('two');
  });

  it('lets only one of two concurrent writers with the same eTag win', async () => {
    await storage.write({ c: { v: 0 } });
    const { c } = await storage.read(['c']);
    const results = await Promise.allSettled([storage.write({ c: { ...c, v: 1 } }), storage.write({ c: { ...c, v: 2 } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('creates a new item written with an eTag that does not exist yet', async () => {
    await storage.write({ d: { v: 1, eTag: 'from-elsewhere' } });
    expect((await storage.read(['d'])).d.v).toBe(1);
  });

  it('reads several keys and deletes', async () => {
    await storage.write({ e1: { x: 1 }, e2: { x: 2 } });
    expect(Object.keys(await storage.read(['e1', 'e2', 'nope'])).sort()).toEqual(['e1', 'e2']);
    await storage.delete(['e1', 'missing']);
    expect(Object.keys(await storage.read(['e1', 'e2']))).toEqual(['e2']);
  });

  it('commits writes that arrive together in one transaction, each still checked on its own', async () => {
    await storage.write({ g0: { v: 0 } });
    const { g0 } = await storage.read(['g0']);
    let transactions = 0;
    const counting = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === 'transaction') transactions++;
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const grouped = new KyselyStorage(counting);
    const writes = [
      ...Array.from({ length: 10 }, (_, i) => grouped.write({ [`g${i + 1}`]: { v: i + 1 } })),
      grouped.write({ g0: { ...g0, v: 'first' } }),
      grouped.write({ g0: { ...g0, v: 'stale' } }),
    ];
    const results = await Promise.allSettled(writes);
    expect(transactions).toBe(1);
    expect(results.slice(0, 11).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results[11]).toMatchObject({ status: 'rejected', reason: { name: 'ETagConflictError' } });
    const stored = await storage.read(Array.from({ length: 11 }, (_, i) => `g${i}`));
    expect(Object.keys(stored)).toHaveLength(11);
    expect(stored.g0.v).toBe('first');
    expect(stored.g10.v).toBe(10);
  });

  it('when one write of a batch cannot be stored, the others still are', async () => {
    const circular: Record<string, unknown> = { v: 'loop' };
    circular.self = circular;
    const results = await Promise.allSettled([storage.write({ h1: { v: 1 } }), storage.write({ h2: circular }), storage.write({ h3: { v: 3 } })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(Object.keys(await storage.read(['h1', 'h2', 'h3'])).sort()).toEqual(['h1', 'h3']);
  });

  it('keeps keys with slashes, unicode and long conversation ids', async () => {
    const key = `msteams/conversations/a:1${'x'.repeat(300)}/users/ü/`;
    await storage.write({ [key]: { text: 'مرحبا 👋' } });
    expect((await storage.read([key]))[key].text).toBe('مرحبا 👋');
  });
}

describe('KyselyStorage on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-storage-'));
  storageContract(() => AppDatabase.open({ dataDir: dir }));

  it('keeps data in a file across reopening', async () => {
    const a = await AppDatabase.open({ dataDir: dir, fileName: 'reopen.sqlite' });
    await new KyselyStorage(a.db).write({ k: { v: 'kept' } });
    await a.close();
    const b = await AppDatabase.open({ dataDir: dir, fileName: 'reopen.sqlite' });
    expect((await new KyselyStorage(b.db).read(['k'])).k.v).toBe('kept');
    expect(b.engine).toBe('sqlite');
    await b.close();
  });

  it('names the problem when DATA_DIR cannot be written', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a directory');
    await expect(AppDatabase.open({ dataDir: path.join(blocker, 'sub') })).rejects.toThrow(/DATA_DIR .*cannot be created/);
  });

  it.skipIf(!canMakeImmutable())(
    'names the file and the fix when the database file cannot be written (chattr +i; skipped where chattr is unavailable)',
    async () => {
      const roDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-immutable-'));
      const first = await AppDatabase.open({ dataDir: roDir });
      await first.close();
      await whileImmutable([path.join(roDir, 'council-assistant.sqlite')], async () => {
        await expect(AppDatabase.open({ dataDir: roDir })).rejects.toThrow(/council-assistant\.sqlite cannot be opened for writing .*writable by this user/);
      });
    },
  );

  it('names the file when the database file is not a usable database', async () => {
    const roDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-ro-'));
    const file = path.join(roDir, 'council-assistant.sqlite');
    fs.writeFileSync(file, 'this is not a database');
    await expect(AppDatabase.open({ dataDir: roDir })).rejects.toThrow(/council-assistant\.sqlite/);
  });
});

describe('KyselyStorage on PostgreSQL', async () => {
  const pgdb: TestPostgres = await createTestPostgres();
  afterAll(async () => pgdb.drop());
  describe.skipIf(!!pgdb.skipReason)(pgdb.skipReason ?? 'contract', () => {
    storageContract(async () => {
      const db = await AppDatabase.open({ databaseUrl: pgdb.url, dataDir: os.tmpdir() });
      expect(db.engine).toBe('postgres');
      return db;
    });
  });
});
