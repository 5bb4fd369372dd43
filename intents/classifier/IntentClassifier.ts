import { FeatureExtractor } from './FeatureExtractor';
import { LinearModel } from './LinearModel';
import { Pipeline } from './Pipeline';
import { StratifiedSplit } from './StratifiedSplit';
import { TemperatureScaler } from './TemperatureScaler';
import { ThresholdSelector, type HeldOutPrediction } from './ThresholdSelector';
import { DEFAULT_OPTIONS, type Classification, type ClassifierOptions, type IntentScore, type TrainingExample } from './types';

export const MODEL_FORMAT = 'council-assistant/intent-classifier';
export const MODEL_FORMAT_VERSION = 1;
const RANKING_SIZE = 5;

interface ClassifierJson {
  format: string;
  version: number;
  options: ClassifierOptions;
  /** Model classes: the in-scope intents, then the out-of-scope label when it is trained as a class. */
  classes: string[];
  inScope: number;
  temperature: number;
  threshold: number;
  features: ReturnType<FeatureExtractor['toJSON']>;
  model: ReturnType<LinearModel['toJSON']>;
}

/**
 * Offline intent classifier: TF-IDF word and character n-grams, a one-vs-rest linear SVM,
 * temperature-scaled softmax probabilities and an out-of-scope threshold chosen on held-out data.
 */
export class IntentClassifier {
  private constructor(
    private readonly options: ClassifierOptions,
    private readonly classes: string[],
    /** classes[0..inScope) are in scope; classes[inScope], if present, is the out-of-scope class. */
    private readonly inScope: number,
    private readonly pipeline: Pipeline,
    private readonly temperature: number,
    private readonly cutoff: number,
  ) {}

  static train(
    train: TrainingExample[],
    options: Partial<ClassifierOptions> & { validation?: TrainingExample[] } = {},
  ): IntentClassifier {
    const { validation, ...rest } = options;
    const opts: ClassifierOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(rest) };
    const examples = clean(train);
    const oosLabel = opts.outOfScopeLabel;
    const intents = [...new Set(examples.map((e) => e.intent).filter((i) => i !== oosLabel))].sort();
    if (intents.length === 0) throw new Error('IntentClassifier.train needs at least one in-scope example');
    const hasOos = examples.some((e) => e.intent === oosLabel);
    const classes = opts.oosAsClass && hasOos ? [...intents, oosLabel] : intents;

    // Held-out predictions: on the validation set when given, otherwise k-fold cross-validation.
    const heldOut: { scores: Float64Array; intent: string }[] = [];
    const val = validation ? clean(validation) : [];
    if (val.length > 0) {
      const pipeline = fitPipeline(examples, classes, opts);
      for (const e of val) heldOut.push({ scores: pipeline.scores(e.text), intent: e.intent });
    } else {
      const k = Math.min(opts.folds, examples.length);
      if (k >= 2) {
        const fold = StratifiedSplit.folds(examples.map((e) => e.intent), k, opts.seed);
        for (let f = 0; f < k; f++) {
          const trainPart = examples.filter((_, i) => fold[i] !== f);
          const testPart = examples.filter((_, i) => fold[i] === f);
          if (!trainPart.some((e) => e.intent !== oosLabel) || testPart.length === 0) continue;
          // Classes missing from this fold's training part get no positive examples, which is harmless.
          const pipeline = fitPipeline(trainPart, classes, opts);
          for (const e of testPart) heldOut.push({ scores: pipeline.scores(e.text), intent: e.intent });
        }
      }
    }

    const classIndex = new Map(classes.map((c, i) => [c, i]));
    const temperature = TemperatureScaler.fit(
      heldOut.map((h) => h.scores),
      heldOut.map((h) => classIndex.get(h.intent) ?? -1),
    );
    const preds: HeldOutPrediction[] = heldOut.map((h) => {
      const probs = TemperatureScaler.probabilities(h.scores, temperature);
      const best = argmax(probs, intents.length);
      const oos = h.intent === oosLabel;
      const oosWins = classes.length > intents.length && argmax(probs, classes.length) === intents.length;
      return { score: probs[best]!, outOfScope: oos, correct: oos ? oosWins : !oosWins && classes[best] === h.intent };
    });
    const threshold = ThresholdSelector.choose(preds, opts.oosWeight, opts.inScopeRejection);
    const pipeline = fitPipeline(examples, classes, opts);
    return new IntentClassifier(opts, classes, intents.length, pipeline, temperature, threshold);
  }

  get threshold(): number {
    return this.cutoff;
  }

  /** The in-scope intents this classifier knows. */
  get intents(): string[] {
    return this.classes.slice(0, this.inScope);
  }

  classify(text: string): Classification {
    const oosLabel = this.options.outOfScopeLabel;
    try {
      const probs = TemperatureScaler.probabilities(this.pipeline.scores(text), this.temperature);
      const ranking = this.rank(probs);
      const best = ranking[0]!;
      const oosWins = this.classes.length > this.inScope && argmax(probs, this.classes.length) === this.inScope;
      const intent = oosWins || best.score < this.cutoff ? oosLabel : best.intent;
      return { intent, score: best.score, ranking };
    } catch {
      return { intent: oosLabel, score: 0, ranking: [] };
    }
  }

  toJSON(): ClassifierJson {
    return {
      format: MODEL_FORMAT,
      version: MODEL_FORMAT_VERSION,
      options: this.options,
      classes: this.classes,
      inScope: this.inScope,
      temperature: this.temperature,
      threshold: this.cutoff,
      features: this.pipeline.features.toJSON(),
      model: this.pipeline.model.toJSON(),
    };
  }

  static fromJSON(json: unknown): IntentClassifier {
    const j = (typeof json === 'string' ? JSON.parse(json) : json) as ClassifierJson;
    if (!j || j.format !== MODEL_FORMAT || j.version !== MODEL_FORMAT_VERSION) {
      throw new Error(`not a ${MODEL_FORMAT} model of version ${MODEL_FORMAT_VERSION}`);
    }
    const options = { ...DEFAULT_OPTIONS, ...j.options };
    const features = FeatureExtractor.fromJSON(j.features, options);
    const model = LinearModel.fromJSON(j.model);
    if (model.classes !== j.classes.length || model.dimension !== features.dimension) {
      throw new Error('model does not match its classes or features');
    }
    return new IntentClassifier(options, j.classes, j.inScope, new Pipeline(features, model), j.temperature, j.threshold);
  }

  private rank(probs: Float64Array): IntentScore[] {
    const order = Array.from({ length: this.inScope }, (_, i) => i);
    order.sort((a, b) => probs[b]! - probs[a]! || a - b);
    return order.slice(0, RANKING_SIZE).map((i) => ({ intent: this.classes[i]!, score: probs[i]! }));
  }
}

function fitPipeline(examples: readonly TrainingExample[], classes: readonly string[], opts: ClassifierOptions): Pipeline {
  const index = new Map(classes.map((c, i) => [c, i]));
  const used = examples.filter((e) => index.has(e.intent));
  const labels = Int32Array.from(used, (e) => index.get(e.intent)!);
  return Pipeline.fit(used.map((e) => e.text), labels, classes.length, opts);
}

function argmax(values: Float64Array, length: number): number {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function clean(examples: readonly TrainingExample[]): TrainingExample[] {
  return examples
    .filter((e) => e && typeof e.text === 'string' && typeof e.intent === 'string' && e.intent !== '')
    .map((e) => ({ text: e.text, intent: e.intent }));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
