/**
 * `npm run bench:content -- --articles N`: how the assistant copes with a real council's amount of
 * content (issue 23). It writes N articles in the shipped format into a temporary copy of the
 * knowledge folder — the shipped articles, then synthetic ones up to N, generated from a fixed seed
 * so that a smaller set is the start of a larger one (nested sets) —, starts the server on them as
 * `npm start` does, replays the development set (tests/eval/dev.jsonl) with one word mistyped in half
 * of the messages, and does the same on the shipped content in the same run, for comparison.
 * Prints a table, then as the last line one JSON object:
 * {"articles":N,"firstAnswerMs":…,"firstAnswerCpuMs":…,"cpuMsPerTurn":…,"p99Ms":…,"rssMb":…,"evalAccuracy":…,"validateSeconds":…,"validateWarmSeconds":…}
 * Targets at 3,000: CPU per turn ≤ 1.2 × the shipped content's, first answer ≤ 3 s, validate ≤ 3 s,
 * development-set accuracy within 1 point of the shipped content's.
 *
 * Synthetic articles take their vocabulary from the public banking77 dataset in ../shared/datasets
 * (real people's questions about payments, cards, accounts, refunds and transfers: words a council
 * web site's many payment and account pages use too, none of them about a council service), so that
 * they compete with the council's articles the way other pages of a large web site do, rather than
 * with made-up strings that match nothing. Not clinc150 or hwu64: their small talk (weather,
 * football, recipes) is what the development set's out-of-scope questions ask, and pages about it
 * would be answering them rightly, which no council web site does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { buildAssistant } from '../bot/assistant';
import { SeededRandom } from '../intents/classifier/SeededRandom';
import { createLogger } from '../platform/logger';
import { buildServer } from '../scripts/build.mjs';
import { routeOf, score, type EvalCase } from '../scripts/lib/routeEvaluation';
import { DEFAULT_PATHS, validateAll } from '../scripts/validate';
import { ROOT, cpuTicks, freePort, rssMb, startArguments } from './serverProcess';

const DATASETS = path.resolve(ROOT, '..', 'shared', 'datasets');
const PASSES = 3;
const CONCURRENCY = 4;
const CLOCK_TICKS_PER_MS = 0.1; // /proc/<pid>/stat counts in USER_HZ = 100 per second on Linux

interface Measure {
  articles: number;
  /** A start after the first on this content (the knowledge base read back, as the models are). */
  firstAnswerMs: number;
  /**
   * The server process's CPU time (all its threads) until that first answer: what the wall clock comes
   * to on a quiet machine (less what GC's helper threads do on the second core), but unlike the wall
   * clock not stretched by other programs' load on a shared machine.
   */
  firstAnswerCpuMs: number;
  /** The first start after the content changed. */
  firstAnswerColdMs: number;
  cpuMsPerTurn: number;
  p99Ms: number;
  rssMb: number;
  evalAccuracy: number;
  /** `npm run validate`'s checks on new content. */
  validateSeconds: number;
  /** The same again on the same articles (the questions' check read back). */
  validateWarmSeconds: number;
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number (got ${process.argv[at + 1]})`);
  return value;
}

/** Words real people use, from banking77's training questions: lower case, 3+ letters, seen at least twice. */
function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const set of ['banking77']) {
    const file = path.join(DATASETS, set, 'train.jsonl');
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text: string };
      for (const w of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const words = [...counts]
    .filter(([, n]) => n >= 2)
    .map(([w]) => w)
    .sort();
  if (words.length < 500) throw new Error(`too few words in ${DATASETS}/banking77 (${words.length}): the dataset is needed`);
  return words;
}

const VERBS = [
  'apply for',
  'report',
  'pay for',
  'book',
  'renew',
  'cancel',
  'change',
  'check',
  'request',
  'register for',
  'find',
  'replace',
  'appeal against',
  'get help with',
  'complain about',
];
const QUESTIONS = [
  (v: string, a: string, b: string) => `how do I ${v} ${a} ${b}`,
  (v: string, a: string, b: string) => `can I ${v} my ${a} ${b} online`,
  (_: string, a: string, b: string) => `how much does ${a} ${b} cost`,
  (_: string, a: string, b: string) => `${a} ${b} opening times`,
  (v: string, a: string, b: string) => `who do I contact to ${v} ${a} ${b}`,
  (_: string, a: string, b: string) => `what happens if my ${a} is ${b}`,
  (_: string, a: string, b: string) => `is there a ${a} ${b} near me`,
  (v: string, a: string, b: string) => `I need to ${v} the ${a} for my ${b}`,
];

/** One synthetic article in the shipped format (front matter and a Markdown body). */
function syntheticArticle(i: number, words: string[], random: SeededRandom, asked: Set<string>): { id: string; text: string } {
  const pick = () => words[random.nextInt(words.length)];
  const [a, b, c] = [pick(), pick(), pick()];
  const verb = VERBS[random.nextInt(VERBS.length)];
  const title = `${verb[0].toUpperCase()}${verb.slice(1)} ${a} ${b}`;
  const id = `synthetic-${i}-${a}-${b}`;
  // Each question in one article only, as validate requires.
  const questions: string[] = [];
  for (let k = 6 + random.nextInt(6); questions.length < k;) {
    const q = QUESTIONS[random.nextInt(QUESTIONS.length)](VERBS[random.nextInt(VERBS.length)], pick(), pick());
    if (asked.has(q)) continue;
    questions.push(q);
    asked.add(q);
  }
  const sentence = () => {
    const n = 8 + random.nextInt(12);
    const s = Array.from({ length: n }, (_, k) => (k % 3 === 0 ? [a, b, c][random.nextInt(3)] : pick())).join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const body = Array.from({ length: 2 + random.nextInt(3) }, () => Array.from({ length: 2 + random.nextInt(3) }, sentence).join(' ')).join('\n\n');
  const text = [
    '---',
    `id: ${id}`,
    `title: ${title}`,
    'questions:',
    ...questions.map((q) => `  - ${q}`),
    `url: https://www.anytown.example/services/${id}`,
    'lastReviewed: 2026-12-01',
    `owner: Service ${1 + (i % 40)}`,
    `tags: ${JSON.stringify([a, b, c])}`,
    '---',
    body,
    '',
  ].join('\n');
  return { id, text };
}

