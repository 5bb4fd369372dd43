import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Router } from '../../dialogs/router';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRules } from '../../intents/safeguardingRules';
import type { Article } from '../../knowledge/article';
import { MiniSearchKnowledgeBase } from '../../knowledge/knowledgeBase';
import { TextAnalyser } from '../../knowledge/textAnalyser';
import { shippedButtons, shippedVocabulary } from '../support/shippedWords';
import { recognized } from '../support/recognized';

const ROOT = path.resolve(__dirname, '..', '..');

const article = (id: string, title: string, questions: string[], body: string, request?: string): Article => ({
  id,
  title,
  questions,
  url: `https://www.anytown.example/${id}`,
  lastReviewed: '2026-12-01',
  owner: 'Waste and Recycling',
  tags: [],
  status: 'published',
  body,
  file: `${id}.md`,
  ...(request ? { request } : {}),
});

const articles = [
  article(
    'bin-holidays',
    'Bin collections on bank holidays and at Christmas',
    ['bank holiday bin collection', 'christmas bin collection changes', 'easter bin collections'],
    'Collections after a bank holiday are a day late.',
    'bin_collection_day',
  ),
  article(
    'bulky-waste',
    'Bulky waste collections',
    ['what can I do with an old sofa', 'bulky waste prices', 'large items collection'],
    'We collect up to 3 large items for £35. We do not take rubble or tiles.',
    'book_bulky_waste',
  ),
  article(
    'hazardous-waste',
    'Hazardous waste and asbestos',
    ['how do I get rid of asbestos', 'dispose of asbestos sheets', 'paint and chemicals disposal'],
    'Take asbestos sheets, wrapped, to the tip by appointment.',
  ),
  article('library', 'Libraries', ['library opening times', 'renew a library book'], 'Our libraries open 9am to 5pm.'),
];
const intents = [
  {
    intent: 'bin_collection_day',
    examples: ['when is my bin day', 'when are my bins collected', 'when is my bin emptied', 'what day do the bin men come', 'which bin goes out this week'],
  },
  {
    intent: 'book_bulky_waste',
    examples: ['book a bulky waste collection', 'collect my old sofa', 'get rid of an old fridge', 'take away a mattress', 'how do i get rid of a wardrobe'],
  },
];
const knowledge = new MiniSearchKnowledgeBase(articles, new TextAnalyser([]), {
  intents,
  outOfScope: ['what time does the supermarket close', 'tell me a joke'],
});
const router = new Router(
  new SafeguardingDetector(loadSafeguardingRules(path.join(ROOT, 'intents', 'safeguarding-rules.yaml'))),
  shippedButtons(),
  shippedVocabulary(),
  undefined,
  knowledge,
);

/** The classifier sure of a request. */

describe('Router.route: a question about a service, or a request for it', () => {
  it('answers a question that the article answers beyond the request’s own examples', () => {
    const text = 'when is my bin emptied over christmas?';
    expect(router.route(text, recognized(text, 'bin_collection_day'))).toMatchObject({ kind: 'kb', articleId: 'bin-holidays' });
  });

  it('still starts the request for the request’s own question', () => {
    const text = 'when are my bins collected?';
    expect(router.route(text, recognized(text, 'bin_collection_day'))).toMatchObject({ kind: 'intent', intent: 'bin_collection_day' });
  });

  it('answers what a service costs from its article, even said with the request’s words', () => {
    const text = 'how much do you charge to come and take away an old sofa';
    expect(router.route(text, recognized(text, 'book_bulky_waste'))).toMatchObject({ kind: 'kb', articleId: 'bulky-waste' });
  });

  it('still books when the resident asks for it', () => {
    const text = 'please collect my old sofa';
    expect(router.route(text, recognized(text, 'book_bulky_waste'))).toMatchObject({ kind: 'intent', intent: 'book_bulky_waste' });
  });

  it('answers from the article far ahead rather than the request’s own article', () => {
    const text = 'how do i get rid of asbestos sheets from my garage';
    expect(router.route(text, recognized(text, 'book_bulky_waste'))).toMatchObject({ kind: 'kb', articleId: 'hazardous-waste' });
  });
});
