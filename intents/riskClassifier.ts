import path from 'node:path';
import { Intents } from './catalogue';
import { NONE_INTENT } from './recognizer';
import { IntentClassifier, loadOrTrainWithInfo, type ClassifierOptions, type TrainingExample } from './classifier';
import { RISK_CATEGORIES, type RiskCategory } from './riskTaxonomy';
import { loadTrainingData, utteranceKey, type ContentProblem } from './trainingData';

/** The label of the risk classifier's negative examples (intents/risk/none*.yaml and every ordinary intent example). */
export const NOT_RISK = 'none';

/**
 * The best category's calibrated score at which a message counts as a risk, on top of the
 * classifier's own decision (a category beats the not-a-risk class and clears the cut-off the
 * classifier chose by cross-validation). 0 = that decision alone. Chosen for recall: a false alarm
 * costs a resident one reply with helpline numbers, a miss can cost a life. Measured with
 * `npm run eval:safeguarding` on tests/safeguarding/dev.jsonl and dev2.jsonl (2026-12-04, with the
 * blind-written training data): 0.25 caught 329 of 350 dev2 messages, 0 caught 340, with the same
 * false alarms on the near misses (4 of 128) and on ordinary questions.
 */
export const DEFAULT_RISK_THRESHOLD = 0;
/**
 * When the not-a-risk class wins, the best category still counts from this score; above 1 = never.
 * Off since the blind-written training data (2026-12-04): on tests/safeguarding/dev.jsonl and
 * dev2.jsonl it caught nothing the classifier's own decision did not, and it flagged answers to
 * the request dialogs' questions ("outside the library on Station Road" scored 0.84 as a danger).
 */
export const DEFAULT_RISK_OVERRIDE = 1.1;

/**
 * Per-category overrides, in place of DEFAULT_RISK_OVERRIDE: recall first where a miss costs a life
 * now. Chosen with scripts/riskThresholdCv.ts (leave one tests/safeguarding dev set out: the lowest
 * score that adds no false alarm on the other sets' near misses nor on the ordinary questions of
 * tests/eval and the dev conversations) on 2026-12-04, once the knowledge articles' questions were
 * no longer negatives: 0.40 to 0.53 for immediate danger, none of them adding a false alarm on the
 * set left out at 0.5 ("a big fire at the recycling centre heading for the caravans" scored 0.97
 * for immediate danger with the not-a-risk class on top). The other categories' overrides, chosen
 * the same way, added false alarms on the set left out and caught nothing more, so stay off.
 */
export const DEFAULT_RISK_OVERRIDES: Readonly<Partial<Record<RiskCategory, number>>> = { immediate_danger: 0.5 };

const MIN_EXAMPLES = 30;

export interface RiskGuess {
  category: RiskCategory;
  /** Calibrated score in [0, 1]. */
  score: number;
  /** The not-a-risk class scored higher than every category. */
  notRiskWins: boolean;
}

/**
 * The risk classifier's training data: each category's examples (intents/risk/<category>.yaml),
 * the explicit negatives (intents/risk/none*.yaml) and, as more negatives, every example of the
 * ordinary requests (intents/data) except safeguarding and the out-of-scope class. The knowledge
 * articles' questions are not among them (issue 15): content edits must not move the risk figures.
 * Nor are routing's out-of-scope examples (intents/data/none.yaml): the risk classifier keeps its
 * own copy of them (intents/risk/none.out-of-scope.yaml), so that examples added there to route a
 * question out of scope do not move the safeguarding boundary (measured in docs/safeguarding.md,
 * tenth round: a few lines there moved false alarms on every safeguarding set).
 */
