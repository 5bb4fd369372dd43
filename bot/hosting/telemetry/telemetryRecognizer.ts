import type { BotTelemetryClient } from 'botbuilder';
import type { Recognizer, RecognizerResult } from '../../../intents/recognizer';

export const RECOGNIZER_EVENT = 'CouncilRecognizerResult';

/**
 * Wraps the recognizer and records each result as a telemetry event: intent, score, which
 * recognizer answered, the top alternatives and the entity *types* — never the utterance or
 * the entity values (a postcode or a house number is personal data).
 */
export class TelemetryRecognizer implements Recognizer {
  constructor(
    private readonly inner: Recognizer,
    private readonly telemetry: BotTelemetryClient,
  ) {}

  async recognize(text: string, locale?: string): Promise<RecognizerResult> {
    const result = await this.inner.recognize(text, locale);
    this.telemetry.trackEvent({
      name: RECOGNIZER_EVENT,
      properties: {
        intent: result.intent,
        source: result.source,
        alternatives: result.alternatives
          .slice(0, 3)
          .map((a) => `${a.intent}:${a.score.toFixed(2)}`)
          .join(','),
        entityTypes: [...new Set(result.entities.map((e) => e.type))].sort().join(','),
        locale: locale ?? '',
      },
      metrics: { score: result.score, entityCount: result.entities.length },
    });
    return result;
  }
}
