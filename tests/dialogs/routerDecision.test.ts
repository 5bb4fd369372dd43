import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, Router } from '../../dialogs/router';
import { NONE_INTENT, type RecognizerResult } from '../../intents/recognizer';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRules } from '../../intents/safeguardingRules';
import { MiniSearchKnowledgeBase } from '../../knowledge/knowledgeBase';
import { TextAnalyser } from '../../knowledge/textAnalyser';
import { article } from '../support/article';
import { shippedButtons, shippedVocabulary } from '../support/shippedWords';

const ROOT = path.resolve(__dirname, '..', '..');

const articles = [
  // Alike in all but their subject: a message that names neither subject matches both the same.
  article('room-hire', 'Room hire', ['hire a room for an evening class'], 'Rooms cost £20 an hour.'),
  article('leisure-centres', 'Gym visits', ['visit a gym for an evening class'], 'Gyms open at 6am daily.'),
  article('library', 'Libraries', ['library opening times', 'renew a library book'], 'Our libraries open 9am to 5pm.'),
];
const intents = [
  { intent: 'bin_collection_day', examples: ['when is my bin day', 'when are my bins collected', 'what day do the bin men come'] },
  { intent: 'book_bulky_waste', examples: ['book a bulky waste collection', 'collect my old sofa', 'take away a mattress'] },
];
const knowledge = new MiniSearchKnowledgeBase(articles, new TextAnalyser([]), { intents, outOfScope: ['tell me a joke', 'what is the weather like'] });
const detector = new SafeguardingDetector(loadSafeguardingRules(path.join(ROOT, 'intents', 'safeguarding-rules.yaml')));
/** Confidence bars set so that only the lead decides (what this file is about): never sure enough without it. */
const thresholds = { ...DEFAULT_THRESHOLDS, kbAnswer: 0.1, kbClarify: 0.1, kbSure: 1.01, kbLead: 0.04 };
const router = new Router(detector, shippedButtons(), shippedVocabulary(), thresholds, knowledge);

const unsure = (text: string): RecognizerResult => ({
  text,
  intent: NONE_INTENT,
  score: 0.05,
  alternatives: [{ intent: NONE_INTENT, score: 0.05 }],
  entities: [],
  source: 'local',
});
const sure = (text: string, intent: string): RecognizerResult => ({
  text,
  intent,
  score: 0.95,
  alternatives: [{ intent, score: 0.95 }],
  entities: [],
  source: 'local',
});

describe('Router.route: answer when one article is clearly ahead, ask when two are level', () => {
  it('asks "Did you mean" with both when two articles match a middling message alike', () => {
    // "class" is all either article has of it: room hire and leisure centres are level.
    const text = 'is there a class';
    const route = router.route(text, unsure(text));
    expect(route.kind).toBe('clarify');
    expect(route.kind === 'clarify' && [...route.articleIds].sort()).toEqual(['leisure-centres', 'room-hire']);
  });

  it('answers when one article is clearly ahead', () => {
    const text = 'library opening times on saturday';
    expect(router.route(text, unsure(text))).toMatchObject({ kind: 'kb', articleId: 'library' });
  });

  it('answers a level match when the lead is not asked for', () => {
    const text = 'is there a class';
    const noLead = new Router(detector, shippedButtons(), shippedVocabulary(), { ...thresholds, kbLead: 0 }, knowledge);
    expect(noLead.route(text, unsure(text)).kind).toBe('kb');
  });
});

describe('Router.needs: a part that asks in one of its clauses', () => {
  it('finds the bin day asked in a clause followed by where', () => {
    const text = 'please collect my old sofa. also when is my bin day, same address as the sofa';
    expect(router.needs(text)).toEqual([
      { kind: 'intent', intent: 'book_bulky_waste' },
      { kind: 'intent', intent: 'bin_collection_day' },
    ]);
  });

  it('does not take a clause that only tells, or points back, for a need', () => {
    const text = 'please collect my old sofa. my mattress is in the garden, does that affect my bin day';
    expect(router.needs(text)).toEqual([]);
    expect(router.route('please collect my old sofa', sure('please collect my old sofa', 'book_bulky_waste'))).toMatchObject({
      kind: 'intent',
      intent: 'book_bulky_waste',
    });
  });
});

