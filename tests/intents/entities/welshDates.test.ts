import { describe, expect, it } from 'vitest';
import { EntityExtractor } from '../../../intents/entities/EntityExtractor';
import { extractDates } from '../../../intents/entities/dates';
import { extractWelshDates, isLoneWelshDayOfMonth, isLoneWelshWeekday, parseWelshDate } from '../../../intents/entities/welshDates';

/** Wednesday 2 December 2026, 10:00 in London. */
const WEDNESDAY = new Date('2026-12-02T10:00:00Z');
const day = (text: string, now = WEDNESDAY) => extractWelshDates(text, now).map((s) => [s.text, s.value]);

describe('extractWelshDates', () => {
  it.each([
    ['heddiw', '2026-12-02'],
    ['ddoe', '2026-12-01'],
    ['doe', '2026-12-01'],
    ['echdoe', '2026-11-30'],
    ['yfory', '2026-12-03'],
    ['fory', '2026-12-03'],
    ["bore 'ma", '2026-12-02'],
    ['y bore ma', '2026-12-02'],
    ['pnawn ’ma', '2026-12-02'],
    ['neithiwr', '2026-12-01'],
    ['heno', '2026-12-02'],
    ['wythnos diwethaf', '2026-11-25'],
    ['wythnos dwytha', '2026-11-25'],
    ['yr wythnos ddiwethaf', '2026-11-25'],
    ['wythnos nesaf', '2026-12-09'],
  ])('casual day %s', (text, value) => {
    expect(day(text)).toEqual([[text, value]]);
  });

  it('reads weekdays with and without "dydd", mutated, abbreviated and in capitals, as English reads them', () => {
    expect(day('dydd Llun')).toEqual([['dydd Llun', '2026-11-30']]);
    expect(day('Chafodd y bin ddim ei gasglu ddydd Llun')).toEqual([['ddydd Llun', '2026-11-30']]);
    expect(day('dydd Mawrth')).toEqual([['dydd Mawrth', '2026-12-01']]);
    expect(day('nos Fawrth')).toEqual([['nos Fawrth', '2026-12-01']]);
    expect(day('nos Wener')).toEqual([['nos Wener', '2026-12-04']]);
    expect(day('DYDD IAU')).toEqual([['DYDD IAU', '2026-12-03']]);
    expect(day('Gwener')).toEqual([['Gwener', '2026-12-04']]);
    expect(day('Llun dwytha')).toEqual([['Llun dwytha', '2026-11-30']]);
    expect(day('dydd Sul diwethaf')).toEqual([['dydd Sul diwethaf', '2026-11-29']]);
    expect(day('dydd Gwener nesaf')).toEqual([['dydd Gwener nesaf', '2026-12-11']]);
    expect(day('ers dydd Sadwrn')).toEqual([['ers dydd Sadwrn', '2026-12-05']]);
    expect(day('Maw')).toEqual([['Maw', '2026-12-01']]);
    // The same days English gives for the same words.
    for (const [cy, en] of [
      ['dydd Llun', 'monday'],
      ['dydd Gwener', 'friday'],
      ['dydd Sadwrn diwethaf', 'last saturday'],
      ['dydd Iau nesaf', 'next thursday'],
    ])
      expect(extractWelshDates(cy, WEDNESDAY)[0]?.value).toBe(extractDates(en, WEDNESDAY)[0]?.value);
  });

  it('tells Tuesday from March: "dydd Mawrth" is a day, "3 Mawrth" a date, "mis Mawrth" no day', () => {
    expect(day('dydd Mawrth')).toEqual([['dydd Mawrth', '2026-12-01']]);
    expect(day('3 Mawrth 2026')).toEqual([['3 Mawrth 2026', '2026-03-03']]);
    expect(day('ym mis Mawrth')).toEqual([]);
    expect(day('roedd hi’n fis Mawrth oer')).toEqual([]);
  });

  it('reads dates with ordinals and mutated months', () => {
    expect(day('3 Rhagfyr')).toEqual([['3 Rhagfyr', '2026-12-03']]);
    expect(day('y 3ydd o Ragfyr')).toEqual([['y 3ydd o Ragfyr', '2026-12-03']]);
    expect(day('ar y 5ed o fis Mai 2025')).toEqual([['ar y 5ed o fis Mai 2025', '2025-05-05']]);
    expect(day('1af o Fehefin 2026')).toEqual([['1af o Fehefin 2026', '2026-06-01']]);
    expect(day('4 Orffennaf 2026')).toEqual([['4 Orffennaf 2026', '2026-07-04']]);
    expect(day('21ain o Dachwedd')).toEqual([['21ain o Dachwedd', '2026-11-21']]);
    expect(day('2il Hydref 2026')).toEqual([['2il Hydref 2026', '2026-10-02']]);
    expect(day('dydd Llun 30 Tachwedd')).toEqual([['dydd Llun 30 Tachwedd', '2026-11-30']]);
  });

  it('leaves words that only look like days alone', () => {
    expect(day('anfonais lun o’r bin')).toEqual([]); // "llun" is also a picture
    expect(day('mae gen i fin du')).toEqual([]);
    expect(day('Mae’r bin yn llawn')).toEqual([]);
  });

  it('answers "which day?" readers: parseWelshDate and isLoneWelshWeekday', () => {
    expect(parseWelshDate('ddoe', WEDNESDAY)).toBe('2026-12-01');
    expect(parseWelshDate('dim syniad', WEDNESDAY)).toBeUndefined();
    expect(isLoneWelshWeekday('dydd Gwener')).toBe(true);
    expect(isLoneWelshWeekday('ar ddydd Sadwrn')).toBe(true);
    expect(isLoneWelshWeekday('Sul')).toBe(true);
    expect(isLoneWelshWeekday('dydd Gwener diwethaf')).toBe(false);
    expect(isLoneWelshWeekday('ddoe')).toBe(false);
  });
});

