/**
 * `npm run nlu:report [-- --k 5 --seed 1 --out reports/nlu-report.html]`: stratified k-fold
 * cross-validation of the offline intent classifier on intents/data. Prints per-intent
 * precision/recall/F1, the confusion matrix and the misclassified examples, and writes the
 * same as an HTML page (confusion matrix as a heat map) and as JSON next to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config';
import { loadTrainingData } from '../intents/trainingData';
import { crossValidate } from './lib/crossValidation';
import { evaluatePredictions } from './lib/nluMetrics';
import { renderReportHtml } from './lib/nluReportHtml';
import { renderReportText } from './lib/nluReportText';
import { trainBotClassifier } from './lib/nluTrain';

const root = path.resolve(__dirname, '..');

function main(): void {
  const { values } = parseArgs({
    options: {
      k: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: path.join(root, 'reports', 'nlu-report.html') },
    },
  });
  const k = Number(values.k);
  const seed = Number(values.seed);
  if (!Number.isInteger(k) || k < 2 || k > 20) throw new Error('--k must be a whole number from 2 to 20');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');

  const config = loadConfig(process.env);
  const training = loadTrainingData(config.intentsDir);
  for (const p of training.problems.filter((p) => p.severity === 'error')) {
    process.stderr.write(`${path.relative(process.cwd(), p.file)}${p.line ? `:${p.line}` : ''}: ${p.message} (left out; run npm run validate)\n`);
  }
  const examples = training.intents.flatMap((d) => d.examples.map((e) => ({ text: e.text, intent: d.intent })));
  if (examples.length === 0) throw new Error(`no intent examples found in ${config.intentsDir}`);

  const started = Date.now();
  const report = evaluatePredictions(crossValidate(examples, trainBotClassifier, k, seed), 'none');
  const seconds = (Date.now() - started) / 1000;
  const dataDir = path.relative(process.cwd(), config.intentsDir) || config.intentsDir;
  const method = `${k}-fold stratified cross-validation (seed ${seed}) of the offline classifier on ${examples.length} examples of ${training.intents.length} intents from ${dataDir}`;
  process.stdout.write(renderReportText(report, `Intent recognition report: ${method}`));

  const out = path.resolve(values.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, renderReportHtml(report, { title: 'Intent recognition report', method, generatedAt: new Date() }));
  const jsonOut = out.replace(/\.html?$/i, '') + '.json';
  fs.writeFileSync(jsonOut, `${JSON.stringify({ method, k, seed, seconds, ...report }, null, 2)}\n`);
  process.stdout.write(`\nHTML report: ${out}\nJSON: ${jsonOut}\n(${seconds.toFixed(1)} s)\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`nlu:report failed: ${(err as Error).message}\n`);
  process.exit(1);
}
