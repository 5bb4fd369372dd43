import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerDecision, answerFeatures, answerProbability, DEFAULT_ANSWER_MODEL, type AnswerFeatures } from '../../dialogs/answerDecision';
import { Router } from '../../dialogs/router';
import { NONE_INTENT, type RecognizerResult } from '../../intents/recognizer';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRules } from '../../intents/safeguardingRules';
import { MiniSearchKnowledgeBase, type ArticleMatch, type Retrieval } from '../../knowledge/knowledgeBase';
import { TextAnalyser } from '../../knowledge/textAnalyser';
import { fitLogistic } from '../../scripts/lib/logisticRegression';
import { article } from '../support/article';
import { recognized as recognizedAs } from '../support/recognized';
import { shippedButtons, shippedVocabulary } from '../support/shippedWords';

const ROOT = path.resolve(__dirname, '..', '..');

/** A match for a three-word message: each word's weight and how well the article matched it. */
const match = (id: string, confidence: number, rank: number, matches: number[], beyondOutOfScope = confidence): ArticleMatch => ({
  article: article(id, id, [], ''),
  score: 1,
  confidence,
  rank,
  beyondOutOfScope,
  words: matches.map((m) => ({ weight: 2, match: m })),
});

const features = (over: Partial<AnswerFeatures>): AnswerFeatures => ({
  confidence: 0.6,
  lead: 0.2,
  rankLead: 0.2,
  outOfScopeGap: 0.3,
  beyondOutOfScope: 0.5,
  unmatched: 0,
  level: 1,
  ...over,
});

describe('answerFeatures', () => {
  it('measures the best article against the next, out-of-scope wording and the words nothing matches', () => {
    const found: Retrieval = {
      articles: [match('library', 0.8, 1.1, [1, 1, 0]), match('leisure-centres', 0.78, 0.9, [1, 0, 0]), match('room-hire', 0.5, 0.6, [0, 1, 0])],
      intents: [],
      outOfScope: 0.3,
    };
    const f = answerFeatures(found)!;
    expect(f.confidence).toBe(0.8);
    expect(f.lead).toBeCloseTo(0.02);
    expect(f.rankLead).toBeCloseTo(0.2);
    expect(f.outOfScopeGap).toBeCloseTo(0.5);
    // The third word: no article matches it.
    expect(f.unmatched).toBeCloseTo(1 / 3);
    // Library and leisure centres are within 0.05 of each other.
    expect(f.level).toBe(2);
  });

  it('counts a word a request matches as known', () => {
    const found: Retrieval = {
      articles: [match('library', 0.8, 1, [1, 1, 0])],
      intents: [{ intent: 'book_bulky_waste', confidence: 0.3, words: [0, 0, 1].map((m) => ({ weight: 2, match: m })) }],
      outOfScope: 0,
    };
    expect(answerFeatures(found)!.unmatched).toBe(0);
  });

  it('has nothing to say when no article matched', () => {
    expect(answerFeatures({ articles: [], intents: [], outOfScope: 0.9 })).toBeUndefined();
  });
});

describe('answerProbability', () => {
  it('is lower the closer out-of-scope wording comes to the best article', () => {
    const far = answerProbability(features({ outOfScopeGap: 0.5 }));
    const near = answerProbability(features({ outOfScopeGap: 0.05 }));
    expect(far).toBeGreaterThan(near);
    expect(far).toBeGreaterThanOrEqual(DEFAULT_ANSWER_MODEL.threshold);
    expect(near).toBeLessThan(DEFAULT_ANSWER_MODEL.threshold);
  });

  it('is higher when the best article is further ahead of the next, and lower with words nothing knows', () => {
    expect(answerProbability(features({ rankLead: 0.6 }))).toBeGreaterThan(answerProbability(features({ rankLead: 0.05 })));
    expect(answerProbability(features({ unmatched: 0.6 }))).toBeLessThan(answerProbability(features({ unmatched: 0 })));
  });
});

describe('AnswerDecision', () => {
  it('answers when the best article is well clear of out-of-scope wording, asks when it is not', () => {
    const decision = new AnswerDecision();
    const clear: Retrieval = { articles: [match('library', 0.9, 1.2, [1, 1, 1]), match('room-hire', 0.3, 1.0, [1, 0, 0])], intents: [], outOfScope: 0.2 };
    // Out-of-scope wording matches nearly as well, and the same words.
    const close: Retrieval = {
      articles: [match('library', 0.9, 1.2, [1, 1, 1], 0.05), match('room-hire', 0.3, 1.0, [1, 0, 0])],
      intents: [],
      outOfScope: 0.85,
    };
    expect(decision.answers(clear)).toBe(true);
    expect(decision.answers(close)).toBe(false);
    expect(decision.answers({ articles: [], intents: [], outOfScope: 0 })).toBe(false);
  });
});

describe('Router.route with the calibrated decision', () => {
  const knowledge = new MiniSearchKnowledgeBase(
    [
      article('library', 'Libraries', ['library opening times', 'renew a library book'], 'Our libraries open 9am to 5pm.'),
      article('room-hire', 'Room hire', ['hire a room for an evening class'], 'Rooms cost £20 an hour.'),
    ],
    new TextAnalyser([]),
    {
      intents: [{ intent: 'book_bulky_waste', examples: ['book a bulky waste collection', 'collect my old sofa'] }],
      outOfScope: ['tell me a joke', 'what is the weather like'],
    },
  );
  const detector = new SafeguardingDetector(loadSafeguardingRules(path.join(ROOT, 'intents', 'safeguarding-rules.yaml')));
  const router = (decision?: AnswerDecision) => new Router(detector, shippedButtons(), shippedVocabulary(), undefined, knowledge, undefined, decision);
  const recognized = (text: string, intent = NONE_INTENT, score = 0.05): RecognizerResult => recognizedAs(text, intent, score);
  const text = 'library opening times on saturday';
  const neverSure = new AnswerDecision({ ...DEFAULT_ANSWER_MODEL, threshold: 1.01 });

  it('answers a clear question from its article', () => {
    expect(router().route(text, recognized(text))).toMatchObject({ kind: 'kb', articleId: 'library' });
  });

  it('asks, with that article first, when the fixed rules would answer but the chance of being right is too low', () => {
    const route = router(neverSure).route(text, recognized(text));
    expect(route.kind).toBe('clarify');
    expect(route.kind === 'clarify' && route.articleIds[0]).toBe('library');
  });

  it('offers the request the classifier leans to beside the article, rather than acting on it, when unsure', () => {
    const route = router(neverSure).route(text, recognized(text, 'book_bulky_waste', 0.6));
    expect(route).toMatchObject({ kind: 'clarify', intents: ['book_bulky_waste'], articleIds: ['library'] });
  });
});

describe('fitLogistic', () => {
  it('learns which way a feature points and by how much it separates', () => {
    const x = Array.from({ length: 40 }, (_, i) => [i / 40]);
    const y = x.map(([v]) => v > 0.5 !== (Math.round(v * 40) % 7 === 0));
    const { intercept, weights } = fitLogistic(x, y);
    expect(weights[0]).toBeGreaterThan(0);
    // The boundary lies near 0.5.
    expect(-intercept / weights[0]).toBeGreaterThan(0.35);
    expect(-intercept / weights[0]).toBeLessThan(0.65);
  });
});
