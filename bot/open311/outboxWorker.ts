import type { Logger } from '../logger';
import { Open311Error, type Open311Client } from './open311Client';
import type { Outbox, OutboxRow } from './outbox';
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
  now?: () => Date;
}

/**
 * Delivers outbox rows to the Open311 back office: retries with backoff while it is down,
 * slow or failing (the same client_reference each time, so a repeat cannot duplicate),
 * records the back-office id, and tells the resident.
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
      await this.tell({ ...row, state: 'delivered', service_request_id: result.service_request_id, service_notice: result.service_notice });
    } catch (err) {
      if (err instanceof Open311Error && err.kind === 'rejected') {
        await this.outbox.markRejected(row.reference, attempts, err.message);
        // Needs a person: the resident is told, and the log carries the reference (no personal data).
        this.logger.warn({ reference: row.reference, serviceCode: row.service_code, status: err.status, reason: err.message }, 'service request rejected by the back office: needs a person');
        await this.tell({ ...row, state: 'rejected', last_error: err.message });
        return;
      }
      const delay = this.backoff(attempts);
      const message = (err as Error).message;
      await this.outbox.markRetry(row.reference, attempts, new Date(this.now().getTime() + delay), message);
      this.logger.warn({ reference: row.reference, serviceCode: row.service_code, attempts, retryInMs: delay, reason: message }, 'service request not delivered yet; will retry');
    }
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
