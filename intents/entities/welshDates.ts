import { extractDates } from './dates';
import { longestFirst } from './overlaps';
import { ENTITY_TYPES, type Span } from './types';
import { foldWelsh } from './welshFold';
import { dateWords, required, type DateWords } from './dateWords';
import { escapeRegExp } from '../../platform/escapeRegExp';

/**
 * Days and dates written in Welsh ("dydd Llun", "ddoe", "3ydd o Ragfyr", "yr wythnos diwethaf").
 *
 * Written by hand because chrono-node has no Welsh parser (it ships en, de, fr, ja, pt, nl, zh,
 * ru, es, uk, it, sv) and no other maintained date library reads Welsh. Only the *reading* is
 * hand-written: each Welsh phrase found is put into the English words that mean the same
 * ("dydd Llun diwethaf" -> "last monday") and chrono works the day out through `extractDates`,
 * so the Welsh reader gives exactly the English semantics: London wall clock, a bare weekday is
 * the nearest one as chrono reads it (a dialog asking about the past moves a later one back a
 * week, see `isLoneWelshWeekday`), "diwethaf" is "last", "nesaf" is "next".
 *
 * Matching ignores case and accents and accepts the mutated forms residents write: "ddydd Llun",
 * "nos Fawrth", "o Ragfyr", "fis Mai". "Mawrth" is Tuesday after "dydd"/"nos" and March after a
 * number ("3 Mawrth"); bare "Mawrth" counts as Tuesday only where it cannot be March (with
 * "diwethaf"/"nesaf", after "ar"/"ers", or as the whole answer). Numeric dates ("12/03/2024")
 * are chrono's already and are not read here.
 *
 * The Welsh words (weekdays, months, "diwethaf", "bore", the endings of "3ydd"…) are content, in
 * knowledge/messages/cy-GB/dates.yaml; the order of a date, the small words "y", "yr" and "o" and the
 * English each reading is put into are here.
 */

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

const WELSH = 'cy-GB';

/** Words as one alternation, longest first (each is followed by the end of a word, so no shorter one hides a longer). */
const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');

/** The English each of `days` in knowledge/messages/cy-GB/dates.yaml is put into, for chrono. */
const DAY_ENGLISH = {
  today: 'today',
  yesterday: 'yesterday',
  day_before_yesterday: '2 days ago',
  tomorrow: 'tomorrow',
  tonight: 'tonight',
  last_night: 'last night',
} as const;
/** The English each of `parts_of_day` is put into. */
const PART_OF_DAY_ENGLISH = { this_morning: 'this morning', this_afternoon: 'this afternoon' } as const;

/** The Welsh reader made from knowledge/messages/cy-GB/dates.yaml: the words there, the order of a date here. */
interface WelshReader {
  rules: Rule[];
  /** A day of the month said alone, the whole of an answer. */
  loneDayOfMonth: RegExp;
  /** A weekday named on its own, the whole of an answer. */
  loneWeekday: RegExp;
}

interface Rule {
  pattern: RegExp;
  /** The English words for what matched, or undefined when it is not a day after all. */
  english: (m: RegExpMatchArray, original: string) => string | undefined;
}

let reader: { words: DateWords; reader: WelshReader } | undefined;

/** The Welsh reader for the Welsh date words the assistant reads now (made again when they change). */
function welshReader(): WelshReader {
  const words = dateWords(WELSH);
  if (reader?.words === words) return reader.reader;
  reader = { words, reader: makeReader(words) };
  return reader.reader;
}

