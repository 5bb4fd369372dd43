import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Kysely } from 'kysely';
import { PreparedQuery, type QueryRunner } from './preparedQuery';
import type { DatabaseSchema } from './schema';
import { runHeld, type HeldWrite, type TurnWrites } from './turnWrites';

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** An eTag conflict from this storage or from botbuilder's MemoryStorage (which throws a plain Error). */
export function isETagConflict(err: unknown): boolean {
  return err instanceof ETagConflictError || (err instanceof Error && /due to eTag conflict/.test(err.message));
}

type Row = { id: string; data: string; etag: string; updated_at: string };

interface PendingWrite {
  key: string;
  item: Record<string, unknown>;
  /** Settles the write; on success `etag` is the item's new eTag. */
  done: (error?: unknown, etag?: string) => void;
  /** The turn the write was made in (its held writes go in the same transaction). */
  turn?: TurnWrites;
}

/**
 * botbuilder `Storage` over the project database (SQLite or PostgreSQL through Kysely),
 * with the same optimistic-concurrency contract as MemoryStorage: an item written with
 * an eTag other than '*' must match the stored one, otherwise the write fails. Once written,
 * an item's `eTag` is set to its new value, so that the same object can be saved again.
 *
 * Two things make it fast enough to run on every turn:
 * - its queries are compiled once ({@link PreparedQuery});
 * - writes that arrive together are committed together (group commit). A commit costs far
 *   more than the row it writes (SQLite appends and locks its write-ahead log, PostgreSQL
 *   flushes to disk), and the end-of-turn state saves of conversations served at the same
 *   time arrive within one turn of the event loop. Each write is still checked on its own,
 *   and `write` still resolves only once its rows are committed.
 * - a resident's turn on the web chat ({@link TurnWrites}) holds its other writes (the resident's
 *   activity, the replies, the insight events) until its state is saved: they are committed in
 *   the state's transaction, so that the whole turn is one commit (issue 23).
 */
export class KyselyStorage implements Storage {
  private readonly readOne: PreparedQuery<{ id: string }, Pick<Row, 'id' | 'data' | 'etag'>>;
  private readonly upsert: PreparedQuery<Row, unknown>;
  private readonly updateIfUnchanged: PreparedQuery<Row & { expected: string }, unknown>;
  private readonly insertIfAbsent: PreparedQuery<Row, unknown>;
  private pending: PendingWrite[] = [];

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
      ({ id, data, etag, updated_at, expected }) =>
        db.updateTable('bot_state').set({ data, etag, updated_at }).where('id', '=', id).where('etag', '=', expected),
      [...columns, 'expected'],
    );
    this.insertIfAbsent = new PreparedQuery(
      db,
      (row: Row) =>
        db
          .insertInto('bot_state')
          .values(row)
          .onConflict((oc) => oc.column('id').doNothing()),
      columns,
    );
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

  write(changes: StoreItems): Promise<void> {
    return this.writeInTurn(changes, undefined);
  }

  /** {@link write}, committing with the items the turn's held writes ({@link TurnWrites}) in one transaction. */
  async writeInTurn(changes: StoreItems, turn: TurnWrites | undefined): Promise<void> {
    const entries = Object.entries(changes ?? {});
    if (!entries.length) return;
    const written = entries.map(
      ([key, item]) =>
        new Promise<void>((resolve, reject) => {
          const fields = item as Record<string, unknown>;
          const done = (error?: unknown, etag?: string) => {
            if (error !== undefined) return reject(error);
            if (etag && fields && typeof fields === 'object') fields.eTag = etag;
            resolve();
          };
          this.pending.push({ key, item: fields, done, turn });
        }),
    );
    // The first write of this turn of the event loop schedules the commit; later ones join it.
    if (this.pending.length === entries.length) setImmediate(() => void this.commitPending());
    // Every item is settled; the first failure (e.g. an eTag conflict) is the caller's error.
    const results = await Promise.allSettled(written);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys?.length) return;
    await this.db.deleteFrom('bot_state').where('id', 'in', keys).execute();
  }

  private async commitPending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const turns = [...new Set(batch.flatMap((w) => (w.turn ? [w.turn] : [])))];
    const held = new Map<TurnWrites, HeldWrite[]>(turns.map((t) => [t, t.take()]));
    if (batch.length === 1 && !held.get(batch[0].turn!)?.length) {
      await this.settle(batch[0], this.db);
      return;
    }
    if (await this.together(batch, [...held.values()].flat())) return;
    // The transaction failed as a whole (PostgreSQL abandons one at the first error): each turn on
    // its own, so that one bad item does not cost the others their turn's state. A turn's state
    // and its held writes stay together: when they fail, the state is not saved and the held
    // writes go back to the turn, whose end commits them or tells the resident (issue 23).
    for (const [turn, writes] of held) {
      const own = batch.filter((w) => w.turn === turn);
      if (writes.length) await this.together(own, writes, turn);
      else for (const write of own) await this.settle(write, this.db);
    }
    for (const write of batch) if (!write.turn) await this.settle(write, this.db);
  }

  /**
   * Commits the writes and the turns' held writes in one transaction; true when it committed (each
   * write settled with its eTag or its conflict). On failure, false; with `turn` given, its writes
   * fail with the error and its held writes go back to it.
   */
  private async together(batch: PendingWrite[], held: HeldWrite[], turn?: TurnWrites): Promise<boolean> {
    const outcomes = new Map<PendingWrite, unknown>();
    const etags = new Map<PendingWrite, string>();
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const write of held) await runHeld(trx, write);
        for (const write of batch) {
          try {
            etags.set(write, await this.writeOne(write.key, write.item, trx));
          } catch (error) {
            // Only a conflict is this item's own outcome; anything else fails the transaction.
            if (!(error instanceof ETagConflictError)) throw error;
            outcomes.set(write, error);
          }
        }
      });
    } catch (error) {
      if (turn) {
        turn.giveBack(held);
        for (const write of batch) write.done(error ?? new Error('write failed'));
      }
      return false;
    }
    for (const write of held) write.committed();
    for (const write of batch) write.done(outcomes.get(write), etags.get(write));
    return true;
  }

  private async settle(write: PendingWrite, runner: QueryRunner): Promise<void> {
    try {
      write.done(undefined, await this.writeOne(write.key, write.item, runner));
    } catch (error) {
      write.done(error ?? new Error('write failed'));
    }
  }

  /** Writes one item and returns its new eTag. */
  private async writeOne(key: string, item: Record<string, unknown>, runner: QueryRunner): Promise<string> {
    const { eTag, ...rest } = item ?? {};
    const row: Row = { id: key, data: JSON.stringify(rest), etag: randomUUID(), updated_at: new Date().toISOString() };

    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      await this.upsert.execute(row, runner);
      return row.etag;
    }

    const updated = await this.updateIfUnchanged.execute({ ...row, expected: eTag }, runner);
    if (Number(updated.numAffectedRows ?? 0) === 1) return row.etag;

    // No row matched: either a newer version exists (conflict) or the item is new.
    const inserted = await this.insertIfAbsent.execute(row, runner);
    if (Number(inserted.numAffectedRows ?? 0) !== 1) throw new ETagConflictError(key);
    return row.etag;
  }
}
