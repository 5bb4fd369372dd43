import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntentClassifier } from '../../intents/classifier';
import { RiskClassifier, type RiskGuess } from '../../intents/riskClassifier';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadTrainingData } from '../../intents/trainingData';

/** A real risk classifier whose guesses for given texts are fixed, so the detector's own decisions can be checked exactly. */
class FixedGuesses extends RiskClassifier {
  constructor(private readonly table: Record<string, RiskGuess>) {
    super(
      IntentClassifier.train(
        [
          ...['i want to end it all', 'i cant go on', 'no reason to live any more', 'i have taken all my pills'].map((text) => ({
            text,
            intent: 'suicide_self_harm',
          })),
          ...['when is my bin day', 'report a pothole', 'pay my council tax', 'book a bulky collection'].map((text) => ({ text, intent: 'none' })),
        ],
        { outOfScopeLabel: 'none', seed: 1 },
      ),
    );
  }

  override best(text: string): RiskGuess {
    return this.table[text] ?? { category: 'suicide_self_harm', score: 0.01, notRiskWins: true };
  }
}

const A = 'I rang the council three times today';
const B = 'nobody has called me back yet';
const C = 'when will my repair be booked in';
const LONG = `${A}. ${B}. ${C}?`;
const vote = (score: number): RiskGuess => ({ category: 'suicide_self_harm', score, notRiskWins: false });
const quiet = (score: number): RiskGuess => ({ category: 'suicide_self_harm', score, notRiskWins: true });

describe("the risk classifier's vote on a long message (SafeguardingDetector)", () => {
  it('a weak vote on a message of several clauses, none of which supports it, is not a risk', () => {
    const detector = new SafeguardingDetector([], {
      riskClassifier: new FixedGuesses({ [LONG]: vote(0.2), [A]: quiet(0.05), [B]: quiet(0.1), [C]: quiet(0.02) }),
    });
    const trace = detector.explain(LONG);
    expect(trace.clauses.map((c) => c.clause)).toEqual([A, B, C]);
    expect(trace.whole).toEqual(vote(0.2));
    expect(trace.verdict.risk).toBe(false);
  });

  it('the same weak vote counts when one clause leans the same way, when the vote is strong, or when the message is one clause', () => {
    const supported = new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [LONG]: vote(0.2), [B]: quiet(0.45) }) });
    expect(supported.check(LONG)).toMatchObject({ risk: true, reason: 'risk classifier', category: 'suicide_self_harm' });
    const strong = new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [LONG]: vote(0.7) }) });
    expect(strong.check(LONG).risk).toBe(true);
    // One clause, longer than the short messages a weak vote does not decide (SHORT_WORDS).
    const oneClause = 'I rang the council three times today about the same repair';
    const single = new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [oneClause]: vote(0.2) }) });
    expect(single.check(oneClause).risk).toBe(true);
  });

  it('a message of eight words or fewer counts on a vote alone only when the vote is strong', () => {
    const short = 'I will be homeless next week';
    expect(new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [short]: vote(0.31) }) }).check(short).risk).toBe(false);
    expect(new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [short]: vote(0.95) }) }).check(short).risk).toBe(true);
    // Immediate danger keeps the old, shorter bar: six words on a weak vote still count.
    const danger: RiskGuess = { category: 'immediate_danger', score: 0.3, notRiskWins: false };
    expect(new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [short]: danger }) }).check(short).risk).toBe(true);
    const nine = 'I will be homeless next week and then what';
    expect(new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [nine]: vote(0.31) }) }).check(nine).risk).toBe(true);
  });

  it('a clause the classifier flags on its own still counts when the whole message does not', () => {
    const detector = new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [LONG]: quiet(0.3), [B]: vote(0.8) }) });
    expect(detector.check(LONG).risk).toBe(true);
    const tooWeak = new SafeguardingDetector([], { riskClassifier: new FixedGuesses({ [LONG]: quiet(0.3), [B]: vote(0.4) }) });
    expect(tooWeak.check(LONG).risk).toBe(false);
  });

  it('a message that was little more than a figure of speech is not judged on what is left of it', () => {
    const idioms = [/\bhad enough of being ignored\b/gu];
    const detector = new SafeguardingDetector([], {
      riskClassifier: new FixedGuesses({ 'i have': vote(0.97), 'honestly i have by everyone here': vote(0.97) }),
      idioms,
    });
    expect(detector.explain('I have had enough of being ignored').folded).toBe('i have');
    expect(detector.check('I have had enough of being ignored').risk).toBe(false);
    expect(detector.check('honestly I have had enough of being ignored by everyone here').risk).toBe(true);
  });

  it('an idiom taken out keeps the punctuation the clauses are cut at', () => {
    const idioms = [/\bat the end of my tether\b/gu];
    const detector = new SafeguardingDetector([], { riskClassifier: new FixedGuesses({}), idioms });
    const trace = detector.explain('I rang the council three times today. I am at the end of my tether. When will my repair be booked in?');
    expect(trace.folded).not.toMatch(/tether/);
    expect(trace.clauses.map((c) => c.clause)).toEqual(['i rang the council three times today', 'when will my repair be booked in']);
  });
});

describe('training files (<intent>.yaml or <intent>.<part>.yaml)', () => {
  it('a file named <intent>.<part>.yaml adds examples to <intent>; any other name that is not the intent is an error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'risk-data-'));
    try {
      fs.writeFileSync(path.join(dir, 'none.yaml'), 'intent: none\ndescription: Not a risk\nlgsl: null\nexamples:\n  - "when is my bin day"\n');
      fs.writeFileSync(
        path.join(dir, 'none.answers.yaml'),
        'intent: none\ndescription: Not a risk\nlgsl: null\nexamples:\n  - "just the sofa, by the front door"\n',
      );
      fs.writeFileSync(path.join(dir, 'other.yaml'), 'intent: none\ndescription: Not a risk\nlgsl: null\nexamples:\n  - "outside number 9"\n');
      const data = loadTrainingData(dir);
      expect(data.intents.filter((d) => d.intent === 'none').flatMap((d) => d.examples.map((e) => e.text))).toEqual(
        expect.arrayContaining(['just the sofa, by the front door', 'when is my bin day']),
      );
      expect(data.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: path.join(dir, 'other.yaml'),
          message: expect.stringMatching(/does not match the file name "other"/),
        }),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
