import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const RANGE = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

const schema = z.object({
  timeZone: z.string().min(1).default('Europe/London'),
  hours: z.record(z.enum(DAYS), z.string().regex(RANGE, 'must look like "09:00-17:00"')).default({}),
  bankHolidays: z.array(z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-25'), z.date()])).default([]),
  minutesPerPlace: z.number().positive().default(4),
  cannedReplies: z.array(z.string().min(1).max(1000)).default([]),
});

export interface ContactCentreSettings {
  timeZone: string;
  hours: Partial<Record<(typeof DAYS)[number], string>>;
  bankHolidays: string[];
  minutesPerPlace: number;
  cannedReplies: string[];
}

export class ContactCentreConfigError extends Error {}

export function loadContactCentre(file: string): ContactCentreSettings {
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContactCentreConfigError(`Could not read the contact-centre settings ${file}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ContactCentreConfigError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: parsed.data.timeZone });
  } catch {
    throw new ContactCentreConfigError(`${file}: timeZone: unknown time zone "${parsed.data.timeZone}"`);
  }
  return {
    ...parsed.data,
    bankHolidays: parsed.data.bankHolidays.map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
  };
}

/** Opening hours in the council's time zone, bank holidays closed. */
export class ContactCentreHours {
  constructor(
    readonly settings: ContactCentreSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  isOpen(at: Date = this.now()): boolean {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: this.settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'long', hourCycle: 'h23' })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
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
