import { IntentClassifier } from '../../intents/classifier';
import type { TrainFn } from './crossValidation';

/** Trains exactly the classifier the bot uses (same options as bot/assistant.ts, seed aside). */
export const trainBotClassifier: TrainFn = (examples, seed) => IntentClassifier.train(examples, { outOfScopeLabel: 'none', seed });
