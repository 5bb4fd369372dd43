import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../trainingData';
import { yamlSchemaProblems } from '../yamlProblems';
import { localeFolders } from '../../platform/localeFolders';
import { localePartProblems, type PartKind } from './localeParts';
import { packageRoot } from '../../platform/packageRoot';
import { escapeRegExp } from '../../platform/escapeRegExp';
import { foldWelsh } from './welshFold';

/**
 * Numbers, counts and measures said in words (knowledge/messages/<locale>/numbers.yaml): the words are content, the
 * readers (dialogs/services/slotReader.ts, slots/readers/clockTime.ts, answers.ts parseNumber, addressLookup.ts,
 * dates.ts) ask for them here. English (en-GB) is read in every language; another language's file adds its own
 * `numbers` and `counts`, read where that language's counts are read ("dau fag").
 */

/** The language whose words are read in every language. */
export const BASE_LOCALE = 'en-GB';

/** Each part of the file, and whether every language has it (`each`) or only the base language (`base`: read in every language). */
const PARTS = {
  numbers: 'each',
  counts: 'each',
  ordinals: 'each',
  units: 'base',
  measures: 'base',
  minutes: 'base',
  clock: 'base',
  texted_days: 'base',
  address_words: 'base',
  street_words: 'base',
  street_types: 'own',
  question_units: 'base',
} as const satisfies Record<string, PartKind>;

