import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../platform/logger';
import type { RouteModule } from '../../platform/http/routeModule';
import type { HttpTexts } from '../../knowledge/messageFiles';
import { refuseUpgrade, type UpgradeHandler } from '../../platform/http/upgradeRouter';
import { clientActivity, MAX_ACTIVITY_BYTES } from './activityRules';
import type { BotBridge } from './botBridge';
import { LOCAL_CONVERSATION_ID, type ConversationStore, type DirectLineActivity, type StoredConversation } from './conversationStore';
import { bearer, publicOrigin, sendError } from './httpHelpers';
import type { BotReplies } from './botReplies';
import { RateLimiter } from './rateLimiter';
import type { StreamHub } from './streamHub';
import { CONVERSATION_TOKEN_SECONDS, secretMatches, type TokenService } from './tokens';

export interface DirectLineOptions {
  store: ConversationStore;
  tokens: TokenService;
  hub: StreamHub;
  bridge: BotBridge;
  /** The bot's activities into the conversation (the connector routes hand theirs here). */
  replies: BotReplies;
  logger: Logger;
  /** The council's words for a refused request (http.yaml): an expired token, too many messages, a message too large… */
  words: HttpTexts;
  /** DIRECT_LINE_SECRET: when set, only holders of it (or of a token) may use Direct Line. */
  secret?: string;
  /** Messages one conversation may post: a burst, then a steady rate per second. */
  postBurst?: number;
  postPerSecond?: number;
}

/** Who is calling: the holder of the secret, a token bound to one conversation, or nobody (development only). */
type Caller = { kind: 'secret' } | { kind: 'token'; conversationId: string; userId: string; locale?: string } | { kind: 'anonymous' };

const PREFIX = '/v3/directline';
const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,64})\/stream$/;
const USER_ID = /^[A-Za-z0-9_:.@-]{1,64}$/;
/** A language tag a page may give for its conversation ("cy-GB", "en"): BCP 47's shape, short. */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

/**
 * A local Direct Line 3.0 service: what Web Chat and botframework-directlinejs need to talk to
 * this bot without Azure Bot Service. Residents' activities go into the stream (with an id,
 * keeping channelData.clientActivityID) and on to the bot; the bot's replies and proactive
 * messages come back through the Bot Framework connector endpoints, under a path only this
 * server knows, and are pushed to open WebSockets or collected by polling.
 */
export class DirectLineModule implements RouteModule {
  private readonly posts: RateLimiter;
  private readonly connectorKey: string;
  private port = 0;
  /** The stream WebSocket, /v3/directline/conversations/{id}/stream (the server's UpgradeRouter calls it). */
  readonly upgrades: UpgradeHandler[] = [
    {
      matches: (pathname) => STREAM_PATH.test(pathname),
      handle: (req, socket, head, url) => this.upgrade(req, socket, head, url),
    },
  ];

  constructor(private readonly options: DirectLineOptions) {
    this.posts = new RateLimiter(options.postBurst ?? 8, options.postPerSecond ?? 2);
    this.connectorKey = options.tokens.derive('connector');
    options.hub.onLeft((conversationId) => void this.tellBotLeft(conversationId));
  }

  /** The page closed and did not come back (StreamHub's leave grace): the bot hears the resident left, as from a channel. */
  private async tellBotLeft(conversationId: string): Promise<void> {
    try {
      const conversation = await this.options.store.get(conversationId);
      if (conversation)
        await this.options.store.inOneTransaction((turn) => this.options.bridge.left(conversation.id, conversation.userId, this.serviceUrl, turn));
    } catch (err) {
      this.options.logger.warn({ err: { type: (err as Error).name, message: (err as Error).message } }, 'direct line could not tell the bot a resident left');
    }
  }

