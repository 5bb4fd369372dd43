import { afterEach, describe, expect, it } from 'vitest';
import { dayOfMonthBefore, extractDates, londonWallClock } from '../../../intents/entities/dates';

/** London's wall clock read directly, as a Date in the process's local time zone. */
function reference(now: Date): Date {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  for (const p of format.formatToParts(now)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return new Date(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

describe('londonWallClock', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  // Every 37 minutes 13 seconds through 2026, so every quarter hour and both British clock changes are crossed.
  const instants: Date[] = [];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += (37 * 60 + 13) * 1000 + 17) instants.push(new Date(t));
  const clockChanges = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)].flatMap((t) => [-1001, -1, 0, 1, 999, 1000].map((d) => new Date(t + d)));

  for (const zone of ['UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
    it(`reads London's clock exactly when the server runs in ${zone}`, () => {
      process.env.TZ = zone;
      const wrong = [...instants, ...clockChanges].filter((now) => londonWallClock(now).getTime() !== reference(now).getTime());
      expect(wrong.map((d) => d.toISOString()).slice(0, 5)).toEqual([]);
    });
  }
});

describe('extractDates', () => {
  const now = new Date('2026-11-25T10:00:00Z'); // a Wednesday

  it.each([
    ['my bin was missed yesterday', '2026-11-24'],
    ['they didnt come on monday', '2026-11-23'],
    ['last tuesday', '2026-11-24'],
    ['on the 3rd dec', '2026-12-03'],
    ['12/03/2026', '2026-03-12'],
    ['it was dumped this morning', '2026-11-25'],
    ['two days ago', '2026-11-23'],
    ['a week ago', '2026-11-18'],
    ['missed on Sat 21st Nov', '2026-11-21'],
    ['3 Sept', '2026-09-03'],
  ])('finds the day in %j', (text, value) => {
    expect(extractDates(text, now).map((s) => s.value)).toEqual([value]);
  });

  it.each(['there is a pothole on mill lane', 'my bin was not collected', 'how do i pay my council tax', 'hello', ''])('finds no day in %j', (text) => {
    expect(extractDates(text, now)).toEqual([]);
  });
});

describe('a day of the month said alone (councilChrono)', () => {
  const now = new Date('2026-12-06T10:00:00Z');

  it.each([
    ['it was the 4th', '2026-12-04'],
    ['they never came on the 2nd, and the bin is still full', '2026-12-02'],
    ['the 28th', '2026-11-28'],
    ['on the 10th.', '2026-12-10'],
  ])('reads %j as the nearest such date', (text, value) => {
    expect(extractDates(text, now).map((s) => s.value)).toEqual([value]);
  });

  it.each(['we live on the 4th floor', 'this is my 3rd call about it', 'the 2nd bin from the left'])('finds no day in %j', (text) => {
    expect(extractDates(text, now)).toEqual([]);
  });

  it('goes back to the last month that has the day', () => {
    expect(dayOfMonthBefore('2026-12-31')).toBe('2026-10-31');
    expect(dayOfMonthBefore('2027-01-15')).toBe('2026-12-15');
    expect(dayOfMonthBefore('2026-03-30')).toBe('2026-01-30');
  });
});
