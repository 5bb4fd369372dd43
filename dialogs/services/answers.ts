import { BASE_LOCALE, numberWords } from '../../intents/entities/numberWords';
import { councilChrono, dayOfMonthBefore, isLoneDayOfMonth } from '../../intents/entities/dates';
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import { addDays, councilDate } from '../../servicerequests/waste/calendar';
import type { Vocabulary } from '../../knowledge/vocabulary';
import type { Entity } from '../../intents/recognizer';
import { isLoneWelshDayOfMonth, isLoneWelshWeekday } from '../../intents/entities/welshDates';
import { welshListPosition } from '../../intents/entities/welshOrdinals';
import { listPosition } from './addressLookup';
import { loneWeekday, openingEnds, type AnswerWords } from './answerWords';

/** Reading residents' answers: choices, numbers, dates, contact details. Pure functions. */
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A yes to "Shall I send it?" said the way people say it: the plain forms of the vocabulary's
 * `send_confirmed` (the whole message, with please/thanks/go ahead), or a message of only yes-words
 * and courtesies (`send_confirmed_words`) with at least one yes in it (`send_confirmed_needs`: "Thank you,
 * please send it", "ye send"). A qualified yes ("yes but change the address", "yes, no wait": a word of
 * `send_confirmed_not`) is not one: nothing is sent on a qualified yes. A yes that names sending (`send_named`) before
 * a comma or "and" (`send_named_ends`) is one whatever follows it.
 */
export function saysYes(text: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.send_confirmed.test(text)) return true;
  // "yes send it, and how do I claim for my tyre": a yes to sending said first, then something else (after , . ; ! ? or
  // the vocabulary's `send_named_ends`, as written: "AND" is not one).
  const first = text.split(new RegExp(`[,.;!?]\\s+|${vocabulary.send_named_ends.source}`))[0] ?? '';
  if (first !== text && vocabulary.send_named.test(first) && saysYes(first, vocabulary)) return true;
  const words = norm(text).split(' ').filter(Boolean);
  if (!words.length || words.length > 12) return false;
  if (words.some((w) => vocabulary.send_confirmed_not.test(w))) return false;
  const said = words.flatMap((w) => asYesWords(w, vocabulary));
  return said.every((w) => vocabulary.send_confirmed_words.test(w)) && said.some((w) => vocabulary.send_confirmed_needs.test(w));
}

/**
 * A word of a yes as it is typed: itself when the vocabulary has it, else with a letter held down said once ("yess",
 * "yeahhh", "pleasee" → "yes", "yeah", "please"), else two of its words run together ("thankyou", "okthanks": parts of two letters or more, one of four or more). A word
 * that is none of these stays as it is (and is not a yes-word). Hand-written: a few string operations on one word, where
 * a spelling library would also "correct" words that are no yes at all.
 */
function asYesWords(word: string, vocabulary: Vocabulary): string[] {
  const known = (w: string) => vocabulary.send_confirmed_words.test(w);
  if (known(word)) return [word];
  const once = word.replace(/(\p{L})\1+/gu, '$1');
  if (once !== word && known(once)) return [once];
  // Both parts of two letters or more and one of four or more: "thankyou", "okthanks", never "kit" (k + it) or "goon".
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const [a, b] = [word.slice(0, cut), word.slice(cut)];
    if (Math.max(a.length, b.length) >= 4 && known(a) && known(b)) return [a, b];
  }
  return [word];
}
/** Where a message may go on to something else: a sentence or clause break, or the vocabulary's `clause_joins` ("and", "also", "plus"). */
function nextClause(vocabulary: Vocabulary): RegExp {
  return new RegExp(`[,.;:!?]+\\s+|\\s+[-–—]+\\s+|${vocabulary.clause_joins.source}`, 'giu');
}

/** The text without the vocabulary's `rest_opens` at its start ("and also when is…" → "when is…"), each followed by a space or comma. */
function withoutOpeners(text: string, vocabulary: Vocabulary): string {
  let rest = text;
  for (;;) {
    const opener = vocabulary.rest_opens.exec(rest);
    const gap = opener && /^[,\s]+/.exec(rest.slice(opener[0].length));
    if (!opener || !gap) return rest;
    rest = rest.slice(opener[0].length + gap[0].length);
  }
}

