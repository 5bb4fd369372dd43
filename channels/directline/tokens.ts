import crypto from 'node:crypto';

/** What a token allows: `conversation` tokens read and post in one conversation; `stream` tokens only open its WebSocket. */
export type TokenKind = 'conversation' | 'stream';

export interface TokenClaims {
  kind: TokenKind;
  /** The one conversation this token is bound to. */
  conversationId: string;
  /** The resident's id in that conversation; the server sets `from.id` from it. */
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** The language of the page that opened the conversation ("cy-GB"): the bot hears it with the conversation's start, so it welcomes in it. */
  locale?: string;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'kind' };

/** Conversation tokens live 30 minutes, as Azure's do; clients refresh them every 15. */
export const CONVERSATION_TOKEN_SECONDS = 1800;
/** A streamUrl is good for opening the WebSocket within two minutes. */
export const STREAM_TOKEN_SECONDS = 120;

const b64 = (buf: Buffer) => buf.toString('base64url');

/**
 * Signed, short-lived tokens bound to one conversation (HMAC-SHA256 over a small JSON
 * payload). The signing key comes from the database so that every instance, and a
 * restarted one, accepts the tokens the others issued.
 */
export class TokenService {
  constructor(
    private readonly key: Buffer,
    private readonly now: () => number = () => Date.now(),
  ) {}

  issue(
    kind: TokenKind,
    conversationId: string,
    userId: string,
    ttlSeconds = kind === 'stream' ? STREAM_TOKEN_SECONDS : CONVERSATION_TOKEN_SECONDS,
    locale?: string,
  ): string {
    const claims: TokenClaims = { kind, conversationId, userId, exp: Math.floor(this.now() / 1000) + ttlSeconds, ...(locale ? { locale } : {}) };
    const payload = b64(Buffer.from(JSON.stringify(claims)));
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: string | undefined, kind: TokenKind): TokenCheck {
    if (!token || token.length > 1024) return { ok: false, reason: 'malformed' };
    const dot = token.indexOf('.');
    if (dot < 1) return { ok: false, reason: 'malformed' };
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(payload), 'base64url');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (typeof claims.conversationId !== 'string' || typeof claims.userId !== 'string' || typeof claims.exp !== 'number')
      return { ok: false, reason: 'malformed' };
    if (claims.locale !== undefined && typeof claims.locale !== 'string') return { ok: false, reason: 'malformed' };
    if (claims.kind !== kind) return { ok: false, reason: 'kind' };
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  /** A value derived from the signing key for another purpose (e.g. the connector path). */
  derive(purpose: string): string {
    return b64(crypto.createHmac('sha256', this.key).update(`derive:${purpose}`).digest()).slice(0, 32);
  }

  private sign(payload: string): string {
    return b64(crypto.createHmac('sha256', this.key).update(payload).digest());
  }
}

/** Compares a presented secret with the configured one without leaking timing. */
export function secretMatches(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
