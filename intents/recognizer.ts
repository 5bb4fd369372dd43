/**
 * What the assistant understood from one message. The same shape whichever recognizer
 * produced it (the offline classifier or Azure CLU), so dialogs never depend on either.
 */
export interface IntentScore {
  intent: string;
  score: number;
}

export interface Entity {
  /** e.g. postcode, caseReference, date, binType, houseNumber, street */
  type: string;
  /** The words the resident used. */
  text: string;
  /** The normalised value (e.g. "AT1 1AA", an ISO date, "recycling"). */
  value: string;
  start?: number;
  end?: number;
}

export interface RecognizerResult {
  text: string;
  /** Best intent from the catalogue, or {@link NONE_INTENT} when nothing is confident enough. */
  intent: string;
  /** Calibrated confidence of `intent` in [0, 1]. */
  score: number;
  /** In-scope intents, best first (includes the top one). */
  alternatives: IntentScore[];
  entities: Entity[];
  /** Which recognizer answered (e.g. "local", "clu", "local-fallback"). */
  source: string;
  /** With source "local-fallback": why the configured recognizer was not used (e.g. "timeout", "http 500"). */
  fallbackReason?: string;
}

export interface Recognizer {
  recognize(text: string, locale?: string): Promise<RecognizerResult>;
}

export const NONE_INTENT = 'none';
