import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../intents/trainingData';
import { loadArticles } from '../../knowledge/articleLoader';
import { startQuestionCheck, type QuestionCheckInputs } from '../../knowledge/questionCheck';
import { loadSynonyms } from '../../knowledge/synonyms';
import { copyOfArticles, INTENTS, SYNONYMS } from './helpers';

const training = loadTrainingData(INTENTS).intents;

/** The shipped articles with questions planted in the wrong ones, so that the check has problems to report from several places. */
function inputs(): QuestionCheckInputs {
  const dir = copyOfArticles();
  const plant = (id: string, question: string) => {
    const file = path.join(dir, `${id}.md`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('questions:\n', `questions:\n  - ${question}\n`));
  };
  plant('library', 'pest control visit');
  plant('noise', 'how do I renew my library books');
  return {
    articles: loadArticles(dir).articles.filter((a) => a.status !== 'draft'),
    synonyms: loadSynonyms(SYNONYMS),
    intents: training
      .filter((d) => d.intent !== 'none' && d.intent !== 'safeguarding')
      .map((d) => ({ intent: d.intent, examples: d.examples.map((e) => e.text) })),
    outOfScope: training.find((d) => d.intent === 'none')?.examples.map((e) => e.text) ?? [],
  };
}

describe("the questions' check on two threads", () => {
  it('reports what one thread reports, problem for problem and in the same order, when a worker checks the questions', () => {
    const given = inputs();
    const one = startQuestionCheck({ ...given, threads: 1 })();
    expect(one.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"pest control visit" (library) retrieves pest-control'),
        expect.stringContaining('"how do I renew my library books" (noise) retrieves library'),
      ]),
    );
    let byWorkers = 0;
    const two = startQuestionCheck({ ...given, threads: 2, leaveToWorkers: (n) => (byWorkers = n) })();
    const questions = given.articles.reduce((n, a) => n + a.questions.length, 0);
    expect(byWorkers).toBe(questions);
    expect(two).toEqual(one);
  }, 60_000);
});
