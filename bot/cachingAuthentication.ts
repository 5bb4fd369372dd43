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

/** Connector clients for one app id, one per (service URL, audience), created once. */
class CachingConnectorFactory extends ConnectorFactory {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${serviceUrl}\n${audience ?? ''}`;
    // The service URL comes with each activity: keep the cache bounded, oldest out first.
    if (!this.clients.has(key) && this.clients.size >= MAX_CONNECTOR_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return cachedPromise(this.clients, key, () => this.inner.create(serviceUrl, audience));
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
 */
export class CachingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly factories = new Map<string, CachingConnectorFactory>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
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
      factory = new CachingConnectorFactory(made ?? this.inner.createConnectorFactory(claimsIdentity));
      this.factories.set(appId, factory);
    }
    return factory;
  }
}
