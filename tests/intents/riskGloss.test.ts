import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ing, loadRiskGloss, RiskGloss, riskGlossProblems } from '../../intents/riskGloss';
import type { RiskClassifier, RiskGuess } from '../../intents/riskClassifier';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRuleSet } from '../../intents/safeguardingRules';
import type { RiskCategory } from '../../intents/riskTaxonomy';
import type { LocalRecognizer } from '../../intents/localRecognizer';
import { loadArticles } from '../../knowledge/articleLoader';
import { loadTrainingData } from '../../intents/trainingData';
import { ROOT, testAssistants } from '../support/assistant';

const LIST = path.join(ROOT, 'intents', 'cy-GB', 'risk-gloss.yaml');

describe('the Welsh risk gloss (intents/riskGloss.ts)', () => {
  const small = new RiskGloss({
    fixed: { y: 'the', r: 'the', mae: '', fy: 'my', ei: 'his', i: 'to', yn: 'in', tan: 'until' },
    verbs: { taro: 'hit', cyffwrdd: 'touch', cael: 'get', lladd: 'kill' },
    describing: { sâl: 'ill' },
    words: { tân: 'fire', tŷ: 'house', tad: 'father', babi: 'baby', gŵr: 'husband' },
    phrases: { 'ar dân': 'on fire', 'mae o': 'he', 'dw i': 'i am' },
  });

  it('finds a word however a sentence mutated it, from its radical alone', () => {
    expect(small.gloss('taro')).toBe('hit');
    expect(small.gloss('daro')).toBe('hit');
    expect(small.gloss('nharo')).toBe('hit');
    expect(small.gloss('tharo')).toBe('hit');
    expect(small.gloss('nhad')).toBe('father');
  });

  it('finds a word typed without its accents, unless the bare form is an entry of its own', () => {
    expect(small.gloss('ty')).toBe('house');
    expect(small.gloss('tân')).toBe('fire');
    expect(small.gloss('tan')).toBe('until');
  });

  it('reads a possessive before a verb-noun as its object, "ei" as his or her by the mutation, and drops the echoing pronoun', () => {
    expect(small.gloss("mae o'n fy nharo i")).toBe('he is hitting me');
    expect(small.gloss('ei daro fo')).toBe('hit him');
    expect(small.gloss('ei tharo hi')).toBe('hit her');
    expect(small.gloss('fy nhad i')).toBe('my father');
  });

  it('splits the shortened "yn" and "yr", with or without the apostrophe, and reads phrases before words', () => {
    expect(small.gloss("mae'r tŷ ar dân")).toBe('the house on fire');
    expect(small.gloss('maer ty ar dan')).toBe('the house on fire');
    expect(small.gloss("mae'r babi'n sâl")).toBe('the baby is ill');
    expect(small.gloss('mae babin sal')).toBe('baby is ill');
  });

  it('reads a pronoun before "\'n" as the subject with its "be", with or without the apostrophe, over a form made by mutation', () => {
    const withBin = new RiskGloss({ fixed: { fi: 'me', hi: 'she', yn: 'in' }, describing: { sâl: 'ill' }, verbs: { taro: 'hit' }, words: { bin: 'bin' } });
    // "fin" is also "bin" softened: as the rules read "fi'n" (apostrophes out), it is the pronoun.
    expect(withBin.gloss("fi'n sâl")).toBe('i am ill');
    expect(withBin.gloss('fin sal')).toBe('i am ill');
    expect(withBin.gloss('hin taro fi')).toBe('she is hitting me');
    // "Hi" opening a message is the English greeting; "hi'n" there is still "she is".
    expect(withBin.gloss("Hi, fi'n sâl")).toBe('i am ill');
    expect(withBin.gloss("hi'n sâl")).toBe('she is ill');
    // A word the list writes itself is never split.
    expect(new RiskGloss({ fixed: { fi: 'me' }, words: { fin: 'edge' } }).gloss('fin')).toBe('edge');
  });

  it('keeps what it does not know (English mixed in, names, numbers) and reads "cael" with a possessive as the passive', () => {
    expect(small.gloss('dw i scared 24/7')).toBe('i am scared 24 7');
    expect(small.gloss('cael ei ladd')).toBe('get kill');
  });

  it('puts an English verb in "…ing" roughly', () => {
    expect(['hit', 'die', 'take', 'burn', 'pick up', 'cannot'].map(ing)).toEqual(['hitting', 'dying', 'taking', 'burning', 'picking up', 'cannot']);
  });

  it("the shipped list reads the taxonomy's kinds of danger into English the English detector knows", () => {
    const list = loadRiskGloss(LIST);
    expect(list.gloss('mae ei gŵr yn ei churo hi bob nos')).toBe('her husband is beating her every night');
    expect(list.gloss('mae plant drws nesa ar ben eu hunain ers dyddiau heb fwyd')).toBe('children next door alone for days without food');
    expect(list.gloss('dw i ddim isio byw rhagor')).toBe('i am not want to live any more');
  });
});

