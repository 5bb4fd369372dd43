import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../platform/logger';
import type { ConversationStore } from './conversationStore';

interface Transient {
  activity: object;
  afterSeq: number;
}

interface Subscriber {
  socket: WebSocket;
  conversationId: string;
  watermark: number;
  sending: boolean;
  again: boolean;
  alive: boolean;
  /**
   * Typing to send once the stored activities before it have gone (it must not overtake them),
   * with the seq it followed: dropped when something later has been sent (a reply it would follow).
   */
  transients: Transient[];
  /**
   * The next stored activities in order, to go in one frame at the end of this tick: a turn's
   * activities are committed together (the resident's and the replies), so one write to the socket.
   */
  outbox: Array<{ activity: object; seq: number }>;
}

/** A client that lets this much pile up unread is cut off rather than allowed to fill memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface StreamHubOptions {
  heartbeatMs?: number;
  pollMs?: number;
  /**
   * A conversation whose last stream closed and that opened none again within this long has
   * been left (the page was closed): `onLeft` listeners hear of it. Undefined: never.
   */
  leaveGraceMs?: number;
}

/**
 * Direct Line's WebSocket stream: each socket gets every activity of its conversation after
 * its watermark, as `{activities, watermark}` messages, straight after each append. Clients
 * that vanish are noticed by ping/pong and dropped. With several instances sharing one
 * database, `pollMs` also re-reads the store now and then so appends made elsewhere arrive.
 * A page that closes (its last stream gone, no new one within `leaveGraceMs`) is reported as left;
 * a reload or Web Chat's own reconnect comes back well within it.
 */
