import fs from 'node:fs';
import path from 'node:path';
import { Document, isCollection } from 'yaml';
import { loadArticles } from '../../../knowledge/articleLoader';
import type { SavedPage } from './savedPage';

export const DEFAULT_OWNER = 'Content team (to review)';
const MAX_ID = 60;

/** An article id from the page's address path (`/council-tax/pay` → `council-tax-pay`), or from its title for a home page. */
export function slugFor(url: string | undefined, title: string): string {
  const fromPath = url ? decodeURIComponent(new URL(url).pathname).replace(/\.html?$/i, '') : '';
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID)
      .replace(/-+$/, '');
  return slug(fromPath) || slug(title) || 'imported-page';
}

/** The draft article file: front matter in the order of knowledge/README.md, then the body. */
export function renderDraft(page: SavedPage & { url: string }, id: string, owner: string, today: string): string {
  const fields: Record<string, unknown> = { id, title: page.title, status: 'draft', questions: page.questions };
  if (page.lgsl) fields.lgsl = page.lgsl;
  Object.assign(fields, { url: page.url, lastReviewed: today, owner });
  const tags = page.breadcrumbs.map((b) => b.toLowerCase());
  if (tags.length) fields.tags = tags;
  const doc = new Document(fields);
  const tagNode = doc.get('tags', true);
  if (isCollection(tagNode)) tagNode.flow = true;
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${page.body}\n`;
}

export type DraftOutcome = { written: true; id: string; file: string; note?: string } | { written: false; reason: string };

/**
 * Writes drafts into `outDir`, never over an existing file: an id already used (by a published
 * article, a draft or a file in `outDir`) gets a -2, -3… suffix, and a page whose address
 * already has an article is skipped.
 */
export class DraftWriter {
  private readonly ids = new Set<string>();
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly outDir: string,
    articlesDir: string,
    private readonly owner: string,
    private readonly today: string,
  ) {
    for (const dir of new Set([articlesDir, outDir])) {
      for (const a of loadArticles(dir).articles) {
        this.ids.add(a.id);
        this.urls.set(normaliseUrl(a.url), path.relative(process.cwd(), a.file));
      }
      for (const sub of [dir, path.join(dir, 'drafts')]) {
        if (fs.existsSync(sub)) for (const f of fs.readdirSync(sub)) if (f.endsWith('.md')) this.ids.add(f.slice(0, -3));
      }
    }
  }

  write(page: SavedPage): DraftOutcome {
    if (!page.url) return { written: false, reason: 'no address: the page has no <link rel="canonical">; use a sitemap or --base-url' };
    if (!page.title) return { written: false, reason: 'no title (h1 or <title>) found' };
    if (!page.body) return { written: false, reason: 'no content found in the page' };
    const existing = this.urls.get(normaliseUrl(page.url));
    if (existing) return { written: false, reason: `already an article for ${page.url}: ${existing}` };
    const base = slugFor(page.url, page.title);
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    const file = path.join(this.outDir, `${id}.md`);
    fs.mkdirSync(this.outDir, { recursive: true });
    fs.writeFileSync(file, renderDraft({ ...page, url: page.url }, id, this.owner, this.today), { flag: 'wx' });
    this.ids.add(id);
    this.urls.set(normaliseUrl(page.url), path.relative(process.cwd(), file));
    return { written: true, id, file, note: id === base ? undefined : `id ${base} is taken` };
  }
}

function normaliseUrl(url: string): string {
  return url
    .replace(/^http:/i, 'https:')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}
