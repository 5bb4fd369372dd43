import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../platform/packageRoot';
import type { ContentProblem } from '../trainingData';
import { yamlSchemaProblems } from '../yamlProblems';
import { ENTITY_TYPES, type Span } from './types';
import { welshMutations } from './welshMutations';
import { escapeRegExp } from '../../platform/escapeRegExp';
import { parsedDocument, parsedYaml } from '../../platform/yamlDocuments';

/** Kind of bin (e.g. "recycling") -> the phrases residents use for it. */
export type BinTypeSynonyms = Readonly<Record<string, readonly string[]>>;

/** The table shipped with the assistant, next to this file's source. */
export const BIN_TYPES_FILE = path.join(packageRoot(__dirname), 'intents', 'entities', 'bin-types.yaml');

const fileSchema = z
  .object({
    binTypes: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'bin kinds are lower-case words, e.g. "recycling"'), z.array(z.string().trim().min(1)).min(1)),
  })
  .strict();

/** The mistakes in a bin-types file, each with its line (for `npm run validate` and start-up); none when it loads. */
export function binTypesProblems(file: string = BIN_TYPES_FILE): ContentProblem[] {
  const text = fs.readFileSync(file, 'utf8');
  const { data, problems } = yamlSchemaProblems(file, text, fileSchema);
  if (!data) return problems;
  const lines = phraseLines(text);
  return phraseProblems(data.binTypes).map((p) => ({ severity: 'error' as const, file, line: lines(p.kind, p.index), message: p.message }));
}

/**
 * The mistakes in a locale's bin-types file (e.g. cy-GB/bin-types.yaml): its own, and any phrase
 * it lists under another kind than the shipped table does (both tables apply to that locale), at
 * the phrase's line. A mistake in the shipped table is its own file's problem, not told again here.
 */
export function localeBinTypesProblems(localeFile: string, baseFile: string = BIN_TYPES_FILE): ContentProblem[] {
  const own = binTypesProblems(localeFile);
  if (own.length || binTypesProblems(baseFile).length) return own;
  const base = loadBinTypes(baseFile);
  const local = loadBinTypes(localeFile);
  const merged: Record<string, string[]> = {};
  for (const [kind, phrases] of Object.entries(base)) merged[kind] = [...phrases];
  const offset: Record<string, number> = Object.fromEntries(Object.entries(base).map(([kind, phrases]) => [kind, phrases.length]));
  for (const [kind, phrases] of Object.entries(local)) merged[kind] = [...(merged[kind] ?? []), ...phrases];
  const lines = phraseLines(fs.readFileSync(localeFile, 'utf8'));
  return phraseProblems(merged)
    .filter((p) => p.index >= (offset[p.kind] ?? 0))
    .map((p) => ({
      severity: 'error' as const,
      file: localeFile,
      line: lines(p.kind, p.index - (offset[p.kind] ?? 0)),
      message: `${p.message} (${path.basename(baseFile)} applies too)`,
    }));
}

