import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../../platform/storage/schema';
import { TurnWrites } from '../../platform/storage/turnWrites';

/** The shape of the ids {@link ConversationStore.create} makes (18 random bytes, base64url). */
export const LOCAL_CONVERSATION_ID = /^[A-Za-z0-9_-]{24}$/;

/** A Bot Framework activity as it travels through Direct Line (kept loose: clients send what they send). */
export type DirectLineActivity = Record<string, unknown> & { type: string; id?: string };

export interface StoredConversation {
  id: string;
  userId: string;
  started: boolean;
}

export interface ActivityPage {
  activities: DirectLineActivity[];
  /** The seq of the last activity returned (or the one asked for when nothing is new). */
  watermark: number;
}

/** Most activities one poll or one stream catch-up returns; the client asks again for the rest. */
const PAGE_SIZE = 200;
/** Conversations deleted per purge batch: short transactions, so the server is never held for long. */
const PURGE_BATCH = 200;
/** How often a conversation in use has its last-used time written, for retention. */
const TOUCH_EVERY_MS = 3_600_000;
/** Conversations whose last sequence number this process remembers (the oldest are forgotten first). */
const REMEMBERED_SEQUENCES = 20_000;
/** Ids that another instance's activity made this one change, remembered so that replies to them follow. */
const REMEMBERED_RENAMES = 1_000;

const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;

/**
 * Durable store of local Direct Line conversations: every activity in a conversation gets
 * the next sequence number, which is its watermark, so a reloaded page or a restarted
 * server resumes where the resident was. Emits `activity` (conversationId, activity) after
 * each append so open WebSockets can be told at once, and `transient` (conversationId,
 * activity) for what is shown and never kept (typing).
 */
export class ConversationStore extends EventEmitter {
  /** Appends to one conversation run one after another in this process. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /**
   * The last sequence number this process gave or saw per conversation, so an append is one
   * insert instead of a `max(seq)` query and an insert (issue 23). Another instance appending to
   * the same conversation makes the insert collide on the primary key; the number is then read
   * again from the database, so it stays safe across instances.
   */
  private readonly lastSeq = new Map<string, number>();
  /** When this process last recorded activity in each conversation (see {@link touch}). */
  private readonly touched = new Map<string, number>();
  /** A held activity's id that had to change (another instance took its number) → its new id. */
  private readonly renamed = new Map<string, string>();

  constructor(private readonly db: Kysely<DatabaseSchema>) {
    super();
    this.setMaxListeners(0);
  }

