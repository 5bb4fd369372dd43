import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../platform/logger';
import { eventually } from '../support/eventually';
import { freshDataFolder, shareTrainedModels } from '../support/dataFolder';

export interface Recorded {
  conversationId: string;
  text: string;
}

/** A stand-in channel: records what the bot sends to its serviceUrl (proactive messages). */
export async function startChannel() {
  const received: Recorded[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      try {
        const activity = JSON.parse(body || '{}') as { text?: string; type?: string };
        if (m && activity.type === 'message') received.push({ conversationId: decodeURIComponent(m[1]), text: activity.text ?? '' });
      } catch {
        /* not JSON */
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `a${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export interface BotHarness {
  app: App;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export async function startBot(env: Record<string, string> = {}, now?: () => Date, dataDir?: string): Promise<BotHarness> {
  const dir = dataDir ?? freshDataFolder('services-bot');
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '100',
    INTENTS_DIR: path.resolve(__dirname, 'fixtures', 'intents'),
    ...env,
  });
  const app = await createApp(config, createLogger('silent'), 'test', { now });
  shareTrainedModels(dir);
  const port = await app.server.listen(0, '127.0.0.1');
  return {
    app,
    port,
    dataDir: dir,
    async close() {
      await app.close();
    },
  };
}

export type Channel = Awaited<ReturnType<typeof startChannel>>;

/** One bot (clock `now`) and one stand-in channel for a whole test file: started before its tests, closed after. */
export function useBotAndChannel(now: () => Date): { readonly bot: BotHarness; readonly channel: Channel } {
  const live = {} as { bot: BotHarness; channel: Channel };
  beforeAll(async () => {
    live.channel = await startChannel();
    live.bot = await startBot({}, now);
  });
  afterAll(async () => {
    await live.bot?.close();
    await live.channel?.close();
  });
  return live;
}

/** A resident's conversation: each `say` returns the texts (and buttons) the bot replied with. */
export class Conversation {
  private n = 0;
  constructor(
    private readonly bot: BotHarness,
    readonly id: string,
    private readonly serviceUrl: string,
  ) {}

  async say(text: string): Promise<{ texts: string[]; choices: string[]; all: string }> {
    const res = await fetch(`http://127.0.0.1:${this.bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `m${++this.n}`,
        text,
        channelId: 'test',
        serviceUrl: this.serviceUrl,
        deliveryMode: 'expectReplies',
        from: { id: 'resident-1', name: 'Resident' },
        recipient: { id: 'bot', name: 'Bot' },
        conversation: { id: this.id },
        locale: 'en-GB',
      }),
    });
    if (res.status !== 200) throw new Error(`bot answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { activities: Array<{ type: string; text?: string; suggestedActions?: { actions: Array<{ title: string }> } }> };
    const messages = body.activities.filter((a) => a.type === 'message');
    const texts = messages.map((a) => a.text ?? '');
    const choices = messages.flatMap((a) => a.suggestedActions?.actions.map((x) => x.title) ?? []);
    return { texts, choices, all: texts.join('\n') };
  }

  /** Bound wait for an outcome (never a timing assertion). */
  static until<T>(check: () => Promise<T | undefined> | T | undefined, what: string, limitMs = 15_000): Promise<T> {
    return eventually(check, { what, timeoutMs: limitMs });
  }
}
