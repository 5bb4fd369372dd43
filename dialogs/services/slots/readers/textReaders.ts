import { MAX_MESSAGE_CHARS } from '../../../messageLimits';
import type { Location } from '../../addressLookup';
import type { Vocabulary } from '../../../../knowledge/vocabulary';
import type { ServiceResponses } from '../../serviceResponses';
import { MAX_NAME_CHARS, MAX_NAME_WORDS, MAX_PLACE_TEXT, MAX_STRING, MAX_TEXT, MIN_PLACE_TEXT } from '../limits';
import { saysSkip, type Reading } from './reading';
import { namePrefix, type AnswerWords } from '../../answerWords';

/** A `string` or `text` attribute: the text as said ('' when an optional one is skipped). */
export function readText(text: string, datatype: 'string' | 'text', required: boolean, r: ServiceResponses, vocabulary: Vocabulary): Reading<string> {
  if (!required && saysSkip(text, r.buttons, vocabulary)) return { value: '' };
  const limit = datatype === 'text' ? MAX_TEXT : MAX_STRING;
  if (text.length >= MAX_MESSAGE_CHARS) return { problem: r.tooLong(MAX_MESSAGE_CHARS, text.length) };
  if (text.length > limit) return { problem: r.tooLong(limit, text.length) };
  if (!text && required) return { problem: r.required() };
  return { value: text };
}

/** The details: the text as said, or null when skipped. */
export function readDescription(text: string, r: ServiceResponses, vocabulary: Vocabulary): Reading<string | null> {
  if (saysSkip(text, r.buttons, vocabulary)) return { value: null };
  if (text.length >= MAX_MESSAGE_CHARS) return { problem: r.tooLong(MAX_MESSAGE_CHARS, text.length) };
  if (text.length > MAX_TEXT) return { problem: r.tooLong(MAX_TEXT, text.length) };
  return { value: text };
}

/**
 * "My name is Jo Bloggs": first names and the last word as the last name (one word: a first name only); the words before the
 * name are the vocabulary's `name_prefix`.
 */
export function readName(text: string, r: ServiceResponses, vocabulary: AnswerWords): Reading<{ first: string; last: string }> {
  const words = text.replace(namePrefix(vocabulary), '').trim().split(/\s+/).slice(0, MAX_NAME_WORDS);
  if (!words.length || text.length > MAX_NAME_CHARS) return { problem: r.askName() };
  return { value: { first: words.length > 1 ? words.slice(0, -1).join(' ') : words[0], last: words.length > 1 ? words.at(-1)! : '' } };
}

/** Where it is in the resident's own words (the address was not listed). */
export function readPlaceText(text: string, r: ServiceResponses): Reading<Location> {
  if (text.length < MIN_PLACE_TEXT) return { problem: r.locationTooShort() };
  if (text.length > MAX_PLACE_TEXT) return { problem: r.tooLong(MAX_PLACE_TEXT, text.length) };
  return { value: { kind: 'description', text } };
}
