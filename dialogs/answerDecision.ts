import type { Retrieval } from '../knowledge/knowledgeBase';

/**
 * What the answer-or-ask decision sees of a message's retrieval (see knowledge/scoredIndex.ts for the
 * scales): how well the best article accounts for the message, how far ahead of the next it is, and how
 * out-of-scope wording compares. `scripts/calibrateAnswers.ts` records these for the development sets.
 */
export interface AnswerFeatures {
  /** The best article's confidence, in [0, 1]. */
  confidence: number;
  /** Its lead over the second article's confidence (its whole confidence when it is alone). */
  lead: number;
  /** Its lead over the second on the order's scale (confidence with BM25 and title words breaking near-ties). */
  rankLead: number;
  /** Its confidence less the closest out-of-scope example's. */
  outOfScopeGap: number;
  /** The share of the message the best article matches and the closest out-of-scope example does not. */
  beyondOutOfScope: number;
  /**
   * The share of the message's weight (by rarity) that none of the best articles nor any request's examples match at all:
   * words the council's content does not know ("solicitor", "divorce"), which a question it answers seldom has.
   */
  unmatched: number;
  /** How many articles are within 0.05 confidence of the best (the best included). */
  level: number;
}

const LEVEL = 0.05;

/** The features of a retrieval's best article; undefined when no article matched. */
export function answerFeatures(found: Retrieval): AnswerFeatures | undefined {
  const [first, second] = found.articles;
  if (!first) return undefined;
  const total = first.words.reduce((sum, w) => sum + w.weight, 0);
  const matchedSomewhere = (i: number) => found.articles.some((a) => (a.words[i]?.match ?? 0) > 0) || found.intents.some((m) => (m.words?.[i]?.match ?? 0) > 0);
  const unmatched = total > 0 ? first.words.reduce((sum, w, i) => sum + (matchedSomewhere(i) ? 0 : w.weight), 0) / total : 0;
  return {
    confidence: first.confidence,
    lead: first.confidence - (second?.confidence ?? 0),
    rankLead: first.rank - (second?.rank ?? 0),
    outOfScopeGap: first.confidence - found.outOfScope,
    beyondOutOfScope: first.beyondOutOfScope,
    unmatched,
    level: found.articles.filter((a) => a.confidence >= first.confidence - LEVEL).length,
  };
}

/** The features the model weighs. */
export const MODEL_FEATURES = ['confidence', 'rankLead', 'outOfScopeGap', 'beyondOutOfScope', 'unmatched'] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

/**
 * A logistic model of the chance that the best article is the one the resident needs, and the chance at or
 * above which it answers straight away (below it, the router asks "Did you mean…?" or says it cannot help).
 */
export interface AnswerModel {
  intercept: number;
  weights: Record<ModelFeature, number>;
  threshold: number;
}

/**
 * Fitted by `npx tsx scripts/calibrateAnswers.ts` (issue 17) on the development sets (tests/eval/dev.jsonl,
 * kb-blind-dev, kb-blind3-dev, kb-blind4-dev, knowledge-check and, in Welsh, cy-blind-dev: 916 first messages that
 * reach the answer-or-ask decision, 2026-12-06): an L2-regularised logistic regression of "the best article is the
 * expected one" on the five features, and the lowest chance at which the answers the fixed rules would give keep
 * ≥ 98 % precision on those sets. Each set left out in turn (fitted on the other five) is in tests/eval/README.md.
 */
export const DEFAULT_ANSWER_MODEL: AnswerModel = {
  intercept: -1.75,
  weights: { confidence: 0.57, rankLead: 1.62, outOfScopeGap: 5.07, beyondOutOfScope: 2.96, unmatched: -0.75 },
  threshold: 0.75,
};

/** The model's chance for a set of features. */
export function answerProbability(features: AnswerFeatures, model: AnswerModel = DEFAULT_ANSWER_MODEL): number {
  const z = MODEL_FEATURES.reduce((sum, name) => sum + model.weights[name] * features[name], model.intercept);
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Whether the best article is likely enough to be right to answer without asking: a confident wrong answer is the
 * worst outcome (issue 17), a "Did you mean…?" with the right article among two or three is acceptable.
 */
export class AnswerDecision {
  constructor(private readonly model: AnswerModel = DEFAULT_ANSWER_MODEL) {}

  /** The chance that the best article is the one meant (0 when none matched). */
  probability(found: Retrieval): number {
    const features = answerFeatures(found);
    return features ? answerProbability(features, this.model) : 0;
  }

  answers(found: Retrieval): boolean {
    return this.probability(found) >= this.model.threshold;
  }
}