function makeReader(words: DateWords): WelshReader {
  const part = <K extends keyof DateWords>(k: K) => required(words[k], k, WELSH);
  /** Welsh weekday (radical, soft-mutated after "nos", abbreviated) -> English. */
  const WEEKDAYS: Readonly<Record<string, string>> = part('weekdays');
  /** Welsh month (radical, soft-mutated after "o"/"fis", abbreviated) -> English. */
  const MONTHS: Readonly<Record<string, string>> = part('months');
  const re = (list: readonly string[]): string => alternation(list.map(escapeRegExp));
  /** "last" in its spoken and written forms, also soft-mutated after a feminine noun ("yr wythnos ddiwethaf"). */
  const LAST = re(part('last'));
  const NEXT = re(part('next'));
  const THIS = re(part('this'));
  const DAY_WORD = re(part('day'));
  const DAY_OR_NIGHT = re([...part('day'), ...part('night')]);
  const MONTH_WORD = re(part('month'));
  const WEEK = re(part('week'));
  const DAY = re(Object.keys(WEEKDAYS));
  // A weekday's full name (more than three letters) that is not also a month's ("Mawrth"): a weekday wherever it is capitalised.
  const FULL_DAY = re(Object.keys(WEEKDAYS).filter((d) => d.length > 3 && !Object.hasOwn(MONTHS, d)));
  const MONTH = re(Object.keys(MONTHS));
  /** Welsh ordinal endings: 1af, 2il, 3ydd, 4ydd, 5ed, 7fed, 11eg, 21ain. */
  const ORDINAL = `(?:${re(part('ordinal_endings'))})`;
  const BEFORE = `(?:(?:${re(part('before'))})\\s+)?`;
  /** "ar y 4ydd", "y 21ain": a day of the month alone, followed by the end, punctuation or a word that starts another part. */
  const LONE_DAY_OF_MONTH_CY = `${BEFORE}y\\s+([0-3]?\\d)${ORDINAL}(?=\\s*(?:$|[.,!?;:)]|(?:${re(part('lone_day_followers'))})(?![\\p{L}\\p{N}])))`;
  const lastWord = new RegExp(`^(?:${LAST})$`);
  const nextWord = new RegExp(`^(?:${NEXT})$`);
  const fullDay = new RegExp(`^(?:${FULL_DAY})$`);
  const afterMonthWordPattern = new RegExp(`(?:^|\\s)(?:${MONTH_WORD})\\s+$`);
  const modifier = (word: string | undefined): string => (word === undefined ? '' : lastWord.test(word) ? 'last ' : nextWord.test(word) ? 'next ' : 'this ');
  const days = part('days');
  const partsOfDay = part('parts_of_day');
  const PART_OF_DAY_THIS = re(part('parts_of_day_this'));

  const rules: Rule[] = [
    // "3 Rhagfyr", "3ydd o Ragfyr", "dydd Llun 3 Rhagfyr 2025", "ar y 5ed o fis Mai"
    {
      pattern: new RegExp(
        `${L}${BEFORE}(?:(?:${DAY_WORD})\\s+(${DAY}),?\\s+)?(?:y\\s+)?(\\d{1,2})${ORDINAL}?\\s+(?:o\\s+)?(?:(?:${MONTH_WORD})\\s+)?(${MONTH})\\.?(?:,?\\s+(\\d{4}))?${R}`,
        'gu',
      ),
      english: (m) => {
        const day = m[1] ? `${WEEKDAYS[m[1]]} ` : '';
        return `${day}${m[2]} ${MONTHS[m[3]]}${m[4] ? ` ${m[4]}` : ''}`;
      },
    },
    // "dydd Llun", "ddydd Mawrth diwethaf", "nos Wener", "y dydd Sul nesaf", "ers dydd Iau"
    {
      pattern: new RegExp(`${L}${BEFORE}(?:y\\s+)?(?:${DAY_OR_NIGHT})\\s+(${DAY})\\.?(?:\\s+(${LAST}|${NEXT}|${THIS}))?${R}`, 'gu'),
      english: (m) => `${modifier(m[2])}${WEEKDAYS[m[1]]}`,
    },
    // A weekday without "dydd": "Llun diwethaf", "ar Gwener", "ers Sadwrn", "Mercher", and any
    // weekday (even "Mawrth", "Llun" = "picture") as the whole answer to "which day?".
    {
      pattern: new RegExp(`${L}(${BEFORE})(${DAY})\\.?(?:\\s+(${LAST}|${NEXT}))?${R}`, 'gu'),
      english: (m, original) => {
        const [whole, before, day, mod] = m;
        const alone = original.trim().toLowerCase() === whole.toLowerCase() || foldWelsh(original.trim()) === whole;
        const start = (m.index ?? 0) + before.length;
        const capitalised = /^\p{Lu}/u.test(original.slice(start, start + 1));
        const afterMonthWord = afterMonthWordPattern.test(foldWelsh(original.slice(0, m.index ?? 0)));
        if (afterMonthWord) return undefined;
        const full = fullDay.test(day);
        if (!(alone || mod || before || (full && capitalised))) return undefined;
        return `${modifier(mod)}${WEEKDAYS[day]}`;
      },
    },
    // A day of the month said alone, "ar y 4ydd", "y 21ain.", when nothing after it makes it something else
    // ("y 4ydd llawr"): read as English "the 4th" (councilChrono: the nearest such date).
    { pattern: new RegExp(`${L}${LONE_DAY_OF_MONTH_CY}`, 'gu'), english: (m) => `the ${Number(m[1])}th` },
    ...(Object.keys(DAY_ENGLISH) as Array<keyof typeof DAY_ENGLISH>).map((d) => ({
      pattern: new RegExp(`${L}(?:${re(days[d])})${R}`, 'gu'),
      english: () => DAY_ENGLISH[d],
    })),
    ...(Object.keys(PART_OF_DAY_ENGLISH) as Array<keyof typeof PART_OF_DAY_ENGLISH>).map((p) => ({
      pattern: new RegExp(`${L}(?:y\\s+)?(?:${re(partsOfDay[p])})\\s+(?:${PART_OF_DAY_THIS})${R}`, 'gu'),
      english: () => PART_OF_DAY_ENGLISH[p],
    })),
    { pattern: new RegExp(`${L}(?:yr?\\s+)?(?:${WEEK})\\s+(?:${LAST})${R}`, 'gu'), english: () => 'last week' },
    { pattern: new RegExp(`${L}(?:yr?\\s+)?(?:${WEEK})\\s+(?:${NEXT})${R}`, 'gu'), english: () => 'next week' },
  ];
  return {
    rules,
    loneDayOfMonth: new RegExp(`^${LONE_DAY_OF_MONTH_CY}\\.?$`, 'u'),
    loneWeekday: new RegExp(`^${BEFORE}(?:(?:y\\s+)?(?:${DAY_OR_NIGHT})\\s+)?(?:${DAY})\\.?$`, 'u'),
  };
}

