import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../intents/trainingData';
import { yamlSchemaProblems } from '../intents/yamlProblems';
import { localeFolders } from '../platform/localeFolders';
import { packageRoot } from '../platform/packageRoot';
import { DEFAULT_LOCALE } from './intentMessages';
import { escapeRegExp } from '../platform/escapeRegExp';

/**
 * How a context's phrases are matched against a resident's message (case ignored, spaces around):
 * - whole: the message is one of the phrases, and nothing else but full stops and exclamation marks;
 *   with `then`, each phrase may be followed by any number of the `then` phrases ("yes please thanks");
 *   `then_anything` phrases may be followed by anything ("yes, and…").
 * - first: the message starts with one of the phrases as whole words ("no, …"), after any number of the `after` words, each
 *   with , . or ! and spaces after it ("and so, how…"); `not_followed_by`
 *   phrases may not come next ("no idea" is not a no); one of the `then` phrases, when it comes next, is
 *   taken with it ("yes please, …": what is left after the match is the rest of the message).
 * - begins: the message starts with one of the phrases, even inside a word ("changes" begins with "change").
 * - contains: a phrase is anywhere in the message, even inside a word.
 * - words: a phrase is anywhere in the message as whole words.
 * - asked: as whole, and a question mark may end it too ("help?").
 * - joins: a phrase, between spaces, starts a new clause ("… and also …"): where a message may be cut.
 * - clause: a phrase as a whole word, and the rest of its clause up to , . ; ! or ? ("not 5, 15"): what
 *   is left out of the message. A space in a phrase is any run of spaces; the longest phrase is taken.
 * - splits: a phrase between spaces (a comma may come before it, a second phrase after it: "n also"), when one of the
 *   `then` phrases follows as whole words ("…wasn't collected, and also can you…"): where a message may be cut into two needs; the cut takes the phrase.
 * - opens: words that open a message without saying what it is for, any number of them, from its start: a phrase as whole
 *   words, then any spaces and , . ! : ; – — - ("hang on", "by the way,"); a `with_punctuation` phrase only with one of those
 *   marks after it ("wait,", "so:"); an `as_sentence` phrase only as a sentence of its own, a full stop or exclamation mark
 *   after it ("Thank you very much."). The longest phrase is taken; what the match takes is cut from the message.
 * - spans: the message starts with one of the phrases, then a space and any words (letters and spaces, as few as will do), then one of
 *   the `then` phrases at the end of a word, a space, , . ! or the end after it ("finish the light report, …"): what the match
 *   takes is cut from the message.
 * - part: one of the phrases, no more: a part of a longer pattern whose order the code keeps (dialogs/questionWords.ts builds
 *   "what … go … in the … bin" from its parts); `not_followed_by` phrases may not come next, after spaces.
 */
type MatchKind = 'whole' | 'first' | 'begins' | 'contains' | 'words' | 'asked' | 'joins' | 'clause' | 'splits' | 'opens' | 'spans' | 'part';

