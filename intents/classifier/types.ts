/** Public types of the intent classifier (other code depends on these shapes). */

export interface TrainingExample {
  text: string;
  intent: string;
}

/** score is a calibrated probability in [0, 1]. */
export interface IntentScore {
  intent: string;
  score: number;
}

export interface Classification {
  /** The best in-scope intent, or the out-of-scope label when its score is below the threshold. */
  intent: string;
  score: number;
  /** In-scope intents, best first, at most five. */
  ranking: IntentScore[];
}

export interface ClassifierOptions {
  seed: number;
  /** Label of out-of-scope examples; they choose the threshold (and can be a class, see oosAsClass). */
  outOfScopeLabel: string;
  /** Porter-stem word features (character n-grams always use the unstemmed words). */
  stem: boolean;
  /**
   * Welsh: each word's initial mutation undone before its features are taken ("dwll", "fin", "nhreth" count as
   * "twll", "bin", "treth"; intents/entities/welshMutations.ts `unmutate`), for the words and the character n-grams.
   */
  unmutate: boolean;
  /** Longest word n-gram (1 = unigrams only). */
  wordNgramMax: number;
  charNgramMin: number;
  charNgramMax: number;
  /** Relative weight of the word block and the character block (each block is L2-normalised first). */
  wordWeight: number;
  charWeight: number;
  /** Features seen in fewer training utterances than this are dropped. */
  minDf: number;
  /** SVM regularisation (larger = fits the training data harder). */
  C: number;
  /**
   * Dual coordinate descent stopping tolerance and epoch cap. maxEpochs 0 = automatic: 30, or 6 above
   * 5,000 utterances. Small data sets (the council's ~1,800 examples) need more than 6 epochs to reach
   * the tolerance; stopped early, the scores of an utterance moved by up to 0.2 (0.15 to 0.63 as a
   * probability) when unrelated examples were added. Large ones (CLINC150's 15,000) stay at 6, which
   * keeps their training time within budget.
   */
  tolerance: number;
  maxEpochs: number;
  /** Train out-of-scope examples as an extra class as well as using them for the threshold. */
  oosAsClass: boolean;
  /**
   * Cross-validation folds for the calibration and the threshold when no validation set is given;
   * 0 = automatic: 5, or 3 above 5,000 utterances (each fold costs a training run).
   */
  folds: number;
  /** Fraction of correctly classified held-out in-scope utterances the threshold may reject. */
  maxInScopeLoss: number;
  /** After choosing the threshold on a validation set, train the final model on train + validation. */
  trainOnValidation: boolean;
  /** Random letter strings scored as extra out-of-scope examples (the only ones when the data has none). */
  gibberish: number;
  /** Utterances are cut to this many characters before featurising. */
  maxChars: number;
}

export const DEFAULT_OPTIONS: ClassifierOptions = {
  seed: 1,
  outOfScopeLabel: 'none',
  stem: true,
  unmutate: false,
  wordNgramMax: 2,
  charNgramMin: 2,
  charNgramMax: 5,
  wordWeight: 1,
  charWeight: 1,
  minDf: 1,
  C: 0.5,
  tolerance: 0.1,
  maxEpochs: 0,
  oosAsClass: true,
  folds: 0,
  maxInScopeLoss: 0.003,
  trainOnValidation: true,
  gibberish: 100,
  maxChars: 1000,
};

/** A sparse vector: parallel arrays of ascending feature indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}