describe('EntityExtractor with locale cy-GB', () => {
  const welsh = new EntityExtractor({ now: () => WEDNESDAY, locale: 'cy-GB' });
  const english = new EntityExtractor({ now: () => WEDNESDAY });
  const dates = (x: EntityExtractor, text: string) =>
    x
      .extract(text)
      .filter((e) => e.type === 'date')
      .map((e) => [e.text, e.value]);

  it('reads Welsh and English days in one message (code-switching)', () => {
    expect(dates(welsh, 'bin wedi ei fethu ddoe')).toEqual([['ddoe', '2026-12-01']]);
    expect(dates(welsh, 'missed ddydd Llun')).toEqual([['ddydd Llun', '2026-11-30']]);
    expect(dates(welsh, 'collected yesterday, nid heddiw')).toEqual([
      ['yesterday', '2026-12-01'],
      ['heddiw', '2026-12-02'],
    ]);
    expect(dates(welsh, '12/03/2024')).toEqual([['12/03/2024', '2024-03-12']]);
  });

  it('leaves English extraction as it was', () => {
    expect(dates(english, 'bin wedi ei fethu ddoe')).toEqual([]);
    expect(dates(english, 'missed on monday')).toEqual([['on monday', '2026-11-30']]);
    expect(dates(welsh, 'missed on monday')).toEqual([['on monday', '2026-11-30']]);
  });
});

describe('a day of the month said alone in Welsh', () => {
  it('reads "ar y 4ydd" as the nearest 4th, and leaves "y 4ydd llawr" alone', () => {
    expect(day('ar y 4ydd', new Date('2026-12-06T10:00:00Z'))).toEqual([['ar y 4ydd', '2026-12-04']]);
    expect(day('y 28ain ond does neb wedi dod', new Date('2026-12-06T10:00:00Z'))).toEqual([['y 28ain', '2026-11-28']]);
    expect(day('dan ni ar y 4ydd llawr', new Date('2026-12-06T10:00:00Z'))).toEqual([]);
    expect(isLoneWelshDayOfMonth('ar y 10fed')).toBe(true);
    expect(isLoneWelshDayOfMonth('ar y 10fed o Ragfyr')).toBe(false);
  });
});