/** A copy of the knowledge folder whose articles are the shipped ones and synthetic ones up to `n` (the first `n` shipped ones when fewer). */
function contentWith(n: number, words: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ca-content-${n}-`));
  fs.cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') && !src.includes(`${path.sep}articles${path.sep}`) });
  const articles = path.join(dir, 'articles');
  fs.mkdirSync(articles, { recursive: true });
  const shipped = fs
    .readdirSync(path.join(ROOT, 'knowledge', 'articles'))
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort();
  for (const f of shipped.slice(0, n)) fs.copyFileSync(path.join(ROOT, 'knowledge', 'articles', f), path.join(articles, f));
  // English only: the synthetic pages have no Welsh twins, and a council that declares Welsh must have
  // one for every article (npm run validate; the server refuses to start without them).
  const profile = path.join(dir, 'council.yaml');
  fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace(/^languages: .*$/m, 'languages: [en-GB]'));
  const random = new SeededRandom(23);
  const asked = new Set<string>();
  for (let i = shipped.length; i < n; i++) {
    const { id, text } = syntheticArticle(i, words, random, asked);
    fs.writeFileSync(path.join(articles, `${id}.md`), text);
  }
  return dir;
}

/** One word of four letters or more with two letters swapped or one dropped. */
function mistype(text: string, random: SeededRandom): string {
  const words = text.split(' ');
  const long = words.map((w, i) => ({ w, i })).filter(({ w }) => /^[a-z]{4,}$/i.test(w));
  if (!long.length) return text;
  const { w, i } = long[random.nextInt(long.length)];
  const at = 1 + random.nextInt(w.length - 2);
  words[i] = random.next() < 0.5 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w.slice(0, at) + w.slice(at + 1);
  return words.join(' ');
}

let sent = 0;
async function turn(url: string, text: string): Promise<boolean> {
  const i = sent++;
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text,
      id: `m${i}`,
      channelId: 'bench',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: `content-${i}` },
      from: { id: `user-${i}` },
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
    }),
  });
  if (!res.ok) return false;
  const { activities } = (await res.json()) as { activities?: unknown[] };
  return !!activities?.length;
}

async function firstAnswer(url: string, since: number): Promise<number> {
  for (;;) {
    try {
      if (await turn(url, 'how do I pay my council tax')) return Date.now() - since;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - since > 120_000) throw new Error(`${url} did not answer within 120 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends `texts` with CONCURRENCY at a time; the latency of each. */
async function replay(url: string, texts: string[]): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < texts.length) {
      const text = texts[next++];
      const t0 = performance.now();
      if (!(await turn(url, text))) throw new Error(`no answer to "${text}"`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

/** Starts the server as `npm start` does on this data folder and content; how long until it first answered. */
async function start(dataDir: string, councilProfile: string): Promise<{ server: ChildProcess; url: string; firstAnswerMs: number; firstAnswerCpuMs: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const startedAt = Date.now();
  const server = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, COUNCIL_PROFILE: councilProfile, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const firstAnswerMs = await firstAnswer(url, startedAt);
    return { server, url, firstAnswerMs, firstAnswerCpuMs: Math.round(cpuTicks(server.pid!) / CLOCK_TICKS_PER_MS) };
  } catch (err) {
    server.kill('SIGKILL');
    throw err;
  }
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  await new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGKILL');
  });
}

