import { EventEmitter } from 'node:events';
import type { Logger } from '../platform/logger';
import { PostgresNotifier } from '../platform/storage/postgresNotifier';
import type { HandoffEvents } from './events';
import type { HandoffEvent } from '../dialogs/handoffTypes';

export const CHANNEL = 'council_handoff';

/**
 * Several processes on one PostgreSQL: handoff events by LISTEN/NOTIFY. Every process, the
 * sender included, receives each event once. Payloads carry ids only, never residents' words
 * (the rows are read from the database).
 */
export class PostgresEvents implements HandoffEvents {
  private readonly emitter = new EventEmitter();

  private constructor(
    private readonly notifier: PostgresNotifier,
    logger: Logger,
  ) {
    this.emitter.setMaxListeners(0);
    notifier.onPayload((payload) => {
      try {
        this.emitter.emit('event', JSON.parse(payload) as HandoffEvent);
      } catch {
        logger.warn('ignored a malformed handoff event');
      }
    });
    // Back after a lost connection: consoles refresh the queue for what they may have missed.
    notifier.onReconnect(() => this.emitter.emit('event', { kind: 'queue' } satisfies HandoffEvent));
  }

  static async connect(url: string, logger: Logger): Promise<PostgresEvents> {
    return new PostgresEvents(await PostgresNotifier.connect(url, CHANNEL, logger), logger);
  }

  async publish(event: HandoffEvent): Promise<void> {
    // Not connected: still delivered here; other processes catch up on their next queue refresh.
    if (!(await this.notifier.notify(JSON.stringify(event)))) setImmediate(() => this.emitter.emit('event', event));
  }

  subscribe(listener: (event: HandoffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    await this.notifier.close();
  }
}
