import { afterEach, describe, expect, it } from 'vitest';
import { nowArg, startClockAt } from '../../scripts/lib/nowArg';
import { eventually } from '../support/eventually';

describe('--now for the eval commands', () => {
  it('reads the date and leaves the other arguments in order', () => {
    expect(nowArg(['dir', '--now', '2026-12-04T10:00:00Z', '--turns'])).toEqual({ now: new Date('2026-12-04T10:00:00Z'), rest: ['dir', '--turns'] });
    expect(nowArg(['dir', '--locale', 'cy-GB'])).toEqual({ rest: ['dir', '--locale', 'cy-GB'] });
  });

  it('a missing or unreadable date is a usage error, not the real clock', () => {
    for (const argv of [
      ['dir', '--now'],
      ['--now', 'next tuesday', 'dir'],
      ['--now', '--turns', 'dir'],
    ]) {
      expect(nowArg(argv), argv.join(' ')).toEqual({ error: expect.stringMatching(/^--now takes a date and time/) });
    }
  });

  describe('the clock', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    it('starts at the date given, runs on at the real pace, and is put back', async () => {
      const realBefore = Date.now();
      restore = startClockAt(new Date(realBefore - 3 * 86_400_000));
      const first = new Date();
      expect(Math.abs(first.getTime() - (realBefore - 3 * 86_400_000))).toBeLessThan(1_000);
      const later = await eventually(() => (Date.now() - first.getTime() >= 60 ? Date.now() : undefined), { what: 'the clock to run on' });
      expect(later - first.getTime()).toBeGreaterThanOrEqual(60);
      expect(later - first.getTime()).toBeLessThan(60_000);
      restore();
      restore = undefined;
      expect(Math.abs(Date.now() - realBefore)).toBeLessThan(60_000);
    });
  });
});
