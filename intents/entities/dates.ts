import * as chronoEn from 'chrono-node/en';
import { ENTITY_TYPES, type Span } from './types';
import { BASE_LOCALE, numberWords } from './numberWords';
import { dateWords, required, type DateWords } from './dateWords';
import { escapeRegExp } from '../../platform/escapeRegExp';

export const COUNCIL_TIME_ZONE = 'Europe/London';

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: COUNCIL_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/**
 * The regexes of an English date made from the words of knowledge/messages/en-GB/dates.yaml (read in every language):
 * the words are content, the shape of each regex is here. Made again when the words are (a council's own, read at start).
 */
interface EnglishDatePatterns {
  /** Casual phrases that name today without a day ("this morning"), which chrono leaves unknown (`today_phrases`). */
  todayPhrase: RegExp;
  /** Lone words that are usually not days: "the sun", "I sat", "now". With "on"/"last"/"next" they pass (`not_alone`). */
  ambiguousAlone: RegExp;
  /**
   * Every word chrono needs to find a day in a message contains one of these (or a digit) (`hints`): weekdays and months
   * (also abbreviated), casual days ("today", "tonight", "tmrw", "yesterday", "this morning"), units ("a week ago", "in two
   * days", "last month") and times. A message without any of them cannot hold a date, so chrono (the costliest extractor)
   * is not asked.
   */
  mightHoldADate: RegExp;
  /**
   * A day of the month said alone, "the 4th", "on the 21st", "28th", when nothing after it makes it something else ("the
   * 4th floor", "my 3rd call"): the end of the message, punctuation, or a word that starts another part of the sentence
   * (`lone_day_followers`), or a run of kisses ("xx", a pattern rather than a word, so here).
   */
  loneOrdinalDay: RegExp;
}

/** Words as one alternation, longest first; a phrase's space stays one space, as it was written in the regexes. */
const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

let english: { words: DateWords; patterns: EnglishDatePatterns } | undefined;

/** The English date regexes, made from the date words the assistant reads now. */
export function englishDatePatterns(): EnglishDatePatterns {
  const words = dateWords(BASE_LOCALE);
  if (english?.words === words) return english.patterns;
  const part = <K extends keyof DateWords>(k: K) => required(words[k], k, BASE_LOCALE);
  const todayPhrases = part('today_phrases').map((p) =>
    p
      .split(' ')
      .map(escapeRegExp)
      .join(String.raw`\s+`),
  );
  const patterns = {
    todayPhrase: new RegExp(String.raw`\b(?:${[...todayPhrases].sort((a, b) => b.length - a.length).join('|')})\b`, 'i'),
    ambiguousAlone: new RegExp(`^(?:${alternation(part('not_alone'))})$`, 'i'),
    mightHoldADate: new RegExp(String.raw`\d|${alternation(Object.values(part('hints')).flat())}`, 'i'),
    loneOrdinalDay: new RegExp(
      String.raw`\b(?:on\s+)?(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)\b(?=\s*(?:$|[.,!?;:)]|(?:${alternation(part('lone_day_followers'))}|x+)\b))`,
      'i',
    ),
  };
  english = { words, patterns };
  return patterns;
}

/**
 * Yesterday and today as residents text them ("yday", "yest", "ystrday", "2day"), which chrono does not know: the
 * `texted_days` of knowledge/messages/en-GB/numbers.yaml, with the days before today each means.
 */
let textedDay: RegExp | undefined;
const texted = (): { pattern: RegExp; daysBefore: Readonly<Record<string, number>> } => {
  const daysBefore = numberWords(BASE_LOCALE).textedDays;
  textedDay ??= new RegExp(
    String.raw`\b(${Object.keys(daysBefore)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})\b`,
    'i',
  );
  return { pattern: textedDay, daysBefore };
};

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * chrono-node's en-GB parser with one parser more, for a day of the month said alone: chrono reads
 * "the 4th of December" but not "on the 4th", which residents say of a collection a few days ago.
 * Read as the nearest such date (this month, the last or the next: on the 6th, "the 4th" is two days
 * ago and "the 28th" the 28th of last month), as chrono reads a lone weekday; a report of something past
 * moves a later one back a month (pastDayOfMonth in dialogs/services/answers.ts).
 * Written here because chrono has no such parser; its own API for adding one is used.
 */
