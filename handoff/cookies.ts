import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'ca_staff';
export const PRELOGIN_COOKIE = 'ca_signin';

/** A cookie's value; undefined when absent or not validly percent-encoded (a forged cookie is no cookie). */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Behind TLS (directly or via a proxy that says so), cookies are marked Secure. */
export function isHttps(req: IncomingMessage): boolean {
  return (
    Boolean((req.socket as { encrypted?: boolean }).encrypted) ||
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim() === 'https'
  );
}

export function cookie(name: string, value: string, req: IncomingMessage, maxAgeSeconds: number): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/agent',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(isHttps(req) ? ['Secure'] : []),
  ].join('; ');
}
