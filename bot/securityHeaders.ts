import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SecurityHeaderOptions {
  /** Origins (or 'self' / 'none') allowed to show the assistant's pages in a frame. */
  allowedEmbedders: string[];
  /** Behind a reverse proxy that terminates TLS: believe its X-Forwarded-Proto. */
  trustProxy: boolean;
}

/** A year, as HSTS preload lists expect. */
const HSTS = 'max-age=31536000';

/**
 * The headers every response carries: nosniff, a Content-Security-Policy that says who may
 * frame the assistant (pages with their own policy repeat {@link frameAncestors}), and HSTS
 * when the request came over HTTPS (a TLS socket, or a trusted proxy that says so).
 */
export class SecurityHeaders {
  readonly frameAncestors: string;

  constructor(private readonly options: SecurityHeaderOptions) {
    this.frameAncestors = `frame-ancestors ${options.allowedEmbedders.length ? options.allowedEmbedders.join(' ') : "'self'"}`;
  }

  apply(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', this.frameAncestors);
    if (this.isHttps(req)) res.setHeader('Strict-Transport-Security', HSTS);
  }

  isHttps(req: IncomingMessage): boolean {
    if ((req.socket as { encrypted?: boolean }).encrypted) return true;
    if (!this.options.trustProxy) return false;
    const proto = req.headers['x-forwarded-proto'];
    return typeof proto === 'string' && proto.split(',')[0].trim().toLowerCase() === 'https';
  }
}
