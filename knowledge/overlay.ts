import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../intents/trainingData';
import { parsedDocument } from '../platform/yamlDocuments';

/**
 * Which keys of a file that mixes settings and words are words, as key paths: `*` stands for any
 * key or list index, `**` for everything below. `words` must all have their translation; `optional`
 * may (a council's Welsh web pages, say); `lists` are lists of phrases residents type, replaced whole
 * by the translation's own list (the two lists need not be the same length) and optional.
 */
export interface OverlayWords {
  words: readonly string[];
  optional?: readonly string[];
  lists?: readonly string[];
}

type Path = ReadonlyArray<string | number>;

function matches(pattern: string, at: Path): boolean {
  const parts = pattern.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === '**') return true;
    if (i >= at.length) return false;
    if (parts[i] !== '*' && parts[i] !== String(at[i])) return false;
  }
  return parts.length === at.length;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every leaf of a value (a list of phrases counts as one leaf), with its path. */
function leaves(value: unknown, spec: OverlayWords, at: Path = []): Path[] {
  if (at.length && (spec.lists ?? []).some((p) => matches(p, at))) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, spec, [...at, i]));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, spec, [...at, k]));
  return [at];
}

function has(value: unknown, at: Path): boolean {
  let node = value;
  for (const key of at) {
    if (Array.isArray(node) && typeof key === 'number' && key < node.length) node = node[key];
    else if (isObject(node) && Object.hasOwn(node, String(key))) node = node[String(key)];
    else return false;
  }
  return true;
}

/** The English file's content with the translation's words over it: objects by key, lists by index, a list of phrases replaced whole. */
export function mergeOverlay(base: unknown, overlay: unknown, spec: OverlayWords, at: Path = []): unknown {
  if (overlay === undefined) return base;
  if (at.length && (spec.lists ?? []).some((p) => matches(p, at))) return overlay;
  if (Array.isArray(base) && Array.isArray(overlay)) return base.map((b, i) => mergeOverlay(b, overlay[i], spec, [...at, i]));
  if (isObject(base) && isObject(overlay)) return Object.fromEntries(Object.entries(base).map(([k, b]) => [k, mergeOverlay(b, overlay[k], spec, [...at, k])]));
  return overlay;
}

function readYaml(file: string): { value?: unknown; lineOf: (at: Path) => number | undefined; problems: ContentProblem[] } {
  // uniqueKeys is the yaml package's default: a key twice is an error.
  const { doc, lineCounter } = parsedDocument(fs.readFileSync(file, 'utf8'));
  const lineOf = (at: Path): number | undefined => {
    // The line of the key itself, else of the nearest key above it the file has.
    for (let n = at.length; n > 0; n--) {
      const parent = n > 1 ? (doc.getIn(at.slice(0, n - 1), true) as { items?: unknown[] } | undefined) : (doc.contents as { items?: unknown[] } | null);
      const key = at[n - 1];
      const items = parent?.items ?? [];
      const item =
        typeof key === 'number'
          ? (items[key] as { range?: number[] } | undefined)
          : (items.find((p) => (p as { key?: { value?: unknown } }).key?.value === key) as { key?: { range?: number[] } } | undefined)?.key;
      const offset = item?.range?.[0];
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return undefined;
  };
  if (doc.errors.length)
    return {
      lineOf,
      problems: doc.errors.map((e) => ({ severity: 'error' as const, file, line: e.linePos?.[0]?.line, message: e.message.split('\n')[0] })),
    };
  return { value: doc.toJS() as unknown, lineOf, problems: [] };
}

const show = (at: Path): string => at.join('.');

/**
 * The checks of a translation overlay (`knowledge/cy-GB/chat-page.yaml` over `knowledge/chat-page.yaml`):
 * every word of the English file has its translation (a missing one is an error, not a fallback),
 * and the overlay has no key the English file lacks nor any setting (those stay in the English file).
 * Each problem names the overlay and its line.
 */
export function overlayProblems(englishFile: string, overlayFile: string, spec: OverlayWords, language = 'Welsh'): ContentProblem[] {
  const englishName = path.relative(process.cwd(), englishFile);
  if (!fs.existsSync(overlayFile))
    return [{ severity: 'error', file: overlayFile, message: `the ${language} words of ${path.relative(process.cwd(), englishFile)} are missing` }];
  const english = readYaml(englishFile);
  const overlay = readYaml(overlayFile);
  if (english.value === undefined) return english.problems;
  if (overlay.value === undefined) return overlay.problems;
  const problems: ContentProblem[] = [];
  const isWord = (at: Path) => [...spec.words, ...(spec.optional ?? []), ...(spec.lists ?? [])].some((p) => matches(p, at));
  for (const at of leaves(english.value, spec)) {
    if (spec.words.some((p) => matches(p, at)) && !has(overlay.value, at))
      problems.push({
        severity: 'error',
        file: overlayFile,
        line: overlay.lineOf(at),
        message: `${show(at)}: missing (the ${language} for "${String(valueAt(english.value, at))}")`,
      });
  }
  for (const at of leaves(overlay.value ?? {}, spec)) {
    if (!at.length) continue;
    if (!has(english.value, at))
      problems.push({ severity: 'error', file: overlayFile, line: overlay.lineOf(at), message: `${show(at)}: not in ${englishName}` });
    else if (!isWord(at))
      problems.push({
        severity: 'error',
        file: overlayFile,
        line: overlay.lineOf(at),
        message: `${show(at)}: a setting, not words: leave it to ${englishName}`,
      });
    else if (typeof valueAt(overlay.value, at) === 'string' && !String(valueAt(overlay.value, at)).trim())
      problems.push({ severity: 'error', file: overlayFile, line: overlay.lineOf(at), message: `${show(at)}: empty` });
  }
  return problems;
}

function valueAt(value: unknown, at: Path): unknown {
  let node = value;
  for (const key of at) node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[String(key)] : undefined;
  return node;
}

/** Reads an English file with its translation's words over it (for a locale's loaders). */
export function readWithOverlay(englishFile: string, overlayFile: string, spec: OverlayWords): unknown {
  const english = readYaml(englishFile);
  if (english.value === undefined) throw new Error(`${englishFile}: ${english.problems.map((p) => p.message).join('; ')}`);
  if (!fs.existsSync(overlayFile)) return english.value;
  const overlay = readYaml(overlayFile);
  if (overlay.value === undefined) throw new Error(`${overlayFile}: ${overlay.problems.map((p) => p.message).join('; ')}`);
  return mergeOverlay(english.value, overlay.value, spec);
}
