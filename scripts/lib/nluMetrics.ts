import type { Prediction } from './crossValidation';

export interface IntentMetrics {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  /** How many examples have this intent. */
  support: number;
  /** How many times it was predicted. */
  predicted: number;
}

export interface NluReport {
  /** Row and column order of the matrix: intents sorted, the out-of-scope label last. */
  labels: string[];
  /** matrix[i][j]: examples of labels[i] classified as labels[j]. */
  matrix: number[][];
  perIntent: IntentMetrics[];
  total: number;
  correct: number;
  accuracy: number;
  /** Accuracy over examples whose intent is not the out-of-scope label. */
  inScopeAccuracy: number | null;
  /**
   * Over in-scope examples: share whose best-ranked intent is right, before the out-of-scope
   * threshold. Far above inScopeAccuracy means the threshold, not confusion between intents,
   * loses most examples. Null when the classifier gives no ranking.
   */
  inScopeTopIntentAccuracy: number | null;
  /** Share of out-of-scope examples classified as out of scope. */
  outOfScopeRecall: number | null;
  macroF1: number;
  misclassified: Prediction[];
  outOfScopeLabel: string;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Per-intent precision/recall/F1, the confusion matrix and the errors of a set of predictions. */
export function evaluatePredictions(predictions: readonly Prediction[], outOfScopeLabel = 'none'): NluReport {
  const seen = new Set<string>();
  for (const p of predictions) seen.add(p.expected).add(p.got);
  const labels = [...seen].filter((l) => l !== outOfScopeLabel).sort();
  if (seen.has(outOfScopeLabel)) labels.push(outOfScopeLabel);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const p of predictions) matrix[index.get(p.expected)!][index.get(p.got)!] += 1;

  const perIntent = labels.map((intent, i) => {
    const tp = matrix[i][i];
    const support = matrix[i].reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + row[i], 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, precision: round(precision), recall: round(recall), f1: round(f1), support, predicted };
  });
  const correct = predictions.filter((p) => p.expected === p.got).length;
  const inScope = predictions.filter((p) => p.expected !== outOfScopeLabel);
  const oos = predictions.filter((p) => p.expected === outOfScopeLabel);
  const withSupport = perIntent.filter((m) => m.support > 0);
  return {
    labels,
    matrix,
    perIntent,
    total: predictions.length,
    correct,
    accuracy: predictions.length ? round(correct / predictions.length) : 0,
    inScopeAccuracy: inScope.length ? round(inScope.filter((p) => p.got === p.expected).length / inScope.length) : null,
    inScopeTopIntentAccuracy:
      inScope.length && inScope.every((p) => p.top !== undefined) ? round(inScope.filter((p) => p.top === p.expected).length / inScope.length) : null,
    outOfScopeRecall: oos.length ? round(oos.filter((p) => p.got === outOfScopeLabel).length / oos.length) : null,
    macroF1: withSupport.length ? round(withSupport.reduce((a, m) => a + m.f1, 0) / withSupport.length) : 0,
    misclassified: predictions
      .filter((p) => p.expected !== p.got)
      .sort((a, b) => a.expected.localeCompare(b.expected) || a.got.localeCompare(b.got) || a.text.localeCompare(b.text)),
    outOfScopeLabel,
  };
}
