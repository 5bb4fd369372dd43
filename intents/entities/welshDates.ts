import { extractDates } from './dates';
import { longestFirst } from './overlaps';
import { ENTITY_TYPES, type Span } from './types';
import { foldWelsh } from './welshFold';

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
 */

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

/** Welsh weekday (radical, soft-mutated after "nos", abbreviated) -> English. */
const WEEKDAYS: Record<string, string> = {
  llun: 'monday',
  lun: 'monday',
  mawrth: 'tuesday',
  fawrth: 'tuesday',
  maw: 'tuesday',
  mercher: 'wednesday',
  fercher: 'wednesday',
  mer: 'wednesday',
  iau: 'thursday',
  gwener: 'friday',
  wener: 'friday',
  gwe: 'friday',
  sadwrn: 'saturday',
  sad: 'saturday',
  sul: 'sunday',
};

/** Welsh month (radical, soft-mutated after "o"/"fis", abbreviated) -> English. */
const MONTHS: Record<string, string> = {
  ionawr: 'january',
  ion: 'january',
  chwefror: 'february',
  chwef: 'february',
  mawrth: 'march',
  fawrth: 'march',
  maw: 'march',
  ebrill: 'april',
  ebr: 'april',
  mai: 'may',
  fai: 'may',
  mehefin: 'june',
  fehefin: 'june',
  meh: 'june',
  gorffennaf: 'july',
  orffennaf: 'july',
  gorff: 'july',
  orff: 'july',
  awst: 'august',
  medi: 'september',
  fedi: 'september',
  med: 'september',
  hydref: 'october',
  hyd: 'october',
  tachwedd: 'november',
  dachwedd: 'november',
  tach: 'november',
  rhagfyr: 'december',
  ragfyr: 'december',
  rhag: 'december',
};

/** "last" in its spoken and written forms, also soft-mutated after a feminine noun ("yr wythnos ddiwethaf"). */
const LAST = "d?diwethaf|d?diwetha|d?dwytha|d?dwetha|d?d'wetha";
const NEXT = 'nesaf|nesa';
const THIS = "yma|'ma|ma|hwn";

const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');
const DAY = alternation(Object.keys(WEEKDAYS));
const FULL_DAY = alternation(Object.keys(WEEKDAYS).filter((d) => d.length > 3 && d !== 'mawrth' && d !== 'fawrth'));
const MONTH = alternation(Object.keys(MONTHS));
/** Welsh ordinal endings: 1af, 2il, 3ydd, 4ydd, 5ed, 7fed, 11eg, 21ain. */
const ORDINAL = '(?:af|il|ail|ydd|edd|ed|fed|eg|ain)';
const BEFORE = '(?:(?:ar|ers|tan)\\s+)?';

/** "ar y 4ydd", "y 21ain": a day of the month alone, followed by the end, punctuation or a word that starts another part. */
const LONE_DAY_OF_MONTH_CY = `${BEFORE}y\\s+([0-3]?\\d)${ORDINAL}(?=\\s*(?:$|[.,!?;:)]|(?:a|ac|ond|pan|achos|oherwydd|felly|wedyn|plis|diolch|dw|mi|fe|ac)(?![\\p{L}\\p{N}])))`;

interface Rule {
  pattern: RegExp;
  /** The English words for what matched, or undefined when it is not a day after all. */
  english: (m: RegExpMatchArray, original: string) => string | undefined;
}

const modifier = (word: string | undefined): string =>
  word === undefined ? '' : new RegExp(`^(?:${LAST})$`).test(word) ? 'last ' : new RegExp(`^(?:${NEXT})$`).test(word) ? 'next ' : 'this ';

