import { londonWallClock } from './dates';
import { ENTITY_TYPES, type Span } from './types';

/**
 * Days and dates in Welsh, as the English extractor reads them with chrono (intents/entities/dates.ts),
 * given as an ISO date (YYYY-MM-DD) in London relative to `now`. Written for this project: chrono has
 * no Welsh parser, and residents write a handful of forms, all handled here:
 * - heddiw, bore 'ma, heno (today), ddoe, neithiwr (yesterday), echdoe (the day before), yfory, fory, drennydd;
 * - a weekday with dydd/ddydd or nos ("dydd Llun", "ddydd Mawrth", "nos Wener"): the nearest one, as
 *   chrono reads "on Monday"; with diwethaf/dwetha the last one before today, with nesaf/nesa the next
 *   after it, with "wythnos diwethaf" that day of last week;
 * - "wythnos diwethaf" alone: seven days ago;
 * - "3 Rhagfyr", "3ydd o Ragfyr 2026", "y 3ydd o fis Rhagfyr" (months also mutated after "o":
 *   Fawrth, Fai, Fehefin, Orffennaf, Fedi, Dachwedd, Ragfyr): without a year, the nearest such date;
 * - day-first numbers, "3/12/2026", "03-12-26", "3.12".
 */
export function extractWelshDates(text: string, now: Date): Span[] {
  const today = londonWallClock(now);
  const base = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const found: Span[] = [];
  const add = (m: RegExpExecArray, day: number | undefined) => {
    if (day === undefined) return;
    const at = m.index + (m[0].length - m[0].trimStart().length);
    const words = m[0].trim();
    if (found.some((f) => at < f.end && at + words.length > f.start)) return;
    found.push({ type: ENTITY_TYPES.date, text: words, value: new Date(day).toISOString().slice(0, 10), start: at, end: at + words.length });
  };
  const days = (n: number) => base + n * DAY;
  for (const m of matches(WEEKDAY, text)) {
    const target = weekdayOf(m[2]);
    const offset = (target - today.getDay() + 7) % 7;
    const when = (m[3] ?? '').toLowerCase().replace(/\s+/g, ' ');
    if (/wythnos/.test(when)) add(m, days(-((today.getDay() + 6) % 7) - 7 + ((target + 6) % 7)));
    else if (/^(diwethaf|dwetha|d'wetha|olaf)$/.test(when)) add(m, days(offset === 0 ? -7 : offset - 7));
    else if (/^(nesaf|nesa|nesa'|sy'n dod|syn dod)$/.test(when)) add(m, days(offset === 0 ? 7 : offset));
    else add(m, days(offset > 3 ? offset - 7 : offset));
  }
  for (const m of matches(RELATIVE, text)) add(m, days(RELATIVE_DAYS[m[1].toLowerCase().replace(/[’'\s]+/g, '')]));
  for (const m of matches(DAY_MONTH, text)) {
    const month = monthOf(m[2]);
    const day = Number(m[1]);
    add(m, m[3] ? checked(Number(m[3]), month, day) : nearest(today, month, day));
  }
  for (const m of matches(NUMERIC, text)) {
    const month = Number(m[2] ?? m[5]) - 1;
    const written = m[3] ?? m[6];
    const year = written ? (written.length === 2 ? 2000 + Number(written) : Number(written)) : undefined;
    add(m, year === undefined ? nearest(today, month, Number(m[1])) : checked(year, month, Number(m[1])));
  }
  return found.sort((a, b) => a.start - b.start);
}

const DAY = 86_400_000;

/** Welsh weekday names, Sunday first (as Date.getDay), with their soft-mutated forms after "nos". */
const WEEKDAYS: ReadonlyArray<readonly string[]> = [
  ['sul'],
  ['llun', 'lun'],
  ['mawrth', 'fawrth'],
  ['mercher', 'fercher'],
  ['iau'],
  ['gwener', 'wener'],
  ['sadwrn'],
];
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['ionawr'],
  ['chwefror'],
  ['mawrth', 'fawrth'],
  ['ebrill'],
  ['mai', 'fai'],
  ['mehefin', 'fehefin'],
  ['gorffennaf', 'orffennaf'],
  ['awst'],
  ['medi', 'fedi'],
  ['hydref'],
  ['tachwedd', 'dachwedd'],
  ['rhagfyr', 'ragfyr'],
];

const alternatives = (names: ReadonlyArray<readonly string[]>) => names.flat().join('|');
const WEEKDAY = new RegExp(
  `(?<![\\p{L}])((?:dd|d)ydd|nos)\\s+(${alternatives(WEEKDAYS)})(?:\\s+((?:yr\\s+)?wythnos\\s+(?:diwethaf|dwetha|d'wetha)|diwethaf|dwetha|d'wetha|olaf|nesaf|nesa'?|sy'?n\\s+dod))?(?![\\p{L}])`,
  'giu',
);
const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  heddiw: 0,
  borema: 0,
  heno: 0,
  ddoe: -1,
  neithiwr: -1,
  echdoe: -2,
  yfory: 1,
  fory: 1,
  drennydd: 2,
  wythnosdiwethaf: -7,
  wythnosdwetha: -7,
  yrwythnosdiwethaf: -7,
};
const RELATIVE = /(?<![\p{L}])(heddiw|bore\s*['’]?\s*ma|heno|ddoe|neithiwr|echdoe|yfory|fory|drennydd|(?:yr\s+)?wythnos\s+(?:diwethaf|dwetha))(?![\p{L}])/giu;
const ORDINAL = '(?:af|il|ydd|ed|fed|eg|ain|fed)?';
const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\d])(?:y\\s+)?(\\d{1,2})${ORDINAL}\\s+(?:o\\s+)?(?:fis\\s+)?(${alternatives(MONTHS)})(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])`,
  'giu',
);
/** Day-first: "3/12", "3/12/2026", "03-12-26", "3.12.2026" (a dot or a hyphen only with a year: "7.30" is a time). */
const NUMERIC = /(?<![\d/.-])(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{4}|\d{2}))?|([.-])(\d{1,2})\4(\d{4}|\d{2}))(?![\d/.-])/g;

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

const weekdayOf = (name: string) => WEEKDAYS.findIndex((forms) => forms.includes(name.toLowerCase()));
const monthOf = (name: string) => MONTHS.findIndex((forms) => forms.includes(name.toLowerCase()));

/** A real date (not the 31st of June), as milliseconds at UTC midnight. */
function checked(year: number, month: number, day: number): number | undefined {
  if (month < 0 || month > 11 || day < 1) return undefined;
  const at = Date.UTC(year, month, day);
  return new Date(at).getUTCMonth() === month ? at : undefined;
}

/** A day and month without a year: in this year, or the year before or after when that is nearer today. */
function nearest(today: Date, month: number, day: number): number | undefined {
  const base = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const options = [-1, 0, 1].map((y) => checked(today.getFullYear() + y, month, day)).filter((d): d is number => d !== undefined);
  return options.sort((a, b) => Math.abs(a - base) - Math.abs(b - base))[0];
}
