import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Kysely } from 'kysely';
import { PreparedQuery } from './preparedQuery';
import type { DatabaseSchema } from './schema';

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

type Row = { id: string; data: string; etag: string; updated_at: string };

/**
 * botbuilder `Storage` over the project database (SQLite or PostgreSQL through Kysely),
 * with the same optimistic-concurrency contract as MemoryStorage: an item written with
 * an eTag other than '*' must match the stored one, otherwise the write fails.
 * The queries every turn runs are compiled once ({@link PreparedQuery}).
 */
export class KyselyStorage implements Storage {
  private readonly readOne: PreparedQuery<{ id: string }, Pick<Row, 'id' | 'data' | 'etag'>>;
  private readonly upsert: PreparedQuery<Row, unknown>;
  private readonly updateIfUnchanged: PreparedQuery<Row & { expected: string }, unknown>;
  private readonly insertIfAbsent: PreparedQuery<Row, unknown>;

  constructor(private readonly db: Kysely<DatabaseSchema>) {
    const columns = ['id', 'data', 'etag', 'updated_at'] as const;
    this.readOne = new PreparedQuery(db, ({ id }) => db.selectFrom('bot_state').select(['id', 'data', 'etag']).where('id', '=', id), ['id']);
    this.upsert = new PreparedQuery(
      db,
      (row: Row) =>
        db
          .insertInto('bot_state')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet({ data: row.data, etag: row.etag, updated_at: row.updated_at })),
      columns,
    );
    // Conditional update: only when nobody has written since this item was read.
    this.updateIfUnchanged = new PreparedQuery(
      db,
      ({ id, data, etag, updated_at, expected }) => db.updateTable('bot_state').set({ data, etag, updated_at }).where('id', '=', id).where('etag', '=', expected),
      [...columns, 'expected'],
    );
    this.insertIfAbsent = new PreparedQuery(db, (row: Row) => db.insertInto('bot_state').values(row).onConflict((oc) => oc.column('id').doNothing()), columns);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys?.length) return {};
    const unique = [...new Set(keys)];
    // State objects are read one key at a time (ConversationState, UserState); several keys are rare.
    const rows =
      unique.length === 1
        ? (await this.readOne.execute({ id: unique[0] })).rows
        : await this.db.selectFrom('bot_state').select(['id', 'data', 'etag']).where('id', 'in', unique).execute();
    const items: StoreItems = {};
    for (const row of rows) items[row.id] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes ?? {})) {
      await this.writeOne(key, item as Record<string, unknown>);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys?.length) return;
    await this.db.deleteFrom('bot_state').where('id', 'in', keys).execute();
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...rest } = item ?? {};
    const row: Row = { id: key, data: JSON.stringify(rest), etag: randomUUID(), updated_at: new Date().toISOString() };

    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      await this.upsert.execute(row);
      return;
    }

    const updated = await this.updateIfUnchanged.execute({ ...row, expected: eTag });
    if (Number(updated.numAffectedRows ?? 0) === 1) return;

    // No row matched: either a newer version exists (conflict) or the item is new.
    const inserted = await this.insertIfAbsent.execute(row);
    if (Number(inserted.numAffectedRows ?? 0) !== 1) throw new ETagConflictError(key);
  }
}