const rules: Rule[] = [
  // "3 Rhagfyr", "3ydd o Ragfyr", "dydd Llun 3 Rhagfyr 2025", "ar y 5ed o fis Mai"
  {
    pattern: new RegExp(
      `${L}${BEFORE}(?:(?:dydd|ddydd)\\s+(${DAY}),?\\s+)?(?:y\\s+)?(\\d{1,2})${ORDINAL}?\\s+(?:o\\s+)?(?:(?:fis|mis)\\s+)?(${MONTH})\\.?(?:,?\\s+(\\d{4}))?${R}`,
      'gu',
    ),
    english: (m) => {
      const day = m[1] ? `${WEEKDAYS[m[1]]} ` : '';
      return `${day}${m[2]} ${MONTHS[m[3]]}${m[4] ? ` ${m[4]}` : ''}`;
    },
  },
  // "dydd Llun", "ddydd Mawrth diwethaf", "nos Wener", "y dydd Sul nesaf", "ers dydd Iau"
  {
    pattern: new RegExp(`${L}${BEFORE}(?:y\\s+)?(?:dydd|ddydd|nos)\\s+(${DAY})\\.?(?:\\s+(${LAST}|${NEXT}|${THIS}))?${R}`, 'gu'),
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
      const afterMonthWord = /(?:^|\s)(?:f|m)is\s+$/.test(foldWelsh(original.slice(0, m.index ?? 0)));
      if (afterMonthWord) return undefined;
      const full = new RegExp(`^(?:${FULL_DAY})$`).test(day);
      if (!(alone || mod || before || (full && capitalised))) return undefined;
      return `${modifier(mod)}${WEEKDAYS[day]}`;
    },
  },
  // A day of the month said alone, "ar y 4ydd", "y 21ain.", when nothing after it makes it something else
  // ("y 4ydd llawr"): read as English "the 4th" (councilChrono: the nearest such date).
  { pattern: new RegExp(`${L}${LONE_DAY_OF_MONTH_CY}`, 'gu'), english: (m) => `the ${Number(m[1])}th` },
  { pattern: new RegExp(`${L}heddiw${R}`, 'gu'), english: () => 'today' },
  { pattern: new RegExp(`${L}d?doe${R}`, 'gu'), english: () => 'yesterday' },
  { pattern: new RegExp(`${L}echdoe${R}`, 'gu'), english: () => '2 days ago' },
  { pattern: new RegExp(`${L}y?fory${R}`, 'gu'), english: () => 'tomorrow' },
  { pattern: new RegExp(`${L}heno${R}`, 'gu'), english: () => 'tonight' },
  { pattern: new RegExp(`${L}neithiwr${R}`, 'gu'), english: () => 'last night' },
  { pattern: new RegExp(`${L}(?:y\\s+)?(?:bore|fore)\\s+(?:yma|'ma|ma|heddiw)${R}`, 'gu'), english: () => 'this morning' },
  { pattern: new RegExp(`${L}(?:y\\s+)?(?:prynhawn|pnawn|p'nawn)\\s+(?:yma|'ma|ma|heddiw)${R}`, 'gu'), english: () => 'this afternoon' },
  { pattern: new RegExp(`${L}(?:yr?\\s+)?wythnos\\s+(?:${LAST})${R}`, 'gu'), english: () => 'last week' },
  { pattern: new RegExp(`${L}(?:yr?\\s+)?wythnos\\s+(?:${NEXT})${R}`, 'gu'), english: () => 'next week' },
];

/**
 * Welsh days and dates in `text`, with the same shape and semantics as `extractDates`: value an
 * ISO date (YYYY-MM-DD) in London, `text`/`start`/`end` what the resident wrote.
 */
export function extractWelshDates(text: string, now: Date): Span[] {
  const folded = foldWelsh(text);
  const found: Span[] = [];
  for (const rule of rules) {
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

const LONE_DAY_OF_MONTH_CY_WHOLE = new RegExp(`^${LONE_DAY_OF_MONTH_CY}\\.?$`, 'u');

/** A day of the month said alone ("ar y 4ydd"): a report of the past moves a later one back a month, as for English. */
export function isLoneWelshDayOfMonth(text: string): boolean {
  return LONE_DAY_OF_MONTH_CY_WHOLE.test(foldWelsh(text.trim()));
}

const LONE = new RegExp(`^${BEFORE}(?:(?:y\\s+)?(?:dydd|ddydd|nos)\\s+)?(?:${DAY})\\.?$`, 'u');

/**
 * A weekday named on its own ("dydd Llun", "ar ddydd Gwener", "ers nos Fawrth", "Sul"): the
 * Welsh counterpart of the answer reader's lone weekday, which a report of the past reads as
 * the one just gone.
 */
export function isLoneWelshWeekday(text: string): boolean {
  return LONE.test(foldWelsh(text.trim()));
}
