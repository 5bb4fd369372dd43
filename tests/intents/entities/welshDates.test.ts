import { describe, expect, it } from 'vitest';
import { extractWelshDates } from '../../../intents/entities/welshDates';

/** Wednesday 2 December 2026, noon in London. */
const NOW = new Date('2026-12-02T12:00:00Z');
const dates = (text: string) => extractWelshDates(text, NOW).map((d) => d.value);

describe('Welsh days and dates', () => {
  it('reads the days said in words', () => {
    expect(dates('heddiw')).toEqual(['2026-12-02']);
    expect(dates('bore ma')).toEqual(['2026-12-02']);
    expect(dates('ddoe')).toEqual(['2026-12-01']);
    expect(dates('neithiwr')).toEqual(['2026-12-01']);
    expect(dates('echdoe')).toEqual(['2026-11-30']);
    expect(dates('yfory')).toEqual(['2026-12-03']);
    expect(dates('wythnos diwethaf')).toEqual(['2026-11-25']);
  });

  it('reads weekdays with dydd, ddydd or nos: the nearest, the last, the next, or that day last week', () => {
    expect(dates('dydd Llun')).toEqual(['2026-11-30']);
    expect(dates('ddydd Gwener')).toEqual(['2026-12-04']);
    expect(dates('nos Wener')).toEqual(['2026-12-04']);
    expect(dates('dydd Llun diwethaf')).toEqual(['2026-11-30']);
    expect(dates('dydd Mercher diwethaf')).toEqual(['2026-11-25']);
    expect(dates('dydd Llun nesaf')).toEqual(['2026-12-07']);
    expect(dates('dydd Llun wythnos diwethaf')).toEqual(['2026-11-23']);
    expect(dates('dydd Gwener yr wythnos diwethaf')).toEqual(['2026-11-27']);
    expect(dates('dydd Sul')).toEqual(['2026-11-29']);
  });

  it('reads a day and a month in Welsh, also mutated after "o", and day-first numbers', () => {
    expect(dates('3 Rhagfyr')).toEqual(['2026-12-03']);
    expect(dates('y 3ydd o Ragfyr 2025')).toEqual(['2025-12-03']);
    expect(dates('29 Tachwedd')).toEqual(['2026-11-29']);
    expect(dates('y 5ed o fis Ionawr')).toEqual(['2027-01-05']);
    expect(dates('1af o Fawrth 2027')).toEqual(['2027-03-01']);
    expect(dates('1/12/2026')).toEqual(['2026-12-01']);
    expect(dates('01-12-26')).toEqual(['2026-12-01']);
    expect(dates('28/11')).toEqual(['2026-11-28']);
  });

  it('leaves alone what is not a date: a picture (llun), a time, an impossible day', () => {
    expect(dates('Anfonais i lun o’r bin')).toEqual([]);
    expect(dates('roedd e allan erbyn 7.30')).toEqual([]);
    expect(dates('31/6/2026')).toEqual([]);
    expect(dates('Mawrth')).toEqual([]);
  });

  it('gives the words and where they are in the message', () => {
    const text = 'Ni chafodd y bin ei gasglu ddydd Llun diwethaf, na ddoe';
    expect(extractWelshDates(text, NOW)).toEqual([
      {
        type: 'date',
        text: 'ddydd Llun diwethaf',
        value: '2026-11-30',
        start: text.indexOf('ddydd'),
        end: text.indexOf('ddydd') + 'ddydd Llun diwethaf'.length,
      },
      { type: 'date', text: 'ddoe', value: '2026-12-01', start: text.lastIndexOf('ddoe'), end: text.lastIndexOf('ddoe') + 4 },
    ]);
  });
});