export const councilChrono = (() => {
  const chrono = chronoEn.GB.clone();
  chrono.parsers.push({
    pattern: () => englishDatePatterns().loneOrdinalDay,
    extract: (context, match) => {
      const day = Number(match[1]);
      if (day < 1 || day > 31) return null;
      const today = context.reference.getDateWithAdjustedTimezone();
      const y = today.getFullYear();
      const m = today.getMonth() + 1;
      const todayUtc = Date.UTC(y, m - 1, today.getDate());
      let best: { year: number; month: number; distance: number } | undefined;
      for (const shift of [-1, 0, 1]) {
        const month = ((m - 1 + shift + 12) % 12) + 1;
        const year = y + (m + shift < 1 ? -1 : m + shift > 12 ? 1 : 0);
        if (day > daysIn(year, month)) continue;
        // Ties (as far ahead as behind) go to the past.
        const distance = Math.abs(Date.UTC(year, month - 1, day) - todayUtc) + (shift > 0 ? 1 : 0);
        if (!best || distance < best.distance) best = { year, month, distance };
      }
      if (!best) return null;
      return context.createParsingComponents({ day, month: best.month, year: best.year });
    },
  });
  chrono.parsers.push({
    pattern: () => texted().pattern,
    extract: (context, match) => {
      const today = context.reference.getDateWithAdjustedTimezone();
      const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (texted().daysBefore[match[1].toLowerCase()] ?? 0));
      return context.createParsingComponents({ day: day.getDate(), month: day.getMonth() + 1, year: day.getFullYear() });
    },
  });
  return chrono;
})();

/** The whole of `text` is a day of the month ("the 28th", "on the 3rd."), as an answer to "which day?". */
export function isLoneDayOfMonth(text: string): boolean {
  return /^(?:on\s+)?(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)\.?$/i.test(text.trim());
}

/** The same day of an earlier month (one that has it): "the 30th" said on 2 March is 30 January. */
export function dayOfMonthBefore(date: string): string {
  let [year, month] = date.split('-').map(Number);
  const day = Number(date.slice(8, 10));
  do {
    month -= 1;
    if (month < 1) {
      month = 12;
      year -= 1;
    }
  } while (day > daysIn(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Process-local minus London wall-clock offset, per quarter hour (clocks only change on the quarter hour). */
let offsetCache: { bucket: number; offsetMs: number } | undefined;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * `now` as a Date whose local (process time zone) wall clock reads what a clock in London reads.
 * Chrono works in the process's local time; handing it London's wall clock and reading the
 * components back keeps "yesterday" right whatever time zone the server runs in.
 */
export function londonWallClock(now: Date): Date {
  const seconds = Math.floor(now.getTime() / 1000) * 1000;
  const bucket = Math.floor(seconds / QUARTER_HOUR_MS);
  // Intl's formatToParts is slow (tens of microseconds): work the offset out once per quarter hour.
  if (offsetCache?.bucket !== bucket) {
    const start = new Date(bucket * QUARTER_HOUR_MS);
    offsetCache = { bucket, offsetMs: londonWallClockExact(start).getTime() - start.getTime() };
  }
  const shifted = new Date(seconds + offsetCache.offsetMs);
  // Near a local clock change the shortcut may not hold; then read the clock exactly.
  return shifted.getTimezoneOffset() === new Date(bucket * QUARTER_HOUR_MS + offsetCache.offsetMs).getTimezoneOffset() ? shifted : londonWallClockExact(now);
}

function londonWallClockExact(now: Date): Date {
  const parts: Record<string, number> = {};
  for (const p of LONDON_PARTS.formatToParts(now)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return new Date(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Dates and days ("yesterday", "last Tuesday", "3rd Dec", "on monday", "this morning", "12/03/2024"),
 * read day-first (en-GB) relative to `now` and given as an ISO date (YYYY-MM-DD) in London.
 * `text` is what chrono matched (so "on last tuesday" keeps its "on"). Times alone ("at 7", "5pm",
 * "noon") and months alone ("in March") are not dates. A bare weekday is the nearest one,
 * as chrono reads it ("on monday" on a Wednesday is two days ago; "next friday" is the week after).
 */
export function extractDates(text: string, now: Date): Span[] {
  const { mightHoldADate, todayPhrase, ambiguousAlone } = englishDatePatterns();
  if (!mightHoldADate.test(text)) return [];
  const reference = londonWallClock(now);
  const found: Span[] = [];
  for (const r of councilChrono.parse(text, reference)) {
    const c = r.start;
    const namesADay = c.isCertain('day') || c.isCertain('weekday') || todayPhrase.test(r.text);
    if (!namesADay || ambiguousAlone.test(r.text.trim())) continue;
    const year = c.get('year');
    const month = c.get('month');
    const day = c.get('day');
    if (year === null || month === null || day === null) continue;
    found.push({
      type: ENTITY_TYPES.date,
      text: r.text,
      value: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
      start: r.index,
      end: r.index + r.text.length,
    });
  }
  return found;
}
