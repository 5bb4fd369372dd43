import type { Logger } from '../../platform/logger';
import { Open311Error, type Open311Client } from './open311Client';
import { HELD_BACK_STATUSES, type Outbox, type OutboxRow } from './outbox';
import { LOOKUP_SLACK_MS, ReportMatcher } from './reportMatcher';
import type { RequestFields } from './types';

/** Tells a resident the outcome of their request, proactively, when their channel allows it. */
export interface ResidentNotifier {
  /** Returns false when the conversation cannot be reached. */
  delivered(row: OutboxRow, serviceRequestId: string, notice: string): Promise<boolean>;
  rejected(row: OutboxRow, description: string): Promise<boolean>;
}

export interface OutboxWorkerOptions {
  pollMs: number;
  /** First retry delay; doubles each attempt up to maxDelayMs, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claimed row stays locked; longer than a slow back-office call. */
  leaseMs?: number;
  batch?: number;
  /** When the back office refuses the bot itself (401/403/404…): try again this often… */
  heldBackRetryMs?: number;
  /** …for this long after the request was confirmed; then it is rejected and needs a person. */
  heldBackForMs?: number;
  now?: () => Date;
}

export const HELD_BACK_RETRY_MS = 30 * 60_000;
export const HELD_BACK_FOR_MS = 48 * 3_600_000;

/**
 * Delivers outbox rows to the Open311 back office exactly once: retries with backoff while it is
 * down, slow or failing; follows a `token` answer (asynchronous creation) with GET tokens/{token}
 * and never POSTs that report again; after a POST whose outcome is unknown (timeout, dropped
 * connection, 5xx, crash) looks the report up (GET requests) before sending it again, and sends it
 * only when the back office positively does not have it. Records the back-office id and tells the
 * resident. When the back office refuses the bot itself (401/403/404…, e.g. a rotated API key),
 * rows are held back and tried again slowly (every 30 minutes for 48 hours by default) while the
 * agent console shows an alert; the resident, already told the report is taken and will be passed
 * on, is not told anything new.
 */
