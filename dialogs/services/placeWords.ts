/**
 * Where a street problem is, in the resident's own words, cut from their first message: the
 * words around the street that say where on it ("in the lane behind 7 Church Lane", "on London
 * Road outside no 15 in the road", "Station Road near the school"), with the street written as
 * the council writes it. What the problem is, and how they feel about it, is left out.
 */

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HOUSE_NUMBER = /^\d{1,4}[a-z]?$/i;

/** Words that say where: they start a place phrase, or carry it on after the street. */
const WHERE = new Set([
  'on',
  'in',
  'at',
  'along',
  'near',
  'outside',
  'opposite',
  'behind',
  'beside',
  'by',
  'past',
  'off',
  'of',
  'from',
  'to',
  'down',
  'up',
  'round',
  'around',
  'across',
  'under',
  'over',
  'next',
  'just',
  'between',
  'towards',
  'junction',
  'corner',
  'top',
  'bottom',
  'end',
  'side',
  'front',
  'back',
  'far',
  'other',
  'nearly',
  'almost',
  'right',
  'directly',
]);
const ARTICLES = new Set(['the', 'a', 'an']);
const NUMBER_WORDS = new Set(['no', 'number', 'nr', 'num']);
/** Places a street problem is in, before the street: "in the lane behind…", "on the verge of…". */
const PLACE_NOUNS = new Set([
  'lane',
  'alley',
  'alleyway',
  'path',
  'footpath',
  'pavement',
  'verge',
  'entrance',
  'track',
  'passage',
  'gate',
  'bridge',
  'layby',
  'roundabout',
]);
/** Words a landmark after "the" never is: "the road and…", "the corner it's…". */
const NOT_A_LANDMARK = new Set([
  'and',
  'or',
  'but',
  'it',
  'its',
  'is',
  'was',
  'are',
  'were',
  'this',
  'that',
  'like',
  'which',
  'who',
  'there',
  'theres',
  'keeps',
  'has',
  'have',
  'been',
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'me',
  'so',
  'then',
  'again',
  'please',
  'thanks',
  'too',
  'also',
  'as',
  'because',
  'cos',
  'with',
  'for',
  'since',
  'when',
  'where',
  'n',
  'if',
  'not',
  'im',
  'ive',
]);

/** A house number given as a place later in the message: "outside 14", "by number 12", "near no 3" (not "by 7 o'clock"). */
const LATER_NUMBER =
  /\b(?:(?:outside|opposite|behind|beside|near|next to|just past|past)\s+(?:(?:no\.?|number|nr)\s*)?|by\s+(?:no\.?|number|nr)\s*)\d{1,4}[a-z]?\b/i;

interface Token {
  lower: string;
  start: number;
  end: number;
}

/** Only spaces between two words of one phrase; a comma too when a new "where" phrase follows ("Windmill Road, near number 15"). */
function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (/^[ \t]+$/.test(gap) || gap === '-') return true;
  return /^[ \t]*,[ \t]*$/.test(gap) && (WHERE.has(b.lower) || NUMBER_WORDS.has(b.lower));
}

const isWhere = (t: Token | undefined): boolean => !!t && (WHERE.has(t.lower) || NUMBER_WORDS.has(t.lower) || HOUSE_NUMBER.test(t.lower));

/** The words around `start`..`end` (the street as typed) that say where, with `name` in place of the street. */
export function placeWords(text: string, start: number, end: number, name: string): string {
  const tokens: Token[] = [...text.matchAll(TOKEN)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const first = tokens.findIndex((t) => t.start >= start);
  const last = tokens.findLastIndex((t) => t.end <= end);
  if (first < 0 || last < first) return name;

  // Back from the street over words that say where ("in the lane behind 7"), starting at one.
  let from = first;
  while (from > 0 && joined(text, tokens[from - 1], tokens[from])) {
    const t = tokens[from - 1];
    if (isWhere(t) || ARTICLES.has(t.lower) || PLACE_NOUNS.has(t.lower)) {
      from--;
      continue;
    }
    // A landmark of one or two words after "the" and a word that says where: "outside the Co-op on High Street".
    const article = [from - 2, from - 3].find((j) => j > 0 && ARTICLES.has(tokens[j].lower) && isWhere(tokens[j - 1]));
    if (
      article === undefined ||
      tokens.slice(article + 1, from).some((w) => NOT_A_LANDMARK.has(w.lower)) ||
      !tokens.slice(article - 1, from).every((w, i, all) => i === 0 || joined(text, all[i - 1], w))
    )
      break;
    from = article - 1;
  }
  while (from < first && !isWhere(tokens[from])) from++;

  // On from the street: "outside no 15", "near the school", ", just past number 3".
  let to = last;
  for (let i = last + 1; i < tokens.length && joined(text, tokens[i - 1], tokens[i]); i++) {
    const t = tokens[i];
    if (isWhere(t)) {
      to = i;
      continue;
    }
    if (!ARTICLES.has(t.lower)) break;
    // "the school", "the post office": up to two words after the article.
    let j = i + 1;
    while (
      j < tokens.length &&
      j <= i + 2 &&
      /^[ \t]+$/.test(text.slice(tokens[j - 1].end, tokens[j].start)) &&
      !NOT_A_LANDMARK.has(tokens[j].lower) &&
      !isWhere(tokens[j])
    )
      j++;
    if (j === i + 1) break;
    to = j - 1;
    i = j - 1;
  }
  while (to > last && (WHERE.has(tokens[to].lower) || NUMBER_WORDS.has(tokens[to].lower) || ARTICLES.has(tokens[to].lower))) to--;

  // "on School Lane, there's a pile by number 12": a house number said later in the message.
  let later = '';
  if (!tokens.slice(from, to + 1).some((t) => HOUSE_NUMBER.test(t.lower))) {
    const m = LATER_NUMBER.exec(text.slice(tokens[to].end));
    if (m) later = `, ${m[0]}`;
  }
  // Shouted words around the street ("ON HILL RISE") are written in lower case.
  const quiet = (s: string) => (/\p{Ll}/u.test(s) ? s : s.toLowerCase());
  const words = `${quiet(text.slice(tokens[from].start, start))}${name}${quiet(text.slice(end, tokens[to].end))}${quiet(later)}`.replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