/**
 * "send it. and I want to make a complaint", "yes go ahead, also when is my bin day": a yes to "Shall I
 * send it?" said first, then more. `yes` is the first clause (a yes on its own, {@link saysYes}); `rest`
 * is everything after it, without the "and"/"also" that joins it. Undefined when no first clause is a
 * yes, when the message is a yes as a whole ("yes please, thank you"), or when the rest qualifies the yes
 * ("yes but change the address"), or when the yes only takes in what was said (`acknowledges`: "ok, what about the grey
 * bin?") and the rest is a question. Whether the rest is another need is for the caller to decide.
 */
export function yesThenMore(text: string, vocabulary: Vocabulary): { yes: string; rest: string } | undefined {
  // The longest run of clauses from the start that are each a yes ("Yes, send it, and…").
  let end = 0;
  let from = 0;
  for (const m of text.matchAll(nextClause(vocabulary))) {
    if (!saysYes(text.slice(from, m.index), vocabulary)) break;
    end = m.index;
    from = m.index + m[0].length;
  }
  if (!end) return undefined;
  // Without the words that join it ("and also"); "yes, but…", "yes. wait…", "send it, no actually…" (`qualifies`) are about the same request.
  const rest = withoutOpeners(text.slice(from), vocabulary).trim();
  if (!rest || saysYes(rest, vocabulary) || vocabulary.qualifies.test(rest)) return undefined;
  const yes = text.slice(0, end).trim();
  // "ok, what about the grey bin, when is that due?": an ok that takes in the summary, then a question, sends nothing.
  if (vocabulary.acknowledges.test(yes) && (vocabulary.own_question.test(rest) || /\?\s*$/.test(rest))) return undefined;
  return { yes, rest };
}

/** Commas, full stops and exclamation marks read as spaces ("no, leave it", "oh. no thanks!"): how `not_sending` and `no_thanks` are read. */
const punctuationAsSpaces = (text: string) => text.replace(/[,.!]+/g, ' ');

/**
 * A no to "Shall I send it?" that means do not send ("nah leave it", "no don't bother", "actually no, leave it,
 * they've come back"): the vocabulary's `not_sending`. A bare "no" may mean "something's wrong": the choices are offered again.
 */
export function notSending(text: string, vocabulary: Vocabulary): boolean {
  return vocabulary.not_sending.test(punctuationAsSpaces(text));
}

/** "No thanks.", "no thank you", "dim diolch" and nothing else: the vocabulary's `no_thanks`. */
export function noThanksOnly(text: string, vocabulary: Vocabulary): boolean {
  return vocabulary.no_thanks.test(punctuationAsSpaces(text));
}

/**
 * At the summary, declining what it invites and nothing else: "no more information, no contact please", "nothing else",
 * "no updates thanks" (the vocabulary's `extras_declined_whole`, commas, full stops and exclamation marks read as spaces).
 * Not a no to sending: the summary is shown again, anonymous where that is allowed.
 */
export function declinesExtras(text: string, vocabulary: Vocabulary): boolean {
  return vocabulary.extras_declined_whole.test(punctuationAsSpaces(text));
}

/**
 * The same word misspelt: one letter wrong in a word of 5 to 8 letters, two from 9 ("flickerin",
 * "matress", "recyling"), with the same first letter; shorter words must be exact ("bag" is not "bed").
 */
export function similarWord(said: string, word: string): boolean {
  if (word.length < 5 || said.length < 4 || said[0] !== word[0] || /\d/.test(said) || /\d/.test(word)) return false;
  const allowed = word.length >= 9 ? 2 : 1;
  return Math.abs(said.length - word.length) <= allowed && LevenshteinDistance(said, word) <= allowed;
}

export interface Choice {
  key: string;
  name: string;
}

