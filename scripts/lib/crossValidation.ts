import { StratifiedSplit, type TrainingExample } from '../../intents/classifier';

/** What cross-validation needs from a classifier: train on some examples, then classify. */
export type TrainFn = (
  examples: TrainingExample[],
  seed: number,
) => { classify(text: string): { intent: string; score: number; ranking?: Array<{ intent: string }> } };

export interface Prediction {
  text: string;
  expected: string;
  got: string;
  score: number;
  /** The best in-scope intent before the out-of-scope threshold (when the classifier ranks). */
  top?: string;
  fold: number;
}

/**
 * Stratified k-fold cross-validation: every example is classified exactly once, by a model
 * trained on the other folds. Seeded, so the same data gives the same report.
 */
export function crossValidate(examples: readonly TrainingExample[], train: TrainFn, k = 5, seed = 1): Prediction[] {
  if (!Number.isInteger(k) || k < 2) throw new Error('k must be a whole number of at least 2');
  if (examples.length < k) throw new Error(`cross-validation with k=${k} needs at least ${k} examples`);
  const folds = StratifiedSplit.folds(
    examples.map((e) => e.intent),
    k,
    seed,
  );
  const predictions: Prediction[] = [];
  for (let f = 0; f < k; f++) {
    const trainPart = examples.filter((_, i) => folds[i] !== f);
    const model = train(trainPart, seed);
    examples.forEach((e, i) => {
      if (folds[i] !== f) return;
      const c = model.classify(e.text);
      predictions.push({ text: e.text, expected: e.intent, got: c.intent, score: c.score, top: c.ranking?.[0]?.intent, fold: f });
    });
  }
  return predictions;
}
