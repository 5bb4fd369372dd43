import { type RecognizerResult } from '../../intents/recognizer';

/** What the offline recognizer would return for `text` with one intent at `score`, for tests of what the dialogs do with it. */
export const recognized = (text: string, intent: string, score = 0.95): RecognizerResult => ({
  text,
  intent,
  score,
  alternatives: [{ intent, score }],
  entities: [],
  source: 'local',
});
