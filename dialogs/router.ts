import { Intents } from '../intents/catalogue';
import { NONE_INTENT, type RecognizerResult } from '../intents/recognizer';
import type { SafeguardingDetector } from '../intents/safeguardingDetector';
import { INTENT_LABELS } from './responses';

export type Route =
  | { kind: 'safeguarding'; reason: string }
  | { kind: 'intent'; intent: string; score: number }
  | { kind: 'clarify'; intents: string[] }
  | { kind: 'none' };

export interface RouterThresholds {
  /** At or above: act on the intent. */
  act: number;
  /** The best guess at or above this (and below `act`): ask "Did you mean…?". Below: say we can't help. */
  clarify: number;
  /** A second guess is offered too when at or above this. */
  clarifySecond: number;
  /** Mid-dialog, a non-safeguarding interruption (help, cancel…) needs at least this. */
  interrupt: number;
}

export const DEFAULT_THRESHOLDS: RouterThresholds = { act: 0.5, clarify: 0.5, clarifySecond: 0.15, interrupt: 0.7 };

/** Small talk and controls are never offered as "Did you mean…?" choices. */
const NOT_CLARIFIABLE = new Set<string>([NONE_INTENT, Intents.safeguarding, Intents.greeting, Intents.goodbye, Intents.thanks, Intents.help, Intents.cancel]);

/** Intents that may interrupt a dialog in progress (safeguarding always may). */
export const INTERRUPTIONS = new Set<string>([Intents.help, Intents.cancel, Intents.humanHandoff]);

const labelToIntent = new Map(Object.entries(INTENT_LABELS).map(([intent, label]) => [label.toLowerCase(), intent]));
const START_AGAIN = /^\s*(start (again|over)|restart|start afresh|begin again)\s*[.!]*\s*$/i;
const EXACT_CANCEL = /^\s*(cancel|stop|quit|exit|abort|never ?mind|forget it)\s*[.!]*\s*$/i;
const EXACT_HELP = /^\s*(help|help me|\?|what can you do)\s*[.!?]*\s*$/i;

/**
 * Decides what a message is for: one routing, used by the bot, the terminal chat and
 * `npm run eval`, so that what is measured is what residents get.
 */
export class Router {
  constructor(
    private readonly safeguarding: SafeguardingDetector,
    private readonly thresholds: RouterThresholds = DEFAULT_THRESHOLDS,
  ) {}

  /** A fresh message, with no dialog in progress. */
  route(text: string, recognized: RecognizerResult): Route {
    const verdict = this.safeguarding.check(text, recognized);
    if (verdict.risk) return { kind: 'safeguarding', reason: verdict.reason ?? 'rule' };
    const exact = this.exactIntent(text);
    if (exact) return { kind: 'intent', intent: exact, score: 1 };
    if (recognized.intent !== NONE_INTENT && recognized.score >= this.thresholds.act) {
      return { kind: 'intent', intent: recognized.intent, score: recognized.score };
    }
    // Unsure: offer the best guesses when the first is reasonably strong.
    const candidates = recognized.alternatives.filter((a) => !NOT_CLARIFIABLE.has(a.intent));
    if (candidates[0] && candidates[0].score >= this.thresholds.clarify) {
      return { kind: 'clarify', intents: candidates.filter((c, i) => i === 0 || c.score >= this.thresholds.clarifySecond).slice(0, 2).map((c) => c.intent) };
    }
    return { kind: 'none' };
  }

  /** A message while a dialog is waiting for an answer: only safeguarding and clear interruptions count. */
  interruption(text: string, recognized: RecognizerResult | undefined): Route | undefined {
    const verdict = this.safeguarding.check(text, recognized);
    if (verdict.risk) return { kind: 'safeguarding', reason: verdict.reason ?? 'rule' };
    const exact = this.exactIntent(text);
    if (exact && (INTERRUPTIONS.has(exact) || exact === 'start_again')) return { kind: 'intent', intent: exact, score: 1 };
    if (recognized && INTERRUPTIONS.has(recognized.intent) && recognized.score >= this.thresholds.interrupt) {
      return { kind: 'intent', intent: recognized.intent, score: recognized.score };
    }
    return undefined;
  }

  /** Button titles and a few fixed words mean exactly one thing. */
  private exactIntent(text: string): string | undefined {
    if (START_AGAIN.test(text)) return 'start_again';
    if (EXACT_CANCEL.test(text)) return Intents.cancel;
    if (EXACT_HELP.test(text)) return Intents.help;
    return labelToIntent.get(text.trim().toLowerCase());
  }
}

/** The label `npm run eval` compares with: an intent name, `kb:<id>` or `none`. */
export function routeLabel(route: Route): string {
  switch (route.kind) {
    case 'safeguarding':
      return Intents.safeguarding;
    case 'intent':
      return route.intent === 'start_again' ? Intents.cancel : route.intent;
    case 'clarify':
    case 'none':
      return NONE_INTENT;
  }
}