  /** The named key, created (32 random bytes) on first use; every instance then reads the same one. */
  async key(name: string): Promise<Buffer> {
    await this.db
      .insertInto('directline_keys')
      .values({ name, value: crypto.randomBytes(32).toString('base64'), created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('directline_keys').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return Buffer.from(row.value, 'base64');
  }

  async create(userId: string): Promise<StoredConversation> {
    const id = crypto.randomBytes(18).toString('base64url'); // LOCAL_CONVERSATION_ID describes these
    const now = new Date().toISOString();
    await this.db.insertInto('directline_conversations').values({ id, user_id: userId, started: 0, created_at: now, updated_at: now }).execute();
    return { id, userId, started: false };
  }

  async get(id: string): Promise<StoredConversation | undefined> {
    const row = await this.db.selectFrom('directline_conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, userId: row.user_id, started: row.started === 1 } : undefined;
  }

  /** Marks the conversation started; true only for the one caller that changed it (so the bot is told once). */
  async markStarted(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('directline_conversations')
      .set({ started: 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('started', '=', 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Runs a resident's turn with its writes held and committed together ({@link TurnWrites}):
   * what it appends, the bot's state and what else the turn writes, in one transaction where
   * the turn allows. Resolves once they are committed; rejects when they could not be.
   */
  inOneTransaction<T>(turn: (writes: TurnWrites) => Promise<T>): Promise<T> {
    return new TurnWrites(this.db).run(turn);
  }

  /**
   * Stores the activity as the conversation's next one, giving it its `id`; returns the stored copy.
   * In a resident's turn (`turn`, {@link TurnWrites}) the row is held and committed with the turn's state,
   * and shown on the streams once committed; the copy comes back at once, with its id.
   */
  append(conversationId: string, activity: DirectLineActivity, turn?: TurnWrites): Promise<DirectLineActivity> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.insertNext(conversationId, activity, turn));
    this.tails.set(conversationId, next);
    void next
      .finally(() => {
        if (this.tails.get(conversationId) === next) this.tails.delete(conversationId);
      })
      .catch(() => undefined);
    return next;
  }

  /**
   * Shows the activity to the conversation's open streams without keeping it (typing: it means
   * nothing once the reply is there), after the activities this process has stored so far.
   */
  announce(conversationId: string, activity: DirectLineActivity): void {
    this.emit('transient', conversationId, { ...activity, id: undefined }, this.lastSeq.get(conversationId) ?? 0);
  }

  private async nextSeq(conversationId: string): Promise<number> {
    const known = this.lastSeq.get(conversationId);
    if (known !== undefined) return known + 1;
    const last = await this.db
      .selectFrom('directline_activities')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return Number(last?.seq ?? 0) + 1;
  }

  private remember(conversationId: string, seq: number): void {
    this.lastSeq.delete(conversationId); // re-inserted last: the map's order is least recently used first
    this.lastSeq.set(conversationId, seq);
    if (this.lastSeq.size > REMEMBERED_SEQUENCES) this.lastSeq.delete(this.lastSeq.keys().next().value as string);
  }

  private async insertNext(conversationId: string, activity: DirectLineActivity, turn: TurnWrites | undefined): Promise<DirectLineActivity> {
    if (turn?.open) return this.holdNext(turn, conversationId, activity);
    // Another instance may append to the same conversation: the primary key makes one of us retry.
    for (let attempt = 0; ; attempt++) {
      const seq = await this.nextSeq(conversationId);
      const stored: DirectLineActivity = { ...activity, id: activityId(conversationId, seq) };
      try {
        await this.db
          .insertInto('directline_activities')
          .values({ conversation_id: conversationId, seq, activity: JSON.stringify(stored), created_at: new Date().toISOString() })
          .execute();
      } catch (err) {
        this.lastSeq.delete(conversationId);
        if (attempt < 50 && /unique|duplicate|primary key/i.test((err as Error).message)) {
          // Back off a little, with jitter, so that racing instances do not collide again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
          continue;
        }
        throw err;
      }
      this.remember(conversationId, seq);
      this.emit('activity', conversationId, stored, seq);
      return stored;
    }
  }

  private async holdNext(turn: TurnWrites, conversationId: string, activity: DirectLineActivity): Promise<DirectLineActivity> {
    let seq = await this.nextSeq(conversationId);
    this.remember(conversationId, seq);
    const stored: DirectLineActivity = { ...activity, id: activityId(conversationId, seq) };
    turn.hold({
      write: async (trx) => {
        seq = await this.insertHeld(trx, conversationId, stored, seq);
      },
      committed: () => this.emit('activity', conversationId, stored, seq),
    });
    return stored;
  }

  /**
   * Inserts a held activity in the turn's transaction; when another instance has taken its number
   * meanwhile, gives it the next free one (and its id with it, which replies held after it follow)
   * without failing the transaction. Returns the number it was stored under.
   */
  private async insertHeld(trx: Transaction<DatabaseSchema>, conversationId: string, stored: DirectLineActivity, seq: number): Promise<number> {
    const replyTo = typeof stored.replyToId === 'string' ? this.renamed.get(stored.replyToId) : undefined;
    if (replyTo) stored.replyToId = replyTo;
    for (;;) {
      const result = await trx
        .insertInto('directline_activities')
        .values({ conversation_id: conversationId, seq, activity: JSON.stringify(stored), created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['conversation_id', 'seq']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) return seq;
      const last = await trx
        .selectFrom('directline_activities')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      const previous = stored.id as string;
      seq = Number(last?.seq ?? 0) + 1;
      stored.id = activityId(conversationId, seq);
      this.renamed.set(previous, stored.id);
      if (this.renamed.size > REMEMBERED_RENAMES) this.renamed.delete(this.renamed.keys().next().value as string);
      if (seq > (this.lastSeq.get(conversationId) ?? 0)) this.remember(conversationId, seq);
    }
  }

  /** Activities after `watermark` (exclusive), oldest first. */
  async list(conversationId: string, watermark: number): Promise<ActivityPage> {
    const rows = await this.db
      .selectFrom('directline_activities')
      .select(['seq', 'activity'])
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', watermark)
      .orderBy('seq')
      .limit(PAGE_SIZE)
      .execute();
    return {
      activities: rows.map((r) => JSON.parse(r.activity) as DirectLineActivity),
      watermark: rows.length ? Number(rows[rows.length - 1].seq) : watermark,
    };
  }

  /**
   * Deletes conversations (and their activities) untouched since `before`, all of them, in short
   * batches read through the `updated_at` index (migration 0132) with a pause for other work
   * between batches; returns how many.
   */
  async purge(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    let total = 0;
    for (;;) {
      const old = await this.db.selectFrom('directline_conversations').select('id').where('updated_at', '<', cutoff).limit(PURGE_BATCH).execute();
      if (!old.length) return total;
      const ids = old.map((r) => r.id);
      await this.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('directline_activities').where('conversation_id', 'in', ids).execute();
        await tx.deleteFrom('directline_conversations').where('id', 'in', ids).execute();
      });
      for (const id of ids) {
        this.lastSeq.delete(id);
        this.touched.delete(id);
      }
      total += ids.length;
      if (old.length < PURGE_BATCH) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Records activity in the conversation, for retention: at most once an hour per conversation
   * from this process (retention is counted in days; a write per message bought nothing).
   */
  async touch(id: string): Promise<void> {
    const now = Date.now();
    const last = this.touched.get(id);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    this.touched.delete(id);
    this.touched.set(id, now);
    if (this.touched.size > REMEMBERED_SEQUENCES) this.touched.delete(this.touched.keys().next().value as string);
    await this.db
      .updateTable('directline_conversations')
      .set({ updated_at: new Date(now).toISOString() })
      .where('id', '=', id)
      .execute();
  }
}