/** The line of a phrase in a bin-types file's text: `binTypes.<kind>[index]`. */
function phraseLines(text: string): (kind: string, index: number) => number | undefined {
  const { doc, lineCounter } = parsedDocument(text);
  return (kind, index) => {
    const node = doc.getIn(['binTypes', kind, index], true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

/** Each phrase that is empty once folded, or listed under a second kind: the kind and index where it is found so. */
function phraseProblems(synonyms: BinTypeSynonyms): Array<{ kind: string; index: number; message: string }> {
  const owner = new Map<string, string>();
  const problems: Array<{ kind: string; index: number; message: string }> = [];
  for (const [kind, phrases] of Object.entries(synonyms)) {
    phrases.forEach((phrase, index) => {
      const key = foldPhrase(phrase);
      const previous = owner.get(key);
      if (key === '') problems.push({ kind, index, message: `${kind}: empty phrase` });
      else if (previous !== undefined && previous !== kind) problems.push({ kind, index, message: `"${key}" is listed under both ${previous} and ${kind}` });
      else owner.set(key, kind);
    });
  }
  return problems;
}

/** Throws (naming the phrase) when one phrase is listed under two kinds. */
export function validateBinTypes(synonyms: BinTypeSynonyms, source = 'bin types'): void {
  const first = phraseProblems(synonyms)[0];
  if (first) throw new Error(`${source}: ${first.message}`);
}

/** Reads and checks a bin-types YAML file; throws naming the file and line of each mistake. */
export function loadBinTypes(file: string = BIN_TYPES_FILE): BinTypeSynonyms {
  const problems = binTypesProblems(file);
  if (problems.length) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return fileSchema.parse(parsedYaml(fs.readFileSync(file, 'utf8'))).binTypes;
}

let shipped: BinTypeSynonyms | undefined;

/** The shipped table, read from disk once per process. */
export function defaultBinTypes(): BinTypeSynonyms {
  shipped ??= loadBinTypes();
  return shipped;
}

function foldPhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/**
 * "food caddy" -> /food[\s-]+cadd(?:y|ies)/, "blue bin" -> /blue[\s-]+bin(?:e?s)?/; "and" also matches "&".
 * A Welsh phrase (`mutated`) also matches with its first word mutated: "bin du" -> /(?:bin|fin|min)[\s-]+du(?:e?s)?/.
 */
function phrasePattern(phrase: string, mutated = false): string {
  const words = foldPhrase(phrase)
    .split(' ')
    .map((w, i) => (w === 'and' || w === '&' ? '(?:and|&)' : mutated && i === 0 ? `(?:${welshMutations(w).map(escapeRegExp).join('|')})` : escapeRegExp(w)));
  const last = words.pop() ?? '';
  const plural = /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}(?:y|ies)` : `${last}(?:e?s)?`;
  return [...words, plural].join('[\\s-]+');
}

/** "recycling centre", "garden waste site" are places, not bins. */
const NOT_A_BIN_AFTER = '(?![\\s-]+(?:centres?|centers?|sites?|points?|tips?)(?![\\p{L}\\p{N}]))';

/**
 * One table with every phrase of both: a locale's own words on top of the shipped ones (for
 * cy-GB, residents write "bin du" and "black bin" alike). Throws when a phrase is under two kinds.
 */
export function mergeBinTypes(base: BinTypeSynonyms, extra: BinTypeSynonyms): BinTypeSynonyms {
  const merged: Record<string, string[]> = {};
  for (const table of [base, extra]) for (const [kind, phrases] of Object.entries(table)) merged[kind] = [...(merged[kind] ?? []), ...phrases];
  validateBinTypes(merged, "bin types with the locale's");
  return merged;
}

/** A locale's own bin words (e.g. intents/entities/cy-GB/bin-types.yaml), in the shipped file's format. */
export function localeBinTypesFile(locale: string): string {
  return path.join(path.dirname(BIN_TYPES_FILE), locale, 'bin-types.yaml');
}

/** Finds bin phrases; compiled once from a synonym table. */
export class BinTypeMatcher {
  private readonly pattern: RegExp | undefined;
  private readonly kinds: string[] = [];

  /**
   * `welsh`: more phrases (a Welsh synonym table) matched also with their first word mutated
   * ("fy min du", "ei gadi bwyd"); they join `synonyms`, and no phrase may be under two kinds.
   */
  constructor(synonyms: BinTypeSynonyms, welsh: BinTypeSynonyms = {}) {
    validateBinTypes(Object.keys(welsh).length ? mergeBinTypes(synonyms, welsh) : synonyms);
    const entries: { kind: string; phrase: string; mutated: boolean }[] = [];
    for (const [table, mutated] of [
      [synonyms, false],
      [welsh, true],
    ] as const)
      for (const [kind, phrases] of Object.entries(table)) for (const phrase of phrases) entries.push({ kind, phrase: foldPhrase(phrase), mutated });
    // Longest first, so "recycling box" wins over "recycling" and "food caddy" over "caddy".
    entries.sort((a, b) => b.phrase.length - a.phrase.length);
    const groups = entries.map((e) => {
      this.kinds.push(e.kind);
      return `(${phrasePattern(e.phrase, e.mutated)})`;
    });
    this.pattern = groups.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${groups.join('|')})(?![\\p{L}\\p{N}])${NOT_A_BIN_AFTER}`, 'giu');
  }

  extract(text: string): Span[] {
    if (!this.pattern) return [];
    const found: Span[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const kind = this.kinds[group - 1];
      if (kind !== undefined) found.push({ type: ENTITY_TYPES.binType, text: m[0], value: kind, start: m.index, end: m.index + m[0].length });
    }
    return found;
  }
}
