import { parseNumber } from '../../answers';
import type { Vocabulary } from '../../../../knowledge/vocabulary';
import type { ServiceResponses } from '../../serviceResponses';
import { saysSkip, type Reading } from './reading';
import { BASE_LOCALE, numberWords } from '../../../../intents/entities/numberWords';

/** A number's limit from the config: `min` a number, or the code of a list whose chosen items the number must cover. */
export interface NumberLimit {
  min?: number | string;
  max?: number;
}

/** A limit made concrete by the answers so far: `chosen`, how many were chosen in the list `min` names. */
export interface NumberRange {
  min: number;
  max?: number;
  chosen?: number;
}

export function numberRange(limit: NumberLimit | undefined, answers: Record<string, string | string[]>): NumberRange | undefined {
  if (!limit) return undefined;
  const list = typeof limit.min === 'string' ? answers[limit.min] : undefined;
  const chosen = Array.isArray(list) ? list.length : undefined;
  return { min: typeof limit.min === 'number' ? limit.min : (chosen ?? 0), max: limit.max, ...(chosen !== undefined ? { chosen } : {}) };
}

/** A whole number within the range; any number not below zero when there is none. */
export function numberFits(n: number, range: NumberRange | undefined): boolean {
  if (!Number.isFinite(n) || n < 0) return false;
  if (!range) return true;
  return Number.isInteger(n) && n >= range.min && (range.max === undefined || n <= range.max);
}

/** A `number` attribute, as a string ("3", "three"); '' when an optional one is skipped. */
export function readNumber(
  text: string,
  required: boolean,
  hint: string,
  range: NumberRange | undefined,
  r: ServiceResponses,
  vocabulary: Vocabulary,
): Reading<string> {
  if (!required && saysSkip(text, r.buttons, vocabulary)) return { value: '' };
  const n = parseNumber(text);
  if (n === undefined || !Number.isFinite(n) || n < 0) return { problem: r.invalidNumber(hint) };
  if (range && !numberFits(n, range)) return { problem: r.numberOutOfRange(range.min, range.max, range.chosen) };
  return { value: String(n) };
}

/**
 * A measurement the question asks for, said in the message: "30cm wide" answers "About how wide is
 * it, in centimetres?" (the unit named in the question, then one of the question's own words right
 * after it). Anything less certain is asked.
 */
export function measureIn(text: string, question: string): number | undefined {
  const q = question.toLowerCase();
  // The units and their words are numbers.yaml `question_units` (English, read in every language), tried in the file's order.
  const units = numberWords(BASE_LOCALE).questionUnits;
  const unit = [...units.keys()].find((u) => q.includes(u));
  if (!unit) return undefined;
  const unitWords = units.get(unit)!;
  const words = new Set(q.split(/[^a-z]+/).filter((w) => w.length >= 4 && w !== unit));
  for (const m of text.toLowerCase().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s+(?:[a-z]+\s+)?([a-z]+)/g)) {
    if (unitWords.has(m[2]) && (words.has(m[3]) || words.has(m[0].split(/\s+/).at(-2) ?? ''))) return Number(m[1]);
  }
  return undefined;
}