/** A word as a message's words are read (slotReader's foldText): lower case, letters and digits only. */
const word = z.string().regex(/^[\p{Ll}\p{N}]+$/u, 'a word in lower case, letters and digits only');
/** Words apart by one space, each as {@link word}: "in the morning". */
const phrase = z.string().regex(/^[\p{Ll}\p{N}]+(?: [\p{Ll}\p{N}]+)*$/u, 'words in lower case, letters and digits only, one space apart');
/** One word or more, each `word` / each `phrase`. */
const words = z.array(word).min(1);
const phrases = z.array(phrase).min(1);
/** Words as a Welsh message's words are read: each a {@link word} without accents (welshFold: "tŷ" is "ty"). */
const unaccented = z.array(word.refine((w) => foldWelsh(w) === w, 'without accents, as messages are read')).min(1);
const wordValues = (value: z.ZodType<number>) => z.record(word, value).refine((r) => Object.keys(r).length > 0, 'at least one word');
const schema = z
  .object({
    numbers: wordValues(z.number().int().positive()).optional(),
    counts: wordValues(z.number().int().positive()).optional(),
    ordinals: wordValues(
      z
        .number()
        .int()
        .refine((n) => n >= 1 || n === -1, '1 for the first, 2 for the second…, or -1 for the last'),
    ).optional(),
    units: z
      .array(z.object({ cm: z.number().positive(), words: words }).strict())
      .min(1)
      .optional(),
    measures: z
      .array(
        z
          .object({
            say: z.string().regex(/^[\p{Ll}\p{N} [\]|]+$/u, 'words in lower case, choices in [ ]'),
            cm: z.number().positive(),
            not_after_number: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1)
      .optional(),
    minutes: wordValues(z.number().int().min(0).max(59)).optional(),
    clock: z
      .object({
        between: words,
        cues: words,
        before: words,
        after: words,
        half: words,
        quarter: words,
        past: words,
        to: words,
        am: words,
        pm: words,
        o_clock: phrases,
        morning: phrases,
      })
      .strict()
      .optional(),
    texted_days: wordValues(z.number().int().min(0)).optional(),
    address_words: z
      .object({
        street_number: words,
        street_place: words,
        street_flat: words,
        english_number: words,
        english_place: words,
        english_flat: words,
        welsh_number: words,
        welsh_flat: words,
      })
      .strict()
      .optional(),
    street_words: z
      .object({
        suffixes: z
          .array(
            z
              .object({
                words: words,
                canonical: z.string().regex(/^\p{Lu}\p{Ll}*$/u, 'one word with a capital first letter, as the street is written ("Road")'),
                strength: z.enum(['strong', 'weak', 'numbered']),
              })
              .strict(),
          )
          .min(1),
        the_streets: words,
        not_street_after: words,
        not_in_street_name: words,
        more_abbreviations: z.record(word, word),
        before_a_phrase_street: words,
        not_a_phrase_street_after: words,
      })
      .strict()
      .optional(),
    street_types: z
      .object({
        types: z
          .record(z.string().regex(/^\p{Lu}\p{Ll}*$/u, 'one word with a capital first letter, as the street is written ("Lôn")'), z.enum(['strong', 'weak']))
          .refine((r) => Object.keys(r).length > 0, 'at least one word'),
        articles: unaccented,
        not_in_name: unaccented,
      })
      .strict()
      .optional(),
    question_units: z
      .record(z.string().regex(/^\p{Ll}+$/u, 'a word in lower case, as the question names the unit'), words)
      .refine((r) => Object.keys(r).length > 0, 'at least one unit')
      .optional(),
  })
  .strict();
type NumbersFile = z.infer<typeof schema>;

/** A locale's number words, read. The `base` parts are empty in a language other than the base one. */
export interface NumberWords {
  /** "one" → 1 ("dau" → 2 in Welsh). */
  numbers: Readonly<Record<string, number>>;
  /** "a" → 1, "couple" → 2, "few" → 3 ("cwpl" → 2 in Welsh). */
  counts: Readonly<Record<string, number>>;
  /** A place in a list said as a word: "second" → 2, "2nd" → 2, "last" → -1 ("ail" → 2 in Welsh). */
  ordinals: Readonly<Record<string, number>>;
  /** A unit's word → centimetres ("inches" → 2.54). */
  unitCm: ReadonlyMap<string, number>;
  /** Amounts said without a number, in order: a matcher on folded words and its centimetres ("half a metre" → 50). */
  measures: ReadonlyArray<{ pattern: RegExp; cm: number }>;
  /** "thirty" → 30, after an hour. */
  minutes: Readonly<Record<string, number>>;
  /** "yday" → 1 (days before today). */
  textedDays: Readonly<Record<string, number>>;
  /** The words of a clock time (see numbers.yaml `clock`); phrases as their words. */
  clock: ClockWords;
  /** The words around a house number or a flat in an address (see numbers.yaml `address_words`), each list a set. */
  addressWords: AddressWords;
  /** The words that make a street (see numbers.yaml `street_words`), for intents/entities/streetSuffixes.ts. */
  streetWords: StreetWords;
  /** A language whose streets put their type first (see numbers.yaml `street_types`, in cy-GB): for intents/entities/welshStreets.ts; absent in the base language. */
  streetTypes?: StreetTypes;
  /** A unit as a request's question names it ("centimetres") -> the words of it said after a number (see numbers.yaml `question_units`), in the file's order. */
  questionUnits: ReadonlyMap<string, ReadonlySet<string>>;
}

/** numbers.yaml `street_types`: each type word as a street writes it -> its strength, the articles inside a name, the words that end one. */
export interface StreetTypes {
  types: ReadonlyMap<string, 'strong' | 'weak'>;
  articles: ReadonlySet<string>;
  notInName: ReadonlySet<string>;
}

/** numbers.yaml `street_words`: the street-type words (lower-case word -> how the street is written and how sure it is), and the word sets around them. */
export interface StreetWords {
  suffixes: ReadonlyMap<string, { canonical: string; strength: 'strong' | 'weak' | 'numbered' }>;
  theStreets: ReadonlySet<string>;
  notStreetAfter: ReadonlySet<string>;
  notInStreetName: ReadonlySet<string>;
  /** The gazetteer's street finder: abbreviations the suffixes do not hold ("av" -> "avenue"). */
  moreAbbreviations: ReadonlyMap<string, string>;
  /** The gazetteer's street finder: words before a common phrase that make it a street ("on acorn close", "yn Stryd Fawr"). */
  beforeAPhraseStreet: ReadonlySet<string>;
  /** The gazetteer's street finder: words after a phrase that show it is not a street ("the green bin", "street light"). */
  notAPhraseStreetAfter: ReadonlySet<string>;
}

/** numbers.yaml `address_words`: for the street finder (any language), the English address reader, the Welsh one. */
export type AddressWords = Readonly<Record<keyof NonNullable<NumbersFile['address_words']>, ReadonlySet<string>>>;

export interface ClockWords {
  between: ReadonlySet<string>;
  cues: ReadonlySet<string>;
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
  half: ReadonlySet<string>;
  quarter: ReadonlySet<string>;
  past: ReadonlySet<string>;
  to: ReadonlySet<string>;
  am: ReadonlySet<string>;
  pm: ReadonlySet<string>;
  oClock: ReadonlyArray<readonly string[]>;
  morning: ReadonlyArray<readonly string[]>;
}

const NO_ADDRESS_WORDS = {
  street_number: [],
  street_place: [],
  street_flat: [],
  english_number: [],
  english_place: [],
  english_flat: [],
  welsh_number: [],
  welsh_flat: [],
} satisfies Record<keyof AddressWords, string[]>;

const NO_CLOCK = { between: [], cues: [], before: [], after: [], half: [], quarter: [], past: [], to: [], am: [], pm: [], o_clock: [], morning: [] };

/** The path of a locale's number words: `<messagesDir>/<locale>/numbers.yaml`. */
export function numberWordsFile(messagesDir: string, locale: string): string {
  return path.join(messagesDir, locale, 'numbers.yaml');
}

/** Every phrase a `say` makes: "[un|] metr" → "un metr", "metr". */
function sayings(say: string): string[] {
  return say
    .trim()
    .split(/(\[[^[\]]*\])|\s+/)
    .filter((p): p is string => !!p)
    .reduce<string[]>(
      (phrases, part) => {
        const choices = part.startsWith('[') ? part.slice(1, -1).split('|') : [part];
        return phrases.flatMap((p) => choices.map((c) => [p, c.trim()].filter(Boolean).join(' ')));
      },
      [''],
    );
}

/** A locale's file read, with the problems of it, each with its line. */
export function readNumberWords(file: string, locale: string): { words?: NumberWords; problems: ContentProblem[] } {
  const text = fs.readFileSync(file, 'utf8');
  const { data, problems, keyLines: lines, readable } = yamlSchemaProblems(file, text, schema);
  if (!readable) return { problems };
  problems.push(
    ...localePartProblems({ path: file, name: 'numbers.yaml', locale, baseLocale: BASE_LOCALE, parts: PARTS, lines, lastLine: text.split('\n').length }),
  );
  for (const m of data?.measures ?? []) {
    if (/[[\]]/.test(m.say.replace(/\[[^[\]]*\]/g, ' ')) || sayings(m.say).some((s) => !s))
      problems.push({ severity: 'error', file, line: lines.get('measures'), message: `measures: "${m.say}": a [ without its ], or nothing that must be said` });
  }
  const suffixWords = (data?.street_words?.suffixes ?? []).flatMap((s) => s.words);
  for (const w of new Set(suffixWords.filter((w, i) => suffixWords.indexOf(w) !== i)))
    problems.push({ severity: 'error', file, line: lines.get('street_words'), message: `street_words.suffixes: "${w}" is in more than one suffix` });
  if (problems.length || !data) return { problems };
  return { words: compileWords(data), problems };
}

function compileWords(data: NumbersFile): NumberWords {
  return {
    numbers: data.numbers ?? {},
    counts: data.counts ?? {},
    ordinals: data.ordinals ?? {},
    unitCm: new Map((data.units ?? []).flatMap((u) => u.words.map((w) => [w, u.cm] as const))),
    measures: (data.measures ?? []).map((m) => ({
      // Longest first, so that "un metr" is taken whole rather than "metr" alone.
      pattern: new RegExp(
        `${m.not_after_number ? '(?<!\\d )' : ''}\\b(?:${sayings(m.say)
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|')})\\b`,
        'g',
      ),
      cm: m.cm,
    })),
    minutes: data.minutes ?? {},
    textedDays: data.texted_days ?? {},
    clock: clockWords(data.clock ?? NO_CLOCK),
    addressWords: Object.fromEntries(
      Object.entries(data.address_words ?? NO_ADDRESS_WORDS).map(([list, words]) => [list, new Set(words)]),
    ) as unknown as AddressWords,
    streetWords: {
      suffixes: new Map((data.street_words?.suffixes ?? []).flatMap((s) => s.words.map((w) => [w, { canonical: s.canonical, strength: s.strength }] as const))),
      theStreets: new Set(data.street_words?.the_streets),
      notStreetAfter: new Set(data.street_words?.not_street_after),
      notInStreetName: new Set(data.street_words?.not_in_street_name),
      moreAbbreviations: new Map(Object.entries(data.street_words?.more_abbreviations ?? {})),
      beforeAPhraseStreet: new Set(data.street_words?.before_a_phrase_street),
      notAPhraseStreetAfter: new Set(data.street_words?.not_a_phrase_street_after),
    },
    questionUnits: new Map(Object.entries(data.question_units ?? {}).map(([unit, words]) => [unit, new Set(words)])),
    streetTypes: data.street_types && {
      types: new Map(Object.entries(data.street_types.types)),
      articles: new Set(data.street_types.articles),
      notInName: new Set(data.street_types.not_in_name),
    },
  };
}

function clockWords(c: NonNullable<NumbersFile['clock']> | typeof NO_CLOCK): ClockWords {
  const phrases = (list: readonly string[]) => list.map((p) => p.split(' '));
  return {
    between: new Set(c.between),
    cues: new Set(c.cues),
    before: new Set(c.before),
    after: new Set(c.after),
    half: new Set(c.half),
    quarter: new Set(c.quarter),
    past: new Set(c.past),
    to: new Set(c.to),
    am: new Set(c.am),
    pm: new Set(c.pm),
    oClock: phrases(c.o_clock),
    morning: phrases(c.morning),
  };
}

/** The words read, per locale: the council's own once the assistant has started with them, else the project's. */
const loaded = new Map<string, NumberWords>();

/** The project's own messages folder (knowledge/messages). */
const shippedDir = (): string => path.join(packageRoot(__dirname), 'knowledge', 'messages');

/** Reads a locale's words from `file`; throws naming file and line of each mistake. */
function loadNumberWords(file: string, locale: string): NumberWords {
  const read = readNumberWords(file, locale);
  if (!read.words) throw new Error(read.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return read.words;
}

/**
 * The council's own numbers.yaml for a locale when its messages folder has one, else the project's own, as the
 * vocabulary is chosen: read by bot/assistant.ts at start (a mistake stops it, naming file and line), and from then on
 * what {@link numberWords} gives.
 */
export function loadNumberWordsOrShipped(messagesDir: string | undefined, locale: string): NumberWords {
  const own = messagesDir ? numberWordsFile(messagesDir, locale) : undefined;
  const words = loadNumberWords(own && fs.existsSync(own) ? own : numberWordsFile(shippedDir(), locale), locale);
  loaded.set(locale, words);
  return words;
}

/** A locale's number words: those the assistant started with, else the project's own (read once). */
export function numberWords(locale: string = BASE_LOCALE): NumberWords {
  return loaded.get(locale) ?? loadNumberWordsOrShipped(undefined, locale);
}

/** The checks of `npm run validate`: every locale folder under `messagesDir` must have a right numbers.yaml. */
export function numberWordsProblems(messagesDir: string): ContentProblem[] {
  return localeFolders(messagesDir).flatMap((locale) => {
    const file = numberWordsFile(messagesDir, locale);
    return fs.existsSync(file)
      ? readNumberWords(file, locale).problems
      : [{ severity: 'error' as const, file, message: `the ${locale} number words are missing` }];
  });
}
