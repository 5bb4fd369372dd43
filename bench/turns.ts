/**
 * `npm run bench:turns`: load test of the assistant against a minimal CloudAdapter echo bot and
 * the same echo in the samples' core-bot dialog shape (bench/dialogBot.ts), all started here as
 * separate processes and loaded with 20 connections on 127.0.0.1 (autocannon, deliveryMode
 * expectReplies). The three take turns in short rounds (echo, dialog shape, assistant, echo, …;
 * BENCH_ROUNDS rounds of BENCH_SECONDS / BENCH_ROUNDS each, 10 s in all by default), so that load
 * from elsewhere on the machine falls on all of them alike: each round gives its own ratios, and
 * the medians are reported with their spread (lowest – highest). Prints a table, then as the last
 * line one JSON object: {"projectRps","echoRps","ratio","p50Ms","p99Ms","rssMb","firstAnswerMs",
 * "dialogRatio","ratioSpread","dialogRatioSpread"} (`ratio`: assistant / echo, `dialogRatio`:
 * assistant / echo in dialogs, medians over the rounds; the spreads as [lowest, highest]).
 * Targets: ratio ≥ 0.8, dialogRatio ≥ 1.0, p99 ≤ 60 ms, RSS ≤ 250 MB, first answer ≤ 3 s after start.
 *
 * `-- --postgres postgres://root@127.0.0.1:5432/test` also starts the assistant on PostgreSQL (a
 * throwaway database made beside the one named, dropped at the end) and puts it in the rounds
 * after the assistant on SQLite; the JSON line then gains `postgresRatio` (PostgreSQL / SQLite
 * turns per second, median over the rounds), `postgresRatioSpread` and `postgresP99Ms`.
 * Target (issue 23): postgresRatio ≥ 0.8.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildServer } from '../scripts/build.mjs';
import { ROOT, freePort, rssMb, startArguments } from './serverProcess';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const CONNECTIONS = 20;
const TEXTS = ['when is my bin day', 'my bin was not collected', 'there is a pothole on mill lane', 'hello', 'how do i pay my council tax', 'thanks'];

/** The URL after --postgres, if given. */
function postgresArgument(): string | undefined {
  const i = process.argv.indexOf('--postgres');
  if (i < 0) return undefined;
  const url = process.argv[i + 1];
  if (!url?.startsWith('postgres')) throw new Error('--postgres needs a postgres:// URL, e.g. postgres://root@127.0.0.1:5432/test');
  return url;
}