/**
 * The one choice the text means (by name, key, number in the list, or a unique partial match).
 * `vocabulary`: not knowing (`dont_know`) picks the one choice that says so; words that tell no choice from another
 * (`choice_filler`: "the grey one", "it was the blue bin") are left out of a partial match.
 */
export function matchChoice(text: string, choices: Choice[], vocabulary: Vocabulary): Choice | undefined {
  const t = norm(text);
  if (!t) return undefined;
  const exact = choices.find((c) => norm(c.name) === t || norm(c.key) === t);
  if (exact) return exact;
  if (/^\d{1,2}$/.test(t) && !choices.some((c) => /^\d/.test(c.name))) return choices[Number(t) - 1];
  // "The first one. Somebody will trip on it.", "the second one, it's blocking the path": a place in the list, said first.
  // The opening part ends at a full stop, comma and the like, or at a word of the vocabulary's `opening_ends` ("because").
  const opening = text.trim().split(openingEnds(vocabulary))[0] ?? '';
  const position = listPosition(opening, choices.length, vocabulary) ?? welshListPosition(opening, choices.length, vocabulary.choice_filler);
  if (position !== undefined) return choices[position];
  // "I don't know", "not sure" and the like pick a choice that says so ("Not sure"), and nothing else.
  if (vocabulary.dont_know.test(t)) {
    const unsure = choices.filter((c) => vocabulary.dont_know.test(norm(c.name)));
    return unsure.length === 1 ? unsure[0] : undefined;
  }
  // Whole words only: "yesterday" is not "yes", "I don't know" is not "no".
  const words = ` ${t} `;
  const first = t.split(' ')[0];
  const partial = choices.filter((c) => {
    const n = norm(c.name);
    return (
      words.includes(` ${n} `) ||
      ` ${n} `.includes(words) ||
      t.split(' ').includes(norm(c.key)) ||
      (!vocabulary.choice_filler.test(first) && n.split(' ')[0] === first)
    );
  });
  if (partial.length === 1) return partial[0];
  // "the grey one", "the green one": the words that say something all belong to one choice.
  const telling = t.split(' ').filter((w) => !vocabulary.choice_filler.test(w));
  const named = telling.length ? choices.filter((c) => telling.every((w) => norm(c.name).split(' ').includes(w))) : [];
  if (named.length === 1) return named[0];
  // Misspelt ("recyling", "flikering"): every telling word is one of a single choice's words, give or take a letter.
  const near = telling.length
    ? choices.filter((c) =>
        telling.every((w) =>
          norm(c.name)
            .split(' ')
            .some((n) => n === w || similarWord(w, n)),
        ),
      )
    : [];
  return near.length === 1 ? near[0] : undefined;
}

/**
 * The one choice an entity of the message names by key: the recognizer found a bin type
 * ("fy min du" -> general, by the locale's bin words) and the list has a choice with that key.
 * Undefined when none does, or the message names two ("y bin du a'r bin glas").
 */
