import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../platform/logger';
import type { ConsoleTexts } from '../knowledge/messageFiles';
import { refuseUpgrade, type UpgradeHandler } from '../platform/http/upgradeRouter';
import type { AgentHub } from './agentHub';
import { readCookie, SESSION_COOKIE } from './cookies';
import type { HandoffEvents } from './events';
import type { HandoffStore } from './handoffStore';
import type { Staff, StaffStore } from './staffStore';
import type { HandoffEvent } from '../dialogs/handoffTypes';

export const SOCKET_PATH = '/agent/api/ws';

interface Client {
  socket: WebSocket;
  staff: Staff;
  token: string;
}

/**
 * The console's live channel (WebSocket under /agent/api/): pushes queue changes, the
 * resident's messages and status changes, and takes the agent's messages. Needs a staff
 * session cookie and a same-origin Origin header (the WebSocket's CSRF protection). While a
 * console is connected its agent counts as present; when it goes away the sweeper returns
 * their conversations to the queue after the timeout.
 */
export class AgentSockets implements UpgradeHandler {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  private readonly clients = new Set<Client>();
  private readonly unsubscribe: () => void;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly hub: AgentHub,
    private readonly store: HandoffStore,
    private readonly staffStore: StaffStore,
    events: HandoffEvents,
    /** What staff are told on the socket (console.yaml). */
    private readonly words: ConsoleTexts,
    private readonly logger: Logger,
    private readonly agentTimeoutMs: number,
  ) {
    this.unsubscribe = events.subscribe(
      (e) => void this.broadcast(e).catch((err: Error) => this.logger.warn({ err: { message: err.message } }, 'could not push a handoff event')),
    );
  }

  matches(pathname: string): boolean {
    return pathname === SOCKET_PATH;
  }

  /** Starts the heartbeat (presence, expired sessions, abandoned chats). */
  start(): void {
    const tick = Math.max(50, Math.floor(this.agentTimeoutMs / 3));
    this.timer = setInterval(() => void this.heartbeat(), tick);
    this.timer.unref();
  }

  /** The server's UpgradeRouter calls this for SOCKET_PATH. */
  async handle(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (!sameOrigin(req.headers.origin, req.headers.host)) return refuseUpgrade(socket, 403);
    const token = readCookie(req, SESSION_COOKIE);
    const session = await this.staffStore.session(token).catch((err: Error) => {
      // The staff store did not answer: the console is refused as if signed out (it signs in again).
      this.logger.warn({ err: { type: err.name } }, 'could not check a console session: the socket was refused');
      return undefined;
    });
    if (!session || !token) return refuseUpgrade(socket, 401);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { socket: ws, staff: session.staff, token };
      this.clients.add(client);
      this.store.touchAgent([session.staff.id]).catch((err: Error) => this.logger.warn({ err: { type: err.name } }, 'could not mark an agent present'));
      ws.on(
        'message',
        (data) =>
          void this.onMessage(client, data.toString()).catch((err: Error) => {
            this.logger.warn({ err: { type: err.name } }, 'could not handle a console message');
            this.sendTo(client, { type: 'error', error: this.words.say('could_not_do_it') });
          }),
      );
      ws.on('close', () => this.clients.delete(client));
      ws.on('error', () => this.clients.delete(client));
      this.sendTo(client, { type: 'hello', staff: session.staff });
    });
  }

  private sendTo(client: Client, payload: object): void {
    if (client.socket.readyState === client.socket.OPEN) client.socket.send(JSON.stringify(payload));
  }

  private async onMessage(client: Client, raw: string): Promise<void> {
    let msg: { type?: string; handoffId?: string; text?: string; ref?: string };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return this.sendTo(client, { type: 'error', error: this.words.say('socket_not_json') });
    }
    if (!(await this.staffStore.session(client.token))) {
      this.sendTo(client, { type: 'error', error: this.words.say('session_expired') });
      client.socket.close(4401, 'session expired');
      return;
    }
    if (msg.type === 'send' && typeof msg.handoffId === 'string' && typeof msg.text === 'string' && msg.text.trim()) {
      const result = await this.hub.say(client.staff, msg.handoffId, msg.text.trim());
      this.sendTo(client, {
        type: 'sent',
        ref: msg.ref,
        handoffId: msg.handoffId,
        ...(result.ok ? { ok: true, delivered: result.delivered } : { ok: false, error: result.error }),
      });
    }
  }

  /**
   * A message's text goes only to the agent who holds (accepted) the conversation; every
   * other console hears that the conversation changed, and nothing of what was said.
   */
  private async broadcast(event: HandoffEvent): Promise<void> {
    if (this.clients.size === 0) return;
    if (event.kind === 'message') {
      const [message, handoff] = await Promise.all([this.store.message(event.messageId), this.store.get(event.handoffId)]);
      if (!message || !handoff) return;
      const holder = handoff.status === 'active' ? handoff.agentId : null;
      const full = { type: 'message', handoffId: event.handoffId, message };
      const summary = { type: 'conversation', handoffId: event.handoffId, status: handoff.status, updated: true };
      for (const client of this.clients) this.sendTo(client, client.staff.id === holder ? full : summary);
      return;
    }
    const payload =
      event.kind === 'status' ? { type: 'status', handoffId: event.handoffId, status: event.status, endReason: event.endReason ?? null } : { type: 'queue' };
    for (const client of this.clients) this.sendTo(client, payload);
  }

  /** Keeps connected agents present, closes sockets whose session expired, and sweeps abandoned chats. */
  private async heartbeat(): Promise<void> {
    try {
      const ids = [...new Set([...this.clients].map((c) => c.staff.id))];
      await this.store.touchAgent(ids);
      for (const client of this.clients) {
        if (!(await this.staffStore.session(client.token))) client.socket.close(4401, 'session expired');
      }
      await this.hub.sweep(this.agentTimeoutMs);
    } catch (err) {
      this.logger.warn({ err: { message: (err as Error).message } }, 'handoff heartbeat failed');
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe();
    for (const client of this.clients) client.socket.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** No Origin header (not a browser) or one naming this host. `null` (sandboxed frames) and anything unparsable are refused. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
