/**
 * `npx tsx scripts/riskCrossValidation.ts [FOLDS]`: an estimate of how the risk check does on
 * wordings its classifier has not seen. The risk classifier is trained without part of its own
 * training data (intents/risk) and the held-out part is checked by the detector (rules + that
 * classifier, as residents meet it) and by the classifier alone:
 * - "blind": every *.blind.yaml and *.blind2.yaml file held out (examples written by people who never saw the rest);
 * - "fold i/FOLDS": the other examples of intents/risk in FOLDS folds (default 5), cut at random
 *   (seed 1) within each file, the blind files always in training.
 * The ordinary intents' examples stay in training as negatives. The rules were written with the
 * development sets in view, so the detector's figure is an upper bound; the classifier-alone
 * figure is the honest one for the classifier. Never reads tests/safeguarding.
 */
import path from 'node:path';
import { IntentClassifier, type TrainingExample } from '../intents/classifier';
import { NOT_RISK, RiskClassifier } from '../intents/riskClassifier';
import { loadRiskTaxonomy } from '../intents/riskTaxonomy';
import { SafeguardingDetector } from '../intents/safeguardingDetector';
import { loadSafeguardingRuleSet } from '../intents/safeguardingRules';
import { loadTrainingData, utteranceKey } from '../intents/trainingData';
import { Intents } from '../intents/catalogue';
import { SeededRandom } from '../intents/classifier/SeededRandom';

const ROOT = path.resolve(__dirname, '..');
const riskDir = path.join(ROOT, 'intents', 'risk');
const folds = Number(process.argv[2] ?? 5);
const ruleSet = loadSafeguardingRuleSet(path.join(ROOT, 'intents', 'safeguarding-rules.yaml'));
const taxonomy = loadRiskTaxonomy(path.join(ROOT, 'intents', 'risk-taxonomy.yaml'));

interface Own extends TrainingExample { blind: boolean; fold: number }
const random = new SeededRandom(1);
const own: Own[] = loadTrainingData(riskDir).intents.flatMap((d) => {
  const blind = /\.blind\d*\.yaml$/.test(d.file);
  const order = d.examples.map((_, i) => i);
  random.shuffle(order);
  const foldOf = new Map(order.map((i, k) => [i, k % folds]));
  return d.examples.map((e, i) => ({ text: e.text, intent: d.intent, blind, fold: foldOf.get(i)! }));
});
const ownKeys = new Set(own.map((e) => utteranceKey(e.text)));
const ordinary: TrainingExample[] = loadTrainingData(path.join(ROOT, 'intents', 'data'))
  .intents.filter((d) => d.intent !== Intents.safeguarding)
  .flatMap((d) => d.examples.map((e) => ({ text: e.text, intent: NOT_RISK })))
  .filter((e) => !ownKeys.has(utteranceKey(e.text)));

interface Tally { risk: number; detector: number; alone: number; none: number; detectorAlarms: number; aloneAlarms: number; danger: number; dangerDetector: number }
const total: Tally = { risk: 0, detector: 0, alone: 0, none: 0, detectorAlarms: 0, aloneAlarms: 0, danger: 0, dangerDetector: 0 };

function run(name: string, heldOut: (e: Own) => boolean): void {
  const train = [...own.filter((e) => !heldOut(e)), ...ordinary];
  const risk = new RiskClassifier(IntentClassifier.train(train, { outOfScopeLabel: NOT_RISK, seed: 1 }));
  const detector = new SafeguardingDetector(ruleSet.rules, { riskClassifier: risk, taxonomy, idioms: ruleSet.idioms, spellings: ruleSet.spellings, past: ruleSet.past, subject: ruleSet.subject });
  const t: Tally = { risk: 0, detector: 0, alone: 0, none: 0, detectorAlarms: 0, aloneAlarms: 0, danger: 0, dangerDetector: 0 };
  for (const e of own.filter(heldOut)) {
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

run('blind', (e) => e.blind);
for (let f = 0; f < folds; f++) run(`fold ${f + 1}/${folds}`, (e) => !e.blind && e.fold === f);
process.stdout.write(`${'pooled'.padEnd(10)} ${report(total)}\n`);
