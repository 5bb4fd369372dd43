import http from 'node:http';
import type net from 'node:net';
import { ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { AuthenticationError, ClaimsIdentity, ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachingBotFrameworkAuthentication, NOT_LOOPBACK } from '../../../bot/hosting/cachingAuthentication';
import { isLoopbackUrl } from '../../../bot/hosting/loopbackUrl';
import { KyselyStorage } from '../../../platform/storage/kyselyStorage';
import { messageActivity, postExpectReplies, startChannel, startTestApp, type RunningApp } from '../../support/http';

/** Addresses from the documentation ranges and elsewhere: none is ever contacted (the refusal comes first). */
const NOT_LOOPBACK_URLS = [
  'http://192.0.2.10:9/',
  'https://smba.trafficmanager.net/uk/',
  'http://169.254.169.254/latest/',
  'http://localhost.example/',
  'http://[::ffff:127.0.0.1]/',
  'file:///etc/passwd',
];

describe('which service URLs count as this machine', () => {
  it.each(['http://localhost:9000/', 'http://127.0.0.1:53012', 'https://127.1.2.3/x', 'http://127.1/', 'http://[::1]:3978/'])('%s is loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it.each([...NOT_LOOPBACK_URLS, 'not a url', ''])('%s is not', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('connector clients without an app id', () => {
  /** An inner factory that records what it was asked to make: a refused URL never reaches it. */
  class Recording extends ConnectorFactory {
    readonly asked: string[] = [];
    create(serviceUrl: string): Promise<ConnectorClient> {
      this.asked.push(serviceUrl);
      return Promise.resolve({} as ConnectorClient);
    }
  }

  it('refuses a non-loopback serviceUrl with 403 before any client exists, and makes loopback ones', async () => {
    const recording = new Recording();
    const inner = new ConfigurationBotFrameworkAuthentication({});
    inner.createConnectorFactory = () => recording;
    const auth = new CachingBotFrameworkAuthentication(inner, { loopbackOnly: true, timeoutMs: 1000 });
    const connectorFactory = auth.createConnectorFactory(new ClaimsIdentity([], true));
    for (const url of NOT_LOOPBACK_URLS) {
      const refusal = await connectorFactory.create(url).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(AuthenticationError);
      expect((refusal as AuthenticationError).statusCode).toBe(403);
    }
    await connectorFactory.create('http://127.0.0.1:9');
    expect(recording.asked).toEqual(['http://127.0.0.1:9']);
  });
});

describe('POST /api/messages without an app id', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ CONNECTOR_TIMEOUT_MS: '300' });
  });
  afterAll(async () => running?.app.close());

  const conversationState = async (conversationId: string, channelId = 'test') => {
    const key = `${channelId}/conversations/${conversationId}/`;
    return (await new KyselyStorage(running.app.database.db).read([key]))[key];
  };

  it.each(NOT_LOOPBACK_URLS.slice(0, 3))('refuses an activity whose serviceUrl is %s (403, a clear message, the bot never runs)', async (serviceUrl) => {
    // expectReplies: even if the check were missing, the replies would come back in the HTTP answer and nothing would be sent anywhere.
    const conversationId = `conv-ssrf-${serviceUrl.length}`;
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(messageActivity('hello', conversationId, { serviceUrl })),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe(NOT_LOOPBACK);
    expect(await conversationState(conversationId)).toBeUndefined();
  });

  it('still answers the Emulator on loopback', async () => {
    const { status, replies } = await postExpectReplies(running.url, messageActivity('hello', 'conv-loopback', { serviceUrl: 'http://localhost:49152' }));
    expect(status).toBe(200);
    expect(replies.length).toBeGreaterThan(0);
    expect(await conversationState('conv-loopback')).toBeDefined();
  });

  it('refuses a proactive message to a stored non-loopback serviceUrl', async () => {
    const reference: Partial<ConversationReference> = {
      channelId: 'test',
      serviceUrl: 'http://192.0.2.10:9/',
      conversation: { id: 'conv-proactive', isGroup: false, conversationType: '', name: '' },
    };
    let ran = false;
    const sent = running.app.adapter.continueConversationAsync('', reference, () => {
      ran = true;
      return Promise.resolve();
    });
    await expect(sent).rejects.toBeInstanceOf(AuthenticationError);
    expect(ran).toBe(false);
  });

  it('gives up on a channel that never answers (CONNECTOR_TIMEOUT_MS) instead of holding the request open', async () => {
    const sockets = new Set<net.Socket>();
    let requests = 0;
    const silent = http.createServer(() => {
      requests++; // …and never answers
    });
    silent.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(messageActivity('hello', 'conv-silent', { serviceUrl, deliveryMode: undefined })),
        signal: AbortSignal.timeout(20_000),
      });
      // The turn's reply timed out (and so did the apology): the request is answered, the channel was asked.
      expect(res.status).toBeLessThan(600);
      expect(requests).toBeGreaterThan(0);
      // A working channel is still served afterwards.
      const channel = await startChannel();
      try {
        const ok = await fetch(`${running.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(messageActivity('help', 'conv-after-silent', { serviceUrl: channel.url, deliveryMode: undefined })),
        });
        expect(ok.status).toBeLessThan(300);
        expect(channel.received.length).toBeGreaterThan(0);
      } finally {
        await channel.close();
      }
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  }, 30_000);
});
