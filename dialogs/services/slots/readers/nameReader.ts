import type { Vocabulary } from '../../../../knowledge/vocabulary';
import { MAX_NAME_WORDS } from '../limits';

/** At most this many words are a name said in passing ("my name is Margaret Hughes"). */
const MAX_WORDS_IN_PASSING = 4;
/** A word of a name: letters, with an apostrophe or hyphen inside ("O'Brien", "Rees-Mogg"), and a title's full stop ("Mrs."). */
const NAME_WORD = /^\p{L}[\p{L}'’-]*\.?$/u;

/**
 * A name said in passing in any message of a request ("My name is Margaret Hughes and my number is…",
 * "I'm Jo Bloggs", "it's Mrs Hughes"): the vocabulary's `name_said` then the words up to a comma, a full stop,
 * a number or a `name_stop` word; after `name_said_maybe` ("I'm", "it's", which often say something else) only
 * a `name_title` or two words with capitals. First names and the last word as the last name.
 */
export function nameInPassing(text: string, vocabulary: Vocabulary): { first: string; last: string } | undefined {
  for (const [cue, strong] of [
    [vocabulary.name_said, true],
    [vocabulary.name_said_maybe, false],
  ] as const) {
    const re = new RegExp(cue.source, 'gi');
    for (const m of text.matchAll(re)) {
      const after = text.slice((m.index ?? 0) + m[0].length);
      const words = namePart(after, vocabulary);
      if (!words.length) continue;
      const titled = vocabulary.name_title.test(words[0].replace(/\.$/, '').toLowerCase());
      const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
      if (!strong && !(titled ? words.length > 1 && capitals === words.length : words.length >= 2 && capitals === words.length)) continue;
      if (titled && words.length < 2) continue;
      const name = words.slice(0, MAX_NAME_WORDS);
      return { first: name.length > 1 ? name.slice(0, -1).join(' ') : name[0], last: name.length > 1 ? name.at(-1)! : '' };
    }
  }
  return undefined;
}

/** The words of a name at the start of `after`: up to punctuation, a number, a `name_stop` word, or a small word after capitals. */
function namePart(after: string, vocabulary: Vocabulary): string[] {
  const clause = after.split(/[,;:!?()\d]|\.(?:\s|$)/)[0] ?? '';
  const out: string[] = [];
  for (const raw of clause.trim().split(/\s+/).filter(Boolean)) {
    const w = raw.replace(/[.]$/, (d) => (vocabulary.name_title.test(raw.slice(0, -1).toLowerCase()) ? d : ''));
    if (!NAME_WORD.test(w) || vocabulary.name_stop.test(w.toLowerCase().replace(/['’]/g, ''))) break;
    // "Jo Bloggs here": a word in lower case after one with capitals ends the name.
    if (out.length && /^\p{Lu}/u.test(out[0]) && !/^\p{Lu}/u.test(w)) break;
    out.push(w);
    if (out.length === MAX_WORDS_IN_PASSING) break;
  }
  return out;
}

/**
 * A name said beside contact details without "my name is" (`bare`: the message with the email or phone left out):
 * a clause of two or three words that all start with a capital ("…@example.com, Maria Santos"), or one of
 * `name_said_maybe` and a word or two as the whole clause ("07700 900456 its jade"). Never a `name_stop` word.
 */
export function nameBesideContact(bare: string, vocabulary: Vocabulary): { first: string; last: string } | undefined {
  for (const clause of bare.split(/[,;:!?()]|\.(?:\s|$)/)) {
    const words = clause.trim().split(/\s+/).filter(Boolean);
    const plain = (w: string) => NAME_WORD.test(w) && !vocabulary.name_stop.test(w.toLowerCase().replace(/['’.]/g, ''));
    const cue =
      words.length > 1 ? [1, 2].find((n) => new RegExp(`^(?:${vocabulary.name_said_maybe.source})$`, 'i').test(words.slice(0, n).join(' '))) : undefined;
    const name =
      words.length >= 2 && words.length <= 3 && words.every((w) => plain(w) && /^\p{Lu}/u.test(w))
        ? words
        : cue !== undefined && words.length - cue >= 1 && words.length - cue <= 2 && words.slice(cue).every(plain)
          ? words.slice(cue)
          : undefined;
    if (name) {
      const cap = name.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
      return { first: cap.length > 1 ? cap.slice(0, -1).join(' ') : cap[0], last: cap.length > 1 ? cap.at(-1)! : '' };
    }
  }
  return undefined;
}