/** Each context of knowledge/messages/<locale>/vocabulary.yaml and how it is matched. The code asks for these; the words are content. */
const CONTEXTS = {
  stop_confirmed: 'whole',
  keep_going: 'whole',
  resume_declined: 'whole',
  skip: 'whole',
  done: 'whole',
  send_confirmed: 'whole',
  change_requested: 'begins',
  yes_first: 'first',
  no_first: 'first',
  address_not_listed: 'contains',
  person_accepted: 'whole',
  bare_answer_to_person: 'whole',
  article_helped: 'whole',
  article_not_helped: 'whole',
  closing: 'whole',
  nothing_more: 'whole',
  start_again: 'whole',
  carry_on: 'whole',
  cancel: 'whole',
  stopping: 'words',
  call_back_accepted: 'first',
  call_back_declined: 'first',
  leave_queue: 'whole',
  leave_chat: 'whole',
  something_else: 'whole',
  help: 'asked',
  bare_yes_no: 'whole',
  wants: 'words',
  points_back: 'words',
  request_corrected: 'words',
  points_at_last: 'words',
  qualifies: 'first',
  dont_know: 'whole',
  clause_joins: 'joins',
  need_joins: 'splits',
  reason_given: 'clause',
  rest_opens: 'first',
  bare_no: 'whole',
  same_place: 'words',
  asks_next_collection: 'words',
  bin_named_again: 'words',
  bin_day_asked: 'words',
  another_need: 'words',
  wrong_place: 'clause',
  detail_corrected: 'words',
  detail_corrected_first: 'first',
  only: 'words',
  also: 'words',
  resume_accepted: 'first',
  carry_on_accepted: 'first',
  request_named: 'spans',
  person_declined: 'whole',
  asks_for_person: 'words',
  opens_message: 'opens',
  negates_value: 'whole',
  house_number_cue: 'whole',
  place_before_number: 'whole',
  negates: 'whole',
  negation_filler: 'whole',
  negation_filler_welsh: 'whole',
  not_code_letters: 'whole',
  not_code_capitals: 'whole',
  measure_filler: 'whole',
  place_preposition: 'whole',
  place_article: 'whole',
  rough_count_of: 'whole',
  word_ending: 'whole',
  follow_up_opens: 'first',
  follow_up_points_back: 'words',
  follow_up_pronoun: 'words',
  follow_up_not_pronoun: 'words',
  street_where: 'whole',
  street_article: 'whole',
  street_number_cue: 'whole',
  street_place_noun: 'whole',
  street_not_landmark: 'whole',
  choice_filler: 'whole',
  choice_article: 'whole',
  send_confirmed_words: 'whole',
  send_confirmed_needs: 'whole',
  send_confirmed_not: 'whole',
  title_filler: 'whole',
  own_question: 'first',
  acknowledges: 'whole',
  new_request: 'words',
  drops_request: 'words',
  call_back_confirmed: 'first',
  not_reference_letters: 'whole',
  own_report: 'words',
  place_needs_house_word: 'whole',
  name_said: 'words',
  name_said_maybe: 'words',
  name_title: 'whole',
  name_stop: 'whole',
  list_restated: 'words',
  list_takes_off: 'words',
  day_asked_filler: 'whole',
  extras_declined: 'words',
  no_reference: 'words',
  not_sending: 'first',
  no_thanks: 'whole',
  asks_to_book: 'words',
  street_type: 'words',
  anonymous: 'words',
  send_named: 'words',
  send_named_ends: 'joins',
  extras_declined_whole: 'whole',
  bare_ask_for_person: 'asked',
  place_said_opens: 'words',
  asks_for_service: 'words',
  asks_about_service: 'words',
  asks_price_or_limits: 'words',
  asks_when: 'first',
  asks_information: 'first',
  asks_information_words: 'words',
  goes_in_asks: 'part',
  goes_in_verb: 'part',
  goes_in: 'part',
  container_owner: 'part',
  container: 'part',
  take_myself_asks: 'part',
  take_verb: 'part',
  take_to: 'part',
  taken_place_article: 'part',
  taken_to_ends: 'part',
  goes_in_whether: 'part',
  goes_into: 'part',
  recycling: 'part',
  colour_verb: 'part',
  colour_article: 'part',
  colour_one: 'part',
  accepts: 'part',
  // --- Address and answer words (dialogs/services) ---
  house_number_opens: 'part',
  house_number_word: 'part',
  position_opens: 'part',
  position_article: 'part',
  position_noun: 'part',
  position_list: 'part',
  position_ends: 'part',
  later_number_where: 'part',
  later_number_word: 'part',
  later_number_by: 'part',
  items_counted: 'part',
  vague_choice: 'part',
  vague_choice_also: 'part',
  name_prefix: 'part',
  opening_ends: 'part',
  weekday_before: 'part',
  weekday_start: 'part',
  weekday_end: 'part',
  street_not_before: 'part',
  rough_count_joins: 'whole',
  rough_count_joins_welsh: 'whole',
  // --- Routing words (dialogs/routingWords.ts, dialogs/router.ts) ---
  reference_owner: 'part',
  reference_noun: 'part',
  reference_number_word: 'part',
  reference_is: 'part',
  reference_courtesy: 'part',
  carry_on_before: 'part',
  carry_on_please: 'part',
  carry_on_phrase: 'part',
  question_joined_opens: 'part',
  place_at: 'part',
  place_number_short: 'part',
  place_number_word: 'part',
  place_street_ends: 'part',
  // --- Street words (intents/entities, dialogs/services/slots/readers) ---
  contact_anonymous: 'contains',
} as const satisfies Record<string, MatchKind>;

