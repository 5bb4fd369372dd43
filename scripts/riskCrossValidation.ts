/**
 * `npx tsx scripts/riskCrossValidation.ts [FOLDS]`: an estimate of how the risk check does on
 * wordings its classifier has not seen. The risk classifier is trained without part of its own
 * training data (intents/risk) and the held-out part is checked by the detector (rules + that
 * classifier, as residents meet it) and by the classifier alone:
 * - "blind", "blind2", …: each round of blind-written files (*.blind.yaml, *.blind2.yaml, …) held out in
 *   turn, the other rounds in training (examples written by people who never saw the rest);
 * - "fold i/FOLDS": the other examples of intents/risk in FOLDS folds (default 5), cut at random
 *   (a generator seeded from each file's name, so that adding a file leaves the others' folds alone) within each file,
 *   the blind files always in training.
 * The ordinary intents' examples stay in training as negatives. The rules were written with the
 * development sets in view, so the detector's figure is an upper bound; the classifier-alone
 * figure is the honest one for the classifier. Never reads tests/safeguarding.
 */
import path from 'node:path';
import { NOT_RISK } from '../intents/riskClassifier';
import { riskFolds, type HeldOutRun } from './lib/riskFolds';

const ROOT = path.resolve(__dirname, '..');
const folds = Number(process.argv[2] ?? 5);

interface Tally {
  risk: number;
  detector: number;
  alone: number;
  none: number;
  detectorAlarms: number;
  aloneAlarms: number;
  danger: number;
  dangerDetector: number;
}
const total: Tally = { risk: 0, detector: 0, alone: 0, none: 0, detectorAlarms: 0, aloneAlarms: 0, danger: 0, dangerDetector: 0 };

function tally({ name, heldOut, risk, detector }: HeldOutRun): void {
  const t: Tally = { risk: 0, detector: 0, alone: 0, none: 0, detectorAlarms: 0, aloneAlarms: 0, danger: 0, dangerDetector: 0 };
  for (const e of heldOut) {
    const flagged = detector.check(e.text).risk;
    const alone = !!risk.classify(e.text);
    if (e.intent === NOT_RISK) {
      t.none++;
      if (flagged) t.detectorAlarms++;
      if (alone) t.aloneAlarms++;
    } else {
      t.risk++;
      if (flagged) t.detector++;
      if (alone) t.alone++;
      if (e.intent === 'immediate_danger') {
        t.danger++;
        if (flagged) t.dangerDetector++;
      }
    }
  }
  for (const k of Object.keys(total) as Array<keyof Tally>) total[k] += t[k];
  process.stdout.write(`${name.padEnd(10)} ${report(t)}\n`);
}

const pct = (a: number, b: number) => `${a}/${b} (${b ? ((a / b) * 100).toFixed(1) : '-'}%)`;
const report = (t: Tally) =>
  `recall: detector ${pct(t.detector, t.risk)}, classifier alone ${pct(t.alone, t.risk)}; immediate danger ${pct(t.dangerDetector, t.danger)}; false alarms on held-out negatives: detector ${pct(t.detectorAlarms, t.none)}, classifier alone ${pct(t.aloneAlarms, t.none)}`;

for (const run of riskFolds(ROOT, folds)) tally(run);
process.stdout.write(`${'pooled'.padEnd(10)} ${report(total)}\n`);
