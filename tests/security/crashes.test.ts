import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/http';
import { PASSWORD, signIn, startApp, type Harness } from '../handoff/support/harness';
import { HTTP_MESSAGES } from '../../knowledge/messageFiles';
import { INTERNAL_TEXT, rawRequest, upgradeRequest } from './support';
import { eventually } from '../support/eventually';

async function healthy(url: string): Promise<number> {
  return (await fetch(`${url}/healthz`)).status;
}

function deepJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('hostile requests neither end the process nor show internal errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(async () => h?.close());

  it('refuses an agent-socket upgrade from a sandboxed frame (Origin: null) with 403, and keeps serving', async () => {
    expect(await rawRequest(h.url, upgradeRequest('/agent/api/ws', { Origin: 'null' }))).toBe('HTTP/1.1 403 Forbidden');
    expect(await rawRequest(h.url, upgradeRequest('/agent/api/ws', { Origin: 'not a url' }))).toBe('HTTP/1.1 403 Forbidden');
    expect(await healthy(h.url)).toBe(200);
  });

  it('treats a malformed staff cookie as no session: 401 on the socket, the sign-in redirect on the page', async () => {
    expect(await rawRequest(h.url, upgradeRequest('/agent/api/ws', { Cookie: 'ca_staff=%E0%A4%A' }))).toBe('HTTP/1.1 401 Unauthorized');
    const page = await fetch(`${h.url}/agent`, { redirect: 'manual', headers: { Cookie: 'ca_staff=%E0%A4%A' } });
    expect(page.status).toBe(303);
    const api = await fetch(`${h.url}/agent/api/me`, { headers: { Cookie: 'ca_staff=%E0%A4%A' } });
    expect(api.status).toBe(401);
    expect(await healthy(h.url)).toBe(200);
  });

  it('answers an upgrade on a malformed path with 400, and one on an unknown path with 404 (not a hanging socket)', async () => {
    expect(await rawRequest(h.url, upgradeRequest('//['))).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawRequest(h.url, upgradeRequest('/nothing/here'))).toBe('HTTP/1.1 404 Not Found');
    expect(await rawRequest(h.url, upgradeRequest('/v3/directline/conversations/%ZZ/stream?t=x'))).toMatch(/^HTTP\/1\.1 40[34] /);
    expect(await healthy(h.url)).toBe(200);
  });

  it('refuses JSON nested 20,000 deep with 400 and no internal text, on every route', async () => {
    const activity = JSON.stringify(messageActivity('hello', 'deep')).slice(0, -1);
    for (const route of ['/api/messages', '/v3/directline/conversations', '/open311/v2/requests.json', '/agent/api/cases']) {
      const res = await fetch(`${h.url}${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `${activity},"value":${deepJson(20_000)}}`,
      });
      const text = await res.text();
      expect(res.status, route).toBe(400);
      expect(text, route).not.toMatch(INTERNAL_TEXT);
      expect(text, route).toContain('deep');
    }
    // An ordinary activity, nested as cards are, still gets through.
    const nested = messageActivity('hello', 'deep-ok', { value: JSON.parse(`{"a":${deepJson(30)}}`) });
    const ok = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(nested) });
    expect(ok.status).toBe(200);
  });

  it('refuses multipart uploads with 415 on every POST route, and writes no temporary file', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-upload-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      for (const route of ['/api/messages', '/agent/sign-in', '/open311/v2/requests.json', '/v3/directline/conversations', '/agent/api/cases']) {
        const form = new FormData();
        form.append('file', new Blob([Buffer.alloc(512 * 1024, 7)]), 'big.bin');
        form.append('service_code', 'fly_tipping');
        const res = await fetch(`${h.url}${route}`, { method: 'POST', body: form });
        expect(res.status, route).toBe(415);
        expect(((await res.json()) as { error: string }).error).toMatch(/JSON/);
      }
      const other = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'a,b\n1,2' });
      expect(other.status).toBe(415);
      // Not gzip at all: restify's reader emitted an unhandled 'error' from its Gunzip and the process ended.
      const gzip = await fetch(`${h.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: '{"type":"message"}',
      });
      expect(gzip.status).toBe(415);
      expect(await healthy(h.url)).toBe(200);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a body announced as larger than the limit with 413 at once, without waiting for bytes that never come', async () => {
    const status = await rawRequest(
      h.url,
      'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{"type":',
    );
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('answers a non-string serviceUrl with 400 naming the field', async () => {
    const res = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...messageActivity('hi', 'svc-url'), serviceUrl: { toString: 1 } }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('serviceUrl');
  });
});

describe('a console message while the database is down', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close().catch(() => undefined));

  it('is answered with an error on the socket, and the process keeps serving', async () => {
    const sam = await signIn(h.url, 'sam');
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/agent/api/ws`, { headers: { Cookie: sam.cookie } });
    const messages: Array<{ type: string; error?: string }> = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as { type: string }));
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    await h.app.database.db.destroy();
    ws.send(JSON.stringify({ type: 'send', handoffId: 'x', text: 'hello' }));
    await eventually(() => messages.some((m) => m.type === 'error'), { what: 'an error message on the console socket' });
    expect(messages.find((m) => m.type === 'error')?.error).toMatch(/try again/);
    expect(JSON.stringify(messages)).not.toMatch(INTERNAL_TEXT);
    // The database is gone, so health says so, but the server still answers.
    expect(await healthy(h.url)).toBe(503);
    ws.close();
    // Routes whose queries now fail answer a plain 500: the database driver's words stay in the log.
    for (const [method, route] of [
      ['POST', '/v3/directline/conversations'],
      ['GET', '/agent/api/queue'],
      ['POST', '/api/directline/token'],
    ]) {
      const res = await fetch(`${h.url}${route}`, { method, headers: { Cookie: sam.cookie } });
      expect(res.status, route).toBeGreaterThanOrEqual(500);
      const body = await res.text();
      expect(body, route).not.toMatch(/destroyed|driver|sqlite|kysely/i);
      if (res.status === 500) expect(JSON.parse(body), route).toEqual({ error: HTTP_MESSAGES.shipped().internal_error });
    }
  });
});