  register(server: Server): void {
    server.post(`${PREFIX}/tokens/generate`, async (req: Request, res: Response) => this.generate(req, res));
    // eslint-disable-next-line @typescript-eslint/require-await -- restify takes a (req, res) handler only as an AsyncFunction
    server.post(`${PREFIX}/tokens/refresh`, async (req: Request, res: Response) => this.refresh(req, res));
    server.post(`${PREFIX}/conversations`, async (req: Request, res: Response) => this.startConversation(req, res));
    server.get(`${PREFIX}/conversations/:conversationId`, async (req: Request, res: Response) => this.resume(req, res));
    server.post(`${PREFIX}/conversations/:conversationId/activities`, async (req: Request, res: Response) => this.post(req, res));
    server.get(`${PREFIX}/conversations/:conversationId/activities`, async (req: Request, res: Response) => this.poll(req, res));
    // eslint-disable-next-line @typescript-eslint/require-await -- restify takes a (req, res) handler only as an AsyncFunction
    server.post(`${PREFIX}/conversations/:conversationId/upload`, async (_req: Request, res: Response) =>
      sendError(res, 400, 'BadArgument', this.options.words.say('files_not_available')),
    );
    server.post('/connector/:key/v3/conversations/:conversationId/activities', async (req: Request, res: Response) => this.fromBot(req, res));
    server.post('/connector/:key/v3/conversations/:conversationId/activities/:activityId', async (req: Request, res: Response) => this.fromBot(req, res));
    server.server.on('listening', () => (this.port = (server.address() as AddressInfo | null)?.port ?? 0));
  }

  /**
   * /api/messages never reaches this Direct Line's conversations: not under its channel id
   * (the state of its conversations and residents is kept under "directline"), nor under any
   * channel id with one of its conversation ids (handoffs and service requests know a
   * conversation by its id alone). Only this module hands them to the bot, through the bridge.
   */
  async refuseActivity(activity: Activity): Promise<string | undefined> {
    const local = "This conversation belongs to the assistant's own Direct Line: use /v3/directline with its token.";
    if (String(activity.channelId ?? '').toLowerCase() === 'directline') return local;
    const id = activity.conversation.id;
    // Only an id of the shape this store makes can be one of its conversations (no query for Teams' and others').
    return LOCAL_CONVERSATION_ID.test(id) && (await this.options.store.get(id)) ? local : undefined;
  }

