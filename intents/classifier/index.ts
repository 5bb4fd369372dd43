export { IntentClassifier } from './IntentClassifier';
export { loadOrTrain, loadOrTrainWithInfo } from './ModelCache';
export { StratifiedSplit } from './StratifiedSplit';
export type { ClassifierOptions, TrainingExample } from './types';
