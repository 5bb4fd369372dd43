/**
 * `npx tsx scripts/riskSweep.ts ['{"charWeight":0.5}' …]`: compares options of the risk classifier
 * (intents/classifier ClassifierOptions) on wordings it has not seen, without choosing a threshold
 * first. For each set of options (none given = the defaults) the held-out runs of
 * scripts/lib/riskFolds.ts are scored; each held-out example gets the classifier's risk score (its
 * best category's probability, minus 1 when the not-a-risk class wins), and one line is printed:
 * the whole detector's recall and false alarms as it decides today, then the classifier's recall at
 * 3, 5 and 10 % false alarms and its false alarms at 95 and 97 % recall. Options that do better
 * here may still move the development sets the other way: see docs/safeguarding.md.
 */
import path from 'node:path';
import { NOT_RISK } from '../intents/riskClassifier';
import { riskFolds } from './lib/riskFolds';

const ROOT = path.resolve(__dirname, '..');
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

for (const json of process.argv.length > 2 ? process.argv.slice(2) : ['{}']) {
  const options = JSON.parse(json) as Record<string, unknown>;
  const risky: number[] = [];
  const ordinary: number[] = [];
  let caught = 0;
  let alarms = 0;
  for (const { heldOut, risk, detector } of riskFolds(ROOT, 5, options)) {
    for (const e of heldOut) {
      const best = risk.best(e.text);
      const score = best ? best.score - (best.notRiskWins ? 1 : 0) : -1;
      const flagged = detector.check(e.text).risk;
      if (e.intent === NOT_RISK) {
        ordinary.push(score);
        if (flagged) alarms++;
      } else {
        risky.push(score);
        if (flagged) caught++;
      }
    }
  }
  risky.sort((a, b) => b - a);
  ordinary.sort((a, b) => b - a);
  const recallAt = (falseAlarms: number) => {
    const cut = ordinary[Math.floor(falseAlarms * ordinary.length)] ?? -Infinity;
    return risky.filter((s) => s > cut).length / risky.length;
  };
  const alarmsAt = (recall: number) => {
    const cut = risky[Math.max(0, Math.ceil(recall * risky.length) - 1)] ?? -Infinity;
    return ordinary.filter((s) => s >= cut).length / ordinary.length;
  };
  process.stdout.write(
    `${json}: detector recall ${percent(caught / risky.length)}, false alarms ${percent(alarms / ordinary.length)}; classifier recall at 3/5/10 % false alarms ${[0.03, 0.05, 0.1].map((f) => percent(recallAt(f))).join(' / ')}; false alarms at 95/97 % recall ${[0.95, 0.97].map((r) => percent(alarmsAt(r))).join(' / ')}\n`,
  );
}
