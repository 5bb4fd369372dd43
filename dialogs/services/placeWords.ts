/**
 * Where a street problem is, in the resident's own words, cut from their first message: the
 * words around the street that say where on it ("in the lane behind 7 Church Lane", "on London
 * Road outside no 15 in the road", "Station Road near the school"), with the street written as
 * the council writes it. What the problem is, and how they feel about it, is left out.
 */

import type { Vocabulary } from '../../knowledge/vocabulary';

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HOUSE_NUMBER = /^\d{1,4}[a-z]?$/i;

/**
 * The vocabulary's words for a street problem's place (knowledge/messages/<locale>/vocabulary.yaml), each tested on one
 * word of the message in lower case: words that say where (`street_where`: "on", "outside", "behind"), "the" and "a"
 * (`street_article`), a house number's word (`street_number_cue`: "no", "number"), places before the street
 * (`street_place_noun`: "lane", "verge") and words a landmark after "the" never is (`street_not_landmark`: "and", "it").
 */
export type PlaceVocabulary = Pick<
  Vocabulary,
  | 'street_where'
  | 'street_article'
  | 'street_number_cue'
  | 'street_place_noun'
  | 'street_not_landmark'
  | 'later_number_where'
  | 'later_number_word'
  | 'later_number_by'
>;

/**
 * A house number given as a place later in the message: "outside 14", "by number 12", "near no 3" (not "by 7 o'clock"): the
 * vocabulary's `later_number_where` and a `later_number_word` if said, or `later_number_by` and a `later_number_word`.
 */
const laterNumbers = new WeakMap<PlaceVocabulary, RegExp>();
export function laterNumber(v: PlaceVocabulary): RegExp {
  let pattern = laterNumbers.get(v);
  if (!pattern) {
    const word = v.later_number_word.source;
    pattern = new RegExp(String.raw`\b(?:${v.later_number_where.source}\s+(?:${word}\s*)?|${v.later_number_by.source}\s+${word}\s*)\d{1,4}[a-z]?\b`, 'i');
    laterNumbers.set(v, pattern);
  }
  return pattern;
}

interface Token {
  lower: string;
  start: number;
  end: number;
}

/** The words around `start`..`end` (the street as typed) that say where, with `name` in place of the street. */
export function placeWords(text: string, start: number, end: number, name: string, vocabulary: PlaceVocabulary): string {
  const wordSet = (re: RegExp) => ({ has: (word: string) => re.test(word) });
  const [where, articles, numberWords, placeNouns, notLandmark] = [
    vocabulary.street_where,
    vocabulary.street_article,
    vocabulary.street_number_cue,
    vocabulary.street_place_noun,
    vocabulary.street_not_landmark,
  ].map(wordSet);
  /** Only spaces between two words of one phrase; a comma too when a new "where" phrase follows ("Windmill Road, near number 15"). */
  const joined = (a: Token, b: Token): boolean => {
    const gap = text.slice(a.end, b.start);
    if (/^[ \t]+$/.test(gap) || gap === '-') return true;
    return /^[ \t]*,[ \t]*$/.test(gap) && (where.has(b.lower) || numberWords.has(b.lower));
  };
  const isWhere = (t: Token | undefined): boolean => !!t && (where.has(t.lower) || numberWords.has(t.lower) || HOUSE_NUMBER.test(t.lower));

  const tokens: Token[] = [...text.matchAll(TOKEN)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const first = tokens.findIndex((t) => t.start >= start);
  const last = tokens.findLastIndex((t) => t.end <= end);
  if (first < 0 || last < first) return name;

  // Back from the street over words that say where ("in the lane behind 7"), starting at one.
  let from = first;
  while (from > 0 && joined(tokens[from - 1], tokens[from])) {
    const t = tokens[from - 1];
    if (isWhere(t) || articles.has(t.lower) || placeNouns.has(t.lower)) {
      from--;
      continue;
    }
    // A landmark of one or two words after "the" and a word that says where: "outside the Co-op on High Street".
    const article = [from - 2, from - 3].find((j) => j > 0 && articles.has(tokens[j].lower) && isWhere(tokens[j - 1]));
    if (
      article === undefined ||
      tokens.slice(article + 1, from).some((w) => notLandmark.has(w.lower)) ||
      !tokens.slice(article - 1, from).every((w, i, all) => i === 0 || joined(all[i - 1], w))
    )
      break;
    from = article - 1;
  }
  while (from < first && !isWhere(tokens[from])) from++;

  // On from the street: "outside no 15", "near the school", ", just past number 3".
  let to = last;
  for (let i = last + 1; i < tokens.length && joined(tokens[i - 1], tokens[i]); i++) {
    const t = tokens[i];
    if (isWhere(t)) {
      to = i;
      continue;
    }
    if (!articles.has(t.lower)) break;
    // "the school", "the post office": up to two words after the article.
    let j = i + 1;
    while (
      j < tokens.length &&
      j <= i + 2 &&
      /^[ \t]+$/.test(text.slice(tokens[j - 1].end, tokens[j].start)) &&
      !notLandmark.has(tokens[j].lower) &&
      !isWhere(tokens[j])
    )
      j++;
    if (j === i + 1) break;
    to = j - 1;
    i = j - 1;
  }
  while (to > last && (where.has(tokens[to].lower) || numberWords.has(tokens[to].lower) || articles.has(tokens[to].lower))) to--;

  // "on School Lane, there's a pile by number 12": a house number said later in the message.
  let later = '';
  if (!tokens.slice(from, to + 1).some((t) => HOUSE_NUMBER.test(t.lower))) {
    const m = laterNumber(vocabulary).exec(text.slice(tokens[to].end));
    if (m) later = `, ${m[0]}`;
  }
  // Shouted words around the street ("ON HILL RISE") are written in lower case.
  const quiet = (s: string) => (/\p{Ll}/u.test(s) ? s : s.toLowerCase());
  const words = `${quiet(text.slice(tokens[from].start, start))}${name}${quiet(text.slice(end, tokens[to].end))}${quiet(later)}`.replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
