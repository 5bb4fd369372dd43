import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../platform/logger';
import { freshDataFolder, shareTrainedModels } from './dataFolder';

export interface RunningApp {
  app: App;
  url: string;
  dataDir: string;
}

/** The real app on a real port with a throwaway data folder. */
export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = freshDataFolder('ca-app');
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, createLogger('silent'), 'test');
  shareTrainedModels(dataDir);
  const port = await app.server.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${port}`, dataDir };
}

export function messageActivity(text: string, conversationId: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversationId } as Activity['conversation'],
    from: { id: 'resident-1', name: 'Resident' },
    recipient: { id: 'bot', name: 'Council Assistant' },
    locale: 'en-GB',
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

/** Posts an activity with deliveryMode expectReplies and returns the bot's replies (traces dropped). */
export async function postExpectReplies(url: string, activity: Partial<Activity>): Promise<{ status: number; replies: Partial<Activity>[] }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  const body = res.status === 200 ? ((await res.json()) as { activities?: Partial<Activity>[] }) : {};
  return { status: res.status, replies: (body.activities ?? []).filter((a) => a.type !== 'trace') };
}

export function texts(replies: Partial<Activity>[]): string {
  return replies.map((r) => r.text ?? '').join('\n');
}

/** A channel's connector endpoint: records what the bot sends to a serviceUrl. */
export async function startChannel(): Promise<{ url: string; received: Partial<Activity>[]; close(): Promise<void> }> {
  const received: Partial<Activity>[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        received.push(JSON.parse(body) as Partial<Activity>);
        // (restify patches ServerResponse.writeHead so that it does not return the response)
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: randomUUID() }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
