import { randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, ServiceOutboxTable } from '../../platform/storage/schema';
import type { RequestFields } from './types';

export type OutboxRow = Selectable<ServiceOutboxTable>;

/**
 * Answers that say the back office refuses the bot itself (its key, its address), not the
 * request: a configuration problem someone can fix (e.g. a rotated API key). Rows that get one
 * are held back and tried again slowly instead of being dropped.
 */
export const HELD_BACK_STATUSES = [401, 403, 404, 405, 407, 410] as const;

/** Requests held back because the back office refuses the bot, for the agent console's alert. */
export interface HeldBack {
  count: number;
  /** When the oldest of them was confirmed (ISO), or null when there are none. */
  oldest: string | null;
  /** The last refusal's HTTP status, e.g. 401. */
  lastStatus: number | null;
}

/** Local references look like "AT-12345678": short to read out, and recognised as a case reference. */
const LOCAL_PREFIX = 'AT-';

export function newLocalReference(): string {
  return `${LOCAL_PREFIX}${randomInt(10_000_000, 100_000_000)}`;
}

/**
 * Confirmed service requests waiting for (or done with) delivery to the back office. A row is
 * written before the resident is given a reference, so nothing confirmed is ever lost.
 */
export class Outbox {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(fields: RequestFields, conversationReference: unknown): Promise<OutboxRow> {
    return (await this.insert(fields, conversationReference, null)).row;
  }

  /**
   * Adds the request once for `idempotencyKey` (e.g. from the conversation and the dialog
   * instance): a second call with the same key, even at the same moment from another turn or
   * instance, adds nothing and returns the first row with `created: false`.
   */
  async addOnce(idempotencyKey: string, fields: RequestFields, conversationReference: unknown): Promise<{ row: OutboxRow; created: boolean }> {
    return this.insert(fields, conversationReference, idempotencyKey);
  }

