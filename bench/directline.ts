/**
 * `npm run bench:directline -- --residents N --seconds S` (issue 23): many residents on the web
 * chat at once, over the local Direct Line as Web Chat uses it. Compiles and starts the assistant
 * as `npm start` does (its own process, a temporary SQLite database, 127.0.0.1 only), then for each
 * resident: a token, a conversation, its WebSocket stream and the welcome; then every resident sends
 * a message every 10 s (starts spread over the first 10 s) for S seconds, each timed from the POST
 * to the bot's reply arriving on the stream. An error is a POST that fails, a stream that breaks or
 * a reply not there within 30 s. The server's CPU time (from /proc) during the sending is divided by
 * the messages; the same texts then go as plain HTTP turns (`/api/messages`, expectReplies, one at
 * a time) for the CPU of an HTTP turn in the same run. Prints a table, then as the last line
 * `{"residents","msgPerSec","p50Ms","p99Ms","errors","rssMb","cpuMsPerMsg","httpCpuMsPerMsg","openFiles"}`.
 * Targets: cpuMsPerMsg ≤ 1.5 × httpCpuMsPerMsg; 5,000 residents with p99 ≤ 250 ms and 0 errors.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { buildServer } from '../scripts/build.mjs';
import { ROOT, cpuTicks, freePort, rssMb, startArguments } from './serverProcess';

const TEXTS = ['when is my bin day', 'there is a pothole on mill lane', 'help', 'how do i pay my council tax', 'thanks'];
const EVERY_MS = 10_000;
const REPLY_TIMEOUT_MS = 30_000;
/** Residents connecting at once while the load is set up (the set-up is not measured). */
const OPENING_AT_ONCE = 50;
const HTTP_TURNS = 300;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const cpuMs = (pid: number) => cpuTicks(pid) * 10;

/** The process's write system calls so far (sockets and files: each frame, response and commit costs some). */
function writeCalls(pid: number): number {
  return Number(/syscw:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
}

function openFiles(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

interface StreamFrame {
  activities: Array<{ type: string; from: { role?: string }; replyToId?: string }>;
}

/** One resident's open conversation: waits for a bot message (replying to an id, or any). */
class Resident {
  private readonly waiting = new Map<string, () => void>();
  /** Replies that arrived before their POST was answered (the POST returns after the turn). */
  private readonly early = new Set<string>();
  private welcomed?: () => void;
  private welcome = false;
  broken = false;

  constructor(
    readonly conversationId: string,
    readonly headers: Record<string, string>,
    readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => {
      for (const a of (JSON.parse(String(data)) as StreamFrame).activities) {
        if (a.type !== 'message' || a.from.role !== 'bot') continue;
        if (a.replyToId && this.waiting.has(a.replyToId)) this.waiting.get(a.replyToId)!();
        else if (a.replyToId) this.early.add(a.replyToId);
        else if (!this.welcome) {
          this.welcome = true;
          this.welcomed?.();
        }
      }
    });
    socket.on('error', () => (this.broken = true));
    socket.on('close', () => (this.broken = true));
  }

  welcomeArrived(): Promise<void> {
    return this.welcome ? Promise.resolve() : new Promise((resolve) => (this.welcomed = resolve));
  }

  /** Resolves with true when the reply to `id` arrives, false after REPLY_TIMEOUT_MS. */
  reply(id: string): Promise<boolean> {
    if (this.early.delete(id)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(false);
      }, REPLY_TIMEOUT_MS);
      this.waiting.set(id, () => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(true);
      });
    });
  }
}

async function open(base: string): Promise<Resident> {
  const { token } = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const { conversationId, streamUrl } = (await (await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers })).json()) as {
    conversationId: string;
    streamUrl: string;
  };
  const socket = new WebSocket(streamUrl);
  const resident = new Resident(conversationId, headers, socket); // listening before the first frame
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  await resident.welcomeArrived();
  return resident;
}

async function send(base: string, r: Resident, text: string): Promise<number | undefined> {
  const t0 = performance.now();
  // The POST gives back the echo's id, which the bot's reply names as replyToId.
  const res = await fetch(`${base}/v3/directline/conversations/${r.conversationId}/activities`, {
    method: 'POST',
    headers: r.headers,
    body: JSON.stringify({ type: 'message', text }),
  }).catch(() => undefined);
  if (!res?.ok) return undefined;
  const { id } = (await res.json()) as { id: string };
  return (await r.reply(id)) ? performance.now() - t0 : undefined;
}

