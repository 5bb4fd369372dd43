import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeReport } from '../../knowledge/knowledgeReport';
import { QuestionGrouper } from '../../knowledge/questionGrouper';
import { loadSynonyms } from '../../knowledge/synonyms';
import { TextAnalyser } from '../../knowledge/textAnalyser';
import type { UnansweredOutcome, UnansweredQuestion } from '../../knowledge/unansweredStore';

const ROOT = path.resolve(__dirname, '..', '..');
const analyser = new TextAnalyser(loadSynonyms(path.join(ROOT, 'knowledge', 'synonyms.yaml')));
const NOW = new Date('2026-12-04T12:00:00.000Z');

function q(question: string, daysAgo = 1, outcome: UnansweredOutcome = 'no_answer', articleId: string | null = null): UnansweredQuestion {
  return { question, outcome, articleId, createdAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString() };
}

describe('QuestionGrouper', () => {
  it('groups different wordings of one question (stems, stop words, synonyms) and keeps different questions apart', () => {
    const texts = [
      'when are my bins collected',
      'bin collection day?',
      'What day is my bin collected',
      'can I keep chickens',
      'keeping chickens in the garden',
      'dog licence',
      'hello?',
      'Hello',
    ];
    const groups = new QuestionGrouper(analyser)
      .group(texts, (t) => t)
      .map((g) => g.members.sort())
      .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
    expect(groups).toEqual([
      ['What day is my bin collected', 'bin collection day?', 'when are my bins collected'],
      ['can I keep chickens', 'keeping chickens in the garden'],
      ['Hello', 'hello?'],
      ['dog licence'],
    ]);
  });

  it('does not join questions that share only one word of several', () => {
    const groups = new QuestionGrouper(analyser).group(['can I get a parking permit for my carer', 'can I get a bus pass for my carer'], (t) => t);
    expect(groups).toHaveLength(2);
  });
});

describe('KnowledgeReport', () => {
  const source = {
    rows: [
      q('can I keep chickens?', 2),
      q('Can I keep chickens in my garden', 3),
      q('can I keep chickens?', 10),
      q('how do I pay my council tax, call me on [phone]', 1, 'not_helpful', 'council-tax-pay'),
      q('pay council tax', 4, 'not_helpful', 'council-tax-pay'),
      q('pay council tax online', 5, 'no_answer'),
      q('dog licence', 1),
      q('noise from a party', 40),
    ],
    since(since: Date) {
      return Promise.resolve(this.rows.filter((r) => r.createdAt >= since.toISOString()));
    },
  };
  const titles: Record<string, string> = { 'council-tax-pay': 'Pay your Council Tax' };
  const report = new KnowledgeReport(
    source,
    new QuestionGrouper(analyser),
    (id) => titles[id],
    () => NOW,
  );

  it('gives the groups biggest first (the same size: the most recently asked first), with counts, example wordings (most asked first, placeholders left out of the grouping) and the article offered', async () => {
    const data = await report.build(30);
    expect(data).toMatchObject({ days: 30, from: '2026-11-04T12:00:00.000Z', to: NOW.toISOString(), total: 7 });
    expect(data.groups).toEqual([
      {
        count: 3,
        noAnswer: 1,
        notHelpful: 2,
        examples: ['how do I pay my council tax, call me on [phone]', 'pay council tax', 'pay council tax online'],
        articles: [{ id: 'council-tax-pay', title: 'Pay your Council Tax', count: 2 }],
        lastAsked: q('', 1).createdAt,
      },
      {
        count: 3,
        noAnswer: 3,
        notHelpful: 0,
        examples: ['can I keep chickens?', 'Can I keep chickens in my garden'],
        articles: [],
        lastAsked: q('', 2).createdAt,
      },
      { count: 1, noAnswer: 1, notHelpful: 0, examples: ['dog licence'], articles: [], lastAsked: q('', 1).createdAt },
    ]);
  });

  it('reads only the window asked for', async () => {
    const week = await report.build(7);
    expect(week.total).toBe(6);
    expect(week.groups.map((g) => [g.count, g.examples[0]])).toEqual([
      [3, 'how do I pay my council tax, call me on [phone]'],
      [2, 'Can I keep chickens in my garden'],
      [1, 'dog licence'],
    ]);
    expect((await report.build(60)).groups.at(-1)?.examples).toEqual(['noise from a party']);
  });
});
