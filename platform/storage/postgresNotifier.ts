import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger';

/**
 * PostgreSQL LISTEN/NOTIFY on one channel, for several instances of the assistant sharing one
 * database: a dedicated connection listens, and NOTIFY goes through it too; every process, the
 * sender included, hears each payload once. The connection comes back by itself after it is lost
 * (`onReconnect` listeners then catch up on what they may have missed). Payloads must carry ids
 * only, never residents' words.
 */
export class PostgresNotifier {
  private readonly emitter = new EventEmitter();
  private client?: pg.Client;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;

  private constructor(
    private readonly url: string,
    readonly channel: string,
    private readonly logger: Logger,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`"${channel}" is not a plain channel name`);
    this.emitter.setMaxListeners(0);
  }

  static async connect(url: string, channel: string, logger: Logger): Promise<PostgresNotifier> {
    const notifier = new PostgresNotifier(url, channel, logger);
    await notifier.open();
    return notifier;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', (err) => {
      this.logger.warn({ channel: this.channel, err: { message: err.message } }, 'notification connection lost; reconnecting');
      this.scheduleReconnect();
    });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel && msg.payload) this.emitter.emit('payload', msg.payload);
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
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
        .then(() => this.emitter.emit('reconnect'))
        .catch(() => this.scheduleReconnect());
    }, 1000);
    this.reconnectTimer.unref();
  }

  /** Sends the payload to every listening process; false when the connection is down (listeners then catch up on reconnect). */
  async notify(payload: string): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    await client.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
    return true;
  }

  onPayload(listener: (payload: string) => void): () => void {
    this.emitter.on('payload', listener);
    return () => this.emitter.off('payload', listener);
  }

  onReconnect(listener: () => void): () => void {
    this.emitter.on('reconnect', listener);
    return () => this.emitter.off('reconnect', listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.emitter.removeAllListeners();
    await this.client?.end().catch(() => undefined);
  }
}