async function measure(n: number, words: string[], cases: EvalCase[], modelDir: string): Promise<Measure & { routes: string[] }> {
  const content = contentWith(n, words);
  const councilProfile = path.join(content, 'council.yaml');
  const articles = fs.readdirSync(path.join(content, 'articles')).filter((f) => f.endsWith('.md')).length;

  // As `npm run validate` runs: the first run on this content works the questions' check out and keeps it, a
  // second run on the same articles (another content file changed, or none) reads it back. Both are timed.
  const validateCache = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-bench-validate-'));
  const validatePaths = {
    ...DEFAULT_PATHS,
    councilProfile,
    articlesDir: path.join(content, 'articles'),
    synonyms: path.join(content, 'synonyms.yaml'),
    messagesDir: path.join(content, 'messages'),
    cacheDir: validateCache,
  };
  const v0 = performance.now();
  const problems = validateAll(validatePaths);
  const validateSeconds = (performance.now() - v0) / 1000;
  const v1 = performance.now();
  validateAll(validatePaths);
  const validateWarmSeconds = (performance.now() - v1) / 1000;
  fs.rmSync(validateCache, { recursive: true, force: true });
  // Errors here are part of what is measured (a shipped question that a new page takes over), not a failure of the bench.
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) process.stdout.write(`${articles} articles: validate finds ${errors.length} error(s), e.g. ${errors[0].message}\n`);

  const assistant = buildAssistant({
    storage: new MemoryStorage(),
    councilProfilePath: councilProfile,
    intentsDir: path.join(ROOT, 'intents', 'data'),
    safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
    modelDir,
    logger: createLogger('silent'),
  });
  const got: string[] = [];
  for (const [i, c] of cases.entries()) got.push(await routeOf(assistant.bot, c.text, `content-eval-${n}-${i}`));
  const evalAccuracy = score(cases, got).accuracy;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-bench-content-data-'));
  fs.cpSync(modelDir, path.join(dataDir, 'models'), { recursive: true });
  // The first start after the content changed builds the knowledge base and keeps it in the data folder;
  // every later start reads it back (knowledge/knowledgeCache.ts): both are timed, the later one is the figure.
  let server: ChildProcess | undefined;
  try {
    const cold = await start(dataDir, councilProfile);
    server = cold.server;
    const firstAnswerColdMs = cold.firstAnswerMs;
    await stop(server);
    const warm = await start(dataDir, councilProfile);
    server = warm.server;
    const { url, firstAnswerMs, firstAnswerCpuMs } = warm;
    await replay(
      url,
      cases.map((c) => c.text),
    ); // warm-up, as a server that has run a while
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(warm.server.pid!))), 250);
    const pid = server.pid!;
    const ticks0 = cpuTicks(pid);
    const latencies: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      // Each pass mistypes other words: typos in real traffic are new, not the ones seen before.
      const random = new SeededRandom(1000 + pass);
      latencies.push(
        ...(await replay(
          url,
          cases.map((c) => (random.next() < 0.5 ? mistype(c.text, random) : c.text)),
        )),
      );
    }
    const cpuMsPerTurn = (cpuTicks(pid) - ticks0) / CLOCK_TICKS_PER_MS / latencies.length;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(pid));
    latencies.sort((x, y) => x - y);
    const p99Ms = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))];
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      articles,
      firstAnswerMs,
      firstAnswerCpuMs,
      firstAnswerColdMs,
      cpuMsPerTurn: round(cpuMsPerTurn, 2),
      p99Ms: round(p99Ms),
      rssMb: round(peak),
      evalAccuracy: round(evalAccuracy, 4),
      validateSeconds: round(validateSeconds, 2),
      validateWarmSeconds: round(validateWarmSeconds, 2),
      routes: got,
    };
  } finally {
    server?.kill('SIGKILL');
    fs.rmSync(content, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const n = argument('articles', 3000);
  const cases = fs
    .readFileSync(path.join(ROOT, 'tests', 'eval', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
  const words = vocabulary();
  // The models are trained once beforehand, as on any start after the first; content does not change them.
  const modelDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-bench-content-')), 'models');
  await buildServer();
  const shippedCount = fs.readdirSync(path.join(ROOT, 'knowledge', 'articles')).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').length;
  const { routes: baseRoutes, ...base } = await measure(shippedCount, words, cases, modelDir);
  const { routes: bigRoutes, ...big } = await measure(n, words, cases, modelDir);
  // What the accuracy figure hides: the development cases one content routes right and the other wrong.
  for (const [i, c] of cases.entries()) {
    const [right, wrong] = [baseRoutes[i] === c.expect, bigRoutes[i] === c.expect];
    if (right !== wrong)
      process.stdout.write(
        `${right ? 'lost' : 'gained'} at ${n}: ${JSON.stringify(c.text)} → ${bigRoutes[i]} (expected ${c.expect}, shipped content: ${baseRoutes[i]})\n`,
      );
  }
  const rows: Array<Array<string | number>> = [
    ['articles', 'first answer ms', 'its CPU ms', 'cold start ms', 'CPU ms/turn', 'p99 ms', 'peak RSS MB', 'dev accuracy', 'validate s', 'again s'],
    ...[base, big].map((m) => [
      m.articles,
      m.firstAnswerMs,
      m.firstAnswerCpuMs,
      m.firstAnswerColdMs,
      m.cpuMsPerTurn,
      m.p99Ms,
      m.rssMb,
      m.evalAccuracy,
      m.validateSeconds,
      m.validateWarmSeconds,
    ]),
  ];
  for (const r of rows) process.stdout.write(`${r.map((c) => String(c).padStart(16)).join('')}\n`);
  process.stdout.write(
    `CPU per turn ${Math.round((big.cpuMsPerTurn / base.cpuMsPerTurn) * 100) / 100} × the shipped content's (target ≤ 1.2 at 3,000), first answer ${big.firstAnswerMs} ms (≤ 3000; ${big.firstAnswerCpuMs} ms of the server's CPU), validate ${big.validateSeconds} s (≤ 3), accuracy ${Math.round((big.evalAccuracy - base.evalAccuracy) * 1000) / 10} points (within 1)\n`,
  );
  process.stdout.write(`${JSON.stringify(big)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
