import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';

const ROOT = path.resolve(__dirname, '..', '..');

interface Incoming {
  type: string;
  text?: string;
  id: string;
  serviceUrl: string;
  conversation: { id: string };
}

/** A stand-in bot: offers two choices on joining and after "1" or "2", none after anything else. */
function startStandInBot(received: string[]): Promise<http.Server> {
  const reply = async (to: Incoming, text: string, choices: string[]) => {
    const activity = {
      type: 'message',
      text,
      suggestedActions: choices.length ? { actions: choices.map((c) => ({ type: 'imBack', title: c, value: c })) } : undefined,
    };
    await fetch(`${to.serviceUrl}/v3/conversations/${to.conversation.id}/activities/${to.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
    });
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      void (async () => {
        if (req.url === '/healthz') {
          res.end('{"status":"ok"}');
          return;
        }
        const activity = JSON.parse(body) as Incoming;
        if (activity.type === 'conversationUpdate') await reply(activity, 'Welcome', ['Alpha', 'Beta']);
        if (activity.type === 'message') {
          received.push(activity.text ?? '');
          if (['Alpha', 'Beta', 'Gamma', 'Delta'].includes(activity.text ?? '')) await reply(activity, 'Pick again', ['Gamma', 'Delta']);
          else await reply(activity, "What's the postcode?", []);
        }
        res.writeHead(200);
        res.end();
      })();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('npm run chat', () => {
  const received: string[] = [];
  let bot: http.Server;
  beforeAll(async () => {
    bot = await startStandInBot(received);
  });
  afterAll(() => bot.close());

  it('sends the choice a number picks, and a number typed after a message without choices as typed', async () => {
    const url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'chat.ts')], {
      cwd: ROOT,
      env: { ...process.env, CHAT_BOT_URL: url },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Each line is written once the bot's answer to the previous one has been shown.
    const shown = async (count: number) => {
      await eventually(() => (output.match(/bot>/g)?.length ?? 0) >= count, { what: `bot answer ${count}`, timeoutMs: 10_000, intervalMs: 50 });
    };
    await shown(1);
    child.stdin.write('1\n'); // Alpha, from the welcome's choices
    await shown(2);
    child.stdin.write('2\n'); // Delta, from "Pick again"
    await shown(3);
    child.stdin.write('hello\n');
    await shown(4);
    child.stdin.write('1\n'); // "What's the postcode?" offered no choices: sent as typed
    await shown(5);
    child.stdin.end('/quit\n');
    expect(await exited).toBe(0);
    expect(received).toEqual(['Alpha', 'Delta', 'hello', '1']);
    expect(output).toMatch(/1\. Alpha\s+2\. Beta/);
  }, 30_000);
});