describe('the word list is checked (npm run validate)', () => {
  it('the shipped list has no mistakes', () => {
    expect(riskGlossProblems(LIST)).toEqual([]);
  });

  it('names the line of a word listed twice in one section, or in two sections, and of an unknown section', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'risk-gloss-'));
    try {
      const file = path.join(dir, 'risk-gloss.yaml');
      fs.writeFileSync(file, 'verbs:\n  byw: live\ndescribing:\n  byw: alive\n');
      expect(riskGlossProblems(file)).toEqual([
        expect.objectContaining({ file, line: 4, message: expect.stringMatching(/"byw" is in verbs and in describing/) }),
      ]);
      fs.writeFileSync(file, 'words:\n  tân: fire\n  tân: flame\n');
      expect(riskGlossProblems(file)).toEqual([expect.objectContaining({ file, line: 3 })]);
      fs.writeFileSync(file, 'words:\n  tân: fire\nnouns:\n  dŵr: water\n');
      expect(riskGlossProblems(file)).toEqual([expect.objectContaining({ file, line: 3, message: expect.stringMatching(/nouns/) })]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('when a gloss decides (SafeguardingDetector with a glossed detector)', () => {
  const english = loadSafeguardingRuleSet(path.join(ROOT, 'intents', 'safeguarding-rules.yaml'));
  const englishRules = new SafeguardingDetector(english.rules, {
    classifierThreshold: 2,
    idioms: english.idioms,
    spellings: english.spellings,
    past: english.past,
  });
  const list = loadRiskGloss(LIST);
  /** A Welsh detector with no rules of its own and a classifier whose best risk category scores `lean` but loses to not-a-risk. */
  const welshLeaning = (lean: number, categories?: RiskCategory[]) => {
    const guess: RiskGuess = { category: 'adult_at_risk', score: lean, notRiskWins: true };
    const classifier = { best: () => guess, counted: () => undefined } as unknown as RiskClassifier;
    return new SafeguardingDetector([], { riskClassifier: classifier, glossed: { gloss: (t) => list.gloss(t), detector: englishRules, categories } });
  };

  it('a danger now read by the English rules in the gloss counts when the Welsh classifier leans to a risk', () => {
    const verdict = welshLeaning(0.2).check("mae'r fflat drws nesa ar dân a mae 'na fabi tu mewn");
    expect(verdict).toMatchObject({ risk: true, category: 'immediate_danger' });
    expect(verdict.reason).toMatch(/^gloss: /);
  });

  it('a danger now read by the English rules in the gloss does not count when the Welsh classifier does not lean to a risk at all', () => {
    expect(welshLeaning(0.05).check("mae'r fflat drws nesa ar dân a mae 'na fabi tu mewn").risk).toBe(false);
  });

  it("the English rules' verdict on the gloss decides the other categories on its own, whatever the Welsh classifier says", () => {
    const neglect = 'mae fy mam yn gadael fy chwaer fach 4 oed ar ben ei hun drwy’r nos';
    const verdict = welshLeaning(0.01).check(neglect);
    expect(verdict).toMatchObject({ risk: true, category: 'child_at_risk', decidedBy: 'rule' });
    expect(verdict.reason).toMatch(/^gloss: /);
  });

  it("the English classifier's verdict on the gloss counts only for a category the gloss may decide, with the Welsh classifier's support", () => {
    // An English detector with no rules whose classifier always finds a child at risk: what is tested is the gate.
    const child: RiskGuess = { category: 'child_at_risk', score: 0.9, notRiskWins: false };
    const englishClassifier = new SafeguardingDetector([], {
      riskClassifier: { best: () => child, counted: () => child } as unknown as RiskClassifier,
    });
    const welsh = (lean: number, categories?: RiskCategory[]) => {
      const guess: RiskGuess = { category: 'adult_at_risk', score: lean, notRiskWins: true };
      const classifier = { best: () => guess, counted: () => undefined } as unknown as RiskClassifier;
      return new SafeguardingDetector([], { riskClassifier: classifier, glossed: { gloss: (t) => list.gloss(t), detector: englishClassifier, categories } });
    };
    const text = 'mae plant drws nesa yn chwarae yn yr ardd';
    expect(welsh(0.9).explainGlossed(text)?.verdict).toMatchObject({ risk: true, category: 'child_at_risk', decidedBy: 'risk classifier' });
    expect(welsh(0.9).check(text).risk).toBe(false);
    expect(welsh(0.9, ['child_at_risk']).check(text)).toMatchObject({ risk: true, category: 'child_at_risk' });
    expect(welsh(0.05, ['child_at_risk']).check(text).risk).toBe(false);
  });
});

describe('the Welsh detector reads a gloss with the English detector (docs/safeguarding.md, thirteenth round)', () => {
  const all = testAssistants();
  const welsh = all.byLocale.get('cy-GB')!;
  const recognizer = welsh.recognizer as LocalRecognizer;
  const risk = (text: string) => welsh.router.risk(text, recognizer.recognizeSync(text));

  // Our own wordings, one or two for each kind of the taxonomy: the gloss alone (the English detector reading it) catches
  // them, in the right category, whatever the Welsh rules and classifier make of them.
  it.each([
    ["mae'r fflat uwchben yn llawn mwg du a does neb yn ateb y drws", 'immediate_danger'],
    ['mae rhywun wedi syrthio i’r gamlas ac mae o’n methu nofio', 'immediate_danger'],
    ["mae na ogla wyau drwg yn y gegin a dw i'n teimlo'n benysgafn", 'immediate_danger'],
    ['dw i ddim isio byw rhagor, bydd pawb yn well hebdda i', 'suicide_self_harm'],
    ['dw i wedi bod yn torri fy mreichiau eto', 'suicide_self_harm'],
    ['mae fy llystad yn fy nyrnu i pan mae o wedi meddwi', 'domestic_abuse'],
    ["ma gwr fi'n bygwth lladd fi os dw i'n gadael", 'domestic_abuse'],
    ["mae'r plant drws nesa ar ben eu hunain ers dyddiau heb fwyd", 'child_at_risk'],
    ["mae 'na hogyn 12 oed yn cario parseli i ddynion mewn car drud bob nos", 'child_at_risk'],
    ['mae fy ewythr yn cymryd pensiwn nain i gyd a does dim bwyd yn y tŷ', 'adult_at_risk'],
  ])('the gloss alone catches "%s" (%s)', (text, category) => {
    const verdict = welsh.detector.explainGlossed(text)?.verdict;
    expect(verdict?.risk).toBe(true);
    expect(verdict?.category).toBe(category);
  });

  it("raises no alarm through the gloss on the Welsh ordinary intents' training examples and the Welsh articles' questions", () => {
    const ordinary = loadTrainingData(path.join(ROOT, 'intents', 'data', 'cy-GB'))
      .intents.filter((d) => d.intent !== 'safeguarding')
      .flatMap((d) => d.examples.map((e) => e.text));
    const questions = loadArticles(path.join(ROOT, 'knowledge', 'articles', 'cy-GB')).articles.flatMap((a) => a.questions);
    expect(ordinary.length + questions.length).toBeGreaterThan(800);
    // Two immediate-danger readings of a hazard by the English classifier (measured, docs/safeguarding.md thirteenth round),
    // and two by the English rules as they read the same words in English (drugs sold in the street, a loan shark's threats).
    // A fifth since the sixteenth round (issue 15): the English classifier's not-a-risk examples of a request's reasons moved
    // the gloss of a benefit-fraud report ("someone is working and hawlio benefits") from 0.497 to 0.50 for immediate danger,
    // the override's margin (docs/safeguarding.md, sixteenth round).
    expect([...ordinary, ...questions].filter((t) => risk(t).reason?.startsWith('gloss: ')).length).toBeLessThanOrEqual(5);
  }, 120_000);

  it.each([
    "mae'r biniau'n drewi a dw i isio gwybod pryd mae'r casgliad nesaf",
    'roedd tân yn y sied llynedd, ydy hi’n bosib cael bin newydd',
    'mae’r plant yn chwarae pêl-droed yn y parc bob nos ac mae’r sŵn yn ofnadwy',
    'dw i isio adrodd twll yn y ffordd ger yr ysgol, bydd rhywun yn cwympo',
    'mae larwm car drws nesa wedi bod yn canu drwy’r nos',
    'faint ydy’r dreth gyngor ar gyfer fflat un ystafell wely',
  ])('stays quiet on "%s", the gloss included', (text) => {
    expect(risk(text).risk).toBe(false);
    expect(welsh.detector.explainGlossed(text)?.verdict.risk).toBe(false);
  });
}, 180_000);
