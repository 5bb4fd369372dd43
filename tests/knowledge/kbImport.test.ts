import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../intents/trainingData';
import { readArticle } from '../../knowledge/articleLoader';
import { buildKnowledgeBase } from '../../knowledge/loadKnowledge';
import { runImport } from '../../scripts/kbImport';
import { readSavedPage } from '../../scripts/lib/kbImport/savedPage';
import { DEFAULT_PATHS, draftsOf, formatReport, validateAll, validateContent } from '../../scripts/validate';
import { INTENTS, ROOT, SYNONYMS, copyOfArticles } from './helpers';

const SITE = path.join(__dirname, 'fixtures', 'saved-site');
const SERVICE = path.join(SITE, 'www.anytown.example', 'parking', 'suspend-a-parking-bay.html');
const GUIDE = path.join(SITE, 'www.anytown.example', 'blue-badge', 'who-can-apply.html');
const GENERIC = path.join(SITE, 'leisure-centre-opening-times.html');
const TODAY = '2026-12-04';
const SITE_CHROME = [
  /cookie/i,
  /Skip to main content/,
  /Search this site/,
  /Bins and recycling/,
  /Related links/,
  /Resident parking permits/,
  /Was this page helpful/,
  /Privacy/,
  /Home/,
  /Contact/,
];

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kb-import-'));
}

function page(file: string, savedFrom?: string) {
  return readSavedPage(fs.readFileSync(file, 'utf8'), savedFrom);
}

describe('reading a saved page', () => {
  it('reads a LocalGov Drupal service page: title, summary, canonical address, LGSL, body without the site chrome, question headings', () => {
    const p = page(SERVICE);
    expect(p.title).toBe('Suspend a parking bay');
    expect(p.summary).toBe('Ask us to suspend a parking bay for a removal van, building work or a skip.');
    expect(p.url).toBe('https://www.anytown.example/parking/suspend-a-parking-bay');
    expect(p.lgsl).toBe(1212);
    expect(p.breadcrumbs).toEqual(['Parking']);
    expect(p.questions).toEqual(['Suspend a parking bay', 'who can apply', 'how do I apply', 'can I cancel a suspension']);
    expect(p.body.startsWith('Ask us to suspend a parking bay')).toBe(true);
    expect(p.body).toContain('You need to apply at least **10 working days** before you need the bay. It costs £45 a day for each bay.');
    expect(p.body).toContain('1. Check the street on our [parking zones map](https://www.anytown.example/parking/zones).');
    expect(p.body).toContain('**Signs and enforcement**');
    expect(p.body).toContain('**Can I cancel a suspension?**\n\nYes. Tell us 2 working days before it starts and we refund the fee.');
    expect(p.body).toContain('[parking@anytown.example](mailto:parking@anytown.example)');
    for (const chrome of SITE_CHROME) expect(p.body).not.toMatch(chrome);
  });

  it('reads a LocalGov Drupal guide page: guide and section title, a relative canonical link, no contents list or previous/next links', () => {
    const p = page(GUIDE, 'https://www.anytown.example/blue-badge/who-can-apply');
    expect(p.title).toBe('Blue Badge parking permits: who can apply');
    expect(p.url).toBe('https://www.anytown.example/blue-badge/who-can-apply');
    expect(p.summary).toBe('Find out if you can get a Blue Badge.');
    expect(p.lgsl).toBeUndefined();
    expect(p.questions).toEqual([
      'Blue Badge parking permits – who can apply',
      'who can apply',
      'can I apply for my child',
      'what if I have a hidden disability',
    ]);
    expect(p.body).toContain('- are registered blind (severely sight impaired)');
    expect(p.body).toContain('[Apply on GOV.UK](https://www.gov.uk/apply-blue-badge)');
    for (const chrome of [/Contents/, /Overview/, /How to apply/, /Renew or replace/, /Next:/, /Give feedback/, ...SITE_CHROME])
      expect(p.body).not.toMatch(chrome);
  });

  it('reads a page that is not LocalGov Drupal: h1, og:description, tables as lists, no share links or footer', () => {
    const p = page(GENERIC);
    expect(p.title).toBe('Leisure centre opening times');
    expect(p.summary).toBe('Opening times for Anytown Leisure Centre and its pool.');
    expect(p.url).toBe('https://www.anytown.example/leisure/opening-times');
    expect(p.questions).toEqual(['Leisure centre opening times', 'when is the pool busiest']);
    expect(p.body).toContain('- Day: Monday to Friday, Gym: 6am to 10pm, Pool: 7am to 9pm');
    expect(p.body).toContain('Parking is free for 3 hours with a _valid_ ticket.');
    for (const chrome of [/Share this page/, /Facebook/, /Town Hall/, ...SITE_CHROME]) expect(p.body).not.toMatch(chrome);
  });

  it('has no address when the page has no canonical link and was not saved from a known address', () => {
    expect(readSavedPage('<html><body><h1>A page</h1><p>Text.</p></body></html>').url).toBeUndefined();
    expect(readSavedPage('<html><body><h1>A page</h1><p>Text.</p></body></html>', 'https://www.anytown.example/a-page').url).toBe(
      'https://www.anytown.example/a-page',
    );
  });
});

