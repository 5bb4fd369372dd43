import type { Vocabulary } from '../../../knowledge/vocabulary';
import type { Reply } from '../../responses';
import type { ServiceResponses } from '../serviceResponses';
import { saysCorrection } from './corrections';
import type { SlotState } from './slotState';
import { escapeRegExp } from '../../../platform/escapeRegExp';

interface Word {
  text: string;
  folded: string;
  start: number;
  end: number;
}

/**
 * A house beside a street problem, said while another question is open ("It's outside number 11" when asked the
 * number on the lamp post, "opposite no 4", "next to number 9"): where the problem is, added to the place already
 * given ("On Kingfisher Way, outside number 11"), never an answer to the open question; said again with another
 * number as a correction ("sorry, not number 11, it's outside number 13"), it replaces the one given. The words are
 * the vocabulary's (`place_before_number`, `house_number_cue`, `place_needs_house_word`); a number after a word for "not" is
 * the wrong one.
 */
export class HouseBeside {
  constructor(
    /** The vocabulary: a word for a house number ("number", "no"), a place word before it ("outside"), "not", a correction. */
    private readonly words: Vocabulary,
    private readonly responses: ServiceResponses,
  ) {}

  /**
   * Adds the house the message names to a street problem's place, or replaces the one there when the message corrects
   * it (or the summary is open). Returns the place noted (to say), what changed (for "I've changed …"), or undefined.
   */
  amend(state: SlotState, text: string): { noted: Reply } | { changed: string } | undefined {
    const location = state.location;
    const open = state.current?.kind;
    if (state.config.location !== 'street' || !location || open === 'location') return undefined;
    const house = houseBesideIn(text, this.words);
    if (!house) return undefined;
    const given = houseBesideIn(location.text, this.words);
    if (given?.toLowerCase() === house.toLowerCase()) return undefined;
    const corrects = saysCorrection(text, this.words) || open === 'confirm' || open === 'change';
    if (given && !corrects) return undefined;
    const base = given ? location.text.replace(new RegExp(`,?\\s*${escapeRegExp(given)}`, 'i'), '').trim() : location.text;
    state.location = { ...location, text: `${base}, ${house}` };
    return given
      ? { changed: this.responses.changedTo(this.responses.placeName('street'), state.location.text) }
      : { noted: this.responses.placeFound(state.location.text) };
  }
}

/** The last house beside a street problem that a message names, in its own words ("outside number 11"), or undefined. */
export function houseBesideIn(text: string, vocabulary: Vocabulary): string | undefined {
  const words = [...text.matchAll(/[\p{L}\p{N}']+/gu)].map((m) => ({
    text: m[0],
    folded: m[0].toLowerCase().replace(/'/g, ''),
    start: m.index,
    end: m.index + m[0].length,
  }));
  let found: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const phrase = phraseAt(words, i, text, vocabulary);
    if (!phrase) continue;
    found = text.slice(phrase.start, phrase.end);
    i = phrase.last; // "next to number 9" is one, not "to number 9" as well
  }
  return found;
}

/** "outside number 11", "next to no 9", "opposite 4" starting at word `i`; undefined when none starts there. */
function phraseAt(words: Word[], i: number, text: string, w: Vocabulary): { start: number; end: number; last: number } | undefined {
  if (!w.place_before_number.test(words[i].folded)) return undefined;
  // "next to number 9": two place words.
  const second = i + 1 < words.length && w.place_before_number.test(words[i + 1].folded) ? i + 1 : i;
  const cue = second + 1 < words.length && w.house_number_cue.test(words[second + 1].folded) ? second + 1 : undefined;
  const at = (cue ?? second) + 1;
  const number = words[at];
  if (!number || !/^\d{1,4}[a-z]?$/i.test(number.text)) return undefined;
  // "at number 12", not "at 12" (a time): the vocabulary's `place_needs_house_word`.
  if (cue === undefined && w.place_needs_house_word.test(words[second].folded)) return undefined;
  // "not number 11": the wrong one.
  if (i > 0 && w.negates.test(words[i - 1].folded)) return undefined;
  // A number followed by a street ("outside 12 Station Road") is an address, read as one elsewhere.
  const after = words[at + 1];
  if (after && /^\p{Lu}\p{L}/u.test(after.text) && !/[.,;!?]/.test(text.slice(number.end, after.start))) return undefined;
  return { start: words[i].start, end: number.end, last: at };
}
