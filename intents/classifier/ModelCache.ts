import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IntentClassifier, MODEL_FORMAT_VERSION } from './IntentClassifier';
import type { ClassifierOptions, TrainingExample } from './types';

export type CacheOptions = Partial<ClassifierOptions> & { validation?: TrainingExample[] };

const PREFIX = 'intent-model-';

/** Stable JSON: object keys sorted, so that option order does not change the key. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of the model format version, the training data and the options. */
export function modelKey(train: readonly TrainingExample[], options: CacheOptions = {}): string {
  const data = train.map((e) => ({ text: e.text, intent: e.intent }));
  return createHash('sha256')
    .update(canonical({ version: MODEL_FORMAT_VERSION, train: data, options }))
    .digest('hex');
}

/**
 * Loads the model for this training data and these options from `dir`, or trains it and saves it
 * there (as `intent-model-<sha256>.json`), removing models saved for other data or options.
 * A file that cannot be read or parsed is treated as absent.
 */
export function loadOrTrain(dir: string, train: TrainingExample[], options: CacheOptions = {}): IntentClassifier {
  return loadOrTrainWithInfo(dir, train, options).classifier;
}

export function loadOrTrainWithInfo(
  dir: string,
  train: TrainingExample[],
  options: CacheOptions = {},
): { classifier: IntentClassifier; fromCache: boolean; file: string } {
  const file = path.join(dir, `${PREFIX}${modelKey(train, options)}.json`);
  if (fs.existsSync(file)) {
    try {
      return { classifier: IntentClassifier.fromJSON(JSON.parse(fs.readFileSync(file, 'utf8'))), fromCache: true, file };
    } catch {
      // corrupt or from another format version: retrain below
    }
  }
  const classifier = IntentClassifier.train(train, options);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(classifier));
  fs.renameSync(tmp, file);
  for (const name of fs.readdirSync(dir)) {
    const other = path.join(dir, name);
    if (name.startsWith(PREFIX) && other !== file) fs.rmSync(other, { force: true });
  }
  return { classifier, fromCache: false, file };
}
