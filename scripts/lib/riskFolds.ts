/**
 * The held-out runs of the risk checks' cross-validation (scripts/riskCrossValidation.ts and
 * scripts/riskSweep.ts): each round of blind-written files of intents/risk (`*.blind.yaml`,
 * `*.blind2.yaml`, …) held out in turn with the other rounds in training, then FOLDS folds of the
 * rest, cut at random within each file (a generator seeded from its name), every blind round in training. The ordinary intents' examples always stay in
 * training as negatives. Never reads tests/safeguarding.
 */
import path from 'node:path';
import { type ClassifierOptions, type TrainingExample } from '../../intents/classifier';
import { Intents } from '../../intents/catalogue';
import { NONE_INTENT } from '../../intents/recognizer';
import { SeededRandom } from '../../intents/classifier/SeededRandom';
import { NOT_RISK, RiskClassifier, trainRiskClassifier } from '../../intents/riskClassifier';
import { loadRiskTaxonomy } from '../../intents/riskTaxonomy';
import { ENGLISH_CLAUSE_GATE, SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRuleSet } from '../../intents/safeguardingRules';
import { loadTrainingData, utteranceKey } from '../../intents/trainingData';

export interface OwnExample extends TrainingExample {
  /** The blind-written round the example came from ('blind', 'blind2', …), or undefined. */
  blind: string | undefined;
  fold: number;
}

export interface HeldOutRun {
  name: string;
  heldOut: OwnExample[];
  risk: RiskClassifier;
  detector: SafeguardingDetector;
  /** The same detector with no rules: the risk classifier alone, with the idioms, spellings and gates (scripts/riskRuleAudit.ts). */
  withoutRules: SafeguardingDetector;
}

/** A seed from a file's name (a string hash), so each file has its own cut. */
const seedOf = (name: string): number => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 1);

/** Trains a risk classifier and the detector around it without each run's held-out examples, one run at a time. */
export function* riskFolds(root: string, folds: number, options: Partial<ClassifierOptions> = {}): Generator<HeldOutRun> {
  const ruleSet = loadSafeguardingRuleSet(path.join(root, 'intents', 'safeguarding-rules.yaml'));
  const taxonomy = loadRiskTaxonomy(path.join(root, 'intents', 'risk-taxonomy.yaml'));
  const own: OwnExample[] = loadTrainingData(path.join(root, 'intents', 'risk')).intents.flatMap((d) => {
    const blind = /\.(blind\d*)\.yaml$/.exec(d.file)?.[1];
    const order = d.examples.map((_, i) => i);
    // Each file is cut with its own generator, seeded from its name, so adding a training file leaves the folds of the others
    // as they were: with one generator for all files, a new file reshuffled every file after it, and a change to the
    // training data was measured through a different cut (docs/safeguarding.md, fifteenth round).
    new SeededRandom(seedOf(path.basename(d.file))).shuffle(order);
    const foldOf = new Map(order.map((i, k) => [i, k % folds]));
    return d.examples.map((e, i) => ({ text: e.text, intent: d.intent, blind, fold: foldOf.get(i) ?? 0 }));
  });
  const ownKeys = new Set(own.map((e) => utteranceKey(e.text)));
  const ordinary: TrainingExample[] = loadTrainingData(path.join(root, 'intents', 'data'))
    // Routing's out-of-scope examples are not the risk classifier's: it has its own copy (intents/risk/none.out-of-scope.yaml).
    .intents.filter((d) => d.intent !== Intents.safeguarding && d.intent !== NONE_INTENT)
    .flatMap((d) => d.examples.map((e) => ({ text: e.text, intent: NOT_RISK })))
    .filter((e) => !ownKeys.has(utteranceKey(e.text)));
  const run = (name: string, isHeldOut: (e: OwnExample) => boolean): HeldOutRun => {
    const train = [...own.filter((e) => !isHeldOut(e)), ...ordinary];
    const risk = new RiskClassifier(trainRiskClassifier(train, options));
    const detectorOptions = {
      riskClassifier: risk,
      taxonomy,
      idioms: ruleSet.idioms,
      spellings: ruleSet.spellings,
      past: ruleSet.past,
      subject: ruleSet.subject,
      reassured: ruleSet.reassured,
      resolved: ruleSet.resolved,
      topic: ruleSet.topic,
      ...ENGLISH_CLAUSE_GATE,
    };
    const detector = new SafeguardingDetector(ruleSet.rules, detectorOptions);
    return { name, heldOut: own.filter(isHeldOut), risk, detector, withoutRules: new SafeguardingDetector([], detectorOptions) };
  };
  const rounds = [...new Set(own.flatMap((e) => (e.blind ? [e.blind] : [])))].sort();
  for (const round of rounds) yield run(round, (e) => e.blind === round);
  for (let f = 0; f < folds; f++) yield run(`fold ${f + 1}/${folds}`, (e) => !e.blind && e.fold === f);
}
