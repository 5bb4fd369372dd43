import { BASE_LOCALE, numberWords, type ClockWords, type NumberWords } from '../../../../intents/entities/numberWords';
import { escapeRegExp } from '../../../../platform/escapeRegExp';

/**
 * A clock time said after one of a yes/no question's words ("it was out at 6.30", "I put it out at half past six in the
 * morning", "outside from 6"), for a question asked about a time (`understands: by_time` of knowledge/service-requests.yaml:
 * "Was the bin out by 7am?"): by then is a yes, later a no. Read on folded words (slotReader's foldText).
 */

/** Hours and minutes said in words ("six thirty"): the base language's `numbers` and `minutes` (knowledge/messages/en-GB/numbers.yaml). */
const words = (): NumberWords => numberWords(BASE_LOCALE);
/** The words of a clock time: numbers.yaml `clock` ("at", "half", "past", "am", "in the morning"). */
const clockWords = (): ClockWords => words().clock;
/** Whether `phrase` is said at `i` in `tokens`. */
const saidAt = (tokens: string[], i: number, phrase: readonly string[]): boolean => phrase.every((w, k) => tokens[i + k] === w);
/** A clock said in digits, with am or pm joined to it ("6.30", "6.30am", "7pm"): hours, minutes, the am or pm. */
let digits: { clock: RegExp; minutes: RegExp } | undefined;
const digitsPattern = (): { clock: RegExp; minutes: RegExp } => {
  const meridiem = [...clockWords().am, ...clockWords().pm].map(escapeRegExp).join('|');
  return (digits ??= { clock: new RegExp(`^(\\d{1,2})(?:\\.(\\d{2}))?(${meridiem})?$`), minutes: new RegExp(`^(\\d{2})(${meridiem})?$`) });
};

interface ClockTime {
  /** Minutes after midnight. */
  minutes: number;
  /** "before 6", "after 7": the time is a bound, not the time itself. */
  bound?: 'before' | 'after';
  /** The words of the time, as said (folded). */
  words: string;
}

const hourOf = (token: string | undefined): number | undefined => {
  if (!token) return undefined;
  if (/^\d{1,2}$/.test(token)) {
    const n = Number(token);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  return words().numbers[token];
};

/** A time starting at `i` in `tokens`: its minutes after midnight and how many tokens it takes. */
function timeAt(tokens: string[], i: number): { minutes: number; length: number; cued: boolean } | undefined {
  const t = tokens[i] ?? '';
  const next = tokens[i + 1];
  // "half past six", "quarter past 6", "quarter to seven", "half six" (British: 6:30).
  const c = clockWords();
  if ((c.half.has(t) || c.quarter.has(t)) && next !== undefined && (c.past.has(next) || c.to.has(next))) {
    const h = hourOf(tokens[i + 2]);
    if (h === undefined) return undefined;
    const m = c.half.has(t) ? 30 : 15;
    return { minutes: c.past.has(next) ? h * 60 + m : h * 60 - m, length: 3, cued: true };
  }
  if (c.half.has(t) && hourOf(next) !== undefined) return { minutes: hourOf(next)! * 60 + 30, length: 2, cued: true };
  // "6.30", "6.30am", "6am", "6pm", "6 30" (a colon folded to a space), "six thirty", "6 oclock", "6".
  const clock = digitsPattern().clock.exec(t);
  let hour = clock ? Number(clock[1]) : words().numbers[t];
  if (hour === undefined || hour < 1 || hour > 12) return undefined;
  let minutes = clock?.[2] ? Number(clock[2]) : 0;
  let length = 1;
  let cued = !!clock?.[2] || !!clock?.[3];
  let meridiem = clock?.[3];
  const spoken = next === undefined ? null : digitsPattern().minutes.exec(next);
  // "6 o clock" (typed apart): as "6 oclock".
  const oClock = c.oClock.find((p) => saidAt(tokens, i + 1, p));
  if (!clock?.[2] && oClock) {
    length += oClock.length;
    cued = true;
  } else if (!clock?.[2] && next !== undefined && (spoken || next in words().minutes)) {
    minutes = spoken ? Number(spoken[1]) : words().minutes[next];
    meridiem ??= spoken?.[2];
    length++;
    cued = true;
  }
  if (minutes > 59) return undefined;
  const after = tokens[i + length];
  const pm = (meridiem !== undefined && c.pm.has(meridiem)) || (after !== undefined && c.pm.has(after));
  if (after !== undefined && (c.am.has(after) || c.pm.has(after))) {
    length++;
    cued = true;
  }
  if (c.morning.some((p) => saidAt(tokens, i + length, p))) cued = true;
  if (pm && hour < 12) hour += 12;
  return { minutes: hour * 60 + minutes, length, cued };
}

/** The first clock time said within a few words after one of `near` ("out", "outside"), or undefined. */
export function clockTimeAfter(tokens: string[], near: string[][]): ClockTime | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const word = near.find((w) => w.every((x, k) => tokens[i + k] === x));
    if (!word) continue;
    let j = i + word.length;
    let cue = false;
    let bound: ClockTime['bound'];
    // The words between ("out at about", "outside from around"), and a few of the resident's own ("put it out at").
    const c = clockWords();
    for (let seen = 0; j < tokens.length && seen < 4 && c.between.has(tokens[j]); j++, seen++) {
      if (c.cues.has(tokens[j])) cue = true;
      if (c.before.has(tokens[j])) bound = 'before';
      if (c.after.has(tokens[j])) bound = 'after';
    }
    const time = timeAt(tokens, j);
    if (!time || !(time.cued || cue)) continue;
    return { minutes: time.minutes, ...(bound ? { bound } : {}), words: tokens.slice(i, j + time.length).join(' ') };
  }
  return undefined;
}

/** From this time on (17:00), a time said is the evening before the collection day. */
const EVENING = 17 * 60;

/** "07:00" → minutes after midnight. */
export function minutesOf(hhmm: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * Whether a time said answers "…by `by`?" with yes or no: at or before it (or "before" a time at or before it) yes; after
 * it (or "after" a time at or after it) no; undefined when the words leave it open ("before 8", "after 6").
 */
export function answersByTime(time: ClockTime, by: number): 'yes' | 'no' | undefined {
  // An evening time ("out at 8pm") is the evening before.
  if (time.minutes >= EVENING && !time.bound) return 'yes';
  if (time.bound === 'before') return time.minutes <= by ? 'yes' : undefined;
  if (time.bound === 'after') return time.minutes >= by ? 'no' : undefined;
  return time.minutes <= by ? 'yes' : 'no';
}
