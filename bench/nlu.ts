/**
 * Benchmark of the offline intent classifier on JSON Lines files of {"text","intent"}.
 *
 *   npm run nlu:bench -- --train FILE (--test FILE | --holdout 0.2) [--val FILE] [--oos LABEL]
 *                        [--seed N] [--set name=value ...]
 *
 * Utterances labelled `oos` (or --oos LABEL) are out of scope: they only choose the threshold
 * and are scored for recall. The last line of stdout is one JSON object with the figures.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { IntentClassifier, StratifiedSplit, type ClassifierOptions, type TrainingExample } from '../intents/classifier';

function readJsonl(file: string): TrainingExample[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as { text?: unknown; intent?: unknown };
      if (typeof row.text !== 'string' || typeof row.intent !== 'string') throw new Error(`${file}:${i + 1}: needs "text" and "intent"`);
      return { text: row.text, intent: row.intent };
    });
}

function percentile(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function parseSetting(value: string): [string, number | boolean | string] {
  const [k, v = ''] = value.split('=');
  if (v === 'true' || v === 'false') return [k, v === 'true'];
  return [k, Number.isFinite(Number(v)) && v !== '' ? Number(v) : v];
}

const { values: args } = parseArgs({
  options: {
    train: { type: 'string' },
    test: { type: 'string' },
    val: { type: 'string' },
    holdout: { type: 'string' },
    oos: { type: 'string', default: 'oos' },
    seed: { type: 'string', default: '1' },
    set: { type: 'string', multiple: true, default: [] },
  },
});
if (!args.train || !args.test === !args.holdout) {
  console.error('usage: npm run nlu:bench -- --train FILE (--test FILE | --holdout FRACTION) [--val FILE] [--oos LABEL] [--seed N] [--set option=value]');
  process.exit(2);
}

const seed = Number(args.seed);
const oosLabel = args.oos;
let train = readJsonl(args.train);
let test: TrainingExample[];
if (args.holdout) {
  // A seeded, stratified part of the training file stands in for a test set (for tuning).
  const fraction = Number(args.holdout);
  if (!(fraction > 0 && fraction < 1)) throw new Error('--holdout needs a fraction between 0 and 1');
  [train, test] = StratifiedSplit.holdout(train, (e) => e.intent, fraction, seed);
} else test = readJsonl(args.test!);
const validation = args.val ? readJsonl(args.val) : undefined;
const options: Partial<ClassifierOptions> = { seed, outOfScopeLabel: oosLabel, ...Object.fromEntries(args.set.map(parseSetting)) };

const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const classifier = IntentClassifier.train(train, { ...options, validation });
const trainSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuUsed = process.cpuUsage(cpu0);
const trainCpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;

// Warm up, then time each classification.
for (const e of test.slice(0, 200)) classifier.classify(e.text);
const times: number[] = [];
let inScope = 0;
let inScopeCorrect = 0;
let oos = 0;
let oosCaught = 0;
const confusions = new Map<string, number>();
for (const e of test) {
  const start = process.hrtime.bigint();
  const result = classifier.classify(e.text);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (e.intent === oosLabel) {
    oos++;
    if (result.intent === oosLabel) oosCaught++;
  } else {
    inScope++;
    if (result.intent === e.intent) inScopeCorrect++;
    else confusions.set(`${e.intent} -> ${result.intent}`, (confusions.get(`${e.intent} -> ${result.intent}`) ?? 0) + 1);
  }
}
times.sort((a, b) => a - b);

const summary = {
  inScopeAccuracy: inScope ? inScopeCorrect / inScope : 0,
  oosRecall: oos ? oosCaught / oos : null,
  trainSeconds: Number(trainSeconds.toFixed(2)),
  classifyMsP50: Number(percentile(times, 0.5).toFixed(4)),
  classifyMsP99: Number(percentile(times, 0.99).toFixed(4)),
  threshold: Number(classifier.threshold.toFixed(4)),
};

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(100 * x).toFixed(2)} %`);
console.log(`train ${args.train}${args.holdout ? ` minus a ${args.holdout} holdout` : ''}: ${train.length} utterances, ${classifier.intents.length} intents`);
console.log(`test  ${args.test ?? `holdout of ${args.train}`}: ${inScope} in scope, ${oos} out of scope`);
console.log(`in-scope accuracy ${pct(summary.inScopeAccuracy)}   out-of-scope recall ${pct(summary.oosRecall)}   threshold ${summary.threshold}`);
// CPU time is printed too because on a shared machine the wall-clock figures include waiting.
console.log(
  `training ${summary.trainSeconds} s (CPU ${trainCpuSeconds.toFixed(1)} s)   classify p50 ${summary.classifyMsP50} ms, p99 ${summary.classifyMsP99} ms`,
);
const top = [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 8);
if (top.length) console.log(`most frequent errors: ${top.map(([k, n]) => `${k} (${n})`).join(', ')}`);
console.log(JSON.stringify(summary));
