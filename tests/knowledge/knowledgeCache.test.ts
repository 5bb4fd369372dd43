import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../intents/trainingData';
import { buildKnowledgeBase } from '../../knowledge/loadKnowledge';
import { ARTICLES, INTENTS, SYNONYMS } from './helpers';

const intents = loadTrainingData(INTENTS).intents;
const QUESTIONS = [
  'how do i pay my council tax',
  'my bin wasnt colected',
  'noisy neighbours at night',
  'where can I park',
  'council tax single person discount',
];

/** A folder with some of the real articles and a copy of the synonyms, and an empty cache folder. */
function content(): { articlesDir: string; synonymsPath: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cache-'));
  const articlesDir = path.join(root, 'articles');
  fs.mkdirSync(articlesDir);
  const names = fs.readdirSync(ARTICLES).filter((f) => f.endsWith('.md') && f !== 'README.md');
  for (const f of names.filter((f, i) => i % 4 === 0 || /council-tax|bin|noise|parking/.test(f)))
    fs.copyFileSync(path.join(ARTICLES, f), path.join(articlesDir, f));
  const synonymsPath = path.join(root, 'synonyms.yaml');
  fs.copyFileSync(SYNONYMS, synonymsPath);
  return { articlesDir, synonymsPath, cacheDir: path.join(root, 'models') };
}

const build = (sources: { articlesDir: string; synonymsPath: string; cacheDir?: string }) => buildKnowledgeBase({ ...sources, intents });
const kept = (cacheDir: string) => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.startsWith('knowledge-')) : []);
const answers = (kb: ReturnType<typeof build>) =>
  QUESTIONS.map((q) => {
    const { articles, intents: found, outOfScope } = kb.retrieve(q);
    return { articles: articles.map((a) => ({ ...a, article: a.article.id })), intents: found, outOfScope };
  });

describe('the knowledge base kept between starts', () => {
  it('is kept on the first start and read back on the next, answering exactly as one built from the files', () => {
    const sources = content();
    const fresh = answers(build({ articlesDir: sources.articlesDir, synonymsPath: sources.synonymsPath }));
    const first = build(sources);
    expect(kept(sources.cacheDir)).toHaveLength(1);
    const second = build(sources);
    expect(answers(first)).toEqual(fresh);
    expect(answers(second)).toEqual(fresh);
    expect(second.all().map((a) => a.id)).toEqual(first.all().map((a) => a.id));
    expect(second.get('council-tax-pay')).toEqual(first.get('council-tax-pay'));
  });

  it('is what the next start reads: it does not read the articles again', () => {
    const sources = content();
    build(sources);
    const file = path.join(sources.cacheDir, kept(sources.cacheDir)[0]);
    // Changed in the kept copy only: the next start shows it, so the articles were not read again.
    const knowledge = v8.deserialize(fs.readFileSync(file)) as { articles: Array<{ id: string; title: string }> };
    knowledge.articles.find((a) => a.id === 'council-tax-pay')!.title = 'Kept title';
    fs.writeFileSync(file, v8.serialize(knowledge));
    expect(build(sources).get('council-tax-pay')?.title).toBe('Kept title');
  });

  it('is built again when an article changes, is added or removed, or the synonyms change; what was kept for the old content is removed', () => {
    const sources = content();
    build(sources);
    const before = kept(sources.cacheDir);
    const file = path.join(sources.articlesDir, 'council-tax-pay.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Paying for council services'));
    expect(build(sources).get('council-tax-pay')?.title).toBe('Paying for council services');
    const after = kept(sources.cacheDir);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);

    fs.rmSync(file);
    expect(build(sources).get('council-tax-pay')).toBeUndefined();
    expect(build(sources).search('pay my zzquux', 1)[0]?.article.id).not.toMatch(/^council-tax/);
    fs.writeFileSync(sources.synonymsPath, fs.readFileSync(sources.synonymsPath, 'utf8').replace('- [council tax, ', '- [council tax, zzquux, '));
    expect(build(sources).search('pay my zzquux', 1)[0]?.article.id).toMatch(/^council-tax/);
    expect(kept(sources.cacheDir)).toHaveLength(1);
  });

  it.each([
    ['not what v8 serialises', Buffer.from('this is not { json')],
    ['of the wrong shape', v8.serialize({ articles: 'none' })],
    ['an index of other entries', v8.serialize({ articles: [], problems: [], index: { entries: [], search: {} } })],
    ['an index whose words are not sets', v8.serialize({ articles: [], problems: [], index: { entries: [[[], [], []]], search: {} } })],
    ['the old JSON format', Buffer.from('{"articles": [], "problems": [], "index": {"entries": [], "search": {"index": []}}}')],
  ])('is ignored when what was kept is %s: built from the files and kept again', (_, text) => {
    const sources = content();
    const fresh = answers(build({ articlesDir: sources.articlesDir, synonymsPath: sources.synonymsPath }));
    build(sources);
    const file = path.join(sources.cacheDir, kept(sources.cacheDir)[0]);
    fs.writeFileSync(file, text);
    const rebuilt = build(sources);
    expect(answers(rebuilt)).toEqual(fresh);
    expect(rebuilt.size).toBeGreaterThan(10);
    expect((v8.deserialize(fs.readFileSync(file)) as { articles: unknown[] }).articles.length).toBeGreaterThan(10);
  });

  it('removes a knowledge base kept as JSON by an earlier version', () => {
    const sources = content();
    fs.mkdirSync(sources.cacheDir, { recursive: true });
    fs.writeFileSync(path.join(sources.cacheDir, 'knowledge-0123.json'), '{}');
    build(sources);
    expect(kept(sources.cacheDir)).toEqual([expect.stringMatching(/^knowledge-[0-9a-f]{64}\.v8$/)]);
  });
});
