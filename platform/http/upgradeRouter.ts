import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger';

/** A module's WebSocket endpoint: which paths it takes, and how it completes (or refuses) an upgrade. */
export interface UpgradeHandler {
  matches(pathname: string): boolean;
  /** May throw or reject: the router logs it and answers 500, so no input can end the process. */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void | Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

/** Answers an upgrade request with a bodiless HTTP status and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number): void {
  if (socket.destroyed || !socket.writable) return;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The server's one 'upgrade' listener: parses the path (a malformed one gets 400), hands the
 * request to the module whose path it is (none: 404), and turns anything the handler throws
 * into a logged 500. It also listens for socket errors from the start (Node stops doing so
 * for an upgraded socket, and a client that resets it mid-check would otherwise end the process).
 */
export class UpgradeRouter {
  private readonly handlers: UpgradeHandler[] = [];

  constructor(private readonly logger: Logger) {}

  add(handler: UpgradeHandler): void {
    this.handlers.push(handler);
  }

  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.dispatch(req, socket, head));
  }

  dispatch(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuseUpgrade(socket, 400);
    }
    const handler = this.handlers.find((h) => h.matches(url.pathname));
    if (!handler) return refuseUpgrade(socket, 404);
    const failed = (err: unknown) => {
      this.logger.warn({ err: { type: (err as Error)?.name } }, 'websocket upgrade failed');
      refuseUpgrade(socket, 500);
    };
    try {
      Promise.resolve(handler.handle(req, socket, head, url)).catch(failed);
    } catch (err) {
      failed(err);
    }
  }
}
