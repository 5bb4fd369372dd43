import crypto from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../platform/logger';
import type { RouteModule } from '../../platform/http/routeModule';
import type { HttpTexts } from '../../knowledge/messageFiles';
import { clientAddress, publicOrigin, sendError } from './httpHelpers';
import { RateLimiter } from './rateLimiter';

/** What the page needs to open a conversation. */
export interface PageToken {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
  /** The Direct Line base URL the browser talks to. */
  domain: string;
}

/** Where page tokens come from: the local Direct Line, or Azure's in exchange for the secret. */
export interface PageTokenSource {
  create(req: Request): Promise<PageToken>;
}

export class ServiceUnavailableError extends Error {}

/**
 * `POST /api/directline/token`: a conversation token for the resident's browser. The page
 * never sees a Direct Line secret. Rate limited per client address, so a script cannot
 * open conversations without end.
 */
export class PageTokenModule implements RouteModule {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly source: PageTokenSource,
    private readonly logger: Logger,
    /** The council's words (http.yaml): too many new conversations, the chat not available (with the council's phone number). */
    private readonly words: HttpTexts,
    limits: { burst?: number; perMinute?: number } = {},
    private readonly trustProxy = false,
  ) {
    // Generous enough for a library or office where many residents share one address.
    this.limiter = new RateLimiter(limits.burst ?? 30, (limits.perMinute ?? 30) / 60);
  }

  register(server: Server): void {
    server.post('/api/directline/token', async (req: Request, res: Response) => {
      const who = clientAddress(req, this.trustProxy);
      if (!this.limiter.take(who)) {
        const wait = this.limiter.retryAfter(who);
        sendError(res, 429, 'TooManyRequests', this.words.say('chat_busy', { seconds: wait }), { 'Retry-After': String(wait) });
        return;
      }
      try {
        const token = await this.source.create(req);
        res.header('Cache-Control', 'no-store');
        res.send(200, token);
      } catch (err) {
        this.logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'could not get a chat token');
        sendError(res, 503, 'ServiceUnavailable', this.words.say('chat_unavailable'));
      }
    });
  }
}

/** Local mode: tokens from this server's own Direct Line, carrying the page's language (`{"locale": "cy-GB"}` in the body) for the welcome. */
export class LocalTokenSource implements PageTokenSource {
  constructor(private readonly directLine: { createForPage(userId?: string, locale?: string): Promise<Omit<PageToken, 'domain'>> }) {}

  async create(req: Request): Promise<PageToken> {
    const locale = (req.body as { locale?: unknown } | undefined)?.locale;
    return {
      ...(await this.directLine.createForPage(undefined, typeof locale === 'string' ? locale : undefined)),
      domain: `${publicOrigin(req)}/v3/directline`,
    };
  }
}

/**
 * Azure mode: exchanges AZURE_DIRECT_LINE_SECRET for a conversation token at Azure's
 * `POST {endpoint}/tokens/generate`, server-side.
 */
export class AzureTokenSource implements PageTokenSource {
  constructor(
    private readonly endpoint: string,
    private readonly secret: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async create(): Promise<PageToken> {
    const userId = `dl_${crypto.randomUUID().replace(/-/g, '')}`;
    const response = await fetch(`${this.endpoint}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new ServiceUnavailableError(`Azure Direct Line answered ${response.status}`);
    const body = (await response.json()) as { conversationId?: unknown; token?: unknown; expires_in?: unknown };
    if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') throw new ServiceUnavailableError('Azure Direct Line sent no token');
    return {
      conversationId: body.conversationId,
      token: body.token,
      expires_in: typeof body.expires_in === 'number' ? body.expires_in : 1800,
      userId,
      domain: this.endpoint,
    };
  }
}
