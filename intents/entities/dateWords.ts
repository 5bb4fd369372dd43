import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../trainingData';
import { yamlSchemaProblems } from '../yamlProblems';
import { localeFolders } from '../../platform/localeFolders';
import { localePartProblems, type PartKind } from './localeParts';
import { packageRoot } from '../../platform/packageRoot';
import { BASE_LOCALE } from './numberWords';
import { foldWelsh } from './welshFold';

/**
 * The words of days and dates (knowledge/messages/<locale>/dates.yaml): the words are content, the readers
 * (intents/entities/dates.ts for English, welshDates.ts for Welsh) keep the order of a date and ask for the words here.
 * English (en-GB) is read in every language, as the number words are: the date reader (chrono-node) reads English and
 * another language's dates are put into English for it. Another language's file holds the words its reader puts into
 * English.
 */

/** Each part of the file, and which languages' file has it: every language's, the base language's or every other language's. */
const PARTS = {
  today_phrases: 'base',
  not_alone: 'base',
  hints: 'base',
  lone_day_followers: 'each',
  weekdays: 'own',
  months: 'own',
  last: 'own',
  next: 'own',
  this: 'own',
  day: 'own',
  night: 'own',
  month: 'own',
  week: 'own',
  before: 'own',
  ordinal_endings: 'own',
  days: 'own',
  parts_of_day: 'own',
  parts_of_day_this: 'own',
} as const satisfies Record<string, PartKind>;

/** A word as messages are read by the date readers: lower case, no accents (welshFold), an apostrophe allowed ("'ma"). */
const word = z
  .string()
  .regex(/^(?=.*\p{Ll})[\p{Ll}']+$/u, "a word in lower case, letters and ' only")
  .refine((w) => foldWelsh(w) === w, 'without accents, as messages are read');
/** Words apart by one space, each as {@link word}: "this morning". */
const phrase = z.string().regex(/^[\p{Ll}']+(?: [\p{Ll}']+)*$/u, "words in lower case, letters and ' only, one space apart");
const words = z.array(word).min(1);
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
const atLeastOne = (r: object): boolean => Object.keys(r).length > 0;

const schema = z
  .object({
    today_phrases: z.array(phrase).min(1).optional(),
    not_alone: z.array(phrase).min(1).optional(),
    hints: z.record(z.string(), words).refine(atLeastOne, 'at least one group of words').optional(),
    lone_day_followers: words.optional(),
    weekdays: z.record(word, z.enum(WEEKDAYS)).refine(atLeastOne, 'at least one word').optional(),
    months: z.record(word, z.enum(MONTHS)).refine(atLeastOne, 'at least one word').optional(),
    last: words.optional(),
    next: words.optional(),
    this: words.optional(),
    day: words.optional(),
    night: words.optional(),
    month: words.optional(),
    week: words.optional(),
    before: words.optional(),
    ordinal_endings: words.optional(),
    days: z.object({ today: words, yesterday: words, day_before_yesterday: words, tomorrow: words, tonight: words, last_night: words }).strict().optional(),
    parts_of_day: z.object({ this_morning: words, this_afternoon: words }).strict().optional(),
    parts_of_day_this: words.optional(),
  })
  .strict();

/** A locale's date words, read: the base language's parts, or another language's own (the other parts absent). */
export type DateWords = z.infer<typeof schema>;

/** The path of a locale's date words: `<messagesDir>/<locale>/dates.yaml`. */
export function dateWordsFile(messagesDir: string, locale: string): string {
  return path.join(messagesDir, locale, 'dates.yaml');
}

/** A locale's file read, with the problems of it, each with its line. */
export function readDateWords(file: string, locale: string): { words?: DateWords; problems: ContentProblem[] } {
  const text = fs.readFileSync(file, 'utf8');
  const { data, problems, keyLines: lines, readable } = yamlSchemaProblems(file, text, schema);
  if (!readable) return { problems };
  problems.push(
    ...localePartProblems({ path: file, name: 'dates.yaml', locale, baseLocale: BASE_LOCALE, parts: PARTS, lines, lastLine: text.split('\n').length }),
  );
  if (problems.length || !data) return { problems };
  return { words: data, problems };
}

/** The words read, per locale: the council's own once the assistant has started with them, else the project's. */
const loaded = new Map<string, DateWords>();

/** The project's own messages folder (knowledge/messages). */
const shippedDir = (): string => path.join(packageRoot(__dirname), 'knowledge', 'messages');

/**
 * The council's own dates.yaml for a locale when its messages folder has one, else the project's own, as the number words
 * are chosen: read by bot/assistant.ts at start (a mistake stops it, naming file and line), and from then on what
 * {@link dateWords} gives.
 */
export function loadDateWordsOrShipped(messagesDir: string | undefined, locale: string): DateWords {
  const own = messagesDir ? dateWordsFile(messagesDir, locale) : undefined;
  const file = own && fs.existsSync(own) ? own : dateWordsFile(shippedDir(), locale);
  const read = readDateWords(file, locale);
  if (!read.words) throw new Error(read.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  loaded.set(locale, read.words);
  return read.words;
}

/** A locale's date words: those the assistant started with, else the project's own (read once). */
export function dateWords(locale: string = BASE_LOCALE): DateWords {
  return loaded.get(locale) ?? loadDateWordsOrShipped(undefined, locale);
}

/** A part every file of its kind has (validate checks it): its words, or an error naming the file to mend. */
export function required<T>(value: T, part: string, locale: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`${locale}/dates.yaml: ${part}: missing`);
  return value;
}

/** The checks of `npm run validate`: every locale folder under `messagesDir` must have a right dates.yaml. */
export function dateWordsProblems(messagesDir: string): ContentProblem[] {
  return localeFolders(messagesDir).flatMap((locale) => {
    const file = dateWordsFile(messagesDir, locale);
    return fs.existsSync(file) ? readDateWords(file, locale).problems : [{ severity: 'error' as const, file, message: `the ${locale} date words are missing` }];
  });
}