export function matchChoiceByEntity(entities: readonly Entity[], choices: Choice[]): Choice | undefined {
  const keys = new Set(entities.map((e) => e.value.toLowerCase()));
  const hits = choices.filter((c) => keys.has(c.key.toLowerCase()));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Several choices in one message: "sofa, fridge and a mattress", each without a first word of the vocabulary's `choice_article` ("a", "some"). */
export function matchChoices(text: string, choices: Choice[], vocabulary: Vocabulary): { found: Choice[]; unknown: string[] } {
  const withoutArticle = (part: string): string => {
    const first = /^\s*(\S+)\s+/.exec(part);
    return first && vocabulary.choice_article.test(first[1]) ? part.slice(first[0].length) : part;
  };
  // Also at the vocabulary's `clause_joins` ("soffa a chadair", "bwrdd ac oergell"), which are then left out.
  const parts = text
    .split(/,|;|\band\b|\bplus\b|&|\n/i)
    .flatMap((p) => p.split(vocabulary.clause_joins))
    .map((p) => withoutArticle(withoutOpeners(p.trim(), vocabulary)).trim())
    .filter(Boolean);
  const found: Choice[] = [];
  const unknown: string[] = [];
  for (const p of parts) {
    const c = matchChoice(p, choices, vocabulary);
    if (c) {
      if (!found.includes(c)) found.push(c);
    } else unknown.push(p);
  }
  return { found, unknown };
}

export function parseNumber(text: string): number | undefined {
  const m = /-?\d+(?:\.\d+)?/.exec(text.replace(/,(?=\d{3})/g, ''));
  if (m) return Number(m[0]);
  // A number said in words ("five"): knowledge/messages/en-GB/numbers.yaml.
  const words = numberWords(BASE_LOCALE).numbers;
  const w = norm(text)
    .split(' ')
    .find((x) => x in words);
  return w ? words[w] : undefined;
}

/** A calendar date (YYYY-MM-DD, council time) from "yesterday", "Monday", "23/11/2026". */
export function parseDate(text: string, now: Date): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return text.trim().slice(0, 10);
  // British short forms that chrono does not know.
  const spelled = text.replace(/\bweds\b/gi, 'wednesday').replace(/\btues\b/gi, 'tuesday');
  const r = councilChrono.parse(spelled, { instant: now, timezone: 'Europe/London' });
  const s = r[0]?.start;
  if (!s) return undefined;
  const y = s.get('year');
  const m = s.get('month');
  const d = s.get('day');
  if (!y || !m || !d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * For something that has already happened (a missed collection): a weekday named on its own is
 * the one just gone. Chrono reads it as the nearest such day, which on a Wednesday makes
 * "Friday" the coming one; "next Friday", "this Friday" or a written date are left as they are.
 * A weekday on its own: the vocabulary's `weekday_before` if said, `weekday_start`, `weekday_end` if said ("on Fri").
 */
export function pastWeekday(date: string, text: string, todayDate: string, vocabulary: AnswerWords): string {
  // Welsh too ("dydd Gwener", "nos Fawrth"): no English text is one, so English reads as before.
  return date > todayDate && (loneWeekday(vocabulary).test(text.trim()) || isLoneWelshWeekday(text)) ? addDays(date, -7) : date;
}

/** For something that has already happened: a day of the month said alone ("the 28th", "ar y 28ain") still to come is last month's. */
export function pastDayOfMonth(date: string, text: string, todayDate: string): string {
  return date > todayDate && (isLoneDayOfMonth(text) || isLoneWelshDayOfMonth(text)) ? dayOfMonthBefore(date) : date;
}

export function today(now: Date): string {
  return councilDate(now);
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[a-z]{2,}$/i;

/** A UK phone number written as 0… (10–11 digits), or undefined. "+44 7700 900123" → "07700900123". */
export function ukPhone(text: string): string | undefined {
  const compact = text.replace(/[\s().-]/g, '');
  const national = compact.startsWith('+44') ? `0${compact.slice(3).replace(/^0/, '')}` : compact.startsWith('0044') ? `0${compact.slice(4)}` : compact;
  return /^0[1-9]\d{8,9}$/.test(national) ? national : undefined;
}

export function readContact(text: string): { email?: string; phone?: string } | undefined {
  const t = text.trim();
  const email = t
    .split(/\s+/)
    .find((w) => EMAIL.test(w.replace(/[.,]$/, '')))
    ?.replace(/[.,]$/, '');
  if (email) return { email };
  // The number wherever it is said, in any language's words around it ("my number is…", "fy rhif ffôn yw…", "Jo Bloggs, 07700…").
  const phone = [...t.matchAll(PHONE_SAID)].map((m) => ukPhone(m[0])).find(Boolean);
  return phone ? { phone } : undefined;
}
/** A run shaped like a UK phone number: +44, 0044 or 0, then 9 or 10 digits with spaces, dots, dashes or brackets between. */
const PHONE_SAID = /(?<![\p{L}\p{N}])(?:\+44|0044|\(?0)(?:[\s().-]{0,2}\d){9,10}(?!\p{N})/gu;
