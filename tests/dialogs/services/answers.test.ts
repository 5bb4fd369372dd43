import { describe, expect, it } from 'vitest';
import { parseDate, pastWeekday } from '../../../dialogs/services/answers';

// Wednesday 25 November 2026, midday in London.
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');
const TODAY = '2026-11-25';

describe('parseDate', () => {
  it.each([
    ['yesterday', '2026-11-24'],
    ['monday', '2026-11-23'],
    ['23/11/2026', '2026-11-23'],
    ['2026-11-20', '2026-11-20'],
    ['weds', '2026-11-25'],
    ['since tues', '2026-11-24'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parseDate(text, WEDNESDAY)).toBe(expected);
  });

  it('finds no date in words that hold none', () => {
    expect(parseDate('no idea', WEDNESDAY)).toBeUndefined();
  });
});

describe('pastWeekday', () => {
  it.each(['friday', 'Fri', 'on Friday', 'since fri', 'friday.'])('reads "%s" said on a Wednesday as the Friday just gone', (text) => {
    const ahead = parseDate(text, WEDNESDAY)!;
    expect(ahead).toBe('2026-11-27');
    expect(pastWeekday(ahead, text, TODAY)).toBe('2026-11-20');
  });

  it('leaves a future day that was asked for as it is, for the dialog to question', () => {
    expect(pastWeekday('2026-11-27', 'this friday', TODAY)).toBe('2026-11-27');
    expect(pastWeekday('2026-12-04', 'next friday', TODAY)).toBe('2026-12-04');
    expect(pastWeekday('2026-11-27', '27/11/2026', TODAY)).toBe('2026-11-27');
  });

  it('leaves days already in the past, and today, as they are', () => {
    expect(pastWeekday('2026-11-23', 'monday', TODAY)).toBe('2026-11-23');
    expect(pastWeekday(TODAY, 'wednesday', TODAY)).toBe(TODAY);
  });
});