describe("Router.needs: a part level between another part's article and others", () => {
  // Many pages, as a large council site has: two of them say "redundant" and "pay" only in passing.
  const many = [
    article(
      'rent-help',
      'Rent arrears',
      ['made redundant and struggling with the rent', 'help paying rent', 'rent arrears advice'],
      'We can help with rent arrears.',
    ),
    article('surplus-stock', 'Surplus stock', ['redundant stock we pay to store', 'sell old desks and chairs'], 'Old furniture for sale.'),
    article('staff-changes', 'Staff changes', ['redundant posts and how we pay staff', 'our teams and offices'], 'How our teams are organised.'),
    article('library', 'Libraries', ['library opening times', 'renew a library book'], 'Our libraries open 9am to 5pm.'),
  ];
  const kb = new MiniSearchKnowledgeBase(many, new TextAnalyser([]), { intents, outOfScope: ['tell me a joke'] });
  const big = new Router(detector, shippedButtons(), shippedVocabulary(), DEFAULT_THRESHOLDS, kb);

  it('reads it as the same need as the part that names one article clearly', () => {
    // The first part on its own matches three articles alike, another first; the second part one article.
    const level = kb.retrieve("I'm redundant, how do I pay").articles;
    expect(level[0].article.id).not.toBe('rent-help');
    const rentHelp = level.find((a) => a.article.id === 'rent-help')!;
    expect(rentHelp.confidence).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.kbInterrupt);
    expect(level[0].rank - rentHelp.rank).toBeLessThan(DEFAULT_THRESHOLDS.kbLead);
    expect(kb.retrieve('can you help me with my rent arrears').articles[0].article.id).toBe('rent-help');
    expect(big.needs("I'm redundant, how do I pay? can you help me with my rent arrears?")).toEqual([]);
  });

  it('keeps two needs when the parts name two articles clearly', () => {
    expect(big.needs('can you help me with my rent arrears? and what are the library opening times?')).toEqual([
      { kind: 'kb', articleId: 'rent-help' },
      { kind: 'kb', articleId: 'library' },
    ]);
  });
});

describe('Router.needs: a statement that several articles match alike is the story, not a need of its own', () => {
  const pages = [
    {
      ...article('adult-care', 'Help for an older relative', ['I am anxious about my elderly father', 'care at home for a parent'], 'Adult social care.'),
      owner: 'Adult Social Care',
    },
    {
      ...article('child-care', 'Worries about a child', ['I am anxious about a child next door', 'report a child at risk'], 'Children services.'),
      owner: "Children's Services",
    },
    // The same owner: neighbours on one topic, so a statement level between them still names it.
    {
      ...article('noise-day', 'Noise from neighbours', ['loud music from the flat upstairs', 'report noisy neighbours'], 'Report noise.'),
      owner: 'Environmental Health',
    },
    {
      ...article('noise-night', 'Noise at night', ['loud music from the flat upstairs at night', 'party noise at night'], 'Call the night line.'),
      owner: 'Environmental Health',
    },
    article('library', 'Libraries', ['library opening times', 'renew a library book'], 'Our libraries open 9am to 5pm.'),
  ];
  const kb = new MiniSearchKnowledgeBase(pages, new TextAnalyser([]), { intents, outOfScope: ['tell me a joke'] });
  const story = new Router(detector, shippedButtons(), shippedVocabulary(), DEFAULT_THRESHOLDS, kb);

  it('finds one need when the opening statement only matches two pages alike', () => {
    // "anxious" is all either care page has of the opening, and both have it: the opening names neither.
    const [first, second] = kb.retrieve('I am so anxious.').articles;
    expect(first.confidence).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.kbInterrupt);
    expect(first.confidence - second.confidence).toBeLessThan(0.15);
    const found = story.needs('I am so anxious. How do I renew a library book?');
    expect(found[0]).toMatchObject({ kind: 'kb', story: true });
    expect(found.filter((n) => !(n.kind === 'kb' && n.story))).toEqual([{ kind: 'kb', articleId: 'library' }]);
  });

  it('keeps a statement level between two pages of one owner (one topic)', () => {
    const found = story.needs('There is loud music from the flat upstairs. How do I renew a library book?');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ kind: 'kb' });
    expect(found[0]).not.toHaveProperty('story');
  });

  it('keeps a statement that names one page clearly', () => {
    expect(story.needs('My elderly father needs care at home. How do I renew a library book?')).toEqual([
      { kind: 'kb', articleId: 'adult-care', told: true },
      { kind: 'kb', articleId: 'library' },
    ]);
  });
});

