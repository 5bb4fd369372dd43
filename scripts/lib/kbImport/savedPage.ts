import { parse, type HTMLElement } from 'node-html-parser';
import { HtmlToMarkdown, absoluteLink } from './htmlToMarkdown';

/** What one saved council web page holds, ready to become a draft article. */
export interface SavedPage {
  title: string;
  /** The page's summary (LocalGov Drupal summary field, or its meta description); may be empty. */
  summary: string;
  /** The main content as Markdown, without the site's header, navigation, footer and feedback forms. */
  body: string;
  /** The page's own address: its canonical link, else the address it was saved from. */
  url?: string;
  /** The title and the headings phrased as questions. */
  questions: string[];
  /** Only when the page states its LGSL code. */
  lgsl?: number;
  /** Breadcrumb trail between Home and the page, for tags. */
  breadcrumbs: string[];
}

/** Where the answer is, best first: LocalGov Drupal guide and service pages, then generic page structure. */
const BODY = [
  '.lgd-guide__content',
  '.localgov-services-page .field--name-body',
  '.field--name-body',
  '.localgov-services-page',
  '.node__content',
  'main article',
  'article',
  'main',
  '[role="main"]',
  '#main-content',
  '#content',
  'body',
];
const TITLE = ['.lgd-page-title-block h1', 'h1.page-title', 'main h1', 'article h1', 'h1'];
const SUMMARY = ['.field--name-localgov-services-summary', '.lgd-page-title-block__subheader', '.page-summary'];
/** Site chrome and page furniture that must never reach an answer. */
const CHROME = [
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '[class*="breadcrumb"]',
  '[class*="cookie"]',
  '[id*="cookie"]',
  '#sliding-popup',
  '[class*="feedback"]',
  '[class*="helpful"]',
  '[class*="related"]',
  '[class*="share-"]',
  '[class*="-share"]',
  '[class*="prev-next"]',
  '[class*="pager"]',
  '[class*="guide__nav"]',
  '[class*="guide-nav"]',
  '[class*="contents-list"]',
  '[class*="sidebar"]',
  '.visually-hidden',
  '.sr-only',
  '.skip-link',
  '[class*="page-title"]',
  '.lgd-guide__title',
  ...SUMMARY,
];
/** Headings that start a block of furniture rather than content. */
const FURNITURE_HEADING =
  /^(was this page (helpful|useful)|is this page useful|related (links|pages|content|information)|share this page|contents|on this page|in this (section|guide)|more in this section|tell us what you think)\??$/i;
const QUESTION_WORDS = /^(how|what|when|where|who|whom|whose|why|which|can|could|do|does|did|is|are|was|will|should|would|may|if|am)\b/i;

function text(el: HTMLElement | null | undefined): string {
  return (el?.text ?? '').replace(/\s+/g, ' ').trim();
}

function first(root: HTMLElement, selectors: string[]): HTMLElement | undefined {
  for (const s of selectors) {
    const found = root.querySelector(s);
    if (found && text(found)) return found;
  }
  return undefined;
}

function meta(root: HTMLElement, ...names: string[]): string {
  for (const n of names) {
    const value = root.querySelector(`meta[name="${n}"], meta[property="${n}"]`)?.getAttribute('content')?.trim();
    if (value) return value.replace(/\s+/g, ' ');
  }
  return '';
}

/** A heading phrased as a question, as residents would type it; undefined for other headings. */
export function headingQuestion(heading: string): string | undefined {
  const t = heading.replace(/\s+/g, ' ').trim();
  if (!t.endsWith('?') && !QUESTION_WORDS.test(t)) return undefined;
  return asQuestion(t);
}

function asQuestion(t: string): string {
  return t
    .replace(/[?.!:\s]+$/, '')
    .replace(QUESTION_WORDS, (w) => w.toLowerCase())
    .trim();
}

