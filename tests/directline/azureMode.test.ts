import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config';
import { startAssistant, type Running } from './harness';

const SECRET = 'azure-direct-line-secret-that-must-stay-on-the-server';

/** A local fake of Azure Direct Line's token endpoint, speaking its documented wire format. */
function fakeAzure(): Promise<{ server: http.Server; endpoint: string; calls: Array<{ auth?: string; body: string }> }> {
  const calls: Array<{ auth?: string; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ auth: req.headers.authorization, body });
      if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
        res.writeHead(404);
        res.end();
        return;
      }
      if (req.headers.authorization !== `Bearer ${SECRET}`) {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'Invalid secret' } }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ conversationId: 'AzConv123-eu', token: 'azure.conversation.token', expires_in: 3600 }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline`, calls })),
  );
}

describe('DIRECT_LINE_MODE=azure', () => {
  let azure: Awaited<ReturnType<typeof fakeAzure>>;
  let run: Running;
  beforeAll(async () => {
    azure = await fakeAzure();
    run = await startAssistant({ DIRECT_LINE_MODE: 'azure', AZURE_DIRECT_LINE_SECRET: SECRET, AZURE_DIRECT_LINE_ENDPOINT: azure.endpoint });
  });
  afterAll(async () => {
    await run?.stop();
    await new Promise((resolve) => azure?.server.close(resolve));
  });

  it('exchanges the secret for a token server-side; the browser gets only the token', async () => {
    const res = await fetch(`${run.base}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({ conversationId: 'AzConv123-eu', token: 'azure.conversation.token', expires_in: 3600, domain: azure.endpoint });
    const call = azure.calls.at(-1)!;
    expect(call.auth).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(call.body).user.id).toMatch(/^dl_[0-9a-f]{32}$/);
  });

  it('lets the page connect to Azure (CSP) and does not open the local Direct Line', async () => {
    const page = await fetch(`${run.base}/`);
    expect(page.headers.get('content-security-policy')).toContain(new URL(azure.endpoint).origin);
    const html = await page.text();
    expect(html).not.toContain(SECRET);
    expect(html).toContain('"mode":"azure"');
    expect((await fetch(`${run.base}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
  });

  it('tells the resident clearly when Azure cannot be reached', async () => {
    const down = await startAssistant({ DIRECT_LINE_MODE: 'azure', AZURE_DIRECT_LINE_SECRET: 'wrong', AZURE_DIRECT_LINE_ENDPOINT: azure.endpoint });
    try {
      const res = await fetch(`${down.base}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not available just now.*01632 960 000/);
    } finally {
      await down.stop();
    }
  });

  it('needs the Azure secret in azure mode', () => {
    expect(() => loadConfig({ DIRECT_LINE_MODE: 'azure' })).toThrow(ConfigError);
    expect(() => loadConfig({ DIRECT_LINE_MODE: 'cloud' })).toThrow(/DIRECT_LINE_MODE/);
    expect(() => loadConfig({ DIRECT_LINE_SECRET: 'short' })).toThrow(/DIRECT_LINE_SECRET/);
  });
});