export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly subscribers = new Set<Subscriber>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly poll?: NodeJS.Timeout;
  private readonly leaving = new Map<string, NodeJS.Timeout>();
  private readonly leftListeners: Array<(conversationId: string) => void> = [];
  private closed = false;

  constructor(
    private readonly store: ConversationStore,
    private readonly logger: Logger,
    private readonly options: StreamHubOptions = {},
  ) {
    store.on('activity', (conversationId: string, activity: object, seq: number) => {
      for (const s of this.subscribers) {
        if (s.conversationId !== conversationId) continue;
        // The next one in order, nothing being sent: straight to the socket, no read of the store,
        // together with the others committed with it.
        const last = s.outbox.length ? s.outbox[s.outbox.length - 1].seq : s.watermark;
        if (!s.sending && last === seq - 1) {
          s.outbox.push({ activity, seq });
          if (s.outbox.length === 1) queueMicrotask(() => this.sendOutbox(s));
        } else this.flush(s);
      }
    });
    // Typing is not stored: it goes to this instance's open streams as it happens, with no
    // watermark, so the client keeps its own (a resident whose stream is on another instance
    // misses it, as a polling client does).
    store.on('transient', (conversationId: string, activity: object, afterSeq: number) => {
      for (const s of this.subscribers) {
        if (s.conversationId !== conversationId) continue;
        s.transients.push({ activity, afterSeq });
        // After the activity it follows: at once if that has gone, otherwise when it goes (it may
        // still be held in its turn's transaction, or on its way through this stream).
        if (!s.sending && !s.outbox.length && s.watermark >= afterSeq) this.sendTransients(s);
      }
    });
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
    if (options.pollMs) {
      this.poll = setInterval(() => this.refreshAll(), options.pollMs);
      this.poll.unref();
    }
  }

  /** Reads the store again for the conversation's open streams (another instance appended to it). */
  refresh(conversationId: string): void {
    for (const s of this.subscribers) if (s.conversationId === conversationId) this.flush(s);
  }

  /** Reads the store again for every open stream. */
  refreshAll(): void {
    this.subscribers.forEach((s) => this.flush(s));
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Called with the conversation's id when its page has gone (see `leaveGraceMs`). */
  onLeft(listener: (conversationId: string) => void): void {
    this.leftListeners.push(listener);
  }

  private opened(conversationId: string): void {
    const timer = this.leaving.get(conversationId);
    if (timer) clearTimeout(timer);
    this.leaving.delete(conversationId);
  }

  private dropped(sub: Subscriber): void {
    if (!this.subscribers.delete(sub) || this.closed) return;
    const grace = this.options.leaveGraceMs;
    const id = sub.conversationId;
    if (grace === undefined || [...this.subscribers].some((s) => s.conversationId === id)) return;
    this.opened(id);
    const timer = setTimeout(() => {
      this.leaving.delete(id);
      if (this.closed || [...this.subscribers].some((s) => s.conversationId === id)) return;
      for (const listener of this.leftListeners) listener(id);
    }, grace);
    timer.unref();
    this.leaving.set(id, timer);
  }

  /** Completes the upgrade for an already authorised request. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, watermark: number): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const sub: Subscriber = { socket: ws, conversationId, watermark, sending: false, again: false, alive: true, transients: [], outbox: [] };
      this.subscribers.add(sub);
      this.opened(conversationId);
      const drop = () => this.dropped(sub);
      ws.on('close', drop);
      ws.on('error', drop);
      ws.on('pong', () => (sub.alive = true));
      // Clients send nothing over the stream; anything they do send is ignored.
      ws.on('message', () => undefined);
      this.flush(sub);
    });
  }

  private flush(sub: Subscriber): void {
    if (sub.sending) {
      sub.again = true;
      return;
    }
    sub.sending = true;
    void this.send(sub)
      .catch((err: Error) => this.logger.warn({ err: { type: err.name, message: err.message } }, 'direct line stream could not be read'))
      .finally(() => {
        sub.sending = false;
        if (sub.again) {
          sub.again = false;
          this.flush(sub);
        }
      });
  }

  private async send(sub: Subscriber): Promise<void> {
    sub.outbox.length = 0; // committed, so read from the store below
    for (;;) {
      if (!this.subscribers.has(sub)) return;
      const page = await this.store.list(sub.conversationId, sub.watermark);
      if (!page.activities.length) {
        this.sendTransients(sub);
        return;
      }
      if (sub.socket.readyState !== sub.socket.OPEN) return;
      if (sub.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        sub.socket.terminate();
        this.dropped(sub);
        return;
      }
      sub.socket.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
      sub.watermark = page.watermark;
    }
  }

  private sendOutbox(sub: Subscriber): void {
    const next = sub.outbox.splice(0);
    if (!next.length || sub.sending || sub.socket.readyState !== sub.socket.OPEN) return;
    if (sub.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      sub.socket.terminate();
      this.dropped(sub);
      return;
    }
    const seq = next[next.length - 1].seq;
    sub.socket.send(JSON.stringify({ activities: next.map((n) => n.activity), watermark: String(seq) }));
    sub.watermark = seq;
    this.sendTransients(sub);
  }

  /** Typing whose activity has just gone; typing that something later overtook is dropped, typing ahead of the stream waits. */
  private sendTransients(sub: Subscriber): void {
    const waiting = sub.transients.filter((t) => t.afterSeq > sub.watermark);
    const activities = sub.transients.filter((t) => t.afterSeq === sub.watermark).map((t) => t.activity);
    sub.transients = waiting;
    if (!activities.length || sub.socket.readyState !== sub.socket.OPEN) return;
    sub.socket.send(JSON.stringify({ activities }));
  }

  private beat(): void {
    for (const sub of this.subscribers) {
      if (!sub.alive) {
        sub.socket.terminate();
        this.dropped(sub);
        continue;
      }
      sub.alive = false;
      try {
        sub.socket.ping();
      } catch {
        this.dropped(sub);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.leaving.values()) clearTimeout(timer);
    this.leaving.clear();
    clearInterval(this.heartbeat);
    if (this.poll) clearInterval(this.poll);
    for (const sub of this.subscribers) sub.socket.close(1001, 'server shutting down');
    this.subscribers.clear();
    this.wss.close();
  }
}
