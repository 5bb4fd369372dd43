import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FuzzServer, FUZZ_OPEN311_KEY, type FuzzContext } from './fuzzServer';
import { HostileInputs, type FuzzCase } from './hostileInputs';
import { rawExchange, requestBytes, wsFrame, type RawResponse } from './rawHttp';

/** Text that only an internal error puts in a response: a stack frame, an error class, a file and line. */
export const INTERNAL_TEXT = /\bat [\w.<>]+ \(|node:internal|(Range|Type|Syntax|Reference|URI|Sqlite)Error|Maximum call stack|\.ts:\d+:\d+|\.js:\d+:\d+/;

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Stops early (and says so) after this long. */
  maxSeconds?: number;
  /** Each request's time limit. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface FuzzFinding {
  family: string;
  what: string;
  request: string;
  status: number;
  excerpt: string;
}

export interface FuzzSummary {
  inputs: number;
  crashes: number;
  '5xx': number;
  slowOver2s: number;
  timeouts: number;
  /** Responses that showed internal error text. */
  leaks: number;
  /** Errors the process-level last resort caught (each would have ended the process without it). */
  lastResort: number;
  /** Files the server left in its TMPDIR. */
  tempFiles: number;
  byFamily: Record<string, { inputs: number; statuses: Record<string, number> }>;
  findings: FuzzFinding[];
  stoppedEarly: boolean;
  seconds: number;
}

/** A Bot Framework channel on loopback that accepts whatever the bot sends, so replies never leave the machine. */
async function startSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"sink"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/** What the placeholders of a FuzzCase stand for on this run. */
interface Targets {
  ctx: FuzzContext;
  port: number;
  sinkUrl: string;
}

function fill(text: string, { ctx, port, sinkUrl }: Targets): string {
  return text
    .replace(/@sink/g, sinkUrl)
    .replace(/@conv(\d)/g, (_m, i: string) => ctx.conversations[Number(i)]?.id ?? 'none')
    .replace(/@token(\d)/g, (_m, i: string) => ctx.conversations[Number(i)]?.token ?? 'none')
    .replace(/@stream(\d)/g, (_m, i: string) => ctx.conversations[Number(i)]?.streamToken ?? 'none')
    .replace(/@cookie/g, ctx.cookie)
    .replace(/@csrf/g, ctx.csrf)
    .replace(/@key/g, FUZZ_OPEN311_KEY)
    .replace(/@port/g, String(port));
}

function describe(c: FuzzCase): string {
  const body = c.kind === 'http' && c.body !== undefined ? ` body ${Buffer.byteLength(c.body)} bytes: ${String(c.body).slice(0, 120)}` : '';
  return `${c.kind === 'ws' ? 'UPGRADE' : c.method} ${c.path.slice(0, 160)}${body}`;
}

async function send(c: FuzzCase, targets: Targets, timeoutMs: number): Promise<RawResponse> {
  const { port } = targets;
  const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, fill(v, targets)]));
  const path = fill(c.path, targets);
  if (c.kind === 'ws') {
    const frames = c.frames.map((f) => wsFrame(f.opcode, Buffer.from(fill(f.payload.toString('latin1'), targets), 'latin1'), f));
    return rawExchange(port, requestBytes('GET', path, port, headers), { timeoutMs, frames, afterUpgradeMs: 150 });
  }
  // Byte bodies (JSON, sometimes broken on purpose) carry placeholders too: filled byte for byte (latin1), so broken bytes stay broken.
  const body =
    c.body === undefined
      ? undefined
      : typeof c.body === 'string'
        ? Buffer.from(fill(c.body, targets))
        : Buffer.from(fill(c.body.toString('latin1'), targets), 'latin1');
  return rawExchange(port, requestBytes(c.method, path, port, headers, body), { timeoutMs });
}

/**
 * Starts the assistant, sends `count` seeded hostile inputs (several at a time), watches for the
 * process dying (and starts it again), 5xx answers, answers over 2 s, internal error text in any
 * body, errors the last resort had to catch and files left in TMPDIR.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + (options.maxSeconds ?? 1800) * 1000;
  const started = Date.now();
  const server = new FuzzServer(log);
  const sink = await startSink();
  const inputs = new HostileInputs(options.seed);
  const cases: FuzzCase[] = Array.from({ length: options.count }, () => inputs.next());
  const summary: FuzzSummary = {
    inputs: 0,
    crashes: 0,
    '5xx': 0,
    slowOver2s: 0,
    timeouts: 0,
    leaks: 0,
    lastResort: 0,
    tempFiles: 0,
    byFamily: {},
    findings: [],
    stoppedEarly: false,
    seconds: 0,
  };
  const note = (c: FuzzCase, what: string, res: RawResponse) => {
    if (summary.findings.length < 200)
      summary.findings.push({ family: c.family, what, request: describe(c), status: res.status, excerpt: res.text.slice(0, 400) });
  };
  try {
    let ctx: FuzzContext | undefined;
    let contextFor = -1;
    let fetching: Promise<void> | undefined;
    /** A running server and a context (session, conversations) made on this run of it. */
    const ensure = async (): Promise<FuzzContext> => {
      for (let attempt = 0; ; attempt++) {
        await server.ready();
        if (ctx && contextFor === server.crashes) return ctx;
        const run = server.crashes;
        fetching ??= server
          .context()
          .then((fresh) => {
            ctx = fresh;
            contextFor = run;
          })
          .finally(() => (fetching = undefined));
        try {
          await fetching;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    };
    await ensure();
    let next = 0;
    const worker = async () => {
      while (next < cases.length && Date.now() < deadline) {
        const c = cases[next++];
        const ctx = await ensure();
        const crashesBefore = server.crashes;
        const res = await send(c, { ctx, port: server.port, sinkUrl: sink.url }, timeoutMs);
        summary.inputs++;
        const family = (summary.byFamily[c.family] ??= { inputs: 0, statuses: {} });
        family.inputs++;
        family.statuses[res.status || 'closed'] = (family.statuses[res.status || 'closed'] ?? 0) + 1;
        if (res.status >= 500) {
          summary['5xx']++;
          note(c, '5xx', res);
        }
        if (res.ms > 2000) {
          summary.slowOver2s++;
          if (!res.timedOut) note(c, `slow (${Math.round(res.ms)} ms)`, res);
        }
        if (res.timedOut) {
          summary.timeouts++;
          note(c, 'timeout', res);
        }
        if (INTERNAL_TEXT.test(res.text.split('\r\n\r\n').slice(1).join('\r\n\r\n').slice(0, 8000)) && !/\/vendor\/|\.js\b/.test(c.path)) {
          summary.leaks++;
          note(c, 'internal text', res);
        }
        // Give an exit that the request caused a moment to be noticed.
        if (res.status === 0) await new Promise((r) => setTimeout(r, 50));
        if (server.crashes > crashesBefore || !server.alive) note(c, 'in flight when the server died', res);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, () => worker()));
    summary.stoppedEarly = summary.inputs < cases.length;
    // One last look: is it still alive and answering?
    if (!server.alive) await server.ready();
    summary.crashes = server.crashes;
    summary.lastResort = server.lastResortHits.length;
    for (const hit of server.lastResortHits.slice(0, 20))
      summary.findings.push({ family: 'process', what: 'last resort', request: '', status: 0, excerpt: hit });
    summary.tempFiles = server.tempFiles().length;
  } finally {
    await server.stop();
    await sink.close();
  }
  summary.seconds = Math.round((Date.now() - started) / 1000);
  return summary;
}
