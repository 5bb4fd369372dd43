import { spanOf, startsUpper, titleCase } from './addresses';
import { longestFirst } from './overlaps';
import { notInStreetName } from './streetSuffixes';
import { ENTITY_TYPES, type Span } from './types';
import { foldWelsh } from './welshFold';
import { BASE_LOCALE, numberWords, type AddressWords } from './numberWords';
import { welshArticles, welshNotInStreetName, welshStreetType } from './welshStreets';

/**
 * Welsh streets, house numbers and flats: the type word comes FIRST ("6 Heol y Castell", "Stryd
 * Fawr", "Rhodfa'r Môr", "yng Nghilgant y Dderwen"), so `extractAddresses` (which reads name
 * words backwards from an English suffix) cannot find them. Same entity types and values:
 *
 * - `street`: the type as the council writes it (radical, accented: "ar lon goed" -> "Lôn Goed",
 *   "ar Rodfa'r Môr" -> "Rhodfa'r Môr"), articles in lower case, name words title-cased as typed.
 *   Up to three name words after the type, until a function word, a day or a report word. A weak
 *   type (Maes, Cae, Llwyn, Clos…: also common words) needs capitals or a house number.
 * - `houseNumber`: "6 Heol y Castell", "rhif 6, Heol y Castell", "Heol y Castell, rhif 6"; and
 *   "rhif 12a", "tŷ rhif 4", "tŷ 4" on their own ("rhif" + a number is how Welsh says a house
 *   number; the English "number 6" is only read with a street).
 * - `flat`: "fflat 3, 45 Stryd Fawr" (also "flat", "uned").
 */

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const NAME_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;
const HOUSE_NUMBER = /^\d{1,4}[a-z]?$/i;
const FLAT_ID = /^(?:\d{1,4}[a-z]?|[a-z])$/i;
/** A flat's word ("fflat 3") and a house number's ("rhif 6", "tŷ rhif 4"): numbers.yaml `address_words` (welsh_*), read in every language. */
const addressWords = (): AddressWords => numberWords(BASE_LOCALE).addressWords;
const SPACE_ONLY = /^[ \t]+$/;
const SPACE_OR_COMMA = /^[ \t]*,?[ \t]*$/;
const MAX_NAME_WORDS = 3;
const MAX_WORD_LENGTH = 40;

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

export function extractWelshAddresses(text: string): Span[] {
  const folded = foldWelsh(text);
  const tokens: Token[] = [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    folded: folded.slice(m.index, m.index + m[0].length).replace(/’/g, "'"),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const gap = (i: number): string => text.slice(tokens[i]?.end ?? 0, tokens[i + 1]?.start ?? 0);
  const span = (type: string, from: Token, to: Token, value: string): Span => spanOf(text, type, from, to, value);
  const numberWord = (i: number): boolean => addressWords().welsh_number.has(tokens[i]?.folded ?? '');
  const streets: Span[] = [];
  const parts: Span[] = [];
  const numbered = new Set<number>();

  for (let i = 0; i < tokens.length; i++) {
    const typeToken = tokens[i];
    const type = welshStreetType(typeToken.folded);
    if (!type) continue;
    const joinedArticle = /'r$/.test(typeToken.folded);
    const capitalised = startsUpper(typeToken.text);

    // Name words, read forwards: "y Castell", "Fawr", "yr Orsaf", "Môr" (after "Rhodfa'r").
    const name: Token[] = [];
    let content = 0;
    for (let j = i + 1; j < tokens.length && content < MAX_NAME_WORDS; j++) {
      const word = tokens[j];
      if (!SPACE_ONLY.test(gap(j - 1)) || !NAME_WORD.test(word.text) || word.text.length > MAX_WORD_LENGTH) break;
      const article = welshArticles().has(word.folded) && !joinedArticle && name.length === 0;
      if (!article && (welshNotInStreetName().has(word.folded) || notInStreetName().has(word.folded))) break;
      if (!article && capitalised && !startsUpper(word.text)) break;
      name.push(word);
      if (!article) content++;
      // A lower-case name is read no further than two words ("heol y castell ddoe").
      if (!capitalised && content === 2) break;
    }
    while (name.length && welshArticles().has(name[name.length - 1].folded)) name.pop();
    if (content === 0 || name.length === 0) continue;

    // House number: before ("6 Heol y Castell", "rhif 6, Heol y Castell") or after with "rhif" ("Heol y Castell, rhif 6").
    let numberIndex: number | undefined;
    if (HOUSE_NUMBER.test(tokens[i - 1]?.text ?? '') && SPACE_OR_COMMA.test(gap(i - 1))) numberIndex = i - 1;
    const last = i + name.length;
    if (numberIndex === undefined && numberWord(last + 1) && HOUSE_NUMBER.test(tokens[last + 2]?.text ?? '') && SPACE_OR_COMMA.test(gap(last)))
      numberIndex = last + 2;
    if (type.strength === 'weak' && numberIndex === undefined && !(capitalised && name.every((w) => startsUpper(w.text) || welshArticles().has(w.folded))))
      continue;

    const apostrophe = joinedArticle ? "'r" : '';
    const value = [`${type.canonical}${apostrophe}`, ...name.map((w) => (welshArticles().has(w.folded) ? w.folded : titleCase(w.text)))].join(' ');
    streets.push(span(ENTITY_TYPES.street, typeToken, name[name.length - 1], value));
    if (numberIndex !== undefined) {
      const n = tokens[numberIndex];
      parts.push(span(ENTITY_TYPES.houseNumber, n, n, n.text.toUpperCase()));
      numbered.add(numberIndex);
      // Flat: "fflat 3, 45 Stryd Fawr".
      const flatId = tokens[numberIndex - 1];
      const flatWord = tokens[numberIndex - 2];
      if (
        numberIndex < i &&
        flatId &&
        flatWord &&
        FLAT_ID.test(flatId.text) &&
        addressWords().welsh_flat.has(flatWord.folded) &&
        SPACE_OR_COMMA.test(gap(numberIndex - 1))
      )
        parts.push(span(ENTITY_TYPES.flat, flatWord, flatId, flatId.text.toUpperCase()));
    }
  }

  // "rhif 6", "rhif 12a", "tŷ rhif 4", "tŷ 4" without a street.
  for (let i = 1; i < tokens.length; i++) {
    if (numbered.has(i) || !HOUSE_NUMBER.test(tokens[i].text) || !SPACE_ONLY.test(gap(i - 1))) continue;
    const word = tokens[i - 1].folded;
    if (word !== 'rhif' && word !== 'ty') continue;
    const from = word === 'rhif' && tokens[i - 2]?.folded === 'ty' && SPACE_ONLY.test(gap(i - 2)) ? tokens[i - 2] : tokens[i - 1];
    parts.push(span(ENTITY_TYPES.houseNumber, from, tokens[i], tokens[i].text.toUpperCase()));
  }

  const kept = new Set(longestFirst(streets));
  return [...streets.filter((s) => kept.has(s)), ...parts].sort((a, b) => a.start - b.start);
}
