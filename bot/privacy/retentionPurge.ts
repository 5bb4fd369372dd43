import { setImmediate as nextTick } from 'node:timers/promises';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseSchema } from '../../platform/storage/schema';
import type { RetentionDays } from './retentionDays';

/** Rows removed (or, for requests, blanked) by one run, per kind of data. */
export interface PurgeCounts {
  conversationState: number;
  handoffs: number;
  staffCases: number;
  callbacks: number;
  outbox: number;
  requestsBlanked: number;
  feedback: number;
  unansweredQuestions: number;
  signInLimits: number;
}

export interface RetentionPurgeOptions {
  now?: () => Date;
  /** Rows per statement: each batch is short, and other queries run between batches. */
  batchSize?: number;
}

/** Which rows of a table are past their period: older than the cutoff in `timestamp`, and matching `only`. */
interface AgedRows {
  table:
    | 'bot_state'
    | 'handoff'
    | 'staff_case'
    | 'callback_request'
    | 'service_outbox'
    | 'open311_requests'
    | 'feedback'
    | 'unanswered_question'
    | 'staff_sign_in_limit';
  key: string;
  timestamp: string;
  /** More conditions, as SQL (constants only). */
  only?: RawBuilder<unknown>;
}

const DAY_MS = 86_400_000;

const CONVERSATION_STATE: AgedRows = { table: 'bot_state', key: 'id', timestamp: 'updated_at' };
/** Handoffs still in progress (queued, with an agent) are never purged, however old. */
const FINISHED_HANDOFFS: AgedRows = { table: 'handoff', key: 'id', timestamp: 'created_at', only: sql`status in ('ended', 'external')` };
/** Cases staff recorded without a handoff (those with one go with it). */
const LONE_STAFF_CASES: AgedRows = { table: 'staff_case', key: 'id', timestamp: 'created_at', only: sql`handoff_id is null` };
/** Call-backs still to be made are kept. */
const DONE_CALLBACKS: AgedRows = { table: 'callback_request', key: 'id', timestamp: 'created_at', only: sql`status = 'done'` };
/** Outbox rows the back office has answered; pending ones (not yet delivered) are kept. */
const FINISHED_OUTBOX: AgedRows = { table: 'service_outbox', key: 'reference', timestamp: 'updated_at', only: sql`state in ('delivered', 'rejected')` };
/** Requests that still say who made them. */
const NAMED_REQUESTS: AgedRows = {
  table: 'open311_requests',
  key: 'service_request_id',
  timestamp: 'updated_datetime',
  only: sql`(email is not null or first_name is not null or last_name is not null or phone is not null)`,
};
const FEEDBACK: AgedRows = { table: 'feedback', key: 'id', timestamp: 'created_at' };
/** The knowledge report's questions (redacted when stored; the wording is still the resident's). */
const UNANSWERED: AgedRows = { table: 'unanswered_question', key: 'id', timestamp: 'created_at' };
/**
 * Sign-in attempt counts (keyed by the username typed or the client address, which is
 * personal data): a count matters only within its window and lock-out, both well under a day.
 */
const SIGN_IN_LIMITS: AgedRows = { table: 'staff_sign_in_limit', key: 'key', timestamp: 'window_started_at' };
const SIGN_IN_LIMIT_DAYS = 1;

/**
 * Deletes (or blanks) residents' data older than its retention period, on SQLite and
 * PostgreSQL alike. Every step selects a batch of keys through an index on the timestamp it
 * filters and then deletes by key, so no statement holds the database for long.
 */
export class RetentionPurge {
  private readonly now: () => Date;
  private readonly batchSize: number;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly days: RetentionDays,
    options: RetentionPurgeOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? 500;
  }

  async run(): Promise<PurgeCounts> {
    const cutoff = (days: number) => new Date(this.now().getTime() - days * DAY_MS).toISOString();
    const handoffCutoff = cutoff(this.days.handoffDays);
    return {
      conversationState: await this.purge(CONVERSATION_STATE, cutoff(this.days.conversationDays)),
      handoffs: await this.repeat(FINISHED_HANDOFFS, handoffCutoff, (ids) =>
        this.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('handoff_message').where('handoff_id', 'in', ids).execute();
          await trx.deleteFrom('staff_case').where('handoff_id', 'in', ids).execute();
          await trx.deleteFrom('handoff').where('id', 'in', ids).execute();
        }),
      ),
      staffCases: await this.purge(LONE_STAFF_CASES, handoffCutoff),
      callbacks: await this.purge(DONE_CALLBACKS, cutoff(this.days.callbackDays)),
      outbox: await this.purge(FINISHED_OUTBOX, cutoff(this.days.outboxDays)),
      // The request stays (what, where, its status and updates); who made it goes.
      requestsBlanked: await this.repeat(NAMED_REQUESTS, cutoff(this.days.requestPersonalDays), (ids) =>
        this.db
          .updateTable('open311_requests')
          .set({ email: null, first_name: null, last_name: null, phone: null })
          .where('service_request_id', 'in', ids)
          .execute(),
      ),
      feedback: await this.purge(FEEDBACK, cutoff(this.days.feedbackDays)),
      unansweredQuestions: await this.purge(UNANSWERED, cutoff(this.days.unansweredDays)),
      signInLimits: await this.purge(SIGN_IN_LIMITS, cutoff(SIGN_IN_LIMIT_DAYS)),
    };
  }

  /**
   * Deletes aged rows batch by batch. The delete checks the conditions again: a conversation
   * that came back to life since its key was selected keeps its state.
   */
  private purge(rows: AgedRows, before: string): Promise<number> {
    return this.repeat(rows, before, (keys) =>
      sql`delete from ${sql.table(rows.table)} where ${sql.ref(rows.key)} in (${sql.join(keys)}) and ${sql.ref(rows.timestamp)} < ${before} and ${rows.only ?? sql`1 = 1`}`.execute(
        this.db,
      ),
    );
  }

  /** Takes one batch of aged keys after another, acting on each, until a batch comes back short; other work runs in between. */
  private async repeat(rows: AgedRows, before: string, act: (keys: string[]) => Promise<unknown>): Promise<number> {
    let total = 0;
    for (;;) {
      const keys = await this.agedKeys(rows, before);
      if (keys.length) await act(keys);
      total += keys.length;
      if (keys.length < this.batchSize) return total;
      await nextTick();
    }
  }

  private async agedKeys(rows: AgedRows, before: string): Promise<string[]> {
    const found = await sql<{
      k: string;
    }>`select ${sql.ref(rows.key)} as k from ${sql.table(rows.table)} where ${sql.ref(rows.timestamp)} < ${before} and ${rows.only ?? sql`1 = 1`} limit ${this.batchSize}`.execute(
      this.db,
    );
    return found.rows.map((r) => r.k);
  }
}
