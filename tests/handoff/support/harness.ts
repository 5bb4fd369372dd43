import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { createApp, type App } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../platform/logger';
import { FakeChannel, type ChannelActivity } from './fakeChannel';
import { setCookies } from '../../../scripts/lib/setCookies';
import { eventually } from '../../support/eventually';
import { freshDataFolder, shareTrainedModels } from '../../support/dataFolder';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PASSWORD = 'correct horse battery staple';

export interface Harness {
  app: App;
  url: string;
  channel: FakeChannel;
  dataDir: string;
  close(): Promise<void>;
}

/** The app on a throwaway data folder; `now`: its clock (createApp's), the real one by default. */
export async function startApp(env: Record<string, string> = {}, channel?: FakeChannel, now?: () => Date): Promise<Harness> {
  const dataDir = freshDataFolder('handoff');
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    INTENTS_DIR: path.join(ROOT, 'intents', 'data'),
    CONTACT_CENTRE_CONFIG: path.join(FIXTURES, 'always-open.yaml'),
    SHUTDOWN_GRACE_MS: '200',
    ...env,
  });
  const app = await createApp(config, createLogger('silent'), 'test', { now });
  shareTrainedModels(dataDir);
  const port = await app.server.listen(0, '127.0.0.1');
  const ch = channel ?? (await new FakeChannel().start());
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    channel: ch,
    dataDir,
    async close() {
      await app.close();
      if (!channel) await ch.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `npm run staff:…` (scripts/<script> with `args`, `input` on stdin) against the running assistant's database, as an administrator would. */
export async function staffScript(h: Harness, script: string, args: string[], input = ''): Promise<{ code: number | null; out: string }> {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [`scripts/${script}`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: h.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(input);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, out };
}

let counter = 0;
export function newConversationId(): string {
  return `conv-${process.pid}-${Date.now()}-${++counter}`;
}

/** A resident's message to /api/messages; replies go to the fake channel (serviceUrl). */
export async function residentSays(
  url: string,
  channelUrl: string,
  conversationId: string,
  text: string,
  extra: Partial<ChannelActivity> = {},
): Promise<number> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Date.now()}-${Math.random()}`,
      text,
      locale: 'en-GB',
      channelId: 'test',
      serviceUrl: channelUrl,
      from: { id: `resident-${conversationId}`, name: 'Resident', role: 'user' },
      recipient: { id: 'bot', name: 'Council Assistant', role: 'bot' },
      conversation: { id: conversationId },
      ...extra,
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

export async function residentActivity(url: string, channelUrl: string, conversationId: string, activity: Partial<ChannelActivity>): Promise<number> {
  return residentSays(url, channelUrl, conversationId, '', { text: undefined, ...activity });
}

/** Parsed JSON from the console API, read loosely in tests. */
export type Json = ReturnType<typeof JSON.parse>;

export interface StaffClient {
  cookie: string;
  csrf: string;
  api(method: string, route: string, body?: unknown, opts?: { csrf?: string | null; cookie?: string | null }): Promise<{ status: number; body: Json }>;
}

/** Gets the sign-in form (token + cookie) and posts it; returns the response. */
export async function postSignIn(url: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  const form = await fetch(`${url}/agent/sign-in`);
  const html = await form.text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)![1];
  const pre = setCookies(form);
  return fetch(`${url}/agent/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ca_signin=${pre.ca_signin}`, ...headers },
    body: new URLSearchParams({ username, password, csrf: token }).toString(),
  });
}

export async function signIn(url: string, username: string, password = PASSWORD): Promise<StaffClient> {
  const res = await postSignIn(url, username, password);
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = `ca_staff=${setCookies(res).ca_staff}`;
  const me = await fetch(`${url}/agent/api/me`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const client: StaffClient = {
    cookie,
    csrf: csrfToken,
    async api(method, route, body, opts = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const c = opts.cookie === undefined ? cookie : opts.cookie;
      if (c) headers.Cookie = c;
      const t = opts.csrf === undefined ? csrfToken : opts.csrf;
      if (t && method !== 'GET') headers['X-CSRF-Token'] = t;
      const res = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
  };
  return client;
}

export interface ConsoleSocket {
  ws: WebSocket;
  /** Every frame the console received, parsed. */
  inbox: Json[];
  api: StaffClient['api'];
}

/** Signs in and opens the console's live channel, as the console page does; resolves once it says hello. */
export async function openConsole(h: Pick<Harness, 'url'>, username: string, password = PASSWORD): Promise<ConsoleSocket> {
  const client = await signIn(h.url, username, password);
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/agent/api/ws`, { headers: { Cookie: client.cookie, Origin: h.url } });
  const inbox: Json[] = [];
  ws.on('message', (d) => inbox.push(JSON.parse(d.toString())));
  await eventually(() => inbox.some((m) => m.type === 'hello'));
  return { ws, inbox, api: client.api };
}

export { eventually };
