import type { IncomingMessage } from 'node:http';
import type { Response } from 'restify';

/** Direct Line's error body: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  res.send(status, { error: { code, message } });
}

/** The bearer value of an Authorization header, if any. */
export function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

/**
 * The address the request came from, for rate limits. Behind a trusted reverse proxy, the
 * address the proxy added last to X-Forwarded-For (earlier entries are the client's own claims),
 * without a port: App Service's front end writes `203.0.113.9:51234`, a new port for every
 * connection, which would give every connection a rate limit of its own.
 */
export function clientAddress(req: IncomingMessage, trustProxy = false): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return withoutPort(last);
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** 203.0.113.9:51234 → 203.0.113.9, [2001:db8::1]:51234 → 2001:db8::1; anything else as it is. */
function withoutPort(address: string): string {
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(address);
  if (v4) return v4[1];
  const v6 = /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(address);
  return v6 ? v6[1] : address;
}

/** This server's public origin as the client sees it (http://host:port), for streamUrl and the Direct Line domain. */
export function publicOrigin(req: IncomingMessage, websocket = false): string {
  const forwarded = typeof req.headers['x-forwarded-proto'] === 'string' ? req.headers['x-forwarded-proto'].split(',')[0].trim() : undefined;
  const secure = forwarded ? forwarded === 'https' : Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host) ? req.headers.host : 'localhost';
  return `${websocket ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http'}://${host}`;
}
