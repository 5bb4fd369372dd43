/**
 * `npm run kb:import -- PATH [--out DIR] [--owner TEAM] [--base-url https://…]`: turns a
 * council's saved web pages (a folder of HTML files, a sitemap.xml with the pages saved next to
 * it, or one page; LocalGov Drupal markup first) into draft knowledge articles, marked
 * `status: draft` so that nothing is answered from them until a content designer reviews them.
 * Prints a table and, as the last line, `{"pages":N,"drafts":N,"skipped":N}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DRAFTS_FOLDER } from '../knowledge/articleLoader';
import { DEFAULT_OWNER, DraftWriter } from './lib/kbImport/draftWriter';
import { findSavedPages } from './lib/kbImport/pageSources';
import { readSavedPage } from './lib/kbImport/savedPage';

const root = path.resolve(__dirname, '..');
export const ARTICLES_DIR = path.join(root, 'knowledge', 'articles');

export interface ImportOptions {
  input: string;
  outDir?: string;
  owner?: string;
  baseUrl?: string;
  /** Where the published articles are, so that ids and pages already there are not imported again. */
  articlesDir?: string;
  /** YYYY-MM-DD; default today. */
  today?: string;
}

export interface ImportRow {
  source: string;
  id?: string;
  file?: string;
  title?: string;
  questions?: number;
  words?: number;
  result: string;
}

export interface ImportSummary {
  pages: number;
  drafts: number;
  skipped: number;
}

export function runImport(options: ImportOptions): { rows: ImportRow[]; summary: ImportSummary; outDir: string } {
  if (options.baseUrl && !/^https:\/\/[^/]+\.[^/]+/.test(options.baseUrl)) throw new Error('--base-url must be a full address starting with https://');
  const articlesDir = options.articlesDir ?? ARTICLES_DIR;
  const outDir = options.outDir ?? path.join(articlesDir, DRAFTS_FOLDER);
  const writer = new DraftWriter(outDir, articlesDir, options.owner?.trim() || DEFAULT_OWNER, options.today ?? new Date().toISOString().slice(0, 10));
  const { pages, missing } = findSavedPages(options.input, options.baseUrl);
  const rows: ImportRow[] = missing.map((m) => ({ source: m.source, result: `skipped: ${m.message}` }));
  for (const page of pages) {
    const source = path.relative(process.cwd(), page.file);
    let parsed;
    try {
      parsed = readSavedPage(fs.readFileSync(page.file, 'utf8'), page.savedFrom);
    } catch (err) {
      rows.push({ source, result: `skipped: cannot be read (${(err as Error).message})` });
      continue;
    }
    const outcome = writer.write(parsed);
    const words = parsed.body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const row = { source, title: parsed.title, questions: parsed.questions.length, words };
    if (outcome.written)
      rows.push({ ...row, id: outcome.id, file: path.relative(process.cwd(), outcome.file), result: outcome.note ? `draft (${outcome.note})` : 'draft' });
    else rows.push({ ...row, result: `skipped: ${outcome.reason}` });
  }
  const drafts = rows.filter((r) => r.file).length;
  return { rows, summary: { pages: pages.length + missing.length, drafts, skipped: rows.length - drafts }, outDir };
}

function table(rows: ImportRow[]): string {
  const header = ['source', 'id', 'questions', 'words', 'result'];
  const cells = rows.map((r) => [
    r.source,
    r.id ?? '-',
    r.questions === undefined ? '-' : String(r.questions),
    r.words === undefined ? '-' : String(r.words),
    r.result,
  ]);
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, owner: { type: 'string' }, 'base-url': { type: 'string' } },
  });
  if (positionals.length !== 1) {
    process.stderr.write(
      'usage: npm run kb:import -- PATH [--out DIR] [--owner TEAM] [--base-url https://www.council.example]\n  PATH: a folder of saved pages, a sitemap.xml with the pages saved next to it, or one saved page\n',
    );
    process.exitCode = 2;
    return;
  }
  const { rows, summary, outDir } = runImport({ input: positionals[0], outDir: values.out, owner: values.owner, baseUrl: values['base-url'] });
  process.stdout.write(`${table(rows)}\n\n`);
  if (summary.drafts) {
    process.stdout.write(
      [
        `${summary.drafts} draft(s) written to ${path.relative(process.cwd(), outDir) || '.'}. They are not answered from until reviewed. For each one:`,
        '- check the facts with the service team, and cut the answer to 160 words or fewer (aim for 120), linking to the full page',
        '- rewrite the questions the way residents ask them (aim for 8 to 14), and check the title',
        '- set owner to the team that keeps it correct, add lgsl if you are sure of the code, check tags and links',
        '- set status: published, move the file into knowledge/articles/ and run npm run validate (it lists the drafts left)',
        '',
      ].join('\n'),
    );
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
