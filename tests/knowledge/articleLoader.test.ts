import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, readArticle } from '../../knowledge/articleLoader';
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
    fs.writeFileSync(good, article({ ...VALID, request: 'book_bulky_waste' }));
    expect(readArticle(good).article?.request).toBe('book_bulky_waste');
    for (const bad of ['book_a_skip', 'greeting']) {
      fs.writeFileSync(good, article({ ...VALID, request: bad }));
      const { article: loaded, problems } = readArticle(good);
      expect(loaded).toBeUndefined();
      expect(problems[0]).toMatchObject({ severity: 'error', line: 10, message: expect.stringContaining('book_bulky_waste') });
    }
    expect(loadArticles(ARTICLES).articles.find((a) => a.id === 'bulky-waste')?.request).toBe('book_bulky_waste');
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