  private async insert(fields: RequestFields, conversationReference: unknown, idempotencyKey: string | null): Promise<{ row: OutboxRow; created: boolean }> {
    for (let i = 0; i < 10; i++) {
      const at = this.now().toISOString();
      const row: OutboxRow = {
        reference: newLocalReference(),
        service_code: fields.service_code,
        payload: JSON.stringify(fields),
        conversation_reference: conversationReference ? JSON.stringify(conversationReference) : null,
        state: 'pending',
        attempts: 0,
        next_attempt_at: at,
        locked_until: null,
        last_error: null,
        last_status: null,
        service_request_id: null,
        service_notice: null,
        notified: 0,
        created_at: at,
        updated_at: at,
        idempotency_key: idempotencyKey,
        delivery_token: null,
        first_posted_at: null,
        outcome_unknown: 0,
      };
      try {
        // Insert-or-ignore on the key: the unique index decides between two racing confirmations.
        const res = await this.db
          .insertInto('service_outbox')
          .values(row)
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 1n) === 1) return { row, created: true };
        const first = idempotencyKey
          ? await this.db.selectFrom('service_outbox').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst()
          : undefined;
        if (first) return { row: first, created: false };
      } catch (err) {
        // The random local reference was taken: draw another.
        if (!/unique|duplicate/i.test((err as Error).message)) throw err;
      }
    }
    throw new Error('could not allocate a local reference');
  }

  /** The row of a reference; its digits alone ("12345678", as residents often give it) are the local reference "AT-12345678". */
  async get(reference: string): Promise<OutboxRow | undefined> {
    const ref = reference.toUpperCase();
    const refs = /^\d+$/.test(ref) ? [ref, `${LOCAL_PREFIX}${ref}`] : [ref];
    return this.db.selectFrom('service_outbox').selectAll().where('reference', 'in', refs).executeTakeFirst();
  }

  async findByServiceRequestId(id: string): Promise<OutboxRow | undefined> {
    return this.db.selectFrom('service_outbox').selectAll().where('service_request_id', '=', id).executeTakeFirst();
  }

  /** Locks up to `limit` due rows for `leaseMs`; another worker (another instance) skips them meanwhile. */
  async claimDue(limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const now = this.now();
    const nowIso = now.toISOString();
    const due = await this.db
      .selectFrom('service_outbox')
      .selectAll()
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
      .orderBy('created_at')
      .limit(limit)
      .execute();
    const claimed: OutboxRow[] = [];
    const until = new Date(now.getTime() + leaseMs).toISOString();
    for (const row of due) {
      const res = await this.db
        .updateTable('service_outbox')
        .set({ locked_until: until })
        .where('reference', '=', row.reference)
        .where('state', '=', 'pending')
        .where((eb) => (row.locked_until === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', row.locked_until)))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) claimed.push({ ...row, locked_until: until });
    }
    return claimed;
  }

  async markDelivered(reference: string, serviceRequestId: string, notice: string): Promise<void> {
    await this.update(reference, {
      state: 'delivered',
      service_request_id: serviceRequestId,
      service_notice: notice || null,
      locked_until: null,
      last_error: null,
      last_status: null,
      outcome_unknown: 0,
    });
  }

  /**
   * Written just before a POST: from here until its answer is known the outcome is unknown, so
   * that a timeout, a dropped connection or a crash makes the next attempt look the report up first.
   */
  async markPosting(reference: string, firstPostedAt: string): Promise<void> {
    await this.update(reference, { outcome_unknown: 1, first_posted_at: firstPostedAt });
  }

  /** The back office answered with a token: it is followed from now on, and the report never POSTed again. */
  async markToken(reference: string, token: string, attempts: number, next: Date): Promise<void> {
    await this.update(reference, {
      delivery_token: token,
      outcome_unknown: 0,
      attempts,
      next_attempt_at: next.toISOString(),
      locked_until: null,
      last_error: null,
      last_status: null,
    });
  }

  /**
   * Tried again later. `outcomeKnown`: the attempt shows the report is not with the back office
   * (nothing sent, a 4xx, or a look-up that found it absent), so the next attempt may POST at once.
   */
  async markRetry(reference: string, attempts: number, next: Date, error: string, status: number | null = null, outcomeKnown = false): Promise<void> {
    await this.update(reference, {
      attempts,
      next_attempt_at: next.toISOString(),
      locked_until: null,
      last_error: error,
      last_status: status,
      ...(outcomeKnown ? { outcome_unknown: 0 } : {}),
    });
  }

  /** Rows other than `reference` that were delivered as `serviceRequestId` (a look-up must not take another row's request). */
  async otherRowWithId(serviceRequestId: string, reference: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('service_outbox')
      .select('reference')
      .where('service_request_id', '=', serviceRequestId)
      .where('reference', '!=', reference)
      .executeTakeFirst();
    return !!row;
  }

  async heldBack(): Promise<HeldBack> {
    const rows = await this.db
      .selectFrom('service_outbox')
      .select(['created_at', 'updated_at', 'last_status'])
      .where('state', '=', 'pending')
      .where('last_status', 'in', [...HELD_BACK_STATUSES])
      .orderBy('updated_at', 'desc')
      .execute();
    if (!rows.length) return { count: 0, oldest: null, lastStatus: null };
    const oldest = rows.reduce((min, r) => (r.created_at < min ? r.created_at : min), rows[0].created_at);
    return { count: rows.length, oldest, lastStatus: rows[0].last_status };
  }

  /** Makes held-back rows due now (after a restart with a new key, or once a delivery works again). */
  async releaseHeldBack(): Promise<number> {
    const res = await this.db
      .updateTable('service_outbox')
      .set({ next_attempt_at: this.now().toISOString() })
      .where('state', '=', 'pending')
      .where('last_status', 'in', [...HELD_BACK_STATUSES])
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async markRejected(reference: string, attempts: number, description: string, status: number | null = null): Promise<void> {
    await this.update(reference, { state: 'rejected', attempts, locked_until: null, last_error: description, last_status: status });
  }

  async markNotified(reference: string, notified: 1 | 2): Promise<void> {
    await this.update(reference, { notified });
  }

  /** Delivered or rejected rows whose resident has not been told yet (e.g. after a restart). */
  async awaitingNotice(limit: number): Promise<OutboxRow[]> {
    return this.db.selectFrom('service_outbox').selectAll().where('state', '!=', 'pending').where('notified', '=', 0).limit(limit).execute();
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('service_outbox')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  private async update(reference: string, set: Partial<OutboxRow>): Promise<void> {
    await this.db
      .updateTable('service_outbox')
      .set({ ...set, updated_at: this.now().toISOString() })
      .where('reference', '=', reference)
      .execute();
  }
}
