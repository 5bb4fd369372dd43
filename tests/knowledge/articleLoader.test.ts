import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../intents/trainingData';
import { loadArticles, offerableRequests, readArticle } from '../../knowledge/articleLoader';
import { ARTICLES, article, copyOfArticles, VALID } from './helpers';

const REQUIRED_IDS = [
  'council-tax-pay',
  'council-tax-single-person-discount',
  'council-tax-moving-home',
  'council-tax-reduction',
  'council-tax-bands',
  'recycling-what-goes-in',
  'garden-waste-subscription',
  'replacement-bin',
  'household-waste-recycling-centre',
  'parking-permit-resident',
  'parking-fine',
  'library',
  'school-admissions',
  'housing-repair',
  'homelessness',
  'housing-benefit',
  'planning',
  'register-birth',
  'register-death',
  'noise',
  'pest-control',
  'contact-us',
  'blue-badge',
  'electoral-register',
  'adult-social-care',
  'business-rates',
];

describe('loadArticles', () => {
  it('loads every article in knowledge/articles without problems, including the required ids', () => {
    const { articles, problems } = loadArticles(ARTICLES);
    expect(problems).toEqual([]);
    const ids = articles.map((a) => a.id);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
    const pay = articles.find((a) => a.id === 'council-tax-pay')!;
    expect(pay.title).toBe('Pay your Council Tax');
    expect(pay.questions.length).toBeGreaterThan(3);
    expect(pay.url).toMatch(/^https:\/\/www\.anytown\.example\//);
    expect(pay.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pay.body).toContain('Direct Debit');
    expect(pay.body).not.toContain('---');
  });

  it('leaves out an article with broken front matter, names the file, and loads the rest', () => {
    const dir = copyOfArticles();
    const total = fs.readdirSync(dir).length;
    const broken = path.join(dir, 'library.md');
    fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace('questions:\n', 'questions:\n bad: [unclosed\n'));
    const { articles, problems } = loadArticles(dir);
    expect(articles.map((a) => a.id)).not.toContain('library');
    expect(articles).toHaveLength(total - 1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: broken });
  });

  it('reads the request an article offers, and names the line of one the assistant cannot start', () => {
    const dir = copyOfArticles();
    const good = path.join(dir, 'dropped-kerb.md');
    // The requests are the intents as content: the shipped intents' data files, as validate and start-up read them.
    const requests = offerableRequests(loadTrainingData(path.resolve(__dirname, '../../intents/data')).intents);
    expect(requests).toContain('book_bulky_waste');
    expect(requests).not.toContain('greeting');
    fs.writeFileSync(good, article({ ...VALID, request: 'book_bulky_waste' }));
    expect(readArticle(good, requests).article?.request).toBe('book_bulky_waste');
    for (const bad of ['book_a_skip', 'greeting', 'none']) {
      fs.writeFileSync(good, article({ ...VALID, request: bad }));
      const { article: loaded, problems } = readArticle(good, requests);
      expect(loaded).toBeUndefined();
      expect(problems[0]).toMatchObject({ severity: 'error', line: 10, message: expect.stringContaining('book_bulky_waste') });
      expect(loadArticles(dir, requests).articles.map((a) => a.id)).not.toContain('dropped-kerb');
    }
    // Without intents to check against, only the name's shape: a request is an intent's name, never words.
    fs.writeFileSync(good, article({ ...VALID, request: 'Book a skip' }));
    expect(readArticle(good).problems[0]).toMatchObject({
      severity: 'error',
      line: 10,
      message: expect.stringContaining("the name of one of the assistant's requests"),
    });
    expect(loadArticles(ARTICLES, requests).articles.find((a) => a.id === 'bulky-waste')?.request).toBe('book_bulky_waste');
  });

  it('an intent added as data can be offered by an article, with no TypeScript', () => {
    const dir = copyOfArticles();
    const file = path.join(dir, 'dropped-kerb.md');
    fs.writeFileSync(file, article({ ...VALID, request: 'book_a_skip' }));
    const shipped = loadTrainingData(path.resolve(__dirname, '../../intents/data')).intents;
    const withSkips = offerableRequests([...shipped, { intent: 'book_a_skip' }]);
    expect(readArticle(file, offerableRequests(shipped)).article).toBeUndefined();
    expect(readArticle(file, withSkips).article?.request).toBe('book_a_skip');
    expect(offerableRequests([])).toBeUndefined();
  });

  it('reports a missing closing --- line', () => {
    const dir = copyOfArticles();
    const file = path.join(dir, 'noise.md');
    fs.writeFileSync(file, '---\nid: noise\ntitle: Noise\n\nNo closing line');
    const { problems } = readArticle(file);
    expect(problems[0].message).toMatch(/front matter is missing or not closed/);
  });

  it('names each missing or malformed required field', () => {
    const dir = copyOfArticles();
    const file = path.join(dir, 'dropped-kerb.md');
    const { owner: _owner, ...withoutOwner } = VALID;
    fs.writeFileSync(file, article({ ...withoutOwner, lastReviewed: '14/09/2026', url: 'www.anytown.example/x' }));
    const messages = readArticle(file).problems.map((p) => p.message);
    expect(messages.some((m) => m.startsWith('owner:'))).toBe(true);
    expect(messages.some((m) => m.startsWith('lastReviewed:') && m.includes('YYYY-MM-DD'))).toBe(true);
    expect(messages.some((m) => m.startsWith('url:'))).toBe(true);
  });

  it('reports an id that does not match the file name, and a duplicate id', () => {
    const dir = copyOfArticles();
    fs.writeFileSync(path.join(dir, 'zz-copy.md'), article({ ...VALID, id: 'library' }));
    const { articles, problems } = loadArticles(dir);
    expect(articles.filter((a) => a.id === 'library')).toHaveLength(1);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/does not match the file name "zz-copy.md"[\s\S]*already used by library.md/);
  });

  it('reads status (published unless it says draft), keeps everything in drafts/ a draft, and rejects any other status', () => {
    const dir = copyOfArticles();
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'dropped-kerb.md'), article({ ...VALID, status: 'draft' }));
    fs.writeFileSync(path.join(dir, 'drafts', 'kerb-two.md'), article({ ...VALID, id: 'kerb-two', status: 'published' }));
    fs.writeFileSync(path.join(dir, 'drafts', 'library.md'), article({ ...VALID, id: 'library' }));
    fs.writeFileSync(path.join(dir, 'kerb-three.md'), article({ ...VALID, id: 'kerb-three', status: 'live' }));
    const { articles, problems } = loadArticles(dir);
    const status = new Map(articles.map((a) => [a.id, a.status]));
    expect(status.get('dropped-kerb')).toBe('draft');
    expect(status.get('kerb-two')).toBe('draft');
    expect(status.get('noise')).toBe('published');
    expect(problems.map((p) => p.message)).toEqual([
      'status: must be draft or published',
      `id "library" is already used by library.md; this file was left out`,
    ]);
  });
});