describe('Router.route: a story and one question', () => {
  const pages = [
    article('stray-dogs', 'Stray dogs', ['who collects stray dogs', 'my dog is missing'], 'Our dog warden collects stray dogs.'),
    article('parks', 'Parks and open spaces', ['park opening times', 'walking in the park with children', 'park gates locked early'], 'Parks open at 8am.'),
    article('library', 'Libraries', ['library opening times', 'renew a library book'], 'Our libraries open 9am to 5pm.'),
  ];
  const kb = new MiniSearchKnowledgeBase(pages, new TextAnalyser([]), { intents, outOfScope: ['tell me a joke'] });
  const told = new Router(detector, shippedButtons(), shippedVocabulary(), DEFAULT_THRESHOLDS, kb);

  it("answers the question's clear article, whatever the story's words match", () => {
    const text = 'We were walking in the park with the children on Saturday and the gates were locked early, then Rex ran off. Who collects stray dogs?';
    expect(kb.retrieve(text).articles[0].article.id).toBe('parks');
    expect(told.route(text, unsure(text))).toMatchObject({ kind: 'kb', articleId: 'stray-dogs' });
  });

  it('reads a vague question with its story when the whole message clearly answers with another page the question matches too', () => {
    const money = [
      article('cost-of-living', 'Help with the cost of living', ['help paying for food when money is short', 'we are struggling to get by'], 'Our fund helps.'),
      article('recycling', 'What goes in which bin', ['which bin takes food scraps', 'recycling small electricals'], 'Blue bin: cans.'),
    ];
    const base = new MiniSearchKnowledgeBase(money, new TextAnalyser([]), { intents, outOfScope: ['tell me a joke'] });
    const router = new Router(detector, shippedButtons(), shippedVocabulary(), DEFAULT_THRESHOLDS, base);
    const question = 'is there anything for food or electricals?';
    expect(base.retrieve(question).articles[0].article.id).toBe('recycling');
    const text = `${question} honestly we are struggling`;
    expect(router.route(text, unsure(text))).toMatchObject({ kind: 'kb', articleId: 'cost-of-living' });
  });

  it('leaves a message with two questions to the whole message', () => {
    const text = 'We were walking in the park with the children on Saturday. Are the park gates locked early? Who collects stray dogs?';
    expect(told.route(text, unsure(text))).not.toMatchObject({ kind: 'kb', articleId: 'stray-dogs' });
  });
});

describe('Router.route: the classifier leaning to safeguarding where the check found no risk', () => {
  /** The classifier's guesses as given: a story around the need can lean it to safeguarding. */
  const guesses = (text: string, ...scores: [string, number][]): RecognizerResult => ({
    text,
    intent: scores[0][0],
    score: scores[0][1],
    alternatives: scores.map(([intent, score]) => ({ intent, score })),
    entities: [],
    source: 'local',
  });
  // Both requests' examples match it alike ("collected" and "collect"), so the examples alone do not pick one.
  const text = 'since my brother moved out I never know when my bins are collected or who can collect my old sofa';

  it('reads its next guess when that request’s own examples match the message', () => {
    const route = router.route(text, guesses(text, ['safeguarding', 0.6], ['bin_collection_day', 0.3], ['help', 0.05]));
    expect(route).toMatchObject({ kind: 'intent', intent: 'bin_collection_day' });
  });

  it('does not when the next guess is too unsure, or its examples do not match', () => {
    expect(router.route(text, guesses(text, ['safeguarding', 0.6], ['bin_collection_day', 0.1])).kind).not.toBe('intent');
    const other = 'my brother always renewed my library book, he moved away, what are the library opening times';
    expect(router.route(other, guesses(other, ['safeguarding', 0.6], ['bin_collection_day', 0.3]))).toMatchObject({ kind: 'kb', articleId: 'library' });
  });
});
