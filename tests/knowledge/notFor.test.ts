import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Router } from '../../dialogs/router';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import { loadSafeguardingRules } from '../../intents/safeguardingRules';
import { loadTrainingData } from '../../intents/trainingData';
import type { Article } from '../../knowledge/article';
import { readArticle } from '../../knowledge/articleLoader';
import { MiniSearchKnowledgeBase } from '../../knowledge/knowledgeBase';
import { TextAnalyser } from '../../knowledge/textAnalyser';
import { validateKnowledge } from '../../knowledge/validateKnowledge';
import { article } from '../support/article';
import { recognized } from '../support/recognized';
import { shippedButtons, shippedVocabulary } from '../support/shippedWords';
import { INTENTS, ROOT, SYNONYMS, VALID, article as articleFile, copyOfArticles } from './helpers';

// Two neighbours as a council might first write them: registering a birth lists the new baby's certificate,
// the certificates article says "copy" and "replacement" but little else a resident who lost theirs would say.
const register = article(
  'register-birth',
  'Register a birth',
  [
    'register a birth',
    'how do I register my baby',
    'how do I get my newborn’s birth certificate',
    'birth certificate for my baby',
    'where do I register a birth',
  ],
  'You must register a birth within 42 days. A birth certificate costs £12.50.',
);
const copies = article(
  'certificates',
  'Order a copy of a certificate',
  ['replacement marriage certificate', 'copy certificate cost', 'order a copy from the register office'],
  'Order a copy of a birth, marriage or death certificate online.',
);
const notFor = ['I lost my birth certificate, can I get another one', 'order a copy of my own birth certificate'];
const lostIt = 'I lost my birth certificate, how do I get another';

function knowledgeOf(articles: Article[]) {
  return new MiniSearchKnowledgeBase(articles, new TextAnalyser([]), { outOfScope: ['what time does the supermarket close'] });
}

describe('notFor: questions an article must not answer', () => {
  it('reads the notFor lines of an article', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-notfor-'));
    const file = path.join(dir, 'dropped-kerb.md');
    fs.writeFileSync(file, articleFile({ ...VALID, notFor: '\n  - apply for a parking permit\n  - "park on the pavement: is it legal"' }));
    const read = readArticle(file);
    expect(read.problems).toEqual([]);
    expect(read.article?.notFor).toEqual(['apply for a parking permit', 'park on the pavement: is it legal']);
  });

  it('names the file and line of notFor written as one line, and of a field that is not an article’s', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-notfor-'));
    const file = path.join(dir, 'dropped-kerb.md');
    fs.writeFileSync(file, articleFile({ ...VALID, notFor: 'apply for a parking permit' }));
    expect(readArticle(file).problems).toEqual([
      expect.objectContaining({ severity: 'error', file, line: 10, message: expect.stringMatching(/^notFor: must be a list/) }),
    ]);
    // A misspelt key would be dropped silently, and the article answer the questions it should not.
    fs.writeFileSync(file, articleFile({ ...VALID, notfor: '\n  - apply for a parking permit' }));
    const read = readArticle(file);
    expect(read.article).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({ severity: 'error', file, line: 10, message: expect.stringMatching(/^notfor: is not a field of an article/) }),
    ]);
  });

  it('puts an article after the others when the message is closer to one of its notFor lines than to its own questions', () => {
    // Without the lines, registering a birth is first: the feature's premise.
    expect(knowledgeOf([register, copies]).search(lostIt)[0].article.id).toBe('register-birth');
    const found = knowledgeOf([{ ...register, notFor }, copies]).retrieve(lostIt).articles;
    expect(found.map((a) => a.article.id)).toEqual(['certificates', 'register-birth']);
    expect(found[1].notFor).toBe(notFor[0]);
    expect(found[0].notFor).toBeUndefined();
  });

  it('leaves the article first for its own questions and for messages closer to them', () => {
    const knowledge = knowledgeOf([{ ...register, notFor }, copies]);
    for (const text of ['how do I get my newborn’s birth certificate', 'I need to register my baby, where do I go']) {
      const [first] = knowledge.retrieve(text).articles;
      expect(first.article.id).toBe('register-birth');
      expect(first.notFor).toBeUndefined();
    }
  });

  it('never answers straight away from an article the message is in the notFor lines of, even when no other article matches', () => {
    const router = new Router(
      new SafeguardingDetector(loadSafeguardingRules(path.join(ROOT, 'intents', 'safeguarding-rules.yaml'))),
      shippedButtons(),
      shippedVocabulary(),
      undefined,
      knowledgeOf([{ ...register, notFor }]),
    );
    // Without notFor it is answered: the same message, the same article.
    const without = new Router(
      new SafeguardingDetector(loadSafeguardingRules(path.join(ROOT, 'intents', 'safeguarding-rules.yaml'))),
      shippedButtons(),
      shippedVocabulary(),
      undefined,
      knowledgeOf([register]),
    );
    const text = 'order a copy of my own birth certificate please';
    expect(without.route(text, recognized(text, 'None'))).toMatchObject({ kind: 'kb', articleId: 'register-birth' });
    expect(router.route(text, recognized(text, 'None'))).not.toMatchObject({ kind: 'kb' });
  });

  it('validate: a notFor line that is one of the article’s own questions is an error, another article’s a warning, each with its line', () => {
    const dir = copyOfArticles();
    const file = path.join(dir, 'library.md');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/^url: /m, 'notFor:\n  - join the library\n  - where is the tip\n  - a question nobody lists\nurl: '));
    const at = text.replace(/^url: [\s\S]*/m, '').split('\n').length;
    const problems = validateKnowledge({ articlesDir: dir, synonymsPath: SYNONYMS, intents: loadTrainingData(INTENTS).intents }).filter((p) =>
      p.message.startsWith('notFor:'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file,
        line: at + 1,
        message: expect.stringContaining(`"join the library" is also one of library's questions`),
      }),
      expect.objectContaining({
        severity: 'warning',
        file,
        line: at + 2,
        message: expect.stringContaining('is a question of household-waste-recycling-centre'),
      }),
    ]);
  });
});
