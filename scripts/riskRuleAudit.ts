/**
 * `npx tsx scripts/riskRuleAudit.ts [FOLDS]`: what each safeguarding rule (intents/safeguarding-rules.yaml)
 * adds on wordings the risk classifier has not seen, for a council or maintainer reviewing the rules.
 * Over the held-out runs of scripts/lib/riskFolds.ts (each blind-written round, then FOLDS folds),
 * every held-out example is checked by the detector and by the same detector without rules; per
 * rule it prints how many held-out risk messages it matched, how many of those only the rules
 * caught ("saves"), how many held-out not-a-risk examples it matched, and how many of those only
 * the rules flagged ("own false alarms"). Then the false alarms the classifier makes on its own:
 * on the whole message or on one clause of it. Counts only, unless `--show` is given: then each
 * rule's own false alarms and saves are listed too (the project's training examples, never residents' messages).
 * Never reads tests/safeguarding.
 */
import path from 'node:path';
import { NOT_RISK } from '../intents/riskClassifier';
import { riskFolds } from './lib/riskFolds';

const ROOT = path.resolve(__dirname, '..');
const show = process.argv.includes('--show');
const folds = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 5);

interface RuleTally {
  risk: number;
  saves: number;
  none: number;
  ownAlarms: number;
}
const byRule = new Map<string, RuleTally>();
const tallyOf = (rule: string): RuleTally => {
  let t = byRule.get(rule);
  if (!t) byRule.set(rule, (t = { risk: 0, saves: 0, none: 0, ownAlarms: 0 }));
  return t;
};
let classifierAlarmsWhole = 0;
let classifierAlarmsClause = 0;
let negatives = 0;
let riskTotal = 0;
let riskWhole = 0;
let riskClauseOnly = 0;
let riskClauseOnlyDetectorMisses = 0;

for (const { heldOut, risk, detector, withoutRules } of riskFolds(ROOT, folds)) {
  for (const e of heldOut) {
    const trace = detector.explain(e.text);
    const byRules = trace.verdict.risk && trace.verdict.reason !== 'risk classifier' && trace.rules.length > 0;
    const alone = withoutRules.explain(e.text);
    const isRisk = e.intent !== NOT_RISK;
    // Caught on the whole message when the risk classifier flags it at its own threshold; else a clause did.
    const onWhole = !!risk.classify(e.text);
    if (isRisk) {
      riskTotal++;
      if (alone.verdict.risk) {
        if (onWhole) riskWhole++;
        else {
          riskClauseOnly++;
          if (!byRules) riskClauseOnlyDetectorMisses++;
        }
      }
    } else {
      negatives++;
      if (alone.verdict.risk) {
        if (onWhole) classifierAlarmsWhole++;
        else classifierAlarmsClause++;
      }
    }
    if (!byRules) continue;
    for (const rule of trace.rules) {
      const t = tallyOf(rule);
      if (isRisk) {
        t.risk++;
        if (!alone.verdict.risk) {
          t.saves++;
          if (show) process.stdout.write(`SAVE [${rule}] (${e.intent}) ${e.text}\n`);
        }
      } else {
        t.none++;
        if (!alone.verdict.risk) {
          t.ownAlarms++;
          if (show) process.stdout.write(`FA   [${rule}] ${e.text}\n`);
        }
      }
    }
  }
}

const rows = [...byRule.entries()].sort((a, b) => b[1].ownAlarms - b[1].saves - (a[1].ownAlarms - a[1].saves));
process.stdout.write(`${'rule'.padEnd(36)} ${'risk'.padStart(5)} ${'saves'.padStart(6)} ${'none'.padStart(5)} ${'own FA'.padStart(7)}\n`);
for (const [rule, t] of rows) {
  process.stdout.write(
    `${rule.padEnd(36)} ${String(t.risk).padStart(5)} ${String(t.saves).padStart(6)} ${String(t.none).padStart(5)} ${String(t.ownAlarms).padStart(7)}\n`,
  );
}
process.stdout.write(
  `the classifier alone catches ${riskWhole + riskClauseOnly} of the ${riskTotal} risk messages (${riskWhole} on the whole message, ${riskClauseOnly} on a clause only, ${riskClauseOnlyDetectorMisses} of which no rule catches)\n`,
);
process.stdout.write(
  `held out: ${riskTotal} risk, ${negatives} not a risk; the classifier alone flags ${classifierAlarmsWhole + classifierAlarmsClause} of the latter (${classifierAlarmsWhole} on the whole message, ${classifierAlarmsClause} on a clause only)\n`,
);