function removeFurniture(container: HTMLElement): void {
  for (const s of CHROME) for (const el of container.querySelectorAll(s)) el.remove();
  for (const h of container.querySelectorAll('h2, h3, h4, h5, h6')) {
    if (!FURNITURE_HEADING.test(text(h))) continue;
    const parent = h.parentNode;
    if (parent && parent !== container && parent.firstElementChild === h) {
      parent.remove();
      continue;
    }
    const level = Number(h.tagName[1]);
    let next = h.nextElementSibling;
    while (next && !(/^H[1-6]$/i.test(next.tagName) && Number(next.tagName[1]) <= level)) {
      const after = next.nextElementSibling;
      next.remove();
      next = after;
    }
    h.remove();
  }
}

function lgslOf(root: HTMLElement): number | undefined {
  const tagged = root.querySelectorAll('meta').find((m) => /lgsl/i.test(`${m.getAttribute('name') ?? ''} ${m.getAttribute('scheme') ?? ''}`));
  const fromMeta = tagged?.getAttribute('content')?.match(/^\s*(\d+)\s*$/)?.[1];
  const fromLink = root
    .querySelector('a[href*="id.esd.org.uk/service/"], link[href*="id.esd.org.uk/service/"]')
    ?.getAttribute('href')
    ?.match(/\/service\/(\d+)/)?.[1];
  const code = Number(fromMeta ?? fromLink);
  return Number.isInteger(code) && code > 0 ? code : undefined;
}

function pageUrl(root: HTMLElement, savedFrom: string | undefined): string | undefined {
  const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href') || meta(root, 'og:url');
  const resolved = absoluteLink(canonical || savedFrom, savedFrom ?? 'https://invalid.example/');
  if (!resolved || /^(mailto|tel):/i.test(resolved) || resolved.startsWith('https://invalid.example/')) return undefined;
  return resolved.replace(/^http:/i, 'https:').replace(/#.*$/, '');
}

/**
 * Reads a saved council web page (LocalGov Drupal markup first, any page with a `<main>`,
 * `<article>` or `<h1>` otherwise). `savedFrom` is the address it was saved from, when known.
 */
export function readSavedPage(html: string, savedFrom?: string): SavedPage {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  const url = pageUrl(root, savedFrom);

  const guideSection = text(root.querySelector('.lgd-guide__title'));
  const pageTitle = text(first(root, TITLE)) || meta(root, 'og:title') || text(root.querySelector('title')).split(/\s+[|–-]\s+/)[0];
  const title =
    guideSection && guideSection.toLowerCase() !== pageTitle.toLowerCase() && !/^overview$/i.test(guideSection)
      ? `${pageTitle}: ${guideSection.replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase())}`
      : pageTitle;
  const summary = text(first(root, SUMMARY)) || meta(root, 'description', 'og:description');
  const breadcrumbs = root
    .querySelectorAll('[class*="breadcrumb"] li, nav[aria-label="Breadcrumb"] li, nav[aria-label="breadcrumb"] li')
    .map((li) => text(li))
    .filter((t, i, all) => t && !/^home$/i.test(t) && t.toLowerCase() !== pageTitle.toLowerCase() && all.indexOf(t) === i);

  const container = first(root, BODY) ?? root;
  for (const h1 of container.querySelectorAll('h1')) h1.remove();
  removeFurniture(container);
  const headings = container.querySelectorAll('h2, h3').map((h) => text(h));
  let body = new HtmlToMarkdown(url ?? 'https://invalid.example/').convert(container);
  if (summary && !body.replace(/\s+/g, ' ').includes(summary)) body = body ? `${summary}\n\n${body}` : summary;

  const questions: string[] = [];
  const seen = new Set<string>();
  for (const q of [
    title && asQuestion(title.replace(': ', ' – ')),
    guideSection ? headingQuestion(guideSection) : undefined,
    ...headings.map(headingQuestion),
  ]) {
    const key = q
      ?.toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (!q || !key || seen.has(key)) continue;
    seen.add(key);
    questions.push(q);
  }
  return { title, summary, body, url, questions, lgsl: lgslOf(root), breadcrumbs };
}
