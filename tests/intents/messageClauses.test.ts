import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../intents/messageClauses';
import { projectRuleWords } from '../../intents/safeguardingRules';
import { RiskClassifier, type RiskGuess } from '../../intents/riskClassifier';
import { ENGLISH_CLAUSE_GATE, LONG_CLAUSE_FLOOR, LONG_CLAUSES, SafeguardingDetector } from '../../intents/safeguardingDetector';

describe('clausesOf', () => {
  const words = projectRuleWords().clauseTurns;
  it('splits a long message at sentence ends, dashes and the words residents join two needs with', () => {
    expect(
      clausesOf(
        'I want to report a missed garden waste collection at Rose Cottage. Also, whilst I have your attention, his nephew has taken his chequebook',
        words,
      ),
    ).toEqual(['I want to report a missed garden waste collection at Rose Cottage', 'whilst I have your attention, his nephew has taken his chequebook']);
    expect(clausesOf('bulky waste collection please - a broken tv and a door - he kicked it in again', words)).toEqual([
      'bulky waste collection please',
      'a broken tv and a door',
      'he kicked it in again',
    ]);
    expect(clausesOf('my bin was missed btw the lights are out on Elm Road', words)).toEqual(['my bin was missed', 'btw the lights are out on Elm Road']);
  });

  it('gives nothing for a single clause, and drops pieces shorter than four words', () => {
    expect(clausesOf('do foster parents get paid? thinking about it', words)).toEqual([]);
    expect(clausesOf('my bin was not emptied today', words)).toEqual([]);
    expect(clausesOf('Hello. My bin was not emptied today.', words)).toEqual([]);
    expect(clausesOf('', words)).toEqual([]);
  });
});

/** A risk classifier that flags only short messages about a chequebook: stands for one whose features a long message dilutes. */
class ShortMessagesOnly extends RiskClassifier {
  constructor() {
    super(undefined as never);
  }
  override classify(text: string): RiskGuess | undefined {
    return /chequebook/i.test(text) && text.split(/\s+/).length <= 16 ? { category: 'adult_at_risk', score: 0.9, notRiskWins: false } : undefined;
  }
  override best(text: string): RiskGuess {
    return this.classify(text) ?? { category: 'adult_at_risk', score: 0, notRiskWins: true };
  }
}

describe('SafeguardingDetector on long messages', () => {
  it('checks each clause with the risk classifier when the whole message is not flagged', () => {
    const detector = new SafeguardingDetector([], { riskClassifier: new ShortMessagesOnly(), classifierThreshold: 2 });
    const long =
      'I am writing to report a missed garden waste collection at Rose Cottage on the lane behind the church, it was due on Tuesday. ' +
      'Also the gentleman opposite is 93 and his nephew has taken his chequebook';
    expect(new ShortMessagesOnly().classify(long)).toBeUndefined();
    expect(detector.check(long)).toMatchObject({ risk: true, category: 'adult_at_risk', reason: 'risk classifier' });
    expect(detector.check('I am writing to report a missed garden waste collection at Rose Cottage. It was due on Tuesday.').risk).toBe(false);
  });
});

/**
 * A risk classifier that flags any clause mentioning a chequebook at 0.9 and gives a whole message of several clauses the lean
 * `wholeLean` with the not-a-risk class on top, as the real one does when a risk, or a few ordinary words that read like one, sit
 * among ordinary sentences.
 */
class CluttedMessages extends RiskClassifier {
  constructor(private readonly wholeLean: number) {
    super(undefined as never);
  }
  override classify(text: string): RiskGuess | undefined {
    const guess = this.best(text);
    return guess.notRiskWins ? undefined : guess;
  }
  override best(text: string): RiskGuess {
    if (/[.!?]\s/.test(text.trim())) return { category: 'adult_at_risk', score: this.wholeLean, notRiskWins: true };
    return /chequebook/i.test(text)
      ? { category: 'adult_at_risk', score: 0.9, notRiskWins: false }
      : { category: 'adult_at_risk', score: 0, notRiskWins: true };
  }
}

describe('SafeguardingDetector on messages of many clauses (ENGLISH_CLAUSE_GATE)', () => {
  const three = 'I want to report a missed garden waste collection. It was due on Tuesday at Rose Cottage. His nephew has taken his chequebook.';
  const four = `Good morning to whoever reads this today. ${three}`;
  const detector = (wholeLean: number) =>
    new SafeguardingDetector([], { riskClassifier: new CluttedMessages(wholeLean), classifierThreshold: 2, ...ENGLISH_CLAUSE_GATE });

  it('lets a clause decide alone in a message of up to three clauses once the whole message leans to a risk a little', () => {
    expect(clausesOf(three, projectRuleWords().clauseTurns)).toHaveLength(3);
    expect(detector(0.1).check(three)).toMatchObject({ risk: true, category: 'adult_at_risk' });
    expect(detector(0.05).check(three).risk).toBe(false);
  });

  it(`from ${LONG_CLAUSES} clauses on, needs the whole message to lean to a risk at least ${LONG_CLAUSE_FLOOR}`, () => {
    expect(clausesOf(four, projectRuleWords().clauseTurns)).toHaveLength(4);
    expect(detector(0.1).check(four).risk).toBe(false);
    expect(detector(0.45).check(four).risk).toBe(false);
    expect(detector(0.5).check(four)).toMatchObject({ risk: true, category: 'adult_at_risk' });
    expect(detector(0.9).check(four)).toMatchObject({ risk: true, category: 'adult_at_risk' });
  });

  it('leaves detectors without the gate (Welsh) as they were', () => {
    const welsh = new SafeguardingDetector([], { riskClassifier: new CluttedMessages(0.1), classifierThreshold: 2 });
    expect(welsh.check(four).risk).toBe(true);
  });
});