/** The regexes of the Welsh reader, in the order it tries them (for tests that hold them to the regexes they were). */
export function welshDatePatterns(): { rules: RegExp[]; loneDayOfMonth: RegExp; loneWeekday: RegExp } {
  const r = welshReader();
  return { rules: r.rules.map((rule) => rule.pattern), loneDayOfMonth: r.loneDayOfMonth, loneWeekday: r.loneWeekday };
}

/**
 * Welsh days and dates in `text`, with the same shape and semantics as `extractDates`: value an
 * ISO date (YYYY-MM-DD) in London, `text`/`start`/`end` what the resident wrote.
 */
export function extractWelshDates(text: string, now: Date): Span[] {
  const folded = foldWelsh(text);
  const found: Span[] = [];
  for (const rule of welshReader().rules) {
    for (const m of folded.matchAll(rule.pattern)) {
      const english = rule.english(m, text);
      if (english === undefined) continue;
      const dates = extractDates(english, now);
      if (dates.length !== 1) continue;
      const start = m.index;
      const end = start + m[0].length;
      found.push({ type: ENTITY_TYPES.date, text: text.slice(start, end), value: dates[0].value, start, end });
    }
  }
  return longestFirst(found);
}

/** The first Welsh date in an answer ("ddoe", "dydd Llun"), as YYYY-MM-DD: the Welsh counterpart of the answer reader's `parseDate`. */
export function parseWelshDate(text: string, now: Date): string | undefined {
  return extractWelshDates(text, now)[0]?.value;
}

/** A day of the month said alone ("ar y 4ydd"): a report of the past moves a later one back a month, as for English. */
export function isLoneWelshDayOfMonth(text: string): boolean {
  return welshReader().loneDayOfMonth.test(foldWelsh(text.trim()));
}

/**
 * A weekday named on its own ("dydd Llun", "ar ddydd Gwener", "ers nos Fawrth", "Sul"): the
 * Welsh counterpart of the answer reader's lone weekday, which a report of the past reads as
 * the one just gone.
 */
export function isLoneWelshWeekday(text: string): boolean {
  return welshReader().loneWeekday.test(foldWelsh(text.trim()));
}