async function httpTurns(base: string, pid: number): Promise<{ cpu: number; writes: number }> {
  const before = cpuMs(pid);
  const writesBefore = writeCalls(pid);
  for (let i = 0; i < HTTP_TURNS; i++) {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: TEXTS[i % TEXTS.length],
        id: `h${i}`,
        channelId: 'bench',
        serviceUrl: 'http://127.0.0.1:9',
        conversation: { id: `http-${i}` },
        from: { id: `user-${i}` },
        recipient: { id: 'bot' },
        deliveryMode: 'expectReplies',
      }),
    });
    if (!res.ok) throw new Error(`an HTTP turn failed: ${res.status}`);
    await res.arrayBuffer();
  }
  return { cpu: (cpuMs(pid) - before) / HTTP_TURNS, writes: (writeCalls(pid) - writesBefore) / HTTP_TURNS };
}

async function main(): Promise<void> {
  const residents = argument('residents', 200);
  const seconds = argument('seconds', 30);
  await buildServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dl-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const since = Date.now();
    for (;;) {
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() - since > 120_000) throw new Error('the assistant was not ready within 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const pid = server.pid!;
    const opened: Resident[] = [];
    for (let i = 0; i < residents; i += OPENING_AT_ONCE) {
      opened.push(...(await Promise.all(Array.from({ length: Math.min(OPENING_AT_ONCE, residents - i) }, () => open(base)))));
    }
    const latencies: number[] = [];
    let errors = 0;
    let sent = 0;
    const cpuBefore = cpuMs(pid);
    const writesBefore = writeCalls(pid);
    const started = performance.now();
    const end = started + seconds * 1000;
    let peakFiles = openFiles(pid);
    const watch = setInterval(() => (peakFiles = Math.max(peakFiles, openFiles(pid))), 1000);
    await Promise.all(
      opened.map(async (r, i) => {
        let next = started + (i / residents) * EVERY_MS;
        for (let m = 0; next < end; m++, next += EVERY_MS) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
          sent++;
          const ms = r.broken ? undefined : await send(base, r, TEXTS[(i + m) % TEXTS.length]);
          if (ms === undefined) errors++;
          else latencies.push(ms);
        }
      }),
    );
    clearInterval(watch);
    const elapsedS = (performance.now() - started) / 1000;
    const cpuMsPerMsg = (cpuMs(pid) - cpuBefore) / Math.max(1, sent);
    const writesPerMsg = (writeCalls(pid) - writesBefore) / Math.max(1, sent);
    const rss = rssMb(pid);
    for (const r of opened) r.socket.close();
    const { cpu: httpCpuMsPerMsg, writes: httpWritesPerMsg } = await httpTurns(base, pid);
    latencies.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    const result = {
      residents,
      msgPerSec: round(sent / elapsedS),
      p50Ms: round(pct(latencies, 50)),
      p99Ms: round(pct(latencies, 99)),
      errors,
      rssMb: Math.round(rss),
      cpuMsPerMsg: round(cpuMsPerMsg),
      httpCpuMsPerMsg: round(httpCpuMsPerMsg),
      openFiles: peakFiles,
    };
    process.stdout.write('| measure | value |\n|---|---|\n');
    process.stdout.write(`| residents, one message every ${EVERY_MS / 1000} s for ${seconds} s | ${residents} |\n`);
    process.stdout.write(`| messages sent, per second | ${sent}, ${result.msgPerSec} |\n`);
    process.stdout.write(`| POST to reply on the stream, p50 / p99 ms | ${result.p50Ms} / ${result.p99Ms} |\n`);
    process.stdout.write(`| errors | ${errors} |\n`);
    process.stdout.write(
      `| server CPU ms per web-chat message / per HTTP turn | ${result.cpuMsPerMsg} / ${result.httpCpuMsPerMsg} (${round(cpuMsPerMsg / httpCpuMsPerMsg)} ×) |\n`,
    );
    process.stdout.write(`| server write system calls per web-chat message / per HTTP turn | ${round(writesPerMsg)} / ${round(httpWritesPerMsg)} |\n`);
    process.stdout.write(`| server RSS MB, open files at peak | ${result.rssMb}, ${peakFiles} |\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
