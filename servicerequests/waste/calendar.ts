/** Calendar dates ("YYYY-MM-DD") in the council's time zone, and the arithmetic rounds need. */
export const COUNCIL_TIME_ZONE = 'Europe/London';

// Formatters are made once: building an Intl.DateTimeFormat (locale and time-zone data) costs far more than
// formatting with one, and a message asked for the council's date two or three times was about 5 % of a turn's CPU.
const COUNCIL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: COUNCIL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const COUNCIL_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: COUNCIL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const SPOKEN = new Map<string, Intl.DateTimeFormat>();

export function councilDate(now: Date): string {
  return COUNCIL_DATE.format(now);
}

/** "HH:MM" on the council's clock. */
export function councilTime(now: Date): string {
  return COUNCIL_TIME.format(now);
}

export function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return toUtc(date).getUTCDay();
}

/** The Monday of the date's week. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/**
 * "Monday 30 November" (with the year when it is not this year's), in the words of `locale` as the
 * runtime's Unicode data writes them ('cy-GB': "Dydd Llun, 30 Tachwedd").
 */
export function spokenDate(date: string, today?: string, locale = 'en-GB'): string {
  const sameYear = !today || today.slice(0, 4) === date.slice(0, 4);
  const key = `${locale} ${sameYear}`;
  let format = SPOKEN.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
    SPOKEN.set(key, format);
  }
  return format.format(toUtc(date));
}

/** Working days (Mon–Fri, not bank holidays) after `from` up to and including `to`. */
export function workingDaysAfter(from: string, to: string, holidays: Set<string>): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6 && !holidays.has(d)) n++;
  }
  return n;
}

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
