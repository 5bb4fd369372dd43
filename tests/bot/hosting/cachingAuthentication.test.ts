import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationError, ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { CachingBotFrameworkAuthentication, MAX_CONNECTOR_CLIENTS } from '../../../bot/hosting/cachingAuthentication';

const activity = (serviceUrl: string): Activity =>
  ({ type: 'message', text: 'hi', serviceUrl, channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }) as Activity;

describe('CachingBotFrameworkAuthentication', () => {
  it('reuses the connector client for the same service URL and audience, and makes one per service URL', async () => {
    const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const first = await auth.authenticateRequest(activity('http://a.example'), '');
    const second = await auth.authenticateRequest(activity('http://a.example'), '');
    const a1 = await first.connectorFactory!.create('http://a.example', first.audience);
    const a2 = await second.connectorFactory!.create('http://a.example', second.audience);
    const b = await second.connectorFactory!.create('http://b.example', second.audience);
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
    expect((a1 as unknown as { baseUri: string }).baseUri).toBe('http://a.example');
    expect((b as unknown as { baseUri: string }).baseUri).toBe('http://b.example');
    expect(auth.createConnectorFactory(first.claimsIdentity)).toBe(first.connectorFactory);
  });

  it('reuses the user token client', async () => {
    const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const { claimsIdentity } = await auth.authenticateRequest(activity('http://a.example'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  it('keeps a bounded number of connector clients, whatever service URLs arrive', async () => {
    const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const { connectorFactory } = await auth.authenticateRequest(activity('http://a.example'), '');
    const oldest = await connectorFactory!.create('http://host-0.example');
    for (let i = 1; i <= MAX_CONNECTOR_CLIENTS; i++) await connectorFactory!.create(`http://host-${i}.example`);
    expect(await connectorFactory!.create(`http://host-${MAX_CONNECTOR_CLIENTS}.example`)).toBe(
      await connectorFactory!.create(`http://host-${MAX_CONNECTOR_CLIENTS}.example`),
    );
    // The oldest was dropped to make room: asking again makes a new one.
    expect(await connectorFactory!.create('http://host-0.example')).not.toBe(oldest);
  });

  it('does not keep a client whose creation failed', async () => {
    let calls = 0;
    class Flaky extends ConnectorFactory {
      create(): Promise<ConnectorClient> {
        calls++;
        return calls === 1 ? Promise.reject(new Error('no credentials yet')) : Promise.resolve({} as ConnectorClient);
      }
    }
    const inner = new ConfigurationBotFrameworkAuthentication({});
    inner.createConnectorFactory = () => new Flaky();
    const auth = new CachingBotFrameworkAuthentication(inner);
    const { claimsIdentity } = await inner.authenticateRequest(activity('http://a.example'), '');
    const factory = auth.createConnectorFactory(claimsIdentity);
    await expect(factory.create('http://a.example')).rejects.toThrow('no credentials yet');
    await new Promise((r) => setImmediate(r));
    await expect(factory.create('http://a.example')).resolves.toBeDefined();
    expect(calls).toBe(2);
  });

  it('still authenticates every request when the bot has an app id', async () => {
    const auth = new CachingBotFrameworkAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret',
      }),
    );
    for (let i = 0; i < 2; i++) await expect(auth.authenticateRequest(activity('http://a.example'), '')).rejects.toBeInstanceOf(AuthenticationError);
  });
});
