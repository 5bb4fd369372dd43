import type { Logger } from '../../platform/logger';
import type { PurgeCounts } from './retentionPurge';

export interface RetentionScheduleOptions {
  /** The first run, shortly after start-up (not during it). */
  firstRunMs?: number;
  /** Then one run every this often. */
  intervalMs?: number;
}

/** Anything that purges once and says how much it removed (RetentionPurge). */
export interface Purger {
  run(): Promise<PurgeCounts>;
}

/**
 * Runs the retention purge shortly after start and then every hour. Its timer does not keep
 * the process alive; a run never overlaps the previous one; a failed run is logged and the
 * next one tries again. The log carries counts only.
 */
export class RetentionSchedule {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly purge: Purger,
    private readonly logger: Logger,
    private readonly options: RetentionScheduleOptions = {},
  ) {}

  start(): void {
    this.schedule(this.options.firstRunMs ?? 60_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        this.schedule(this.options.intervalMs ?? 3_600_000);
      });
    }, ms);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    try {
      const counts = await this.purge.run();
      if (Object.values(counts).some((n) => n > 0)) this.logger.info({ counts }, 'retention: removed data past its retention period');
    } catch (err) {
      this.logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'retention purge failed; it will try again');
    }
  }
}
