import type { Logger } from '../logger';
import { Open311Error, type Open311Client } from './open311Client';
import { HELD_BACK_STATUSES, type Outbox, type OutboxRow } from './outbox';
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
 * Delivers outbox rows to the Open311 back office: retries with backoff while it is down,
 * slow or failing (the same client_reference each time, so a repeat cannot duplicate),
 * records the back-office id, and tells the resident. When the back office refuses the bot
 * itself (401/403/404…, e.g. a rotated API key), rows are held back and tried again slowly
 * (every 30 minutes for 48 hours by default) while the agent console shows an alert; the
 * resident, already told the report is taken and will be passed on, is not told anything new.
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
    try {
      const result = await this.client.postRequest(fields, row.reference);
      await this.outbox.markDelivered(row.reference, result.service_request_id, result.service_notice);
      this.logger.info({ reference: row.reference, serviceCode: row.service_code, serviceRequestId: result.service_request_id, attempts }, 'service request delivered');
      // The back office takes the bot's requests again: held-back rows need not wait their turn.
      if (row.last_status !== null && (HELD_BACK_STATUSES as readonly number[]).includes(row.last_status)) this.release();
      await this.tell({ ...row, state: 'delivered', service_request_id: result.service_request_id, service_notice: result.service_notice });
    } catch (err) {
      if (err instanceof Open311Error && err.kind === 'rejected' && err.status !== undefined && (HELD_BACK_STATUSES as readonly number[]).includes(err.status) && this.stillHolding(row)) {
        const retryMs = this.options.heldBackRetryMs ?? HELD_BACK_RETRY_MS;
        await this.outbox.markRetry(row.reference, attempts, new Date(this.now().getTime() + retryMs), err.message, err.status);
        this.logger.error(
          { reference: row.reference, serviceCode: row.service_code, status: err.status, reason: err.message, attempts, retryInMs: retryMs },
          'the back office refuses the assistant (check OPEN311_API_KEY and OPEN311_BASE_URL); the request is kept and will be tried again',
        );
        return;
      }
      if (err instanceof Open311Error && err.kind === 'rejected') {
        await this.outbox.markRejected(row.reference, attempts, err.message);
        // Needs a person: the resident is told, and the log carries the reference (no personal data).
        this.logger.warn({ reference: row.reference, serviceCode: row.service_code, status: err.status, reason: err.message }, 'service request rejected by the back office: needs a person');
        await this.tell({ ...row, state: 'rejected', last_error: err.message });
        return;
      }
      const delay = this.backoff(attempts);
      const message = (err as Error).message;
      await this.outbox.markRetry(row.reference, attempts, new Date(this.now().getTime() + delay), message, err instanceof Open311Error ? (err.status ?? null) : null);
      this.logger.warn({ reference: row.reference, serviceCode: row.service_code, attempts, retryInMs: delay, reason: message }, 'service request not delivered yet; will retry');
    }
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
      this.logger.warn({ reference: row.reference, err: { type: (err as Error).name, message: (err as Error).message } }, 'could not tell the resident proactively');
    }
    await this.outbox.markNotified(row.reference, ok ? 1 : 2);
  }
}
