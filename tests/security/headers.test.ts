import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config';
import { SecurityHeaders } from '../../bot/securityHeaders';
import { startTestApp, type RunningApp } from '../support/http';

describe('security headers on every response', () => {
  let plain: RunningApp;
  let proxied: RunningApp;
  beforeAll(async () => {
    plain = await startTestApp();
    proxied = await startTestApp({ TRUST_PROXY: 'true', ALLOWED_EMBEDDERS: 'https://www.anytown.gov.uk, https://*.anytown.gov.uk' });
  });
  afterAll(async () => {
    await plain?.app.close();
    await proxied?.app.close();
  });

  it('sends nosniff and frame-ancestors (default: this site only) on JSON, Open311, errors and pages', async () => {
    for (const route of ['/healthz', '/open311/v2/services.json', '/open311/v2/requests/none.json', '/no/such/route', '/agent/api/me', '/vendor/webchat.js']) {
      const res = await fetch(`${plain.url}${route}`);
      expect(res.headers.get('x-content-type-options'), route).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), route).toContain("frame-ancestors 'self'");
      expect(res.headers.get('strict-transport-security'), route).toBeNull();
    }
    const page = await fetch(`${plain.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    // The resident page keeps its own policy (Web Chat from this server) and adds who may frame it.
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
  });

  it('lets the council sites in ALLOWED_EMBEDDERS frame the page, and the agent console still nobody', async () => {
    const page = await fetch(`${proxied.url}/?embed=1`);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors https://www.anytown.gov.uk https://*.anytown.gov.uk');
    const statement = await fetch(`${proxied.url}/accessibility`);
    expect(statement.headers.get('content-security-policy')).toContain('frame-ancestors https://www.anytown.gov.uk https://*.anytown.gov.uk');
    const signIn = await fetch(`${proxied.url}/agent/sign-in`);
    expect(signIn.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it("sends HSTS only for HTTPS: a trusted proxy's X-Forwarded-Proto, never an untrusted one", async () => {
    const viaProxy = await fetch(`${proxied.url}/healthz`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(viaProxy.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    const plainHttp = await fetch(`${proxied.url}/healthz`, { headers: { 'X-Forwarded-Proto': 'http' } });
    expect(plainHttp.headers.get('strict-transport-security')).toBeNull();
    const untrusted = await fetch(`${plain.url}/healthz`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS on a TLS socket whatever the proxy setting', () => {
    const set: Record<string, string> = {};
    const res = { setHeader: (k: string, v: string) => (set[k] = v) } as unknown as ServerResponse;
    new SecurityHeaders({ allowedEmbedders: ["'self'"], trustProxy: false }).apply(
      { socket: { encrypted: true }, headers: {} } as unknown as IncomingMessage,
      res,
    );
    expect(set['Strict-Transport-Security']).toMatch(/^max-age=/);
  });
});

describe('ALLOWED_EMBEDDERS', () => {
  it("defaults to 'self' and takes origins separated by spaces or commas", () => {
    expect(loadConfig({}).allowedEmbedders).toEqual(["'self'"]);
    expect(loadConfig({ ALLOWED_EMBEDDERS: "'self' https://a.example,https://b.example:8443" }).allowedEmbedders).toEqual([
      "'self'",
      'https://a.example',
      'https://b.example:8443',
    ]);
    // As a .env file gives it, without the quotes.
    expect(loadConfig({ ALLOWED_EMBEDDERS: 'self' }).allowedEmbedders).toEqual(["'self'"]);
    expect(loadConfig({ ALLOWED_EMBEDDERS: 'http://127.0.0.1:*' }).allowedEmbedders).toEqual(['http://127.0.0.1:*']);
  });

  it.each(['javascript:alert(1)', "https://a.example; script-src 'unsafe-inline'", 'a.example', '*'])('refuses %s', (value) => {
    expect(() => loadConfig({ ALLOWED_EMBEDDERS: value })).toThrow(ConfigError);
  });
});
