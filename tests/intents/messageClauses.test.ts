import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../intents/messageClauses';
import { projectRuleWords } from '../../intents/safeguardingRules';
import { RiskClassifier, type RiskGuess } from '../../intents/riskClassifier';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';

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