export function riskTrainingData(riskDir: string, intentsDirs: string | readonly string[]): { examples: TrainingExample[]; problems: ContentProblem[] } {
  const risk = loadTrainingData(riskDir);
  const problems = [...risk.problems];
  const allowed = new Set<string>([...RISK_CATEGORIES, NOT_RISK]);
  for (const def of risk.intents) {
    if (!allowed.has(def.intent))
      problems.push({
        severity: 'error',
        file: def.file,
        line: 1,
        message: `"${def.intent}" is not a risk category (${[...RISK_CATEGORIES].join(', ')}) or ${NOT_RISK}`,
      });
    else if (def.examples.length < MIN_EXAMPLES)
      problems.push({ severity: 'warning', file: def.file, message: `only ${def.examples.length} examples; ${MIN_EXAMPLES} or more make detection reliable` });
  }
  for (const id of RISK_CATEGORIES) {
    if (!risk.intents.some((d) => d.intent === id))
      problems.push({ severity: 'error', file: path.join(riskDir, `${id}.yaml`), message: `the risk category "${id}" has no training file` });
  }
  const own = risk.intents.filter((d) => allowed.has(d.intent)).flatMap((d) => d.examples.map((e) => ({ text: e.text, intent: d.intent })));
  const taken = new Set(own.map((e) => utteranceKey(e.text)));
  const ordinary = [...new Set(typeof intentsDirs === 'string' ? [intentsDirs] : intentsDirs)].flatMap((dir) =>
    loadTrainingData(dir)
      .intents.filter((d) => d.intent !== Intents.safeguarding && d.intent !== NONE_INTENT)
      .flatMap((d) => d.examples.map((e) => e.text)),
  );
  const negatives = ordinary.filter((text) => {
    const key = utteranceKey(text);
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  return { examples: [...own, ...negatives.map((text) => ({ text, intent: NOT_RISK }))], problems };
}

/**
 * The risk classifier trains to convergence: 30 epochs of its solver, where the automatic choice
 * (IntentClassifier) stops at 6 above 5,000 examples, and the English risk data has about 8,000.
 * Stopped at 6, the model was one draw of its random training order: seeds 1 to 5 gave 16 to 25
 * false alarms on the same 360 near misses of tests/safeguarding/dev7.jsonl, and merely reordering
 * the training examples moved the figure as much, so a change to the data was measured through that
 * noise. Trained to convergence, seeds 1 to 3 gave 19, 20 and 19 (dev8: 88 and 89 of 1,000), with the
 * same recall (docs/safeguarding.md, tenth round). It costs about twice the training time, once
 * (the model is cached), and nothing per message.
 */
export const RISK_MAX_EPOCHS = 30;

/** Trains the risk classifier on `examples` (scripts/lib/riskFolds.ts: cross-validation). */
export function trainRiskClassifier(examples: TrainingExample[], options: Partial<ClassifierOptions> = {}): IntentClassifier {
  return IntentClassifier.train(examples, { ...options, outOfScopeLabel: NOT_RISK, seed: 1, maxEpochs: RISK_MAX_EPOCHS });
}

/** Trains the risk classifier, or loads it from `modelDir`/risk when the data and options are unchanged (the same cache as the intent model). */
export function loadRiskClassifier(
  modelDir: string,
  riskDir: string,
  intentsDirs: string | readonly string[],
): { classifier: IntentClassifier; fromCache: boolean; examples: number } {
  const { examples } = riskTrainingData(riskDir, intentsDirs);
  const { classifier, fromCache } = loadOrTrainWithInfo(path.join(modelDir, 'risk'), examples, {
    outOfScopeLabel: NOT_RISK,
    seed: 1,
    maxEpochs: RISK_MAX_EPOCHS,
  });
  return { classifier, fromCache, examples: examples.length };
}

/**
 * The dedicated risk classifier: the project's intent classifier trained on risk categories
 * against ordinary council requests and idioms. A message is a risk when its best category
 * scores at least the threshold and beats the not-a-risk class, or scores at least its category's
 * entry in `overrides` (else `override`) even though it does not.
 */
export class RiskClassifier {
  constructor(
    private readonly classifier: IntentClassifier,
    readonly threshold: number = DEFAULT_RISK_THRESHOLD,
    readonly override: number = DEFAULT_RISK_OVERRIDE,
    readonly overrides: Readonly<Partial<Record<RiskCategory, number>>> = DEFAULT_RISK_OVERRIDES,
  ) {}

  /** The likeliest category and its score, whether or not it reaches the threshold. */
  best(text: string): RiskGuess | undefined {
    const c = this.classifier.classify(text);
    const top = c.ranking[0];
    return top ? { category: top.intent as RiskCategory, score: top.score, notRiskWins: c.intent === NOT_RISK } : undefined;
  }

  /** The category when the message counts as a risk. */
  classify(text: string): RiskGuess | undefined {
    return this.counted(this.best(text));
  }

  /** A best guess (of {@link best}) when it counts as a risk: what {@link classify} gives, for a guess already made. */
  counted(guess: RiskGuess | undefined): RiskGuess | undefined {
    return guess && guess.score >= this.threshold && (!guess.notRiskWins || guess.score >= (this.overrides[guess.category] ?? this.override))
      ? guess
      : undefined;
  }
}
