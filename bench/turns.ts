/**
 * `npm run bench:turns`: load test of the assistant against a minimal CloudAdapter echo bot,
 * both started here as separate processes, each loaded for 10 s with 20 connections on
 * 127.0.0.1 (autocannon, deliveryMode expectReplies). Prints a table, then as the last line
 * one JSON object: {"projectRps","echoRps","ratio","p50Ms","p99Ms","rssMb","firstAnswerMs"}.
 * Targets: ratio ≥ 0.8, p99 ≤ 60 ms, RSS ≤ 250 MB, first answer ≤ 3 s after start.
 *
 * The table also shows a second baseline, loaded the same way: the echo bot in the samples'
 * core-bot dialog shape (bench/dialogBot.ts), which does nothing else. It is not part of the
 * JSON line (its format is fixed); it shows how much of the gap botbuilder-dialogs alone makes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { MemoryStorage } from 'botbuilder';
import { buildAssistant } from '../bot/assistant';
import { createLogger } from '../platform/logger';
import { buildServer } from '../scripts/build.mjs';

const ROOT = path.resolve(__dirname, '..');
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const TEXTS = ['when is my bin day', 'my bin was not collected', 'there is a pothole on mill lane', 'hello', 'how do i pay my council tax', 'thanks'];

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The Node arguments of `npm start` (its script is `node …`), so that what is measured is what runs. */
function startArguments(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start runs "${command}", not node: update bench/turns.ts`);
  return args;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

let counter = 0;
function body(): string {
  const i = counter++;
  return JSON.stringify({
    type: 'message',
    text: TEXTS[i % TEXTS.length],
    id: `m${i}`,
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: `bench-${i}` },
    from: { id: `user-${i}` },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
  });
}

/** Polls until the bot answers a real message; returns ms since `since`. */
async function firstAnswer(url: string, since: number): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body() });
      if (res.ok) {
        const { activities } = (await res.json()) as { activities?: unknown[] };
        if (activities?.length) return Date.now() - since;
      }
    } catch {
      /* not listening yet */
    }
    if (Date.now() - since > 60_000) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function load(url: string, pid: number): Promise<{ rps: number; p50: number; p99: number; errors: number; rss: number }> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  const result = await autocannon({
    url: `${url}/api/messages`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, rss: peak };
}

async function main(): Promise<void> {
  // The model is trained once beforehand, as on any start after the first.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-bench-'));
  buildAssistant({
    storage: new MemoryStorage(),
    councilProfilePath: path.join(ROOT, 'knowledge', 'council.yaml'),
    intentsDir: path.join(ROOT, 'intents', 'data'),
    safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
    modelDir: path.join(dataDir, 'models'),
    logger: createLogger('silent'),
  });

  // As `npm start` does (prestart), compile the server, and the echo bot with it, to dist/.
  await buildServer();

  const projectPort = await freePort();
  const echoPort = await freePort();
  // The assistant starts on its own, so that its start-up time is not shared with the echo bot's.
  const startedAt = Date.now();
  const project = start(startArguments(), { PORT: String(projectPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const dialogPort = await freePort();
  let echo: ChildProcess | undefined;
  let dialog: ChildProcess | undefined;
  try {
    const firstAnswerMs = await firstAnswer(`http://127.0.0.1:${projectPort}`, startedAt);
    echo = start([path.join('dist', 'bench', 'echoBot.js'), String(echoPort)], {});
    dialog = start([path.join('dist', 'bench', 'dialogBot.js'), String(dialogPort)], {});
    await firstAnswer(`http://127.0.0.1:${echoPort}`, Date.now());
    await firstAnswer(`http://127.0.0.1:${dialogPort}`, Date.now());

    const echoResult = await load(`http://127.0.0.1:${echoPort}`, echo.pid!);
    const dialogResult = await load(`http://127.0.0.1:${dialogPort}`, dialog.pid!);
    const projectResult = await load(`http://127.0.0.1:${projectPort}`, project.pid!);
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    const rows = [
      ['', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'errors'],
      ['council assistant', round(projectResult.rps), projectResult.p50, projectResult.p99, round(projectResult.rss), projectResult.errors],
      ['echo bot', round(echoResult.rps), echoResult.p50, echoResult.p99, round(echoResult.rss), echoResult.errors],
      ['echo in dialogs', round(dialogResult.rps), dialogResult.p50, dialogResult.p99, round(dialogResult.rss), dialogResult.errors],
    ];
    for (const r of rows) process.stdout.write(`${String(r[0]).padEnd(18)} ${r.slice(1).map((c) => String(c).padStart(12)).join('')}\n`);
    const ratio = round(projectResult.rps / echoResult.rps, 3);
    process.stdout.write(`ratio ${ratio} (target ≥ 0.8), p99 ${projectResult.p99} ms (≤ 60), RSS ${round(projectResult.rss)} MB (≤ 250), first answer ${firstAnswerMs} ms (≤ 3000)\n`);
    process.stdout.write(
      `echo in dialogs / echo bot: ${round(dialogResult.rps / echoResult.rps, 3)} (botbuilder-dialogs alone); assistant / echo in dialogs: ${round(projectResult.rps / dialogResult.rps, 3)}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({ projectRps: round(projectResult.rps), echoRps: round(echoResult.rps), ratio, p50Ms: projectResult.p50, p99Ms: projectResult.p99, rssMb: round(projectResult.rss), firstAnswerMs })}\n`,
    );
  } finally {
    project.kill('SIGKILL');
    echo?.kill('SIGKILL');
    dialog?.kill('SIGKILL');
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