export type VocabularyContext = keyof typeof CONTEXTS;

/** Letters and digits only: a word of a message folded (lower case, no apostrophes: dialogs/services/slotReader.ts foldText), or a word that has none. */
const FOLDED_WORD = /^[\p{L}\p{N}]+$/u;
/** Letters and digits, straight apostrophes inside a word kept ("it's"): a word of a choice or a yes said (dialogs/services/answers.ts). */
const WORD_WITH_APOSTROPHES = /^[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*$/u;

/**
 * Contexts read against one word of a message at a time (`whole` on that word, as a set of words): each phrase is one
 * word, of letters and digits only, or with apostrophes inside it where the code keeps them ("it's").
 */
const ONE_WORD: Partial<Record<VocabularyContext, RegExp>> = {
  negates_value: FOLDED_WORD,
  house_number_cue: FOLDED_WORD,
  place_before_number: FOLDED_WORD,
  place_needs_house_word: FOLDED_WORD,
  negates: FOLDED_WORD,
  negation_filler: FOLDED_WORD,
  negation_filler_welsh: FOLDED_WORD,
  not_code_letters: FOLDED_WORD,
  not_code_capitals: FOLDED_WORD,
  not_reference_letters: FOLDED_WORD,
  measure_filler: FOLDED_WORD,
  place_preposition: FOLDED_WORD,
  place_article: FOLDED_WORD,
  rough_count_of: FOLDED_WORD,
  word_ending: FOLDED_WORD,
  street_where: FOLDED_WORD,
  street_article: FOLDED_WORD,
  street_number_cue: FOLDED_WORD,
  street_place_noun: FOLDED_WORD,
  street_not_landmark: FOLDED_WORD,
  choice_filler: WORD_WITH_APOSTROPHES,
  choice_article: FOLDED_WORD,
  send_confirmed_words: WORD_WITH_APOSTROPHES,
  send_confirmed_needs: WORD_WITH_APOSTROPHES,
  send_confirmed_not: WORD_WITH_APOSTROPHES,
  title_filler: FOLDED_WORD,
  rough_count_joins: FOLDED_WORD,
  rough_count_joins_welsh: FOLDED_WORD,
};

const phrases = z.array(z.string().trim().min(1)).min(1);
const entrySchema = z
  .object({
    phrases,
    then: phrases.optional(),
    then_anything: phrases.optional(),
    not_followed_by: phrases.optional(),
    after: phrases.optional(),
    with_punctuation: phrases.optional(),
    as_sentence: phrases.optional(),
  })
  .strict();
// Each context optional here: a missing one is reported by readVocabulary, at the line where it belongs.
const fileSchema = z
  .object(Object.fromEntries(Object.keys(CONTEXTS).map((c) => [c, entrySchema.optional()])) as Record<VocabularyContext, z.ZodOptional<typeof entrySchema>>)
  .strict();
type Entry = z.infer<typeof entrySchema>;

/** What each context's words accept, compiled. */
export type Vocabulary = Record<VocabularyContext, RegExp>;

/** The path of a locale's vocabulary: `<messagesDir>/<locale>/vocabulary.yaml`. */
export function vocabularyFile(messagesDir: string, locale = DEFAULT_LOCALE): string {
  return path.join(messagesDir, locale, 'vocabulary.yaml');
}

/** A choice in a phrase: `[speak|talk]` one of its words; with an empty one (`[a|an|]`), none of them too. */
const CHOICE = /\[([^[\]]*)\]/g;

/** A word of a phrase that stands for any one word (letters, digits, _): "won't the * take" ("won't the council take"). */
const ANY_WORD = '*';
const hasAnyWord = (phrase: string): boolean => phrase.split(/\s+/).includes(ANY_WORD);

/**
 * A phrase as a regular expression: its words as written, or, when it holds choices in square brackets
 * ("[speak|talk] to [a|an|] [person|human]") or a `*` for any one word, every phrase the choices make, words apart by
 * any run of spaces.
 */
function phraseSource(phrase: string): string {
  if (!phrase.includes('[') && !hasAnyWord(phrase)) return escapeRegExp(phrase);
  const parts = phrase.split(/(\[[^[\]]*\])|\s+/).filter((p): p is string => !!p);
  let source = '';
  let after = false;
  for (const part of parts) {
    if (part === ANY_WORD) {
      source += `${after ? '\\s+' : ''}\\w+`;
      after = true;
      continue;
    }
    const choices = part.startsWith('[') ? part.slice(1, -1).split('|') : [part];
    const words = `(?:${choices
      .filter(Boolean)
      .map((c) => escapeRegExp(c.trim()).replace(/ +/g, '\\s+'))
      .join('|')})`;
    if (!choices.includes('')) source += `${after ? '\\s+' : ''}${words}`;
    else source += after ? `(?:\\s+${words})?` : `(?:${words}\\s+)?`;
    after ||= !choices.includes('');
  }
  return source;
}

/** What is wrong with a phrase's choices, if anything: brackets that do not pair, an empty choice, or nothing that must be said. */
function choiceProblem(phrase: string): string | undefined {
  const outside = phrase.replace(CHOICE, ' ');
  if (/[[\]]/.test(outside)) return `"${phrase}": a [ without its ] (or the other way round), or a choice inside another`;
  if (/[^\s[]\[|\][^\s\]]/.test(phrase)) return `"${phrase}": a choice in [ ] needs a space between it and the words beside it`;
  const choices = [...phrase.matchAll(CHOICE)].map((m) => m[1].split('|').map((c) => c.trim()));
  if (choices.some((c) => c.every((w) => !w))) return `"${phrase}": an empty choice []`;
  if (!outside.trim() && choices.every((c) => c.includes(''))) return `"${phrase}": every choice may be left out, so it matches nothing at all`;
  if (outside.split(/\s+/).every((w) => !w || w === ANY_WORD) && choices.every((c) => c.includes('')))
    return `"${phrase}": nothing but * (any word) and choices that may be left out, so it matches any word at all`;
  return undefined;
}

const anyOf = (list: readonly string[]): string => list.map(phraseSource).join('|');
/** Longest first, so that where the match's extent matters the longest phrase is taken ("not no." before "not"). */
const longestFirst = (list: readonly string[]): string[] => [...list].sort((a, b) => b.length - a.length);

/** A context's phrases as the matcher its kind says. */
export function compile(kind: MatchKind, entry: Entry): RegExp {
  switch (kind) {
    case 'whole': {
      const alternatives = [...entry.phrases.map(phraseSource), ...(entry.then_anything ?? []).map((p) => `${phraseSource(p)}\\b.*`)].join('|');
      const then = entry.then ? `([,.!\\s]+(${anyOf(entry.then)}))*` : '';
      return new RegExp(`^\\s*(${alternatives})${then}\\s*[.!]*\\s*$`, 'i');
    }
    case 'first': {
      const after = entry.after ? `(?:(?:${anyOf(entry.after)})[,.!]?\\s+)*` : '';
      const not = entry.not_followed_by ? `(?!\\s+(${anyOf(entry.not_followed_by)})\\b)` : '';
      const then = entry.then ? `(?:[\\s,.!]*(?:${anyOf(entry.then)}))?[\\s,.!]*` : '';
      return new RegExp(`^\\s*${after}(${anyOf(entry.phrases)})\\b${not}${then}`, 'i');
    }
    case 'begins':
      return new RegExp(`^\\s*(${anyOf(entry.phrases)})`, 'i');
    case 'contains':
      return new RegExp(`(${anyOf(entry.phrases)})`, 'i');
    case 'words':
      return new RegExp(`\\b(${anyOf(entry.phrases)})\\b`, 'i');
    case 'asked':
      return new RegExp(`^\\s*(${anyOf(entry.phrases)})\\s*[.!?]*\\s*$`, 'i');
    case 'joins':
      return new RegExp(`\\s+(?=(?:${anyOf(entry.phrases)})\\s)`, 'iu');
    case 'splits': {
      const joins = anyOf(longestFirst(entry.phrases));
      return new RegExp(`,?\\s+(?:${joins})(?:\\s+(?:${joins}))?\\s+(?=(?:${anyOf(entry.then ?? [])})(?![\\p{L}\\p{N}]))`, 'iu');
    }
    case 'opens': {
      const branches = [
        entry.with_punctuation ? `(?:${anyOf(longestFirst(entry.with_punctuation))})\\s*[,.!:;–—-]+` : '',
        entry.as_sentence ? `(?:${anyOf(longestFirst(entry.as_sentence))})\\s*[.!]+` : '',
        `(?:${anyOf(longestFirst(entry.phrases))})\\b[\\s,.!:;–—-]*`,
      ].filter(Boolean);
      return new RegExp(`^\\s*(?:(?:${branches.join('|')})\\s*)+`, 'i');
    }
    case 'spans':
      return new RegExp(`^\\s*(?:${anyOf(entry.phrases)}) [\\p{L} ]*?(?:${anyOf(entry.then ?? [])})(?=[\\s,.!]|$)`, 'iu');
    case 'part': {
      const not = entry.not_followed_by ? `(?!\\s+(?:${anyOf(entry.not_followed_by)}))` : '';
      return new RegExp(`(?:${anyOf(entry.phrases)})${not}`, 'i');
    }
    case 'clause':
      return new RegExp(
        `\\b(?:${longestFirst(entry.phrases)
          .map((p) => phraseSource(p).replace(/ +/g, '\\s+'))
          .join('|')})\\s+[^,.;!?]*`,
        'i',
      );
  }
}

/** A locale's vocabulary compiled, and the problems of its file, each with its line. */
export function readVocabulary(file: string): { vocabulary?: Vocabulary; problems: ContentProblem[] } {
  const text = fs.readFileSync(file, 'utf8');
  const { data, problems, keyLines: lines, readable } = yamlSchemaProblems(file, text, fileSchema);
  // Only a file that is a map of contexts can lack one (a file YAML cannot read has its own problem).
  if (lines.size && readable) problems.push(...missing(file, lines, text.split('\n').length));
  if (problems.length || !data) return { problems };
  for (const [context, entry] of Object.entries(data) as Array<[VocabularyContext, Entry]>) {
    const kind: MatchKind = CONTEXTS[context];
    const allowed: Array<keyof Entry> =
      kind === 'whole'
        ? ['then', 'then_anything']
        : kind === 'first'
          ? ['not_followed_by', 'then', 'after']
          : kind === 'splits' || kind === 'spans'
            ? ['then']
            : kind === 'opens'
              ? ['with_punctuation', 'as_sentence']
              : kind === 'part'
                ? ['not_followed_by']
                : [];
    for (const phrase of [
      entry.phrases,
      entry.then,
      entry.then_anything,
      entry.not_followed_by,
      entry.after,
      entry.with_punctuation,
      entry.as_sentence,
    ].flatMap((list) => list ?? [])) {
      const problem = choiceProblem(phrase);
      if (problem) problems.push({ severity: 'error', file, line: lines.get(context), message: `${context}: ${problem}` });
    }
    const oneWord = ONE_WORD[context];
    if (oneWord)
      for (const phrase of entry.phrases.filter((p) => !oneWord.test(p)))
        problems.push({
          severity: 'error',
          file,
          line: lines.get(context),
          message: `${context}: "${phrase}" is not one word (each word of a message is read on its own, ${oneWord === FOLDED_WORD ? 'without apostrophes' : "an apostrophe written '"})`,
        });
    if (kind === 'splits' && !entry.then)
      problems.push({ severity: 'error', file, line: lines.get(context), message: `${context}: "then" is needed (the words that start what follows)` });
    if (kind === 'spans' && !entry.then)
      problems.push({ severity: 'error', file, line: lines.get(context), message: `${context}: "then" is needed (the words that end what is taken)` });
    for (const key of ['then', 'then_anything', 'not_followed_by', 'after', 'with_punctuation', 'as_sentence'] as const) {
      if (entry[key] && !allowed.includes(key))
        problems.push({
          severity: 'error',
          file,
          line: lines.get(context),
          message: `${context}: "${key}" does not apply here (${context} takes ${['phrases', ...allowed].join(', ')})`,
        });
    }
  }
  if (problems.length) return { problems };
  return {
    vocabulary: Object.fromEntries(
      Object.entries(data).map(([context, entry]) => [context, compile(CONTEXTS[context as VocabularyContext], entry)]),
    ) as Vocabulary,
    problems,
  };
}

/** Each context the file lacks, at the line of the next context it has in the project's own order (else its last line): add it there. */
function missing(file: string, lines: Map<string, number>, lastLine: number): ContentProblem[] {
  const contexts = Object.keys(CONTEXTS);
  return contexts
    .filter((context) => !lines.has(context))
    .map((context) => {
      const next = contexts.slice(contexts.indexOf(context) + 1).find((other) => lines.has(other));
      return {
        severity: 'error' as const,
        file,
        line: next ? lines.get(next) : lastLine,
        message: `${context}: missing (add it ${next ? `before ${next}` : 'at the end'})`,
      };
    });
}

/** Reads and compiles a locale's vocabulary; throws naming file and line of each mistake. */
export function loadVocabulary(file: string): Vocabulary {
  const { vocabulary, problems } = readVocabulary(file);
  if (!vocabulary) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return vocabulary;
}

/**
 * The council's own vocabulary when its messages folder has one, else the project's own
 * (knowledge/messages/<locale>/vocabulary.yaml), as replies.yaml and the other message files are
 * chosen. Read by bot/assistant.ts once and handed to the dialogs; throws on a mistake, naming
 * file and line.
 */
export function loadVocabularyOrShipped(messagesDir: string | undefined, locale = DEFAULT_LOCALE): Vocabulary {
  const own = messagesDir ? vocabularyFile(messagesDir, locale) : undefined;
  return loadVocabulary(own && fs.existsSync(own) ? own : vocabularyFile(path.join(packageRoot(__dirname), 'knowledge', 'messages'), locale));
}

/** The checks of `npm run validate`: every locale folder under `messagesDir` must have a right vocabulary.yaml. */
export function vocabularyProblems(messagesDir: string): ContentProblem[] {
  return localeFolders(messagesDir).flatMap((locale) => {
    const file = vocabularyFile(messagesDir, locale);
    return fs.existsSync(file) ? readVocabulary(file).problems : [{ severity: 'error' as const, file, message: `the ${locale} vocabulary is missing` }];
  });
}
