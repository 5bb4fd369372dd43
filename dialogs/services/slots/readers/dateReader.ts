import type { Reply } from '../../../responses';
import { parseDate, pastDayOfMonth, pastWeekday, today } from '../../answers';
import { parseWelshDate } from '../../../../intents/entities/welshDates';
import type { Vocabulary } from '../../../../knowledge/vocabulary';
import type { ServiceResponses } from '../../serviceResponses';
import { saysSkip, type Reading } from './reading';

/** Which dates a service takes (config `dates`): a report of what happened, a booking ahead, or any. */
export type DateRule = 'past' | 'future' | 'any';

/** A date the service cannot take ("the 30th" for a missed bin, when that is still to come): the reply saying so. */
export function dateProblem(date: string, dates: DateRule, todayDate: string, r: ServiceResponses): Reply | undefined {
  if (!dateFits(date, dates, todayDate)) return dates === 'past' ? r.futureDate(r.spokenDate(date, todayDate)) : r.pastDate(r.spokenDate(date, todayDate));
  return undefined;
}

/** The date is one the service takes: not ahead for a report, not today or before for a booking. */
export function dateFits(date: string, dates: DateRule, todayDate: string): boolean {
  if (dates === 'past' && date > todayDate) return false;
  if (dates === 'future' && date <= todayDate) return false;
  return true;
}

/** A `datetime` attribute: the calendar date (YYYY-MM-DD) said ("yesterday", "Monday", "23/11"); '' when an optional one is skipped. */
export function readDate(
  text: string,
  required: boolean,
  dates: DateRule,
  now: Date,
  r: ServiceResponses,
  vocabulary: Vocabulary,
  /** 'cy-GB' reads Welsh days ("ddoe", "dydd Llun", "3ydd o Ragfyr") first, then English ones (residents code-switch). */
  locale = 'en-GB',
): Reading<string> {
  if (!required && saysSkip(text, r.buttons, vocabulary)) return { value: '' };
  // Welsh first for cy-GB: chrono reads "am 6" in "dydd Llun am 6" as a time today.
  const parsed = locale === 'cy-GB' ? (parseWelshDate(text, now) ?? parseDate(text, now)) : parseDate(text, now);
  if (!parsed) return { problem: r.invalidDate() };
  const date = dates === 'past' ? pastDayOfMonth(pastWeekday(parsed, text, today(now), vocabulary), text, today(now)) : parsed;
  const problem = dateProblem(date, dates, today(now), r);
  return problem ? { problem } : { value: date };
}
