import type { Vocabulary } from '../../knowledge/vocabulary';

/**
 * The vocabulary's words for answers and addresses (knowledge/messages/<locale>/vocabulary.yaml, the block "Address and
 * answer words"), in the patterns that read them: the order, anchors, digits and punctuation are here, the words are content.
 */
export type AnswerWords = Pick<
  Vocabulary,
  | 'house_number_opens'
  | 'house_number_word'
  | 'position_opens'
  | 'position_article'
  | 'position_noun'
  | 'position_list'
  | 'position_ends'
  | 'items_counted'
  | 'vague_choice'
  | 'vague_choice_also'
  | 'name_prefix'
  | 'opening_ends'
  | 'weekday_before'
  | 'weekday_start'
  | 'weekday_end'
  | 'rough_count_joins'
  | 'rough_count_joins_welsh'
>;

/** Each pattern built once for each vocabulary (and, where numbers.yaml's words go in too, for each of them). */
const built = new WeakMap<AnswerWords, Map<string, RegExp>>();
function once(v: AnswerWords, key: string, make: () => RegExp): RegExp {
  let patterns = built.get(v);
  if (!patterns) built.set(v, (patterns = new Map()));
  let pattern = patterns.get(key);
  if (!pattern) patterns.set(key, (pattern = make()));
  return pattern;
}
const s = (r: RegExp): string => r.source;

/** The words before a house number at the address list, from the start: "number 12", "no. 3", "it's 14", "I live at 9". */
export function houseNumberWords(v: AnswerWords): RegExp {
  return once(v, 'houseNumberWords', () => new RegExp(String.raw`^(?:${s(v.house_number_opens)}\s+)*(?:${s(v.house_number_word)}\s*)?`, 'i'));
}

/** A house number said as one in a longer answer ("…it's number 4", "no 4"): the number. */
export function houseNumberSaid(v: AnswerWords): RegExp {
  return once(v, 'houseNumberSaid', () => new RegExp(String.raw`\b${s(v.house_number_word)}\s*(\d+[a-z]?)\b`, 'i'));
}

/** "the second one", "it's the 2nd address please", "last": the whole message a place in a list; `ordinals` a regex choice. */
export function listPositionSaid(v: AnswerWords, ordinals: string): RegExp {
  return once(
    v,
    `listPositionSaid\t${ordinals}`,
    () =>
      new RegExp(
        `^(?:${s(v.position_opens)} )?(?:${s(v.position_article)} )?(${ordinals})(?: (?:${s(v.position_noun)}|${s(v.position_list)}))?(?: ${s(v.position_ends)})?$`,
        'i',
      ),
  );
}

/** "the fourth one", "second address" in a longer answer; `ordinals` a regex choice. */
export function listPositionIn(v: AnswerWords, ordinals: string): RegExp {
  return once(v, `listPositionIn\t${ordinals}`, () => new RegExp(String.raw`\b(?:${s(v.position_article)} )?(?:${ordinals}) ${s(v.position_noun)}\b`, 'i'));
}

/** A total said outright in folded text ("3 items", "6 or 7 of them"): the larger number (first group); `spelled` a regex choice of number words. */
export function totalSaidPattern(v: AnswerWords, spelled: string): RegExp {
  return once(v, `total\t${spelled}`, () => new RegExp(String.raw`\b(?:(?:\d{1,2}|${spelled}) or )?(\d{1,2}|${spelled}) ${s(v.items_counted)}\b`));
}

/** A choice's name too vague to look for in a first message ("Yes", "Something else", "Don't know"), at its start. */
export function vagueChoice(v: AnswerWords): RegExp {
  return once(v, 'vagueChoice', () => new RegExp(String.raw`^(?:${s(v.vague_choice)}|${s(v.vague_choice_also)})\b`, 'i'));
}

/** A choice's name, folded, too vague to read from a message's words ("yes", "other"), at its start. */
export function vagueChoiceName(v: AnswerWords): RegExp {
  return once(v, 'vagueChoiceName', () => new RegExp(String.raw`^${s(v.vague_choice)}\b`));
}

/** The words before a name at the name question ("my name is ", "I'm "), from the start. */
export function namePrefix(v: AnswerWords): RegExp {
  return once(v, 'namePrefix', () => new RegExp(String.raw`^${s(v.name_prefix)}\s+`, 'i'));
}

/** Where the opening part of an answer ends: a full stop, comma and the like, or a joining word ("…one because it's…"). */
export function openingEnds(v: AnswerWords): RegExp {
  return once(v, 'openingEnds', () => new RegExp(String.raw`[.!?;,]\s+|\s+${s(v.opening_ends)}\s+`, 'i'));
}

/** A weekday named on its own ("friday", "on Fri", "since weds."), the whole message. */
export function loneWeekday(v: AnswerWords): RegExp {
  return once(v, 'loneWeekday', () => new RegExp(String.raw`^(?:${s(v.weekday_before)}\s+)?${s(v.weekday_start)}(?:${s(v.weekday_end)})?\.?$`, 'i'));
}