/** A fresh database beside the one in `url` (so the bench never reads or leaves rows in it); returns its URL and how to drop it. */
async function throwawayDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ca_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
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
async function firstAnswer(url: string, since: number, withinMs = 60_000): Promise<number> {
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
    if (Date.now() - since > withinMs) throw new Error(`${url} did not answer within ${withinMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rss: number;
}

async function load(url: string, pid: number, seconds: number): Promise<Load> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  const result = await autocannon({
    url: `${url}/api/messages`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, rss: peak };
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The rounds of one program together: mean throughput, the median round's p50 and p99 (a burst of load elsewhere spoils one round, not the figure), the peak RSS, all errors. */
function overall(loads: Load[]): Load {
  const p50s = loads.map((l) => l.p50).sort((a, b) => a - b);
  return {
    rps: loads.reduce((sum, l) => sum + l.rps, 0) / loads.length,
    p50: median(p50s),
    p99: median(loads.map((l) => l.p99).sort((a, b) => a - b)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
    rss: Math.max(...loads.map((l) => l.rss)),
  };
}

async function main(): Promise<void> {
  // As `npm start` does (prestart), compile the server, and the echo bot with it, to dist/.
  await buildServer();

  // The first start on a new data folder trains the models of every language the council declares and keeps each
  // language's knowledge base there (their key includes the server's own code, so only the server can write them): it
  // is started once and stopped, and the timed start is the next one, as any start after the first.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-bench-'));
  const firstPort = await freePort();
  const first = start(startArguments(), { PORT: String(firstPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  try {
    await firstAnswer(`http://127.0.0.1:${firstPort}`, Date.now(), 300_000);
  } finally {
    if (first.exitCode === null && first.signalCode === null) {
      const exited = new Promise((resolve) => first.once('exit', resolve));
      first.kill('SIGTERM');
      await exited;
    }
  }

  const projectPort = await freePort();
  const echoPort = await freePort();
  // The assistant starts on its own, so that its start-up time is not shared with the echo bot's.
  const startedAt = Date.now();
  const project = start(startArguments(), { PORT: String(projectPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const dialogPort = await freePort();
  let echo: ChildProcess | undefined;
  let dialog: ChildProcess | undefined;
  let postgres: ChildProcess | undefined;
  const postgresUrl = postgresArgument();
  const database = postgresUrl ? await throwawayDatabase(postgresUrl) : undefined;
  const postgresPort = await freePort();
  try {
    const firstAnswerMs = await firstAnswer(`http://127.0.0.1:${projectPort}`, startedAt);
    if (database) {
      // The same data folder (the trained model); its state goes to PostgreSQL, not the SQLite file.
      postgres = start(startArguments(), { PORT: String(postgresPort), DATA_DIR: dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
      await firstAnswer(`http://127.0.0.1:${postgresPort}`, Date.now());
    }
    echo = start([path.join('dist', 'bench', 'echoBot.js'), String(echoPort)], {});
    dialog = start([path.join('dist', 'bench', 'dialogBot.js'), String(dialogPort)], {});
    await firstAnswer(`http://127.0.0.1:${echoPort}`, Date.now());
    await firstAnswer(`http://127.0.0.1:${dialogPort}`, Date.now());

    // Short rounds, taking turns: a burst of load from elsewhere falls on one round of each, not on one program.
    const rounds: Array<{ echo: Load; dialog: Load; project: Load; postgres?: Load }> = [];
    const seconds = Math.max(1, Math.round(DURATION_S / ROUNDS));
    for (let r = 0; r < ROUNDS; r++) {
      const echoRound = await load(`http://127.0.0.1:${echoPort}`, echo.pid!, seconds);
      const dialogRound = await load(`http://127.0.0.1:${dialogPort}`, dialog.pid!, seconds);
      const projectRound = await load(`http://127.0.0.1:${projectPort}`, project.pid!, seconds);
      const postgresRound = postgres ? await load(`http://127.0.0.1:${postgresPort}`, postgres.pid!, seconds) : undefined;
      rounds.push({ echo: echoRound, dialog: dialogRound, project: projectRound, postgres: postgresRound });
    }
    const echoResult = overall(rounds.map((r) => r.echo));
    const dialogResult = overall(rounds.map((r) => r.dialog));
    const projectResult = overall(rounds.map((r) => r.project));
    const ratios = rounds.map((r) => r.project.rps / r.echo.rps).sort((a, b) => a - b);
    const dialogRatios = rounds.map((r) => r.project.rps / r.dialog.rps).sort((a, b) => a - b);
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    const rows = [
      ['', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'errors'],
      ['council assistant', round(projectResult.rps), projectResult.p50, projectResult.p99, round(projectResult.rss), projectResult.errors],
      ['echo bot', round(echoResult.rps), echoResult.p50, echoResult.p99, round(echoResult.rss), echoResult.errors],
      ['echo in dialogs', round(dialogResult.rps), dialogResult.p50, dialogResult.p99, round(dialogResult.rss), dialogResult.errors],
    ];
    const postgresLoads = rounds.flatMap((r) => (r.postgres ? [r.postgres] : []));
    const postgresResult = postgresLoads.length ? overall(postgresLoads) : undefined;
    if (postgresResult)
      rows.push(['assistant, postgres', round(postgresResult.rps), postgresResult.p50, postgresResult.p99, round(postgresResult.rss), postgresResult.errors]);
    const postgresRatios = rounds.flatMap((r) => (r.postgres ? [r.postgres.rps / r.project.rps] : [])).sort((a, b) => a - b);
    for (const r of rows)
      process.stdout.write(
        `${String(r[0]).padEnd(18)} ${r
          .slice(1)
          .map((c) => String(c).padStart(12))
          .join('')}\n`,
      );
    const ratio = round(median(ratios), 3);
    const dialogRatio = round(median(dialogRatios), 3);
    const ratioSpread = [round(ratios[0], 3), round(ratios[ratios.length - 1], 3)];
    const dialogRatioSpread = [round(dialogRatios[0], 3), round(dialogRatios[dialogRatios.length - 1], 3)];
    process.stdout.write(`${ROUNDS} rounds of ${seconds} s each, taking turns; ratios are medians over the rounds [lowest – highest]\n`);
    process.stdout.write(
      `ratio ${ratio} [${ratioSpread.join(' – ')}] (target ≥ 0.8), p99 ${projectResult.p99} ms (≤ 60), RSS ${round(projectResult.rss)} MB (≤ 250), first answer ${firstAnswerMs} ms (≤ 3000)\n`,
    );
    process.stdout.write(
      `assistant / echo in dialogs: ${dialogRatio} [${dialogRatioSpread.join(' – ')}] (target ≥ 1.0); echo in dialogs / echo bot: ${round(dialogResult.rps / echoResult.rps, 3)} (botbuilder-dialogs alone)\n`,
    );
    const postgresFigures = postgresResult
      ? {
          postgresRatio: round(median(postgresRatios), 3),
          postgresRatioSpread: [round(postgresRatios[0], 3), round(postgresRatios[postgresRatios.length - 1], 3)],
          postgresP99Ms: postgresResult.p99,
        }
      : {};
    if (postgresResult)
      process.stdout.write(
        `assistant on PostgreSQL / on SQLite: ${postgresFigures.postgresRatio} [${postgresFigures.postgresRatioSpread?.join(' – ')}] (target ≥ 0.8)\n`,
      );
    process.stdout.write(
      `${JSON.stringify({ projectRps: round(projectResult.rps), echoRps: round(echoResult.rps), ratio, p50Ms: projectResult.p50, p99Ms: projectResult.p99, rssMb: round(projectResult.rss), firstAnswerMs, dialogRatio, ratioSpread, dialogRatioSpread, ...postgresFigures })}\n`,
    );
  } finally {
    project.kill('SIGKILL');
    echo?.kill('SIGKILL');
    dialog?.kill('SIGKILL');
    if (postgres) {
      const stopping = postgres;
      stopping.kill('SIGKILL');
      await new Promise((r) => stopping.once('exit', r));
    }
    await database?.drop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
