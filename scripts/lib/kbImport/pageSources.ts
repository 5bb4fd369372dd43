import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';

/** One saved page to import: the file, and the address it was saved from when that is known. */
export interface SavedPageFile {
  file: string;
  savedFrom?: string;
}

export interface PageSources {
  pages: SavedPageFile[];
  /** Sitemap entries whose saved page was not found, with what was looked for. */
  missing: { source: string; message: string }[];
}

const HTML = /\.html?$/i;

function htmlFiles(dir: string): string[] {
  return (
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && HTML.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      // A browser's "Save page as… complete" keeps the page's assets (and embedded frames) in PAGE_files/.
      .filter(
        (f) =>
          !path
            .relative(dir, f)
            .split(path.sep)
            .slice(0, -1)
            .some((part) => part.endsWith('_files')),
      )
      .sort()
  );
}

/** The address a file in a saved folder came from: `--base-url` plus its path, or the host folder of a mirror (`www.council.example/…`). */
function addressOf(file: string, root: string, baseUrl: string | undefined): string | undefined {
  const parts = path.relative(root, file).split(path.sep);
  let base = baseUrl;
  if (!base && parts.length > 1 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(parts[0]) && !HTML.test(parts[0])) base = `https://${parts.shift()}`;
  if (!base) return undefined;
  const rest = parts
    .join('/')
    .replace(/(^|\/)index\.html?$/i, '')
    .replace(HTML, '');
  return new URL(rest, base.endsWith('/') ? base : `${base}/`).toString();
}

/** Where a page listed in a sitemap may have been saved, next to the sitemap (mirror layouts with or without the host folder). */
function candidates(loc: URL, dir: string): string[] {
  const p = decodeURIComponent(loc.pathname).replace(/^\/+|\/+$/g, '');
  const bases = [path.join(dir, loc.hostname), dir];
  return bases.flatMap((b) =>
    p ? [path.join(b, p), path.join(b, `${p}.html`), path.join(b, `${p}.htm`), path.join(b, p, 'index.html')] : [path.join(b, 'index.html')],
  );
}

function fromSitemap(sitemap: string, seen = new Set<string>()): PageSources {
  seen.add(path.resolve(sitemap));
  const dir = path.dirname(sitemap);
  const locs = parse(fs.readFileSync(sitemap, 'utf8'))
    .querySelectorAll('loc')
    .map((l) => l.text.trim())
    .filter(Boolean);
  const result: PageSources = { pages: [], missing: [] };
  for (const loc of locs) {
    if (/^https?:\/\//i.test(loc)) {
      const tried = candidates(new URL(loc), dir);
      const file = tried.find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (file && /\.xml$/i.test(file)) addSitemap(result, file, seen);
      else if (file) result.pages.push({ file, savedFrom: loc });
      else result.missing.push({ source: loc, message: `not saved: looked for ${tried.map((f) => path.relative(dir, f)).join(', ')}` });
      continue;
    }
    const file = loc.startsWith('file:') ? fileURLToPath(loc) : path.resolve(dir, loc);
    if (fs.existsSync(file) && /\.xml$/i.test(file)) addSitemap(result, file, seen);
    else if (fs.existsSync(file)) result.pages.push({ file });
    else result.missing.push({ source: loc, message: `not saved: ${file} does not exist` });
  }
  if (locs.length === 0) result.missing.push({ source: sitemap, message: 'the sitemap lists no pages (<loc> elements)' });
  return result;
}

/** A sitemap index lists other sitemaps: their pages are added (each sitemap read once). */
function addSitemap(result: PageSources, file: string, seen: Set<string>): void {
  if (seen.has(path.resolve(file))) return;
  const inner = fromSitemap(file, seen);
  result.pages.push(...inner.pages);
  result.missing.push(...inner.missing);
}

/**
 * The saved pages to import from `input`: a folder of saved HTML files (searched recursively),
 * a sitemap.xml whose `<loc>` entries are pages saved next to it (or relative file paths, or
 * further sitemaps, as in a sitemap index), or
 * one HTML file.
 */
export function findSavedPages(input: string, baseUrl?: string): PageSources {
  if (!fs.existsSync(input)) throw new Error(`${input} does not exist: give a folder of saved pages, a sitemap.xml or an HTML file`);
  const stat = fs.statSync(input);
  if (stat.isDirectory()) return { pages: htmlFiles(input).map((file) => ({ file, savedFrom: addressOf(file, input, baseUrl) })), missing: [] };
  if (/\.xml$/i.test(input)) return fromSitemap(input);
  if (HTML.test(input)) return { pages: [{ file: input, savedFrom: addressOf(input, path.dirname(input), baseUrl) }], missing: [] };
  throw new Error(`${input} is not a folder, a sitemap (.xml) or a saved page (.html)`);
}
