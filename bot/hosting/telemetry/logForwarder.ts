import type { DestinationStream } from 'pino';

/**
 * A pino destination that writes every line where it always did (stdout, a file, a test's
 * buffer) and, once telemetry is attached, hands each line to it too. The lines are already
 * redacted by the logger's formatters; telemetry redacts them again.
 */
export class LogForwarder implements DestinationStream {
  private target?: (line: string) => void;

  constructor(private readonly inner: DestinationStream) {}

  write(line: string): void {
    this.inner.write(line);
    if (!this.target) return;
    try {
      this.target(line);
    } catch {
      // Telemetry must never break logging.
    }
  }

  /** pino's logger.flush() reaches the real destination through here. */
  flush(cb?: (err?: Error) => void): void {
    const inner = this.inner as DestinationStream & { flush?: (cb?: (err?: Error) => void) => void };
    if (typeof inner.flush === 'function') inner.flush(cb);
    else cb?.();
  }

  flushSync(): void {
    const inner = this.inner as DestinationStream & { flushSync?: () => void };
    inner.flushSync?.();
  }

  attach(target: (line: string) => void): void {
    this.target = target;
  }

  detach(): void {
    this.target = undefined;
  }
}
