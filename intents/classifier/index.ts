export { IntentClassifier, MODEL_FORMAT, MODEL_FORMAT_VERSION } from './IntentClassifier';
export { loadOrTrain, loadOrTrainWithInfo, modelKey } from './ModelCache';
export { StratifiedSplit } from './StratifiedSplit';
export { DEFAULT_OPTIONS } from './types';
export type { Classification, ClassifierOptions, IntentScore, TrainingExample } from './types';
