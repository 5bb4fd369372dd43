import type { Address } from '../gazetteer/gazetteer';
import { councilDate, councilTime, spokenDate, workingDaysAfter } from './calendar';
import type { CollectionEvents } from './collectionEvents';
import type { WasteSchedule } from './wasteSchedule';

export type MissedBinVerdict =
  | { ok: true; collectionDate: string }
  | { ok: false; reason: 'future' | 'too_early' | 'too_late' | 'crew_event' | 'no_round' | 'not_collected_there'; message: string; next?: string };

/**
 * Before a missed-bin report is taken: is it the right time to report, and did the crew record a
 * reason (not presented, contaminated…)? If so the resident is told what to do instead.
 */
export class MissedBinCheck {
  constructor(
    private readonly schedule: WasteSchedule,
    private readonly events: CollectionEvents,
    private readonly reportWithinWorkingDays: number,
  ) {}

  check(address: Address, container: string, now: Date, reportedDate?: string): MissedBinVerdict {
    const today = councilDate(now);
    const name = this.schedule.containerName(container);
    const label = name.replace(/\s*\(.*\)$/, '').toLowerCase();
    if (reportedDate && reportedDate > today) {
      return { ok: false, reason: 'future', message: `${spokenDate(reportedDate, today)} hasn't happened yet, so I can't take a report for it.` };
    }
    if (!this.schedule.hasRound(address.round)) return { ok: false, reason: 'no_round', message: "I can't find the collection round for that address." };
    if (!this.schedule.containers(address.round).includes(container)) {
      return { ok: false, reason: 'not_collected_there', message: `We don't collect ${label} at that address, so it can't have been missed.` };
    }
    const last = this.schedule.last(address.round, container, reportedDate ?? today);
    if (!last) return { ok: false, reason: 'no_round', message: "I can't find a recent collection for that bin." };
    const next = this.schedule.next(address.round, today).find((c) => c.container === container);
    const nextText = next ? ` Its next collection is ${spokenDate(next.date, today)}.` : '';
    if (last.date === today && councilTime(now) < this.schedule.collectionDayEnds) return this.tooEarly(label);
    // The resident names a day the schedule did not have for this bin, within the reporting window
    // ("it was meant to go yesterday"): rounds move (breakdowns, catch-up days), so the report is
    // taken as said and the crew's records decide; refusing on the schedule alone would turn away
    // real misses. A day outside the window is refused as usual.
    if (reportedDate && reportedDate !== last.date) {
      if (reportedDate === today && councilTime(now) < this.schedule.collectionDayEnds) return this.tooEarly(label);
      if (workingDaysAfter(reportedDate, today, this.schedule.holidayDates) <= this.reportWithinWorkingDays) return { ok: true, collectionDate: reportedDate };
    }
    const late = workingDaysAfter(last.date, today, this.schedule.holidayDates);
    if (late > this.reportWithinWorkingDays) {
      return {
        ok: false,
        reason: 'too_late',
        message: `Your ${label} was due on ${spokenDate(last.date, today)}. We can only take missed-bin reports within ${this.reportWithinWorkingDays} working days of the collection day, so it's too late to send a crew back.${nextText} Please put it out then.`,
      };
    }
    const [event] = this.events.find(address.round, last.date, container, address.uprn);
    if (event) {
      const fill = (s: string) => s.replaceAll('{date}', spokenDate(last.date, today)).replaceAll('{container}', label);
      return { ok: false, reason: 'crew_event', message: fill(event.type.message), next: `${fill(event.type.next)}${nextText}` };
    }
    return { ok: true, collectionDate: last.date };
  }

  private tooEarly(label: string): MissedBinVerdict {
    const ends = this.schedule.collectionDayEnds;
    return {
      ok: false,
      reason: 'too_early',
      message: `Your ${label} is due to be collected today, and crews work until ${ends}. If it still hasn't been emptied after ${ends}, please tell me then and I'll take a report.`,
    };
  }
}