  /** Where the adapter sends the bot's activities: this server, on loopback, under the connector key. */
  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/connector/${this.connectorKey}/`;
  }

  close(): Promise<void> {
    this.options.hub.close();
    return Promise.resolve();
  }

  // ---- authentication -------------------------------------------------------------------

  private caller(req: IncomingMessage): Caller | undefined {
    const presented = bearer(req);
    const secret = this.options.secret;
    if (!presented) return secret ? undefined : { kind: 'anonymous' };
    if (secret && secretMatches(presented, secret)) return { kind: 'secret' };
    const check = this.options.tokens.verify(presented, 'conversation');
    return check.ok ? { kind: 'token', conversationId: check.claims.conversationId, userId: check.claims.userId, locale: check.claims.locale } : undefined;
  }

  /** The conversation the caller asks for, if it may use it; otherwise the 403/404 has been sent. */
  private async authorise(req: Request, res: Response): Promise<{ caller: Caller; conversation: StoredConversation } | undefined> {
    const caller = this.caller(req);
    const words = this.options.words;
    if (!caller) {
      sendError(res, 403, 'TokenExpired', words.say('token_expired'));
      return undefined;
    }
    const id = String(req.params.conversationId ?? '');
    if (caller.kind === 'token' && caller.conversationId !== id) {
      sendError(res, 403, 'BadArgument', words.say('token_other_conversation'));
      return undefined;
    }
    if (caller.kind === 'anonymous') {
      sendError(res, 403, 'BadArgument', words.say('token_needed'));
      return undefined;
    }
    const conversation = await this.options.store.get(id);
    if (!conversation) {
      sendError(res, 404, 'BadArgument', words.say('conversation_not_found'));
      return undefined;
    }
    return { caller, conversation };
  }

  private conversationReply(req: IncomingMessage, conversation: StoredConversation, watermark?: number) {
    const t = this.options.tokens;
    const stream = t.issue('stream', conversation.id, conversation.userId);
    const query = new URLSearchParams({ t: stream });
    if (watermark !== undefined) query.set('watermark', String(watermark));
    return {
      conversationId: conversation.id,
      token: t.issue('conversation', conversation.id, conversation.userId),
      expires_in: CONVERSATION_TOKEN_SECONDS,
      streamUrl: `${publicOrigin(req, true)}${PREFIX}/conversations/${conversation.id}/stream?${query.toString()}`,
      referenceGrammarId: undefined,
    };
  }

  // ---- Direct Line routes ---------------------------------------------------------------

  /**
   * A token for a new conversation, for a page to hand to its browser (the secret stays on the server).
   * `locale`: the page's language, which the bot hears with the conversation's start (so it welcomes in it).
   */
  async createForPage(userId?: string, locale?: string): Promise<{ conversationId: string; token: string; expires_in: number; userId: string }> {
    const conversation = await this.options.store.create(userId && USER_ID.test(userId) ? userId : `dl_${crypto.randomBytes(12).toString('base64url')}`);
    return {
      conversationId: conversation.id,
      token: this.options.tokens.issue('conversation', conversation.id, conversation.userId, undefined, locale && LOCALE.test(locale) ? locale : undefined),
      expires_in: CONVERSATION_TOKEN_SECONDS,
      userId: conversation.userId,
    };
  }

  private async generate(req: Request, res: Response): Promise<void> {
    const caller = this.caller(req);
    if (!caller || caller.kind === 'token') {
      sendError(res, 403, 'BadArgument', 'Generating a token needs the Direct Line secret.');
      return;
    }
    const body = (req.body ?? {}) as { user?: { id?: unknown } };
    const userId = typeof body.user?.id === 'string' ? body.user.id : undefined;
    if (userId !== undefined && !USER_ID.test(userId)) {
      sendError(res, 400, 'BadArgument', 'user.id may only use letters, digits and _ : . @ - (64 at most).');
      return;
    }
    const { userId: _omit, ...reply } = await this.createForPage(userId);
    res.send(200, reply);
  }

  private refresh(req: Request, res: Response): void {
    const caller = this.caller(req);
    if (!caller || caller.kind !== 'token') {
      sendError(res, 403, 'TokenExpired', this.options.words.say('refresh_needs_token'));
      return;
    }
    res.send(200, {
      conversationId: caller.conversationId,
      token: this.options.tokens.issue('conversation', caller.conversationId, caller.userId, undefined, caller.locale),
      expires_in: CONVERSATION_TOKEN_SECONDS,
    });
  }

  private async startConversation(req: Request, res: Response): Promise<void> {
    const caller = this.caller(req);
    if (!caller) {
      sendError(res, 403, 'TokenExpired', this.options.words.say('token_expired'));
      return;
    }
    const store = this.options.store;
    const conversation =
      caller.kind === 'token' ? await store.get(caller.conversationId) : await store.create(`dl_${crypto.randomBytes(12).toString('base64url')}`);
    if (!conversation) {
      sendError(res, 404, 'BadArgument', this.options.words.say('conversation_not_found'));
      return;
    }
    const fresh = await store.markStarted(conversation.id);
    if (fresh && !(await this.tellBotStarted(conversation, res, caller.kind === 'token' ? caller.locale : undefined))) return;
    res.send(fresh ? 201 : 200, this.conversationReply(req, conversation));
  }

  private async resume(req: Request, res: Response): Promise<void> {
    const auth = await this.authorise(req, res);
    if (!auth) return;
    const watermark = parseWatermark(req.query?.watermark);
    const locale = auth.caller.kind === 'token' ? auth.caller.locale : undefined;
    if ((await this.options.store.markStarted(auth.conversation.id)) && !(await this.tellBotStarted(auth.conversation, res, locale))) return;
    res.send(200, this.conversationReply(req, auth.conversation, watermark));
  }

  /** Tells the bot a conversation began; false (and a 502 sent, without the error's words) when the bot could not take it. */
  private async tellBotStarted(conversation: StoredConversation, res: Response, locale?: string): Promise<boolean> {
    try {
      await this.options.store.inOneTransaction((turn) => this.options.bridge.start(conversation.id, conversation.userId, this.serviceUrl, turn, locale));
      return true;
    } catch (err) {
      this.options.logger.error(
        { err: { type: (err as Error).name, message: (err as Error).message } },
        'direct line could not start a conversation with the bot',
      );
      sendError(res, 502, 'ServiceError', this.options.words.say('could_not_start'));
      return false;
    }
  }

  private async post(req: Request, res: Response): Promise<void> {
    const auth = await this.authorise(req, res);
    if (!auth) return;
    const { conversation } = auth;
    if (!this.posts.take(conversation.id)) {
      const wait = this.posts.retryAfter(conversation.id);
      const words = this.options.words;
      sendError(res, 429, 'TooManyRequests', words.say('too_many_messages', { wait: words.say(wait === 1 ? 'wait_one' : 'wait_other', { seconds: wait }) }), {
        'Retry-After': String(wait),
      });
      return;
    }
    const checked = clientActivity(req.body, this.options.words.say('message_too_large', { kb: MAX_ACTIVITY_BYTES / 1024 }));
    if (!checked.ok) {
      sendError(res, checked.status, checked.code, checked.message);
      return;
    }
    const from = (req.body as { from?: { id?: unknown; name?: unknown } }).from;
    const userId = auth.caller.kind === 'secret' && typeof from?.id === 'string' && USER_ID.test(from.id) ? from.id : conversation.userId;
    const activity = {
      ...checked.activity,
      channelId: 'directline',
      conversation: { id: conversation.id },
      from: { id: userId, ...(typeof from?.name === 'string' ? { name: from.name.slice(0, 100) } : {}), role: 'user' },
      timestamp: new Date().toISOString(),
    };
    const store = this.options.store;
    const bridge = this.options.bridge;
    const logger = this.options.logger;
    let echoed: DirectLineActivity = { ...activity, id: undefined };
    let delivered = true;
    try {
      // The resident's activity, the bot's state and its replies: one commit (issue 23), before the answer.
      await store.inOneTransaction(async (turn) => {
        if (checked.activity.type !== 'typing') echoed = await store.append(conversation.id, activity, turn);
        if (checked.activity.type === 'message') {
          // Web Chat shows its typing indicator until the first reply arrives (shown, not kept).
          store.announce(conversation.id, {
            type: 'typing',
            conversation: { id: conversation.id },
            from: { id: bridge.identity.id, name: bridge.identity.name, role: 'bot' },
            timestamp: new Date().toISOString(),
          });
        }
        try {
          await bridge.deliver(echoed, conversation.id, userId, this.serviceUrl, turn);
        } catch (err) {
          // The resident's message is still kept (committed below), and they are told the bot did not take it.
          delivered = false;
          logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'direct line could not deliver an activity to the bot');
        }
      });
    } catch (err) {
      logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, "direct line could not store a resident's activity");
      sendError(res, 502, 'ServiceError', this.options.words.say('could_not_take_message'));
      return;
    }
    void store.touch(conversation.id).catch(() => undefined);
    if (!delivered) {
      sendError(res, 502, 'ServiceError', this.options.words.say('could_not_take_message'));
      return;
    }
    res.send(200, { id: echoed.id ?? '' });
  }

  private async poll(req: Request, res: Response): Promise<void> {
    const auth = await this.authorise(req, res);
    if (!auth) return;
    const page = await this.options.store.list(auth.conversation.id, parseWatermark(req.query?.watermark) ?? 0);
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const conversationId = STREAM_PATH.exec(url.pathname)?.[1] ?? '';
    const t = url.searchParams.get('t');
    let allowed = false;
    if (t) {
      const check = this.options.tokens.verify(t, 'stream');
      allowed = check.ok && check.claims.conversationId === conversationId;
    } else {
      const caller = this.caller(req);
      allowed = caller?.kind === 'secret' || (caller?.kind === 'token' && caller.conversationId === conversationId);
    }
    if (!allowed) return refuseUpgrade(socket, 403);
    if (!(await this.options.store.get(conversationId))) return refuseUpgrade(socket, 404);
    this.options.hub.accept(req, socket, head, conversationId, parseWatermark(url.searchParams.get('watermark')) ?? 0);
  }

  // ---- Bot Framework connector routes (bot → stream) --------------------------------------

  private async fromBot(req: Request, res: Response): Promise<void> {
    if (!keyMatches(String(req.params.key ?? ''), this.connectorKey)) {
      res.send(403, { error: { code: 'Forbidden', message: 'Unknown connector.' } });
      return;
    }
    const conversation = await this.options.store.get(String(req.params.conversationId ?? ''));
    if (!conversation) {
      res.send(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
      return;
    }
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') {
      res.send(400, { error: { code: 'BadArgument', message: 'The body must be an activity.' } });
      return;
    }
    res.send(200, { id: await this.options.replies.take(conversation.id, body) });
  }
}

function parseWatermark(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) return undefined;
  return Number(value);
}

function keyMatches(given: string, expected: string): boolean {
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
