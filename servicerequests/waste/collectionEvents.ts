import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { readCsv } from '../gazetteer/gazetteer';
import { loadWasteWords } from './wasteWords';

const eventTypesSchema = z.record(z.string(), z.object({ name: z.string(), message: z.string(), next: z.string() }));
export type EventType = z.infer<typeof eventTypesSchema>[string];

/** A crew-recorded event against a round on a date, for one property or (uprn blank) the whole round. */
export interface CollectionEvent {
  date: string;
  round: string;
  uprn: string;
  container: string;
  event: string;
}

/** Crew-recorded collection events (waste/collection-events.csv) and what each means for a resident. */
export class CollectionEvents {
  constructor(
    readonly events: CollectionEvent[],
    readonly types: Record<string, EventType>,
  ) {}

  static load(dir: string, eventsFile = 'collection-events.csv'): CollectionEvents {
    const types = eventTypesSchema.parse(parse(fs.readFileSync(path.join(dir, 'event-types.yaml'), 'utf8')));
    const file = path.join(dir, eventsFile);
    const rows = fs.existsSync(file) ? readCsv(file) : [];
    const events = rows.map((r) => ({ date: r.date ?? '', round: r.round ?? '', uprn: r.uprn ?? '', container: r.container ?? '', event: r.event ?? '' }));
    const unknown = events.filter((e) => !types[e.event]);
    if (unknown.length)
      throw new Error(`${file}: unknown event type(s) ${[...new Set(unknown.map((e) => e.event))].join(', ')} (add them to event-types.yaml)`);
    return new CollectionEvents(events, types);
  }

  /** The same events told in another language (waste/<locale>/words.yaml `events`): every event type must have its words. */
  inLanguage(dir: string, locale: string): CollectionEvents {
    const { words, where } = loadWasteWords(dir, locale);
    const missing = Object.keys(this.types).filter((t) => !words.events[t]);
    if (missing.length) throw new Error(`${where}: no ${locale} words for ${missing.map((t) => `events.${t}`).join(', ')}`);
    return new CollectionEvents(this.events, Object.fromEntries(Object.keys(this.types).map((t) => [t, words.events[t]])));
  }

  /** Events for this property's collection: its own first, then round-wide ones. */
  find(round: string, date: string, container: string, uprn: string): Array<CollectionEvent & { type: EventType }> {
    return this.events
      .filter((e) => e.round === round && e.date === date && (e.container === container || e.container === '') && (e.uprn === uprn || e.uprn === ''))
      .sort((a, b) => (a.uprn === '' ? 1 : 0) - (b.uprn === '' ? 1 : 0))
      .map((e) => ({ ...e, type: this.types[e.event] }));
  }
}
