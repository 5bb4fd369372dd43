import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { addDays, daysBetween, mondayOf, WEEKDAYS, weekday } from './calendar';
import { loadWasteWords } from './wasteWords';
import { parsedYaml } from '../../platform/yamlDocuments';

const isoDate = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const service = z.object({ frequency: z.enum(['weekly', 'fortnightly']), first: isoDate });

const roundsSchema = z.object({
  collection_day_ends: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default('17:00'),
  containers: z.record(z.string(), z.string()),
  rounds: z.record(z.string(), z.object({ day: z.enum(WEEKDAYS) }).catchall(service)),
});
const holidaysSchema = z.object({
  /** The reason residents are told when the rule moved a collection: {holiday} is the holiday's name. */
  moved_reason: z.string().includes('{holiday}', { message: 'must say {holiday}' }),
  holidays: z.array(z.object({ date: isoDate, name: z.string() })).default([]),
  changes: z.array(z.object({ from: isoDate, to: isoDate, reason: z.string() })).default([]),
});

/** One container's collection, as the waste service standards' next_collection / changed_date_reason. */
export interface Collection {
  container: string;
  containerName: string;
  /** The date it is actually collected. */
  date: string;
  /** The usual date, when a bank holiday moved it. */
  usualDate?: string;
  changedReason?: string;
}

/** Round schedules (weekly / fortnightly per container) with bank-holiday changes, from waste/*.yaml. */
export class WasteSchedule {
  readonly holidayDates: Set<string>;
  private readonly holidayNames = new Map<string, string>();
  private readonly changes = new Map<string, { to: string; reason: string }>();

  private constructor(
    private readonly rounds: z.infer<typeof roundsSchema>,
    private readonly holidays: z.infer<typeof holidaysSchema>,
  ) {
    for (const h of holidays.holidays) this.holidayNames.set(h.date, h.name);
    for (const c of holidays.changes) this.changes.set(c.from, { to: c.to, reason: c.reason });
    this.holidayDates = new Set(this.holidayNames.keys());
  }

  static load(dir: string): WasteSchedule {
    const read = (file: string) => parsedYaml(fs.readFileSync(path.join(dir, file), 'utf8'));
    const rounds = roundsSchema.safeParse(read('rounds.yaml'));
    if (!rounds.success) throw new Error(`waste/rounds.yaml: ${rounds.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const holidays = holidaysSchema.safeParse(read('bank-holidays.yaml'));
    if (!holidays.success) throw new Error(`waste/bank-holidays.yaml: ${holidays.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return new WasteSchedule(rounds.data, holidays.data);
  }

  /**
   * The same schedule in another language: its containers, holidays and reasons in that language's
   * words (waste/<locale>/words.yaml). Every container, holiday and change must have its words: a
   * missing one is an error naming it, never English in a Welsh answer.
   */
  inLanguage(dir: string, locale: string): WasteSchedule {
    const { words, where } = loadWasteWords(dir, locale);
    const missing = [
      ...Object.keys(this.rounds.containers)
        .filter((c) => !words.containers[c])
        .map((c) => `containers.${c}`),
      ...this.holidays.holidays.filter((h) => !words.holidays[h.date]).map((h) => `holidays.${h.date} (${h.name})`),
      ...this.holidays.changes.filter((c) => !words.changes[c.from]).map((c) => `changes.${c.from}`),
    ];
    if (missing.length) throw new Error(`${where}: no ${locale} words for ${missing.join(', ')}`);
    return new WasteSchedule(
      { ...this.rounds, containers: Object.fromEntries(Object.keys(this.rounds.containers).map((c) => [c, words.containers[c]])) },
      {
        moved_reason: words.moved_reason,
        holidays: this.holidays.holidays.map((h) => ({ ...h, name: words.holidays[h.date] })),
        changes: this.holidays.changes.map((c) => ({ ...c, reason: words.changes[c.from] })),
      },
    );
  }

  get collectionDayEnds(): string {
    return this.rounds.collection_day_ends;
  }

  containerName(container: string): string {
    return this.rounds.containers[container] ?? container;
  }

  /** Whether the rounds collect a container by this key (waste/rounds.yaml `containers`). */
  isContainer(container: string): boolean {
    return Object.hasOwn(this.rounds.containers, container);
  }

  hasRound(round: string): boolean {
    return round in this.rounds.rounds;
  }

  /** The containers a round collects. */
  containers(round: string): string[] {
    const r = this.rounds.rounds[round];
    return r ? Object.keys(this.rounds.containers).filter((c) => c in r) : [];
  }

  /** Where a usual collection date really falls, and why. */
  revise(usual: string): { date: string; reason?: string } {
    const explicit = this.changes.get(usual);
    if (explicit) return { date: explicit.to, reason: explicit.reason };
    const monday = mondayOf(usual);
    const earlier = [...this.holidayNames.keys()].filter((h) => h >= monday && h <= usual && weekday(h) >= 1 && weekday(h) <= 5).sort();
    if (!earlier.length) return { date: usual };
    let date = addDays(usual, earlier.length);
    while (this.holidayDates.has(date)) date = addDays(date, 1);
    const name = this.holidayNames.get(earlier[0])!;
    return { date, reason: this.holidays.moved_reason.replace('{holiday}', name) };
  }

  /** Usual dates of a container's collections from `from` (inclusive) for `days`. */
  private usualDates(round: string, container: string, from: string, days: number): string[] {
    const r = this.rounds.rounds[round];
    const s = r?.[container] as z.infer<typeof service> | undefined;
    if (!s) return [];
    const step = s.frequency === 'weekly' ? 7 : 14;
    const offset = ((daysBetween(s.first, from) % step) + step) % step;
    const out: string[] = [];
    for (let d = offset === 0 ? from : addDays(from, step - offset); daysBetween(from, d) < days; d = addDays(d, step)) out.push(d);
    return out;
  }

  /** The next collection of each container on or after `today`. */
  next(round: string, today: string): Collection[] {
    return this.containers(round).flatMap((container) => {
      const found = this.usualDates(round, container, addDays(today, -7), 42)
        .map((usual) => ({ usual, ...this.revise(usual) }))
        .find((c) => c.date >= today);
      if (!found) return [];
      return [
        {
          container,
          containerName: this.containerName(container),
          date: found.date,
          ...(found.date !== found.usual ? { usualDate: found.usual, changedReason: found.reason } : {}),
        },
      ];
    });
  }

  /** The collection of a container after the one on `date` (its next after that day). */
  after(round: string, container: string, date: string): Collection | undefined {
    const found = this.usualDates(round, container, addDays(date, -7), 42)
      .map((usual) => ({ usual, ...this.revise(usual) }))
      .find((c) => c.date > date);
    return found ? this.collection(container, found) : undefined;
  }

  /** The latest collection of a container on or before `date`. */
  last(round: string, container: string, date: string): Collection | undefined {
    const found = this.usualDates(round, container, addDays(date, -35), 42)
      .map((usual) => ({ usual, ...this.revise(usual) }))
      .filter((c) => c.date <= date)
      .pop();
    return found ? this.collection(container, found) : undefined;
  }

  /** A collection of a container on its revised date, with the usual date and why when they differ. */
  private collection(container: string, found: { usual: string; date: string; reason?: string }): Collection {
    return {
      container,
      containerName: this.containerName(container),
      date: found.date,
      ...(found.date !== found.usual ? { usualDate: found.usual, changedReason: found.reason } : {}),
    };
  }
}
