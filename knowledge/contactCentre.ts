import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from '../intents/trainingData';
import { yamlSchemaProblems } from '../intents/yamlProblems';
import { DEFAULT_LOCALE } from './intentMessages';
import { overlayFile } from './localeContent';
import { HOURS_MESSAGES, type HoursWords } from './messageFiles';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const RANGE = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

const schema = z
  .object({
    timeZone: z.string().min(1).default('Europe/London'),
    hours: z.record(z.enum(DAYS), z.string().regex(RANGE, 'must look like "09:00-17:00"')).default({}),
    bankHolidays: z.array(z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-25'), z.date()])).default([]),
    minutesPerPlace: z.number().positive().default(4),
    cannedReplies: z.array(z.string().min(1).max(1000)).default([]),
  })
  .strict();

export interface ContactCentreSettings {
  timeZone: string;
  hours: Partial<Record<(typeof DAYS)[number], string>>;
  bankHolidays: string[];
  minutesPerPlace: number;
  cannedReplies: string[];
}

export class ContactCentreConfigError extends Error {}

/** The mistakes in a contact-centre settings file, with their lines (for `npm run validate`); none when it loads. */
export function contactCentreProblems(file: string): ContentProblem[] {
  return readContactCentre(file).problems;
}

export function loadContactCentre(file: string): ContactCentreSettings {
  const { settings, problems } = readContactCentre(file);
  if (!settings) throw new ContactCentreConfigError(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return settings;
}

/**
 * The canned replies staff may send a resident chatting in `locale`: for English, those of the
 * `settings` already read from `file`; for another language, the overlay's next to `file`
 * (knowledge/<locale>/contact-centre.yaml), and none when there is no overlay: never the English
 * ones to a resident writing in Welsh (`npm run validate` reports an overlay that is missing or
 * short of a reply).
 */
export function cannedRepliesIn(settings: ContactCentreSettings, file: string, locale: string): string[] {
  if (locale === DEFAULT_LOCALE) return settings.cannedReplies;
  const overlay = overlayFile(file, locale);
  if (!fs.existsSync(overlay)) return [];
  const replies = z.object({ cannedReplies: z.array(z.string().min(1).max(1000)).default([]) }).safeParse(parse(fs.readFileSync(overlay, 'utf8')) ?? {});
  if (!replies.success) throw new ContactCentreConfigError(`${overlay}: ${replies.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return replies.data.cannedReplies;
}

function readContactCentre(file: string): { settings?: ContactCentreSettings; problems: ContentProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { problems: [{ severity: 'error', file, message: `Could not read the contact-centre settings: ${(err as Error).message}` }] };
  }
  const { data, problems } = yamlSchemaProblems(file, text, schema);
  if (!data) return { problems };
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: data.timeZone });
  } catch {
    return { problems: [{ severity: 'error', file, message: `timeZone: unknown time zone "${data.timeZone}"` }] };
  }
  return { settings: { ...data, bankHolidays: data.bankHolidays.map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)) }, problems: [] };
}

const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A weekday's name in a language, as the runtime's Unicode data writes it ("Monday", "Dydd Llun"): 2024-01-01 was a Monday. */
function dayName(day: (typeof WEEK)[number], locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEK.indexOf(day))));
}

/** A message of hours.yaml with its {placeholders} filled. */
function say(words: HoursWords, id: keyof HoursWords, values: Record<string, string> = {}): string {
  return words[id].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** "09:00" → "9am", "16:30" → "4:30pm", "12:00" → "12 noon", "00:00" and "24:00" → "midnight" (in the words of hours.yaml). */
function clock(hhmm: string, words: HoursWords): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if ((h === 0 || h === 24) && m === 0) return say(words, 'midnight');
  if (h === 12 && m === 0) return say(words, 'noon');
  const hour = h % 12 === 0 ? 12 : h % 12;
  return say(words, h < 12 ? 'morning_time' : 'afternoon_time', { time: `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''}` });
}

/**
 * The opening hours in words, as residents read them ("Monday to Thursday, 9am to 5pm; Friday,
 * 9am to 4:30pm; closed on bank holidays"): the one place replies take the contact centre's hours from.
 * In `locale` (its days' names) with its words (knowledge/messages/<locale>/hours.yaml); English by default.
 */
export function describeHours(
  settings: Pick<ContactCentreSettings, 'hours' | 'bankHolidays'>,
  words: HoursWords = HOURS_MESSAGES.shipped(),
  locale: string = DEFAULT_LOCALE,
): string {
  const runs: Array<{ from: string; to: string; range: string }> = [];
  for (const day of WEEK) {
    const range = settings.hours[day];
    const last = runs.at(-1);
    const previous = WEEK[WEEK.indexOf(day) - 1];
    if (range && last && last.range === range && previous && last.to === previous) last.to = day;
    else if (range) runs.push({ from: day, to: day, range });
  }
  if (runs.length === 0) return say(words, 'no_hours');
  const parts = runs.map((r) => {
    const m = RANGE.exec(r.range)!;
    const name = (d: string) => dayName(d as (typeof WEEK)[number], locale);
    const days =
      r.from === 'monday' && r.to === 'sunday'
        ? say(words, 'every_day')
        : r.from === r.to
          ? name(r.from)
          : say(words, 'day_range', { from: name(r.from), to: name(r.to) });
    const times =
      r.range === '00:00-24:00'
        ? say(words, 'all_day')
        : say(words, 'time_range', { from: clock(`${m[1]}:${m[2]}`, words), to: clock(`${m[3]}:${m[4]}`, words) });
    return say(words, 'day_hours', { days, times });
  });
  return parts.join('; ') + (settings.bankHolidays.length ? `; ${say(words, 'closed_bank_holidays')}` : '');
}

/** Opening hours in the council's time zone, bank holidays closed. */
export class ContactCentreHours {
  /** The council's wall clock, made once (building a formatter costs far more than using one). */
  private readonly clock: Intl.DateTimeFormat;

  constructor(
    readonly settings: ContactCentreSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: settings.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'long',
      hourCycle: 'h23',
    });
  }

  isOpen(at: Date = this.now()): boolean {
    const parts = Object.fromEntries(this.clock.formatToParts(at).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    if (this.settings.bankHolidays.includes(date)) return false;
    const range = this.settings.hours[String(parts.weekday).toLowerCase() as (typeof DAYS)[number]];
    if (!range) return false;
    const m = RANGE.exec(range);
    if (!m) return false;
    const minutes = Number(parts.hour) * 60 + Number(parts.minute);
    const from = Number(m[1]) * 60 + Number(m[2]);
    const to = Number(m[3]) * 60 + Number(m[4]);
    return minutes >= from && minutes < to;
  }

  /** Rough wait for a place in the queue, in whole minutes (at least 1). */
  expectedWaitMinutes(position: number): number {
    return Math.max(1, Math.round(position * this.settings.minutesPerPlace));
  }
}
