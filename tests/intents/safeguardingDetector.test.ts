import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrTrain, type IntentClassifier } from '../../intents/classifier';
import { RiskClassifier } from '../../intents/riskClassifier';
import { LocalRecognizer } from '../../intents/localRecognizer';
import type { RecognizerResult } from '../../intents/recognizer';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRules, type SafeguardingRule } from '../../intents/safeguardingRules';
import { loadTrainingData } from '../../intents/trainingData';

const ROOT = path.resolve(__dirname, '..', '..');
const RULES_FILE = path.join(ROOT, 'intents', 'safeguarding-rules.yaml');
const CASES_FILE = path.join(ROOT, 'tests', 'safeguarding', 'cases.jsonl');

const cases = fs
  .readFileSync(CASES_FILE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; risk: boolean });

const ordinary = [
  'my elderly mum needs a blue badge',
  "register my baby's birth",
  'i want to end my garden waste subscription',
  'the bins are going to be the death of me',
  'the bin lorry hit my car',
  'kill the weeds on the verge',
  'my dad has dementia, can he get help at home',
  'how do i dispose of old medication',
  'who do i get in touch with about my private road',
  'can you take all my old furniture',
  'my mum fell over a raised paving slab',
];

/** A recognizer result that says nothing (no classifier vote), to test the rules on their own. */
const silent = (text: string): RecognizerResult => ({ text, intent: 'none', score: 0, alternatives: [], entities: [], source: 'test' });

