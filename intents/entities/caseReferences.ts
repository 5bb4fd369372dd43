import { isValid as isPostcode } from 'postcode';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { escapeRegExp } from '../../platform/escapeRegExp';
import { packageRoot } from '../../platform/packageRoot';
import type { ContentProblem } from '../trainingData';
import { readYamlChecked, yamlSchemaProblems } from '../yamlProblems';
import { ENTITY_TYPES, type Span } from './types';

const B = '(?<![\\p{L}\\p{N}])'; // nothing word-like before
const E = '(?![\\p{L}\\p{N}])'; // nothing word-like after

/** "AT-123456", "CR-2024-00123", "CR/2024/00123": 2-4 letters, then digit groups. */
const PREFIXED = new RegExp(`${B}(?<!#)[a-z]{2,4}(?:[-/]\\d{2,12}){1,3}${E}`, 'giu');
/** "ABC12345": 2-4 letters glued to 5-10 digits (a National Insurance number has a letter after, so no match). */
const COMPACT = new RegExp(`${B}(?<!#)[a-z]{2,4}\\d{5,10}${E}`, 'giu');
/** "#12345", "# AT-123456". */
const HASH = new RegExp(`#[ \\t]?((?:[a-z]{1,4}-?)?\\d{4,12}(?:[-/]\\d{2,12}){0,3})${E}`, 'giu');
/** The words that name a case reference before it, by where they come (intents/entities/case-references.yaml): content, not code. */
export interface CaseReferenceWords {
  /** "ref", "reference", "case": the reference may follow directly. */
  word: readonly string[];
  /** "complaint", "report": a `number` word must follow. */
  of: readonly string[];
  /** "number", "no", "id". */
  number: readonly string[];
  /** "is", "was". */
  is: readonly string[];
}

/** The words shipped with the assistant, next to this file's source. */
export const CASE_REFERENCES_FILE = path.join(packageRoot(__dirname), 'intents', 'entities', 'case-references.yaml');

/** An entry: letters and digits, with spaces, full stops, hyphens or apostrophes between them ("ref", "case no."). */
const ENTRY = /^[\p{L}\p{N}]+(?:[ .'’-]+[\p{L}\p{N}]+)*\.?$/u;
const entries = z.array(z.string().trim().regex(ENTRY, 'must be a word or words (letters and digits), as written, not a pattern')).min(1);
const fileSchema = z.object({ word: entries, of: entries, number: entries, is: entries }).strict();

/** The mistakes in a case-references file, each with its line (for `npm run validate`); none when it loads. */
export function caseReferenceWordsProblems(file: string = CASE_REFERENCES_FILE): ContentProblem[] {
  return yamlSchemaProblems(file, fs.readFileSync(file, 'utf8'), fileSchema).problems;
}

/** Reads and checks a case-references file; throws naming the file and line of each mistake. */
export function loadCaseReferenceWords(file: string = CASE_REFERENCES_FILE): CaseReferenceWords {
  return readYamlChecked(file, fileSchema);
}

let shipped: CaseReferenceWords | undefined;

/** The shipped words, read from disk once per process. */
export function defaultCaseReferenceWords(): CaseReferenceWords {
  shipped ??= loadCaseReferenceWords();
  return shipped;
}

/** Each set of words' KEYWORD pattern, built once. */
const keywords = new WeakMap<CaseReferenceWords, RegExp>();

/**
 * "ref 123456", "reference number 4567890", "my ref is AB 12345", "case no. 12345",
 * "complaint reference: 998877". A `word` ("case", "ref"/"reference") may be followed by the reference directly; an `of`
 * word ("report", "complaint") needs a `number` word ("number"/"ref"/"id") after it ("report 12345 potholes" is not one).
 * The order and the reference's shape are here; the words are content.
 */
export function caseReferenceKeyword(words: CaseReferenceWords): RegExp {
  let re = keywords.get(words);
  if (!re) {
    const any = (list: readonly string[]): string => `(?:${list.map(escapeRegExp).join('|')})`;
    re = new RegExp(
      `${B}(?:${any(words.word)}\\.?(?:[ \\t]+${any(words.number)}\\b\\.?)?` +
        `|${any(words.of)}[ \\t]+${any(words.number)}\\b\\.?)` +
        `(?:[ \\t]+${any(words.is)})?[ \\t]*[:#]?[ \\t]*` +
        `((?:[a-z]{1,4}[- ]?)?\\d{4,12}(?:[-/]\\d{2,12}){0,3})${E}`,
      'giu',
    );
    keywords.set(words, re);
  }
  return re;
}

const PLAIN_YEAR = /^(?:19|20)\d{2}$/;
const DATE_SHAPE = /^(?:\d{1,4}[-/]\d{1,2}[-/]\d{1,4})$/;
const PHONE_SHAPE = /^(?:0\d{9,10}|44\d{9,10})$/;

/** Upper case, spaces removed. */
function normalise(ref: string): string {
  return ref.replace(/\s+/g, '').toUpperCase();
}

/** References that are really a year, a date, a phone number or a postcode. */
function looksLikeSomethingElse(value: string): boolean {
  const digits = value.replace(/[-/]/g, '');
  return PLAIN_YEAR.test(value) || DATE_SHAPE.test(value) || (/^\d+$/.test(digits) && PHONE_SHAPE.test(digits)) || isPostcode(value);
}

/**
 * Case references, value upper-cased without spaces ("ref ab 12345" -> "AB12345"), the words before one content (`words`, intents/entities/case-references.yaml). `text` and
 * the offsets cover the reference itself (with its "#", if any), not the words before it; the
 * value drops the "#" ("#12345" -> "12345").
 */
export function extractCaseReferences(text: string, words: CaseReferenceWords): Span[] {
  const found: Span[] = [];
  const push = (raw: string, start: number, value: string): void => {
    if (!looksLikeSomethingElse(value)) found.push({ type: ENTITY_TYPES.caseReference, text: raw, value, start, end: start + raw.length });
  };
  for (const m of text.matchAll(PREFIXED)) push(m[0], m.index, normalise(m[0]));
  for (const m of text.matchAll(COMPACT)) push(m[0], m.index, normalise(m[0]));
  for (const m of text.matchAll(HASH)) push(m[0], m.index, normalise(m[1] ?? ''));
  for (const m of text.matchAll(caseReferenceKeyword(words))) {
    const ref = m[1] ?? '';
    push(ref, m.index + m[0].length - ref.length, normalise(ref));
  }
  return found;
}
