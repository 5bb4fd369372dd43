import type { VocabularyContext } from '../../knowledge/vocabulary';

/**
 * The vocabulary's address and answer words (issue 20), moved from dialogs/services (addressLookup.ts, answers.ts,
 * placeWords.ts, slotReader.ts, slots/streetPattern.ts, slots/readers/choiceReaders.ts and textReaders.ts): held to the old
 * regexes in tests/knowledge/answerWords.test.ts.
 */
export const ANSWER_WORDS_CONTEXTS = [
  'house_number_opens',
  'house_number_word',
  'position_opens',
  'position_article',
  'position_noun',
  'position_list',
  'position_ends',
  'later_number_where',
  'later_number_word',
  'later_number_by',
  'items_counted',
  'vague_choice',
  'vague_choice_also',
  'name_prefix',
  'opening_ends',
  'weekday_before',
  'weekday_start',
  'weekday_end',
  'street_not_before',
  'rough_count_joins',
  'rough_count_joins_welsh',
] as const satisfies readonly VocabularyContext[];