describe('npm run kb:import', () => {
  it('imports a folder of saved pages as readable drafts (addresses from a mirror folder named after the host)', () => {
    const out = tempDir();
    const { summary, rows } = runImport({ input: SITE, outDir: out, articlesDir: copyOfArticles(), today: TODAY });
    expect(summary).toEqual({ pages: 3, drafts: 3, skipped: 0 });
    expect(rows.map((r) => r.id).sort()).toEqual(['blue-badge-who-can-apply', 'leisure-opening-times', 'parking-suspend-a-parking-bay']);
    for (const name of fs.readdirSync(out)) {
      const { article, problems } = readArticle(path.join(out, name));
      expect(problems).toEqual([]);
      expect(article).toMatchObject({ status: 'draft', lastReviewed: TODAY, owner: 'Content team (to review)' });
    }
    const guide = readArticle(path.join(out, 'blue-badge-who-can-apply.md')).article!;
    expect(guide.url).toBe('https://www.anytown.example/blue-badge/who-can-apply');
    expect(guide.tags).toEqual(['parking']);
    expect(readArticle(path.join(out, 'parking-suspend-a-parking-bay.md')).article!.lgsl).toBe(1212);
  });

  it('imports the pages a sitemap lists, saved next to it, and names a listed page that was not saved', () => {
    const out = tempDir();
    const { summary, rows } = runImport({
      input: path.join(SITE, 'sitemap.xml'),
      outDir: out,
      articlesDir: copyOfArticles(),
      owner: 'Parking Services',
      today: TODAY,
    });
    expect(summary).toEqual({ pages: 4, drafts: 3, skipped: 1 });
    expect(rows.find((r) => r.source === 'https://www.anytown.example/parking/not-saved')?.result).toMatch(/^skipped: not saved/);
    expect(readArticle(path.join(out, 'blue-badge-who-can-apply.md')).article).toMatchObject({
      owner: 'Parking Services',
      url: 'https://www.anytown.example/blue-badge/who-can-apply',
    });
  });

  it('follows a sitemap index to its sitemaps and leaves out the asset folders a browser saves next to a page', () => {
    const saved = tempDir();
    fs.cpSync(SITE, saved, { recursive: true });
    fs.renameSync(path.join(saved, 'sitemap.xml'), path.join(saved, 'sitemap-pages.xml'));
    fs.writeFileSync(
      path.join(saved, 'sitemap.xml'),
      '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://www.anytown.example/sitemap-pages.xml</loc></sitemap><sitemap><loc>sitemap.xml</loc></sitemap></sitemapindex>',
    );
    const fromIndex = runImport({ input: path.join(saved, 'sitemap.xml'), outDir: tempDir(), articlesDir: copyOfArticles(), today: TODAY });
    expect(fromIndex.summary).toEqual({ pages: 4, drafts: 3, skipped: 1 });

    fs.mkdirSync(path.join(saved, 'leisure-centre-opening-times_files'));
    fs.writeFileSync(path.join(saved, 'leisure-centre-opening-times_files', 'saved_resource.html'), '<html><body><h1>Advert</h1><p>Buy now.</p></body></html>');
    const fromFolder = runImport({ input: saved, outDir: tempDir(), articlesDir: copyOfArticles(), today: TODAY });
    expect(fromFolder.summary).toEqual({ pages: 3, drafts: 3, skipped: 0 });
  });

  it('never overwrites: a taken id gets a suffix, and a page that already has an article is skipped', () => {
    const articles = copyOfArticles();
    const out = tempDir();
    const taken = path.join(out, 'parking-suspend-a-parking-bay.md');
    fs.writeFileSync(taken, 'written by a content designer\n');
    // A published article for the leisure page already exists.
    fs.writeFileSync(
      path.join(articles, 'leisure-centre.md'),
      fs
        .readFileSync(path.join(articles, 'library.md'), 'utf8')
        .replace(/^id: .*$/m, 'id: leisure-centre')
        .replace(/^url: .*$/m, 'url: https://www.anytown.example/leisure/opening-times'),
    );
    const first = runImport({ input: SITE, outDir: out, articlesDir: articles, today: TODAY });
    expect(fs.readFileSync(taken, 'utf8')).toBe('written by a content designer\n');
    expect(first.rows.find((r) => r.source.endsWith('suspend-a-parking-bay.html'))).toMatchObject({
      id: 'parking-suspend-a-parking-bay-2',
      result: 'draft (id parking-suspend-a-parking-bay is taken)',
    });
    expect(first.rows.find((r) => r.source.endsWith('leisure-centre-opening-times.html'))?.result).toMatch(
      /^skipped: already an article for .*leisure-centre\.md$/,
    );
    expect(first.summary).toEqual({ pages: 3, drafts: 2, skipped: 1 });

    const drafts = fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]);
    const again = runImport({ input: SITE, outDir: out, articlesDir: articles, today: TODAY });
    expect(again.summary).toEqual({ pages: 3, drafts: 0, skipped: 3 });
    expect(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')])).toEqual(drafts);
  });

  it('skips a page without an address unless --base-url gives one, and says why; a missing input is a clear error', () => {
    const saved = tempDir();
    fs.mkdirSync(path.join(saved, 'waste'));
    fs.writeFileSync(
      path.join(saved, 'waste', 'clinical-waste.html'),
      '<html><body><main><h1>Clinical waste collections</h1><p>We collect clinical waste for free.</p></main></body></html>',
    );
    const articles = copyOfArticles();
    const without = runImport({ input: saved, outDir: tempDir(), articlesDir: articles, today: TODAY });
    expect(without.summary).toEqual({ pages: 1, drafts: 0, skipped: 1 });
    expect(without.rows[0].result).toBe('skipped: no address: the page has no <link rel="canonical">; use a sitemap or --base-url');
    const out = tempDir();
    const withBase = runImport({ input: saved, outDir: out, articlesDir: articles, baseUrl: 'https://www.anytown.example', today: TODAY });
    expect(withBase.summary).toEqual({ pages: 1, drafts: 1, skipped: 0 });
    expect(readArticle(path.join(out, 'waste-clinical-waste.md')).article).toMatchObject({
      url: 'https://www.anytown.example/waste/clinical-waste',
      title: 'Clinical waste collections',
    });
    expect(() => runImport({ input: path.join(saved, 'nowhere'), articlesDir: articles })).toThrow(
      /nowhere does not exist: give a folder of saved pages, a sitemap.xml or an HTML file/,
    );
    expect(() => runImport({ input: saved, articlesDir: articles, baseUrl: 'www.anytown.example' })).toThrow(
      '--base-url must be a full address starting with https://',
    );
  });

  it('prints a table and, as the last line, the counts as JSON', () => {
    const out = tempDir();
    const stdout = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'kbImport.ts'), SITE, '--out', out],
      { encoding: 'utf8' },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ pages: 3, drafts: 3, skipped: 0 });
    expect(stdout).toMatch(/^source\s+id\s+questions\s+words\s+result/);
    expect(stdout).toContain('set status: published, move the file into knowledge/articles/');
  });
});

