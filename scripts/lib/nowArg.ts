import FakeTimers from '@sinonjs/fake-timers';

/**
 * The eval commands' `--now 2026-12-04T10:00:00Z`: the day and time the conversations happen, so
 * that a figure does not move with the day it is run on (a missed bin "on Wednesday" can be
 * reported within two working days of Wednesday; on another day it is too late). Left out, the
 * real clock. Any date `Date.parse` reads; a date without a zone is the machine's local time.
 */
export function nowArg(argv: readonly string[]): { now?: Date; rest: string[] } | { error: string } {
  const at = argv.indexOf('--now');
  if (at < 0) return { rest: [...argv] };
  const value = argv[at + 1];
  const ms = value === undefined || value.startsWith('--') ? Number.NaN : Date.parse(value);
  if (Number.isNaN(ms)) return { error: '--now takes a date and time, for example 2026-12-04T10:00:00Z' };
  return { now: new Date(ms), rest: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

/**
 * Sets the process's clock (`Date` only) to `start` and lets it run on from there at the real
 * pace, so that everything reading the time (the service dialogs, the date reader, the back office,
 * the database's timestamps) agrees on the same day. Timers are left real. @sinonjs/fake-timers
 * rather than our own `Date` subclass: it replaces `Date` and `Date.now` whole (parsing,
 * `instanceof`, the clock's pace) and undoes itself. Returns the function that puts the real clock back.
 */
export function startClockAt(start: Date): () => void {
  const clock = FakeTimers.install({ now: start, toFake: ['Date'], shouldAdvanceTime: true });
  return () => clock.uninstall();
}
