import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { isLoopbackUrl } from './loopbackUrl';

/** Most connector clients kept per app id: a real bot talks to a handful of channel service URLs. */
export const MAX_CONNECTOR_CLIENTS = 32;

/** The bot's own app id as botframework-connector works it out (audience claim, else app id claim). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** The promise kept under `key`, made once; one that fails is dropped, so that the next call tries again. */
function cachedPromise<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    value.catch(() => cache.delete(key));
    cache.set(key, value);
  }
  return value;
}

/** Where the bot may send, and how long it waits. */
export interface OutboundPolicy {
  /** No app id: nobody vouches for an activity's serviceUrl, so replies go only to this machine (the Emulator, the local Direct Line). */
  loopbackOnly: boolean;
  /** Every connector call gives up after this long (a channel that never answers cannot hold a turn). */
  timeoutMs: number;
}

/** Why an activity's serviceUrl was refused (the HTTP answer to the caller). */
export const NOT_LOOPBACK =
  "Without MicrosoftAppId this assistant only replies to a Bot Framework channel on this machine (a serviceUrl on localhost, 127.0.0.0/8 or ::1, such as the Bot Framework Emulator's); this activity names another serviceUrl, so nothing was done.";

type SendOperationRequest = (
  args: { options?: { abortSignal?: AbortSignal } & Record<string, unknown> } & Record<string, unknown>,
  ...rest: unknown[]
) => Promise<unknown>;

/** The client with a time limit on every operation, retries included (the SDK waits as long as the channel likes). */
function limitTime(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const target = client as unknown as { sendOperationRequest?: SendOperationRequest };
  if (typeof target.sendOperationRequest !== 'function') return client;
  const send = target.sendOperationRequest.bind(client);
  target.sendOperationRequest = (args, ...rest) => {
    const limit = AbortSignal.timeout(timeoutMs);
    const given = args.options?.abortSignal;
    return send({ ...args, options: { ...args.options, abortSignal: given ? AbortSignal.any([given, limit]) : limit } }, ...rest);
  };
  return client;
}

/** Connector clients for one app id, one per (service URL, audience), created once, under the outbound policy. */
class CachingConnectorFactory extends ConnectorFactory {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(
    private readonly inner: ConnectorFactory,
    private readonly policy: OutboundPolicy,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    // Refused before any client exists: nothing is sent, and the adapter answers the caller 403.
    if (this.policy.loopbackOnly && !isLoopbackUrl(serviceUrl)) return Promise.reject(new AuthenticationError(NOT_LOOPBACK, 403));
    const key = `${serviceUrl}\n${audience ?? ''}`;
    // The service URL comes with each activity: keep the cache bounded, oldest out first.
    if (!this.clients.has(key) && this.clients.size >= MAX_CONNECTOR_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return cachedPromise(this.clients, key, async () => limitTime(await this.inner.create(serviceUrl, audience), this.policy.timeoutMs));
  }
}

/**
 * The Bot Framework authentication the adapter uses, with the clients it creates for every
 * turn made once and reused.
 *
 * Why: botbuilder 4.23's CloudAdapter builds a new ConnectorClient and a new UserTokenClient
 * (each a fresh HTTP pipeline of about ten policies) for every incoming activity, even when the
 * replies go back in the HTTP response (expectReplies) and neither is used. That was about a
 * tenth of a turn's CPU. The clients hold no per-conversation state (their credentials cache
 * tokens and renew them), and the older BotFrameworkAdapter kept its connector clients in the
 * same way. Authentication itself is not cached: every request is still validated.
 *
 * Every client is made under an {@link OutboundPolicy}: without an app id, only loopback
 * service URLs (otherwise a caller could make the assistant post to any address it names),
 * and a time limit on every call.
 */
export class CachingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly factories = new Map<string, CachingConnectorFactory>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly policy: OutboundPolicy = { loopbackOnly: false, timeoutMs: 10_000 },
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.factoryFor(result.claimsIdentity, result.connectorFactory) };
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factoryFor(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return cachedPromise(this.userTokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private factoryFor(claimsIdentity: ClaimsIdentity, made?: ConnectorFactory): CachingConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    let factory = this.factories.get(appId);
    if (!factory) {
      factory = new CachingConnectorFactory(made ?? this.inner.createConnectorFactory(claimsIdentity), this.policy);
      this.factories.set(appId, factory);
    }
    return factory;
  }
}