export class OutboxWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private readonly now: () => Date;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: Open311Client,
    private readonly notifier: ResidentNotifier,
    private readonly logger: Logger,
    private readonly options: OutboxWorkerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
    // A restart is how a new key or address takes effect: held-back rows are tried at once.
    this.release();
  }

  /** Asks for a pass soon (e.g. right after a resident confirms). */
  trigger(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: delivers every due row, then tells residents not yet told. */
  async runOnce(): Promise<void> {
    const rows = await this.outbox.claimDue(this.options.batch ?? 20, this.options.leaseMs ?? 60_000);
    for (const row of rows) await this.deliver(row);
    for (const row of await this.outbox.awaitingNotice(20)) await this.tell(row);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err: Error) => this.logger.error({ err: { type: err.name, message: err.message } }, 'outbox pass failed'))
        .finally(() => {
          this.running = undefined;
          const next = this.again ? 0 : this.options.pollMs;
          this.again = false;
          this.schedule(next);
        });
    }, ms);
    this.timer.unref?.();
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const fields = JSON.parse(row.payload) as RequestFields;
    const attempts = row.attempts + 1;
    let posting = false;
    try {
      // A token is held: the back office has the report and is creating it. Never POST it again.
      if (row.delivery_token) return await this.followToken(row, row.delivery_token, attempts);
      if (row.outcome_unknown && (await this.lookUp(row, fields, attempts))) return;
      const firstPostedAt = row.first_posted_at ?? this.now().toISOString();
      await this.outbox.markPosting(row.reference, firstPostedAt);
      posting = true;
      const result = await this.client.submitRequest(fields, row.reference);
      if (result.token !== undefined) {
        const delay = this.backoff(1);
        await this.outbox.markToken(row.reference, result.token, attempts, new Date(this.now().getTime() + delay));
        this.logger.info(
          { reference: row.reference, serviceCode: row.service_code, attempts },
          'the back office is creating the service request (token); will follow it',
        );
        return;
      }
      await this.delivered(row, result.service_request_id, result.service_notice, attempts);
    } catch (err) {
      await (posting ? this.failed(row, err, attempts) : this.checkFailed(row, err, attempts));
    }
  }

  private async delivered(row: OutboxRow, serviceRequestId: string, notice: string, attempts: number, how = 'delivered'): Promise<void> {
    await this.outbox.markDelivered(row.reference, serviceRequestId, notice);
    this.logger.info({ reference: row.reference, serviceCode: row.service_code, serviceRequestId, attempts, how }, 'service request delivered');
    // The back office takes the bot's requests again: held-back rows need not wait their turn.
    if (row.last_status !== null && (HELD_BACK_STATUSES as readonly number[]).includes(row.last_status)) this.release();
    await this.tell({ ...row, state: 'delivered', service_request_id: serviceRequestId, service_notice: notice });
  }

  /** GET tokens/{token}: delivered once an id arrives; until then (or while it cannot be asked) tried again with back-off. */
  private async followToken(row: OutboxRow, token: string, attempts: number): Promise<void> {
    const id = await this.client.tokenRequestId(token);
    if (id) return this.delivered(row, id, '', attempts, 'token followed');
    if (!this.stillHolding(row)) {
      const why = 'the back office never gave a service_request_id for its token';
      await this.outbox.markRejected(row.reference, attempts, why, null);
      this.logger.warn({ reference: row.reference, serviceCode: row.service_code, attempts }, `${why}: needs a person`);
      await this.tell({ ...row, state: 'rejected', last_error: why, last_status: null });
      return;
    }
    const delay = this.backoff(attempts);
    await this.outbox.markRetry(
      row.reference,
      attempts,
      new Date(this.now().getTime() + delay),
      'the back office has not created the request from its token yet',
    );
  }

  /**
   * After a POST whose outcome is unknown: looks the report up (GET requests, by client_reference
   * where echoed, else service, description and place within the time window). True when found
   * (recorded as delivered); false when the back office's list positively does not have it, so it
   * may be POSTed. A look-up that fails throws: nothing is sent, and it is tried again later.
   */
  private async lookUp(row: OutboxRow, fields: RequestFields, attempts: number): Promise<boolean> {
    const now = this.now();
    const since = new Date(row.first_posted_at ?? row.created_at);
    const matcher = new ReportMatcher(fields, row.reference, since, now);
    const listed = await this.client.findRequests({
      service_code: row.service_code,
      start: new Date(since.getTime() - LOOKUP_SLACK_MS),
      end: new Date(now.getTime() + LOOKUP_SLACK_MS),
    });
    const mine: string[] = [];
    for (const candidate of listed) {
      const id = candidate.service_request_id === undefined ? '' : String(candidate.service_request_id);
      if (id && matcher.matches(candidate) && !(await this.outbox.otherRowWithId(id, row.reference))) mine.push(id);
    }
    if (!mine.length) {
      this.logger.info(
        { reference: row.reference, serviceCode: row.service_code, attempts, listed: listed.length },
        'look-up: the back office does not have the service request; sending it',
      );
      return false;
    }
    // Two matches (the same report made twice by the back office before): the oldest is the one.
    const found = mine.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
    await this.delivered(row, found, '', attempts, 'found by look-up');
    return true;
  }

  /**
   * A look-up or a token read failed: nothing is known about the report, so it is neither sent
   * again nor given up, until the hold time runs out (then it needs a person).
   */
  private async checkFailed(row: OutboxRow, err: unknown, attempts: number): Promise<void> {
    const message = (err as Error).message;
    const status = err instanceof Open311Error ? (err.status ?? null) : null;
    if (!this.stillHolding(row)) {
      await this.outbox.markRejected(row.reference, attempts, `could not check whether the back office has the request: ${message}`, status);
      this.logger.warn(
        { reference: row.reference, serviceCode: row.service_code, status, reason: message, attempts },
        'could not check whether the back office has the service request: needs a person',
      );
      await this.tell({ ...row, state: 'rejected', last_error: message, last_status: status });
      return;
    }
    const refused = err instanceof Open311Error && err.kind === 'rejected';
    const delay = refused ? (this.options.heldBackRetryMs ?? HELD_BACK_RETRY_MS) : this.backoff(attempts);
    await this.outbox.markRetry(row.reference, attempts, new Date(this.now().getTime() + delay), message, status);
    this.logger.warn(
      { reference: row.reference, serviceCode: row.service_code, status, reason: message, attempts, retryInMs: delay },
      'could not check whether the back office has the service request yet; will try again',
    );
  }

  /** The POST failed. */
  private async failed(row: OutboxRow, err: unknown, attempts: number): Promise<void> {
    if (
      err instanceof Open311Error &&
      err.kind === 'rejected' &&
      err.status !== undefined &&
      (HELD_BACK_STATUSES as readonly number[]).includes(err.status) &&
      this.stillHolding(row)
    ) {
      const retryMs = this.options.heldBackRetryMs ?? HELD_BACK_RETRY_MS;
      await this.outbox.markRetry(row.reference, attempts, new Date(this.now().getTime() + retryMs), err.message, err.status, notSent(err));
      this.logger.error(
        { reference: row.reference, serviceCode: row.service_code, status: err.status, reason: err.message, attempts, retryInMs: retryMs },
        'the back office refuses the assistant (check OPEN311_API_KEY and OPEN311_BASE_URL); the request is kept and will be tried again',
      );
      return;
    }
    if (err instanceof Open311Error && err.kind === 'rejected') {
      await this.outbox.markRejected(row.reference, attempts, err.message, err.status ?? null);
      // Needs a person: the resident is told, and the log carries the reference (no personal data).
      this.logger.warn(
        { reference: row.reference, serviceCode: row.service_code, status: err.status, reason: err.message },
        'service request rejected by the back office: needs a person',
      );
      await this.tell({ ...row, state: 'rejected', last_error: err.message, last_status: err.status ?? null });
      return;
    }
    const delay = this.backoff(attempts);
    const message = (err as Error).message;
    await this.outbox.markRetry(
      row.reference,
      attempts,
      new Date(this.now().getTime() + delay),
      message,
      err instanceof Open311Error ? (err.status ?? null) : null,
      notSent(err),
    );
    this.logger.warn(
      { reference: row.reference, serviceCode: row.service_code, attempts, retryInMs: delay, reason: message },
      'service request not delivered yet; will retry',
    );
  }

  /** A held-back row is kept until `heldBackForMs` after it was confirmed. */
  private stillHolding(row: OutboxRow): boolean {
    return this.now().getTime() - Date.parse(row.created_at) < (this.options.heldBackForMs ?? HELD_BACK_FOR_MS);
  }

  private release(): void {
    this.outbox
      .releaseHeldBack()
      .then((n) => {
        if (n > 0) this.trigger();
      })
      .catch((err: Error) => this.logger.warn({ err: { type: err.name, message: err.message } }, 'could not release held-back requests'));
  }

  private backoff(attempts: number): number {
    const base = this.options.baseDelayMs ?? 2000;
    const max = this.options.maxDelayMs ?? 15 * 60_000;
    const raw = Math.min(max, base * 2 ** Math.min(attempts - 1, 20));
    return Math.round(raw * (0.75 + Math.random() * 0.25));
  }

  private async tell(row: OutboxRow): Promise<void> {
    if (!row.conversation_reference) {
      await this.outbox.markNotified(row.reference, 2);
      return;
    }
    let ok = false;
    try {
      ok =
        row.state === 'delivered'
          ? await this.notifier.delivered(row, row.service_request_id ?? '', row.service_notice ?? '')
          : await this.notifier.rejected(row, row.last_error ?? '');
    } catch (err) {
      this.logger.warn(
        { reference: row.reference, err: { type: (err as Error).name, message: (err as Error).message } },
        'could not tell the resident proactively',
      );
    }
    await this.outbox.markNotified(row.reference, ok ? 1 : 2);
  }
}

/** A POST's failure that shows the back office did not take the report (nothing sent, 4xx, 429), so it may be sent again without a look-up. */
function notSent(err: unknown): boolean {
  return err instanceof Open311Error && !err.outcomeUnknown;
}
