import type { IntentClassifier } from './classifier';
import { NONE_INTENT, type Entity, type Recognizer, type RecognizerResult } from './recognizer';

export interface EntitySource {
  extract(text: string): Entity[];
}

/** The offline recognizer (the default): the project's own classifier plus entity extraction. No network. */
export class LocalRecognizer implements Recognizer {
  constructor(
    private readonly classifier: IntentClassifier,
    private readonly entities?: EntitySource,
  ) {}

  // eslint-disable-next-line @typescript-eslint/require-await -- classify() may throw: a caller gets a rejected promise, as from the cloud recognizer
  async recognize(text: string): Promise<RecognizerResult> {
    return this.recognizeSync(text);
  }

  recognizeSync(text: string): RecognizerResult {
    const c = this.classifier.classify(text);
    const top = c.ranking[0];
    const inScope = c.intent !== NONE_INTENT && c.intent !== 'oos';
    return {
      text,
      intent: inScope ? c.intent : NONE_INTENT,
      score: inScope ? c.score : (top?.score ?? 0),
      alternatives: c.ranking,
      entities: this.entities?.extract(text) ?? [],
      source: 'local',
    };
  }
}
