import { longestFirst } from './overlaps';
import { notInStreetName, notStreetAfter, streetSuffixes, theStreets } from './streetSuffixes';
import { ENTITY_TYPES, type Span } from './types';
import { BASE_LOCALE, numberWords, type AddressWords } from './numberWords';

/**
 * Streets, house numbers and flats.
 *
 * - `street`: name words + a street-type suffix, title-cased, abbreviated suffixes written out
 *   ("high st" -> "High Street", "st john's rd" -> "St John's Road"). Up to three name words,
 *   read backwards from the suffix until a function word or report word ("pothole on Station
 *   Road" -> "Station Road"). A street needs no number.
 * - `houseNumber`: the building's number on that street, as written, upper-cased ("12", "12A").
 *   "number 7 on Church Road" gives "7".
 * - `flat`: a flat, apartment or unit inside the building, reported on its own ("flat 3, 45 mill
 *   lane" -> flat "3", houseNumber "45", street "Mill Lane"), so an address lookup can use
 *   "45 Mill Lane" and a case can still record the flat. In "flat 3 Riverside Court" the 3 is
 *   the flat, and there is no houseNumber.
 */

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const NAME_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;
const HOUSE_NUMBER = /^\d{1,4}[a-z]?$/i;
const FLAT_ID = /^(?:\d{1,4}[a-z]?|[a-z])$/i;
/** A flat's word ("flat 3"), a house number's ("number 6 on Mill Lane") and the word before the street: numbers.yaml `address_words` (english_*). */
const addressWords = (): AddressWords => numberWords(BASE_LOCALE).addressWords;
const SPACE_ONLY = /^[ \t]+$/;
const SPACE_OR_ABBREVIATION_DOT = /^\.?[ \t]+$/;
const SPACE_OR_COMMA = /^[ \t]*,?[ \t]*$/;
const MAX_NAME_WORDS = 3;
const MAX_WORD_LENGTH = 40;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return tokens;
}

export const startsUpper = (word: string): boolean => /^\p{Lu}/u.test(word);

/** "mill" -> "Mill", "john's" -> "John's", "MILL" -> "Mill", "McDonald" stays. */
export function titleCase(word: string): string {
  const mixed = word !== word.toLowerCase() && word !== word.toUpperCase();
  if (mixed && startsUpper(word)) return word;
  return word.toLowerCase().replace(/(^|-)(\p{L})/gu, (_all, sep: string, first: string) => sep + first.toUpperCase());
}

/** The span of the words from..to of `text`, with its value. */
export function spanOf(text: string, type: string, from: { start: number }, to: { end: number }, value: string): Span {
  return { type, text: text.slice(from.start, to.end), value, start: from.start, end: to.end };
}

export function extractAddresses(text: string): Span[] {
  const tokens = tokenise(text);
  const gap = (i: number): string => text.slice(tokens[i]?.end ?? 0, tokens[i + 1]?.start ?? 0);
  const span = (type: string, from: Token, to: Token, value: string): Span => spanOf(text, type, from, to, value);
  const candidates: { street: Span; parts: Span[] }[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const suffixToken = tokens[i];
    const suffix = streetSuffixes().get(suffixToken.lower);
    if (!suffix) continue;
    const next = tokens[i + 1];
    if (next && SPACE_ONLY.test(gap(i)) && notStreetAfter().has(next.lower)) continue;

    // Name words, read backwards from the suffix.
    const capitalised = startsUpper(tokens[i - 1]?.text ?? '');
    let first = i;
    while (i - first < MAX_NAME_WORDS && first > 0) {
      const word = tokens[first - 1];
      const joined = (word.lower === 'st' ? SPACE_OR_ABBREVIATION_DOT : SPACE_ONLY).test(gap(first - 1));
      if (!joined || !NAME_WORD.test(word.text) || word.text.length > MAX_WORD_LENGTH || notInStreetName().has(word.lower)) break;
      if (word.lower === 'st' && first === i) break; // "St" (Saint) starts a name, it is not the whole of one
      if (capitalised && !startsUpper(word.text)) break;
      first--;
    }

    let nameWords = tokens.slice(first, i);
    let theStreet = false;
    let numberIndex = first - 1;
    if (nameWords.length === 0) {
      // "12 The Avenue"
      const the = tokens[i - 1];
      if (the?.lower !== 'the' || !theStreets().has(suffixToken.lower) || !SPACE_ONLY.test(gap(i - 1))) continue;
      nameWords = [the];
      theStreet = true;
      first = i - 1;
      numberIndex = i - 2;
    }

    // House number: directly before the name ("12 High Street", "12, High Street"), or
    // "number 7 on Church Road".
    let numberToken: Token | undefined;
    const before = tokens[numberIndex];
    if (before && HOUSE_NUMBER.test(before.text) && SPACE_OR_COMMA.test(gap(numberIndex))) {
      numberToken = before;
    } else if (
      before &&
      addressWords().english_place.has(before.lower) &&
      SPACE_ONLY.test(gap(numberIndex)) &&
      HOUSE_NUMBER.test(tokens[numberIndex - 1]?.text ?? '') &&
      addressWords().english_number.has(tokens[numberIndex - 2]?.lower ?? '')
    ) {
      numberIndex -= 1;
      numberToken = tokens[numberIndex];
    }

    // Flat: "flat 3, 45 mill lane" or "flat 3 Riverside Court" (where the 3 is the flat).
    let flat: { word: Token; id: Token } | undefined;
    const flatIndex = numberToken ? numberIndex - 1 : first - 1;
    const flatId = tokens[flatIndex];
    const flatWord = tokens[flatIndex - 1];
    const numberFlatWord = tokens[numberIndex - 1];
    if (flatId && flatWord && FLAT_ID.test(flatId.text) && addressWords().english_flat.has(flatWord.lower) && SPACE_OR_COMMA.test(gap(flatIndex))) {
      flat = { word: flatWord, id: flatId };
    } else if (numberToken && numberFlatWord && addressWords().english_flat.has(numberFlatWord.lower)) {
      flat = { word: numberFlatWord, id: numberToken };
      numberToken = undefined;
    }

    const hasNumber = numberToken !== undefined || flat !== undefined;
    if (theStreet && !hasNumber) continue;
    if (suffix.strength === 'numbered' && !hasNumber) continue;
    if (suffix.strength === 'weak' && !hasNumber && !nameWords.every((w) => startsUpper(w.text))) continue;

    const value = [...nameWords.map((w) => (w.lower === 'st' ? 'St' : titleCase(w.text))), suffix.canonical].join(' ');
    const street = span(ENTITY_TYPES.street, nameWords[0], suffixToken, value);
    const parts = [street];
    if (numberToken) parts.push(span(ENTITY_TYPES.houseNumber, numberToken, numberToken, numberToken.text.toUpperCase()));
    if (flat) parts.push(span(ENTITY_TYPES.flat, flat.word, flat.id, flat.id.text.toUpperCase()));
    candidates.push({ street, parts });
  }

  // Where two readings overlap ("Church Hill" and "Church Hill Road"), the longer street wins.
  const kept = new Set(longestFirst(candidates.map((c) => c.street)));
  return candidates.filter((c) => kept.has(c.street)).flatMap((c) => c.parts);
}
