import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema';

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * botbuilder `Storage` over the project database (SQLite or PostgreSQL through Kysely),
 * with the same optimistic-concurrency contract as MemoryStorage: an item written with
 * an eTag other than '*' must match the stored one, otherwise the write fails.
 */
export class KyselyStorage implements Storage {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys?.length) return {};
    const rows = await this.db.selectFrom('bot_state').select(['id', 'data', 'etag']).where('id', 'in', [...new Set(keys)]).execute();
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
    const data = JSON.stringify(rest);
    const etag = randomUUID();
    const updated_at = new Date().toISOString();

    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      await this.db
        .insertInto('bot_state')
        .values({ id: key, data, etag, updated_at })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data, etag, updated_at }))
        .execute();
      return;
    }

    // Conditional update: only when nobody has written since this item was read.
    const updated = await this.db
      .updateTable('bot_state')
      .set({ data, etag, updated_at })
      .where('id', '=', key)
      .where('etag', '=', eTag)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return;

    // No row matched: either a newer version exists (conflict) or the item is new.
    const inserted = await this.db
      .insertInto('bot_state')
      .values({ id: key, data, etag, updated_at })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw new ETagConflictError(key);
  }
}