describe('drafts', () => {
  const intents = loadTrainingData(INTENTS).intents;

  it('are never answered from, even for their own exact question; published, the same article is', () => {
    const articles = copyOfArticles();
    runImport({ input: SITE, articlesDir: articles, today: TODAY });
    const draft = path.join(articles, 'drafts', 'parking-suspend-a-parking-bay.md');
    expect(fs.existsSync(draft)).toBe(true);
    // status: draft keeps it out even outside drafts/.
    fs.renameSync(path.join(articles, 'drafts', 'leisure-opening-times.md'), path.join(articles, 'leisure-opening-times.md'));

    const kb = buildKnowledgeBase({ articlesDir: articles, synonymsPath: SYNONYMS, intents });
    for (const [id, question] of [
      ['parking-suspend-a-parking-bay', 'Suspend a parking bay'],
      ['leisure-opening-times', 'when is the pool busiest'],
    ]) {
      expect(kb.get(id)).toBeUndefined();
      expect(kb.search(question, 5).map((m) => m.article.id)).not.toContain(id);
    }

    fs.writeFileSync(path.join(articles, 'parking-suspend-a-parking-bay.md'), fs.readFileSync(draft, 'utf8').replace('status: draft\n', 'status: published\n'));
    fs.rmSync(draft);
    const published = buildKnowledgeBase({ articlesDir: articles, synonymsPath: SYNONYMS, intents });
    expect(published.search('Suspend a parking bay', 1)[0]?.article.id).toBe('parking-suspend-a-parking-bay');
  });

  it('are listed by npm run validate as a notice with their file names, not as errors', () => {
    const articles = copyOfArticles();
    // The council speaks Welsh too: its Welsh articles beside the English (drafts need no Welsh twin until published).
    fs.cpSync(path.join(ROOT, 'knowledge', 'articles', 'cy-GB'), path.join(articles, 'cy-GB'), { recursive: true });
    runImport({ input: SITE, articlesDir: articles, today: TODAY });
    const paths = { ...DEFAULT_PATHS, articlesDir: articles };
    const problems = validateAll(paths);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.file.includes(`${path.sep}drafts${path.sep}`))).toEqual([]);
    const report = formatReport(problems, draftsOf(paths), articles);
    // npm run validate reads the articles once for its checks and its list of drafts: the same problems, the same drafts.
    const content = validateContent(paths);
    expect(content.problems).toEqual(problems);
    expect(content.drafts).toEqual(draftsOf(paths));
    expect(report).toContain('Drafts, not answered from until reviewed (3)');
    expect(report).toContain(
      `${path.join('drafts', 'parking-suspend-a-parking-bay.md')}: notice: draft "Suspend a parking bay" (parking-suspend-a-parking-bay) from https://www.anytown.example/parking/suspend-a-parking-bay`,
    );
    expect(report.trimEnd().split('\n').at(-1)).toMatch(/^Content is valid: 0 error\(s\), \d+ warning\(s\), 3 draft\(s\)\.$/);
  });
});
