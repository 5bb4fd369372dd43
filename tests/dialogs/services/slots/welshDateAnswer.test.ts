import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCouncilProfile } from '../../../../knowledge/councilProfile';
import { ServiceResponses } from '../../../../dialogs/services/serviceResponses';
import { readDate } from '../../../../dialogs/services/slots/readers/dateReader';
import { pastWeekday } from '../../../../dialogs/services/answers';
import { shippedButtons, shippedVocabulary } from '../../../support/shippedWords';

const r = new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../../../knowledge/council.yaml')), shippedButtons());
const v = shippedVocabulary();
// Wednesday 25 November 2026, midday in London.
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');

describe('"Which day should it have been collected?" answered in Welsh', () => {
  it.each([
    ['ddoe', '2026-11-24'],
    ['dydd Llun', '2026-11-23'],
    // A weekday on its own in a report is the one just gone, as in English ("friday" on a Wednesday).
    ['dydd Gwener', '2026-11-20'],
    ['nos Sadwrn', '2026-11-21'],
    ['dydd Llun am 6', '2026-11-23'],
    ['yesterday', '2026-11-24'],
  ])('"%s" is %s with locale cy-GB', (text, date) => {
    expect(readDate(text, true, 'past', WEDNESDAY, r, v, 'cy-GB')).toEqual({ value: date });
  });

  it('English reads as before: Welsh words are no date there', () => {
    expect(readDate('ddoe', true, 'past', WEDNESDAY, r, v)).toEqual({ problem: r.invalidDate() });
    expect(readDate('friday', true, 'past', WEDNESDAY, r, v)).toEqual({ value: '2026-11-20' });
  });

  it('a Welsh weekday with "nesaf" or a date is not moved back', () => {
    expect(pastWeekday('2026-11-27', 'dydd Gwener', '2026-11-25', shippedVocabulary())).toBe('2026-11-20');
    expect(pastWeekday('2026-12-04', 'dydd Gwener nesaf', '2026-11-25', shippedVocabulary())).toBe('2026-12-04');
    expect(readDate('dydd Gwener nesaf', true, 'future', WEDNESDAY, r, v, 'cy-GB')).toEqual({ value: '2026-12-04' });
  });
});

describe('"Which day should it have been collected?" answered with a day of the month alone', () => {
  it.each([
    ['the 24th', '2026-11-24'],
    ['23rd', '2026-11-23'],
    // Still to come this month: last month's, as a lone weekday is the one just gone.
    ['on the 28th', '2026-10-28'],
  ])('"%s" is %s', (text, date) => {
    expect(readDate(text, true, 'past', WEDNESDAY, r, v)).toEqual({ value: date });
  });

  it('in Welsh too', () => {
    expect(readDate('ar y 24ain', true, 'past', WEDNESDAY, r, v, 'cy-GB')).toEqual({ value: '2026-11-24' });
    expect(readDate('y 28ain', true, 'past', WEDNESDAY, r, v, 'cy-GB')).toEqual({ value: '2026-10-28' });
  });

  it('a booking ahead takes the coming one', () => {
    expect(readDate('the 28th', true, 'future', WEDNESDAY, r, v)).toEqual({ value: '2026-11-28' });
  });
});
