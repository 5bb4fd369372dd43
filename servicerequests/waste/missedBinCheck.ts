import type { ServiceTexts } from '../../knowledge/messageFiles';
import type { Address } from '../gazetteer/gazetteer';
import { councilDate, councilTime, spokenDate, workingDaysAfter } from './calendar';
import type { CollectionEvents } from './collectionEvents';
import type { WasteSchedule } from './wasteSchedule';

export type MissedBinVerdict =
  | { ok: true; collectionDate: string }
  | { ok: false; reason: 'future' | 'too_early' | 'too_late' | 'crew_event' | 'no_round' | 'not_collected_there' | 'not_due'; message: string; next?: string };

/**
 * Before a missed-bin report is taken: is it the right time to report, and did the crew record a
 * reason (not presented, contaminated…)? If so the resident is told what to do instead.
 */
export class MissedBinCheck {
  constructor(
    private readonly schedule: WasteSchedule,
    private readonly events: CollectionEvents,
    private readonly reportWithinWorkingDays: number,
    /** What the resident is told instead (services.yaml, the missed_bin_ messages). */
    private readonly words: ServiceTexts,
    /** The language of `words`: the dates it says are written in it. */
    private readonly locale = 'en-GB',
  ) {}

  private spoken(date: string, today: string): string {
    return spokenDate(date, today, this.locale);
  }

  /** Whether a value of the request's bin list names a container the rounds collect (waste/rounds.yaml). */
  isContainer(value: string): boolean {
    return this.schedule.isContainer(value);
  }

  check(address: Address, container: string, now: Date, reportedDate?: string): MissedBinVerdict {
    const today = councilDate(now);
    const name = this.schedule.containerName(container);
    const label = name.replace(/\s*\(.*\)$/, '').toLowerCase();
    if (reportedDate && reportedDate > today) {
      return { ok: false, reason: 'future', message: this.words.say('missed_bin_future', { date: this.spoken(reportedDate, today) }) };
    }
    if (!this.schedule.hasRound(address.round)) return { ok: false, reason: 'no_round', message: this.words.say('missed_bin_no_round') };
    if (!this.schedule.containers(address.round).includes(container)) {
      return { ok: false, reason: 'not_collected_there', message: this.words.say('missed_bin_not_collected_there', { container: label }) };
    }
    const last = this.schedule.last(address.round, container, reportedDate ?? today);
    if (!last) return { ok: false, reason: 'no_round', message: this.words.say('missed_bin_no_recent') };
    const next = this.schedule.next(address.round, today).find((c) => c.container === container);
    const nextText = next ? this.words.say('missed_bin_next', { date: this.spoken(next.date, today) }) : '';
    if (last.date === today && councilTime(now) < this.schedule.collectionDayEnds) return this.tooEarly(label);
    // The resident names a day the schedule did not have for this bin, within the reporting window
    // ("it was meant to go yesterday"): rounds move (breakdowns, catch-up days), so the report is
    // taken as said and the crew's records decide; refusing on the schedule alone would turn away
    // real misses. A day outside the window is refused as usual.
    if (reportedDate && reportedDate !== last.date) {
      // Unless the round did come that day, for the other bins ("my blue bin wasn't emptied on Monday" in a week Monday's
      // round took the grey ones): the bin was not due, whatever the crew's records say.
      const others = this.schedule
        .containers(address.round)
        .filter((c) => c !== container && this.schedule.last(address.round, c, reportedDate)?.date === reportedDate);
      if (others.length && reportedDate <= today)
        return {
          ok: false,
          reason: 'not_due',
          message: this.words.say('missed_bin_not_due', {
            container: label,
            date: this.spoken(reportedDate, today),
            others: others
              .map((c) =>
                this.schedule
                  .containerName(c)
                  .replace(/\s*\(.*\)$/, '')
                  .toLowerCase(),
              )
              .join(', '),
            next: nextText,
          }),
        };
      if (reportedDate === today && councilTime(now) < this.schedule.collectionDayEnds) return this.tooEarly(label);
      if (workingDaysAfter(reportedDate, today, this.schedule.holidayDates) <= this.reportWithinWorkingDays) return { ok: true, collectionDate: reportedDate };
    }
    const late = workingDaysAfter(last.date, today, this.schedule.holidayDates);
    if (late > this.reportWithinWorkingDays) {
      return {
        ok: false,
        reason: 'too_late',
        message: this.words.say('missed_bin_too_late', {
          container: label,
          date: this.spoken(last.date, today),
          days: this.reportWithinWorkingDays,
          next: nextText,
        }),
      };
    }
    const [event] = this.events.find(address.round, last.date, container, address.uprn);
    if (event) {
      const fill = (s: string) => s.replaceAll('{date}', this.spoken(last.date, today)).replaceAll('{container}', label);
      return { ok: false, reason: 'crew_event', message: fill(event.type.message), next: `${fill(event.type.next)}${nextText}` };
    }
    return { ok: true, collectionDate: last.date };
  }

  private tooEarly(label: string): MissedBinVerdict {
    const ends = this.schedule.collectionDayEnds;
    return {
      ok: false,
      reason: 'too_early',
      message: this.words.say('missed_bin_too_early', { container: label, ends }),
    };
  }
}
