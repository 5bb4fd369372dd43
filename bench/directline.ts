/**
 * `npm run bench:directline`: what a resident waits for over the local Direct Line. Starts the
 * assistant in this process on 127.0.0.1 with a temporary SQLite database, then, for
 * CONVERSATIONS conversations one after another: gets a page token, starts the conversation,
 * opens the WebSocket stream, waits for the welcome, sends MESSAGES messages (one at a time,
 * under the rate limit) and times each from POST to the bot's reply arriving on the socket.
 * Prints a table, then as the last line one JSON object:
 * {"conversations","messages","openP50Ms","openP95Ms","replyP50Ms","replyP95Ms","replyMaxMs","rssMb"}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../platform/logger';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20);
const MESSAGES = 5;
const TEXTS = ['when is my bin day', 'there is a pothole on mill lane', 'help', 'how do i pay my council tax', 'thanks'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

interface ActivitySet {
  activities: Array<{ type: string; from: { role?: string }; replyToId?: string }>;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dl-'));
  const app = await createApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'), 'bench');
  const port = await app.server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const opens: number[] = [];
  const replies: number[] = [];
  try {
    for (let c = 0; c < CONVERSATIONS; c++) {
      const t0 = performance.now();
      const { token, conversationId } = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const { streamUrl } = (await (await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers })).json()) as { streamUrl: string };
      const ws = new WebSocket(streamUrl);
      const seen: ActivitySet['activities'] = [];
      let notify: (() => void) | undefined;
      ws.on('message', (data) => {
        seen.push(...(JSON.parse(String(data)) as ActivitySet).activities);
        notify?.();
      });
      const botMessage = (replyTo?: string) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (seen.some((a) => a.type === 'message' && a.from.role === 'bot' && (!replyTo || a.replyToId === replyTo))) resolve();
          };
          notify = check;
          check();
        });
      await botMessage();
      opens.push(performance.now() - t0);
      for (let m = 0; m < MESSAGES; m++) {
        const sent = performance.now();
        const res = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ type: 'message', text: TEXTS[m % TEXTS.length] }),
        });
        const { id } = (await res.json()) as { id: string };
        // The POST returns after the turn, so the reply is usually here already.
        await botMessage(id);
        replies.push(performance.now() - sent);
        await new Promise((r) => setTimeout(r, 500)); // stay under 2 messages a second
      }
      ws.close();
    }
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const r = (x: number) => Math.round(x * 10) / 10;
  const result = {
    conversations: CONVERSATIONS,
    messages: replies.length,
    openP50Ms: r(pct(opens, 50)),
    openP95Ms: r(pct(opens, 95)),
    replyP50Ms: r(pct(replies, 50)),
    replyP95Ms: r(pct(replies, 95)),
    replyMaxMs: r(Math.max(...replies)),
    rssMb,
  };
  process.stdout.write(`| measure | ms |\n|---|---|\n`);
  process.stdout.write(`| open conversation to welcome, p50 / p95 | ${result.openP50Ms} / ${result.openP95Ms} |\n`);
  process.stdout.write(`| message to reply on the WebSocket, p50 / p95 / max | ${result.replyP50Ms} / ${result.replyP95Ms} / ${result.replyMaxMs} |\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
