import { Intents } from './catalogue';
import type { RecognizerResult } from './recognizer';
import { normaliseForRules, type SafeguardingRule } from './safeguardingRules';

export interface SafeguardingVerdict {
  risk: boolean;
  /** The rule that matched, or "classifier". Never the resident's words. */
  reason?: string;
}

/**
 * Rules and the classifier together: either one is enough. The classifier counts with a
 * low bar (it is ranked among the top intents with modest confidence) because a false alarm
 * costs a kind message while a miss can cost a life.
 */
export class SafeguardingDetector {
  constructor(
    private readonly rules: SafeguardingRule[],
    private readonly classifierThreshold = 0.35,
  ) {}

  check(text: string, recognized?: RecognizerResult): SafeguardingVerdict {
    const folded = normaliseForRules(text);
    for (const rule of this.rules) {
      if (rule.patterns.some((p) => p.test(folded)) && !rule.unless.some((u) => u.test(folded))) {
        return { risk: true, reason: rule.name };
      }
    }
    const score = recognized?.alternatives.find((a) => a.intent === Intents.safeguarding)?.score ?? 0;
    if (recognized?.intent === Intents.safeguarding || score >= this.classifierThreshold) return { risk: true, reason: 'classifier' };
    return { risk: false };
  }
}
