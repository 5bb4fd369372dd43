import { isValid as isPostcode } from 'postcode';
import { ENTITY_TYPES, type Span } from './types';

const B = '(?<![\\p{L}\\p{N}])'; // nothing word-like before
const E = '(?![\\p{L}\\p{N}])'; // nothing word-like after

/** "AT-123456", "CR-2024-00123", "CR/2024/00123": 2-4 letters, then digit groups. */
const PREFIXED = new RegExp(`${B}(?<!#)[a-z]{2,4}(?:[-/]\\d{2,12}){1,3}${E}`, 'giu');
/** "ABC12345": 2-4 letters glued to 5-10 digits (a National Insurance number has a letter after, so no match). */
const COMPACT = new RegExp(`${B}(?<!#)[a-z]{2,4}\\d{5,10}${E}`, 'giu');
/** "#12345", "# AT-123456". */
const HASH = new RegExp(`#[ \\t]?((?:[a-z]{1,4}-?)?\\d{4,12}(?:[-/]\\d{2,12}){0,3})${E}`, 'giu');
/**
 * "ref 123456", "reference number 4567890", "my ref is AB 12345", "case no. 12345",
 * "complaint reference: 998877". "case" and "ref"/"reference" may be followed by the reference
 * directly; other words need a "number"/"ref"/"id" after them ("report 12345 potholes" is not one).
 */
const KEYWORD = new RegExp(
  `${B}(?:(?:ref(?:erence)?|case)\\.?(?:[ \\t]+(?:no|num|number|id|ref|reference)\\b\\.?)?` +
    `|(?:enquiry|complaint|ticket|report|request|job|application)[ \\t]+(?:no|num|number|id|ref|reference)\\b\\.?)` +
    `(?:[ \\t]+(?:is|was))?[ \\t]*[:#]?[ \\t]*` +
    `((?:[a-z]{1,4}[- ]?)?\\d{4,12}(?:[-/]\\d{2,12}){0,3})${E}`,
  'giu',
);

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
 * Case references, value upper-cased without spaces ("ref ab 12345" -> "AB12345"). `text` and
 * the offsets cover the reference itself (with its "#", if any), not the words before it; the
 * value drops the "#" ("#12345" -> "12345").
 */
export function extractCaseReferences(text: string): Span[] {
  const found: Span[] = [];
  const push = (raw: string, start: number, value: string): void => {
    if (!looksLikeSomethingElse(value)) found.push({ type: ENTITY_TYPES.caseReference, text: raw, value, start, end: start + raw.length });
  };
  for (const m of text.matchAll(PREFIXED)) push(m[0], m.index, normalise(m[0]));
  for (const m of text.matchAll(COMPACT)) push(m[0], m.index, normalise(m[0]));
  for (const m of text.matchAll(HASH)) push(m[0], m.index, normalise(m[1] ?? ''));
  for (const m of text.matchAll(KEYWORD)) {
    const ref = m[1] ?? '';
    push(ref, m.index + m[0].length - ref.length, normalise(ref));
  }
  return found;
}
