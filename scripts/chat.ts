/**
 * `npm run chat`: talk to the assistant in a terminal (like `rasa shell`). Connects to the bot
 * at CHAT_BOT_URL (default http://localhost:PORT) if one is running, otherwise starts one in
 * this process. Replies, including later proactive ones, arrive on a small local channel
 * server, exactly as they would from a real channel. Type a number to pick a choice.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import readline from 'node:readline';
import { randomUUID } from 'node:crypto';
import type { Activity, CardAction } from 'botbuilder';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../platform/logger';
import { renderActivity } from './lib/renderActivity';
import { loadDotEnv } from '../bot/dotEnv';

let choices: CardAction[] = [];

function show(activity: Partial<Activity>): void {
  const { lines, choices: next } = renderActivity(activity);
  if (!lines.length && !next.length) return;
  for (const line of lines) process.stdout.write(`\x1b[36mbot>\x1b[0m ${line.replace(/\n/g, '\n     ')}\n`);
  // As in Web Chat, the choices on offer are the latest message's: a message without any withdraws
  // the earlier ones, so that a number typed in answer to it is sent as typed.
  if (activity.type === 'message') choices = next;
  next.forEach((c, i) => process.stdout.write(`     ${i + 1}. ${c.title ?? c.value}\n`));
}

/** The channel side: receives what the bot sends (Bot Framework connector routes). */
function startChannel(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        try {
          show(JSON.parse(body) as Partial<Activity>);
        } catch {
          /* not an activity */
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: randomUUID() }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(process.env);
  let botUrl = process.env.CHAT_BOT_URL ?? `http://localhost:${config.port}`;
  let close = (): Promise<void> => Promise.resolve();
  if (!(await reachable(botUrl))) {
    const app = await createApp(config, createLogger('silent'), 'chat');
    const port = await app.server.listen(0, '127.0.0.1');
    botUrl = `http://127.0.0.1:${port}`;
    close = () => app.close();
  }
  const channel = await startChannel();
  const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
  const conversation = { id: `chat-${randomUUID()}` };
  const user = { id: `terminal-user`, name: 'You' };
  const bot = { id: 'council-assistant', name: 'Council Assistant' };

  const send = async (activity: Partial<Activity>) => {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        channelId: 'terminal',
        serviceUrl,
        conversation,
        from: user,
        recipient: bot,
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        locale: 'en-GB',
        ...activity,
      }),
    });
    if (!res.ok && res.status !== 202) process.stdout.write(`(the bot answered HTTP ${res.status})\n`);
  };

  process.stdout.write(`Talking to ${botUrl}. Type a message, a number to pick a choice, or /quit.\n`);
  await send({ type: 'conversationUpdate', membersAdded: [user, bot] });
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '\x1b[33myou>\x1b[0m ' });
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '/quit' || input === '/exit') break;
    const n = Number(input);
    const choice = Number.isInteger(n) && n >= 1 && n <= choices.length ? choices[n - 1] : undefined;
    if (choice) {
      const text = choice.type === 'messageBack' ? choice.text : String(choice.value ?? choice.title);
      await send({ type: 'message', text, value: choice.type === 'messageBack' ? choice.value : undefined });
    } else {
      await send({ type: 'message', text: line });
    }
    rl.prompt();
  }
  rl.close();
  channel.close();
  await close();
  process.exit(0);
}

main().catch((err: Error) => {
  process.stderr.write(`chat failed: ${err.message}\n`);
  process.exit(1);
});