describe('safeguarding rules file', () => {
  const rules = loadSafeguardingRules(RULES_FILE);
  const rulesOnly = new SafeguardingDetector(rules, { classifierThreshold: 2 });

  it.each([
    'i want to kill myself',
    'i feel suicidal',
    'i have been self harming',
    'my partner hits me',
    'he said he will kill me if i leave',
    'my stepdad touches me',
    'the kid next door is covered in bruises',
    'a child on my street is being hit by her dad',
    'the little girl next door is always being hit',
    'my elderly neighbour has not been seen for days',
    'i am sleeping rough tonight and it is freezing',
    "i've taken too many pills",
  ])('rules alone catch %j', (text) => {
    const v = rulesOnly.check(text, silent(text));
    expect(v.risk).toBe(true);
    expect(v.reason).not.toBe('classifier');
    expect(v.decidedBy).toBe('rule');
  });

  it.each(ordinary)('rules leave %j alone', (text) => {
    expect(rulesOnly.check(text).risk).toBe(false);
  });

  it("decides a message once per recognizer result: the turn's later checks get the same trace, another text its own", () => {
    const risky = 'i want to kill myself';
    const turn = silent(risky);
    const first = rulesOnly.explain(risky, turn);
    expect(first.verdict.risk).toBe(true);
    expect(rulesOnly.explain(risky, turn)).toBe(first);
    expect(rulesOnly.check(risky, turn)).toBe(first.verdict);
    // the same result object with another text (a clause, the rest of a message) is decided on its own
    expect(rulesOnly.explain('when is my bin day', turn).verdict.risk).toBe(false);
    // another turn's result: decided afresh, to the same verdict
    const again = rulesOnly.explain(risky, silent(risky));
    expect(again).not.toBe(first);
    expect(again.verdict).toEqual(first.verdict);
  });

  it('rules alone match no example of another intent in intents/data', () => {
    const data = loadTrainingData(path.join(ROOT, 'intents', 'data'));
    const hits = data.intents
      .filter((d) => d.intent !== 'safeguarding')
      .flatMap((d) => d.examples.filter((e) => rulesOnly.check(e.text).risk).map((e) => `${d.intent}: ${e.text}`));
    expect(hits).toEqual([]);
  });

  it('rules alone catch at least 95% of the safeguarding training examples', () => {
    const data = loadTrainingData(path.join(ROOT, 'intents', 'data'));
    const examples = data.intents.find((d) => d.intent === 'safeguarding')!.examples;
    const caught = examples.filter((e) => rulesOnly.check(e.text).risk).length;
    expect(caught / examples.length).toBeGreaterThanOrEqual(0.95);
  });

  it('matches whatever the case of the message, and of a pattern a content designer wrote with capitals', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-rules-'));
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(
      file,
      "rules:\n  - name: lower\n    patterns:\n      - '\\bscared of (him|her)\\b'\n  - name: capitals\n    patterns:\n      - '\\bLocked In The \\S+\\b'\n",
    );
    try {
      const detector = new SafeguardingDetector(loadSafeguardingRules(file), { classifierThreshold: 2 });
      expect(detector.check("I'm SCARED of HIM").reason).toBe('lower');
      expect(detector.check('they keep me locked in the shed').reason).toBe('capitals');
      expect(detector.check('I LOCKED IN THE price').reason).toBe('capitals');
      expect(detector.check('scared of spiders').risk).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an invalid regular expression names the file and the rule', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-rules-'));
    const file = path.join(dir, 'bad-rules.yaml');
    fs.writeFileSync(file, "rules:\n  - name: broken rule\n    patterns:\n      - '\\bfine\\b'\n      - '(unclosed'\n");
    try {
      expect(() => loadSafeguardingRules(file)).toThrow(/bad-rules\.yaml.*broken rule/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SafeguardingDetector with the real classifier', () => {
  let modelDir: string;
  let recognizer: LocalRecognizer;
  let rules: SafeguardingRule[];
  let detector: SafeguardingDetector;

  beforeAll(() => {
    modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-model-'));
    const data = loadTrainingData(path.join(ROOT, 'intents', 'data'));
    const examples = data.intents.flatMap((d) => d.examples.map((e) => ({ text: e.text, intent: d.intent })));
    recognizer = new LocalRecognizer(loadOrTrain(modelDir, examples, { outOfScopeLabel: 'none', seed: 1 }));
    rules = loadSafeguardingRules(RULES_FILE);
    detector = new SafeguardingDetector(rules);
  });

  afterAll(() => {
    if (modelDir) fs.rmSync(modelDir, { recursive: true, force: true });
  });

  it('catches every risk:true case in tests/safeguarding/cases.jsonl', () => {
    const missed = cases.filter((c) => c.risk && !detector.check(c.text, recognizer.recognizeSync(c.text)).risk).map((c) => c.text);
    expect(missed).toEqual([]);
  });

  it('raises few false alarms on the near misses in cases.jsonl', () => {
    const alarms = cases.filter((c) => !c.risk && detector.check(c.text, recognizer.recognizeSync(c.text)).risk).map((c) => c.text);
    expect(alarms.length).toBeLessThanOrEqual(3);
  });

  it.each(ordinary)('does not flag %j', (text) => {
    expect(detector.check(text, recognizer.recognizeSync(text)).risk).toBe(false);
  });

  it('counts a confident classifier vote only with a cue word', () => {
    const vote = (text: string): RecognizerResult => ({
      text,
      intent: 'safeguarding',
      score: 0.99,
      alternatives: [{ intent: 'safeguarding', score: 0.99 }],
      entities: [],
      source: 'test',
    });
    const noRules = new SafeguardingDetector([]);
    expect(noRules.check('i feel so scared all the time', vote('i feel so scared all the time'))).toMatchObject({
      risk: true,
      reason: 'classifier',
      decidedBy: 'classifier',
    });
    expect(noRules.check('care home fees for my dad', vote('care home fees for my dad')).risk).toBe(false);
    expect(noRules.check('i feel so scared all the time', { ...vote('x'), score: 0.5, alternatives: [{ intent: 'safeguarding', score: 0.5 }] }).risk).toBe(
      false,
    );
  });
});

describe('the short-message gate on the immediate-danger override (SHORT_OVERRIDE_MIN_SCORE)', () => {
  // A classifier that scores every message the same, so the gate's arithmetic is what is tested.
  const scoring = (score: number, noneWins: boolean): RiskClassifier =>
    new RiskClassifier({
      classify: () => ({
        intent: noneWins ? 'none' : 'immediate_danger',
        score: noneWins ? 1 - score : score,
        ranking: [{ intent: 'immediate_danger', score }],
      }),
    } as unknown as IntentClassifier);

  it('a message of four words or fewer that the classifier finds likelier not a risk needs 0.9 to count as immediate danger', () => {
    expect(new SafeguardingDetector([], { riskClassifier: scoring(0.68, true) }).check('and the grey one?').risk).toBe(false);
    expect(new SafeguardingDetector([], { riskClassifier: scoring(0.95, true) }).check('and the grey one?').risk).toBe(true);
  });

  it('a longer message, or a short one whose top category is the danger, is not held back by it', () => {
    expect(new SafeguardingDetector([], { riskClassifier: scoring(0.68, true) }).check('there is smoke pouring out of the flat upstairs').risk).toBe(true);
    expect(new SafeguardingDetector([], { riskClassifier: scoring(0.68, false) }).check('baby alone screaming').risk).toBe(true);
  });
});
