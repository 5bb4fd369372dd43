import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../platform/logger';
import type { HandoffEvents } from './events';
import type { HandoffEvent } from '../dialogs/handoffTypes';

export const CHANNEL = 'council_handoff';

/**
 * Several processes on one PostgreSQL: LISTEN on a dedicated connection, NOTIFY through it
 * too. Every process, the sender included, receives each event once. Payloads carry ids
 * only, never residents' words (the rows are read from the database).
 */
export class PostgresEvents implements HandoffEvents {
  private readonly emitter = new EventEmitter();
  private client?: pg.Client;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;

  private constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  static async connect(url: string, logger: Logger): Promise<PostgresEvents> {
    const events = new PostgresEvents(url, logger);
    await events.open();
    return events;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', (err) => {
      this.logger.warn({ err: { message: err.message } }, 'handoff event connection lost; reconnecting');
      this.scheduleReconnect();
    });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        this.emitter.emit('event', JSON.parse(msg.payload) as HandoffEvent);
      } catch {
        this.logger.warn('ignored a malformed handoff event');
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const old = this.client;
    this.client = undefined;
    void old?.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.open()
        .then(() => this.emitter.emit('event', { kind: 'queue' } satisfies HandoffEvent))
        .catch(() => this.scheduleReconnect());
    }, 1000);
    this.reconnectTimer.unref();
  }

  async publish(event: HandoffEvent): Promise<void> {
    const client = this.client;
    if (!client) {
      // Still deliver locally; other processes catch up on their next queue refresh.
      setImmediate(() => this.emitter.emit('event', event));
      return;
    }
    await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
  }

  subscribe(listener: (event: HandoffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.emitter.removeAllListeners();
    await this.client?.end().catch(() => undefined);
  }
}
