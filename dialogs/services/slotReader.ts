import { councilChrono } from '../../intents/entities/dates';
import type { ServiceAttribute } from '../../servicerequests/open311/types';
import { addDays } from '../../servicerequests/waste/calendar';
import { pastDayOfMonth, similarWord } from './answers';
import { extractWelshDates } from '../../intents/entities/welshDates';
import type { Vocabulary } from '../../knowledge/vocabulary';
import { answersByTime, clockTimeAfter, minutesOf } from './slots/readers/clockTime';
import { BASE_LOCALE, numberWords } from '../../intents/entities/numberWords';
import { escapeRegExp } from '../../platform/escapeRegExp';
import { totalSaidPattern, vagueChoiceName, type AnswerWords } from './answerWords';

/** What the residents' words mean, per attribute code (knowledge/service-requests.yaml `understands`). */
export type Understands = Record<string, Record<string, string[]>>;
/** The `understands` key of a list attribute for words that name none of its values (the question is asked). */
export const UNCLEAR = 'unclear';
/** The `understands` keys of a yes/no list asked about a time: the time ("07:00") and the words a time is said after. */
export const BY_TIME = 'by_time';
export const TIME_NEAR = 'time_near';

/** One attribute read from a message: the value, and the resident's own words for each value key. */
export interface Reading {
  value: string | string[];
  words: Record<string, string>;
  /** For a list of things: how many of each key the message said ("2 armchairs"), when it said. */
  counts?: Record<string, number | undefined>;
  /** For a list of things: keys said only after "not" ("not the sofa"). */
  dropped?: string[];
}

export interface SlotReaderOptions {
  dates: 'past' | 'future' | 'any';
  /** The attribute counting a list's chosen things (limits: `min: <list code>`), per list code. */
  countOf: Record<string, string>;
  /** Street names to mask first ("The Green" is not the green bin, "Station Road" is not "in the road"). */
  streets: RegExp | undefined;
  today: string;
  now: Date;
  /** 'cy-GB' also reads Welsh days and dates ("ddoe", "ddydd Gwener", "3ydd o Ragfyr"); default English only. */
  locale?: string;
  /**
   * The vocabulary's words for reading answers (knowledge/messages/<locale>/vocabulary.yaml), each tested on one folded word:
   * "not" (`negates`: "not", "isnt"; in Welsh, and before a number, `negates_value` too: "dim 27") and the small words
   * between it and the value (`negation_filler`; in Welsh `negation_filler_welsh` too); a house number's word
   * (`house_number_cue`: "number", "rhif") and the place words before a house (`place_before_number`: "outside", "tu allan i");
   * letters that are no plate's prefix (`not_code_letters`, `not_code_capitals`: "at 12", "NO 5"); words between a
   * measurement's word and its number (`measure_filler`: "width of about 30"); and the words taken with a place
   * (`place_preposition`, `place_article`: "by the garage"); words for a rough number that take "of" before the things
   * (`rough_count_of`: "a couple of chairs", "cwpl o gadeiriau").
   */
  vocabulary: Pick<Vocabulary, SlotReaderContext>;
  /**
   * Per one-choice attribute code, the values that carry urgent advice (service-requests.yaml `urgent`), in order: when a
   * message names two values and one of these is among them ("knocked over… wires hanging out"), the first of them is
   * the answer (the report goes as the more urgent fault) rather than the question being asked.
   */
  urgentValues?: Record<string, string[]>;
}

/** The vocabulary's contexts a slot reader reads with. */
type SlotReaderContext =
  | 'negates'
  | 'negates_value'
  | 'negation_filler'
  | 'negation_filler_welsh'
  | 'house_number_cue'
  | 'place_before_number'
  | 'not_code_letters'
  | 'not_code_capitals'
  | 'measure_filler'
  | 'place_preposition'
  | 'place_article'
  | 'rough_count_of'
  | 'word_ending'
  | keyof AnswerWords;

/**
 * Numbers and counts said in words ("two chairs", "a couple of chairs", "a few black bags"), English, read in every language;
 * and the Welsh ones, read in Welsh only ("deg bag", "dwy gadair", "ychydig o fagiau"): knowledge/messages/<locale>/numbers.yaml.
 */
const englishCounts = (): Readonly<Record<string, number>> => countWords(BASE_LOCALE);
const countWords = (locale: string): Readonly<Record<string, number>> => {
  const words = numberWords(locale);
  return (COUNTS[locale] ??= { ...words.counts, ...words.numbers });
};
const COUNTS: Record<string, Record<string, number>> = {};
/**
 * "3 items", "2 things", "5 things together", "maybe 6 or 7 of them" (the things just named): a total said outright, the
 * vocabulary's `items_counted` after the number. Of a range ("6 or 7"), the larger number (the first group). A number in
 * words is one of the English `numbers`.
 */
const spelledChoices = new WeakMap<object, string>();
const totalPattern = (vocabulary: AnswerWords): RegExp => {
  const numbers = numberWords(BASE_LOCALE).numbers;
  let spelled = spelledChoices.get(numbers);
  if (spelled === undefined) spelledChoices.set(numbers, (spelled = Object.keys(numbers).map(escapeRegExp).join('|')));
  return totalSaidPattern(vocabulary, spelled);
};
/** A measurement unit's word as centimetres ("inches" → 2.54), else undefined. */
const unitCm = (word: string | undefined): number | undefined => numberWords(BASE_LOCALE).unitCm.get(word ?? '');
/** A code on a plate ("BA14", "SR 22", "AT-123"); lower-case letters only when joined to the digits ("sr22"). */
const CODE = /\b([A-Za-z]{1,3})([ -]?)(\d{1,5}[A-Za-z]?)\b/g;
/** Digits alone, as a plate may carry ("27"): not part of a word, a decimal or a time. */
const BARE_NUMBER = /(?<![\p{L}\p{N}.:£/])(\d{1,5}[A-Za-z]?)(?![\p{N}.:/]\d|[\p{L}\p{N}])/gu;
const POSTCODE = /\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b/gi;

/** Amounts said in words, as numbers with units: "half a metre" → 50 cm, "a metre" → 100 cm, "a foot" → 30 cm (the `measures` of numbers.yaml). */
function spelledMeasures(tokens: string[]): string[] {
  return numberWords(BASE_LOCALE)
    .measures.reduce((text, m) => text.replace(m.pattern, `${m.cm} cm`), tokens.join(' '))
    .split(' ')
    .filter(Boolean);
}

/** A total said outright ("just them 2 things", "5 items"), or undefined. */
export function totalSaid(text: string, vocabulary: AnswerWords): number | undefined {
  const m = totalPattern(vocabulary).exec(foldText(text));
  return m ? (/^\d/.test(m[1]) ? Number(m[1]) : englishCounts()[m[1]]) : undefined;
}

/** Lower case, no apostrophes ("can't" = "cant"), words and numbers only: what phrases are matched against. */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/(\d)\s*(cm|mm|m)\b/g, '$1 $2')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Match {
  key: string;
  start: number;
  end: number;
  negated: boolean;
  /** The last word was said in the plural ("chairs"): one or more. */
  plural: boolean;
}

/**
 * Reads every field of a service request a message holds: list values by their names and by the
 * service's own vocabulary (`understands`), yes/no answers from phrases, measurements next to
 * their words ("25 wide 6 deep"), a code on a plate near its words ("number on it is BA14"),
 * counts of things ("2 armchairs and a fridge"), a date, and "can't see a number" as a skip.
 * A value said after "not" is the wrong one; two values for one choice are not read (asked).
 */
export class SlotReader {
  constructor(
    private readonly attributes: ServiceAttribute[],
    private readonly understands: Understands,
    private readonly options: SlotReaderOptions,
  ) {}

  /** `taken`: attributes that have an answer (a bare plate code then corrects it). `current`: the one asked. */
  read(text: string, current?: string, taken: Set<string> = new Set()): Map<string, Reading> {
    const masked = this.mask(text);
    const tokens = foldText(masked).split(' ').filter(Boolean);
    const out = new Map<string, Reading>();
    for (const a of this.attributes) {
      const vocab = this.understands[a.code] ?? {};
      let reading: Reading | undefined;
      if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') reading = this.readList(a, vocab, tokens);
      else if (a.datatype === 'number')
        reading = Object.values(this.options.countOf).includes(a.code) ? this.readTotal(tokens) : this.readMeasure(a, vocab, tokens);
      else if (a.datatype === 'datetime') reading = this.readDate(masked);
      else if (a.datatype === 'string') reading = this.readCode(a, vocab, masked, tokens, current === a.code || taken.has(a.code), current === a.code);
      else if (a.datatype === 'text') reading = this.readPlace(vocab, tokens);
      if (reading) out.set(a.code, reading);
    }
    return out;
  }

  private mask(text: string): string {
    let t = text.replace(POSTCODE, ' § ');
    if (this.options.streets) t = t.replace(this.options.streets, ' § ');
    return t;
  }

  private phrases(a: ServiceAttribute, vocab: Record<string, string[]>): [string, string[]][] {
    const out: [string, string[]][] = [];
    for (const v of a.values ?? []) {
      const name = foldText(v.name);
      // A name too vague to read from a message's words ("Yes", "Other"): the vocabulary's `vague_choice`.
      if (name.length >= 3 && !vagueChoiceName(this.options.vocabulary).test(name)) out.push([v.key, name.split(' ')]);
      for (const p of vocab[v.key] ?? []) out.push([v.key, foldText(p).split(' ')]);
    }
    // Words that hold a value's words but name none ("not working properly" is no fault named, though "not working" is): matched
    // like the values, so that the longer phrase hides the value inside it, and then read as nothing.
    for (const p of vocab[UNCLEAR] ?? []) out.push([UNCLEAR, foldText(p).split(' ')]);
    return out;
  }

  private matches(phrases: [string, string[]][], tokens: string[]): Match[] {
    const found: Match[] = [];
    for (const [key, words] of phrases) {
      for (let i = 0; i + words.length <= tokens.length; i++) {
        if (
          !words.every((w, j) => sameWord(tokens[i + j], w, this.options.vocabulary.word_ending)) ||
          found.some((f) => f.key === key && f.start === i && f.end === i + words.length)
        )
          continue;
        const last = tokens[i + words.length - 1];
        found.push({
          key,
          start: i,
          end: i + words.length,
          negated: negatedAt(tokens, i, this.options.vocabulary, this.options.locale === 'cy-GB'),
          // "chairs" for "chair", or a phrase that names things in the plural itself ("black bags", "sacks"; not one thing
          // named with "of", "chest of drawers"): how many is not said.
          // Read in English only: a Welsh word ending in s is no plural ("matras").
          plural:
            (last !== words.at(-1) && /s$/.test(last) && !/s$/.test(words.at(-1)!)) ||
            (this.options.locale !== 'cy-GB' && /[^s]s$/.test(last) && !words.includes('of')),
        });
      }
    }
    // A longer phrase holds the shorter ones inside it ("not dangerous" over "dangerous").
    return found.filter((m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  }

  private readList(a: ServiceAttribute, vocab: Record<string, string[]>, tokens: string[]): Reading | undefined {
    const all = this.matches(this.phrases(a, vocab), tokens);
    const kept = all.filter((m) => !m.negated && m.key !== UNCLEAR);
    let keys = [...new Set([...kept].sort((x, y) => x.start - y.start).map((m) => m.key))];
    // "it was out at 6.30" for "Was the bin out by 7am?": a clock time said after the question's words (`by_time`, `time_near`).
    const timed = this.readClock(a, vocab, tokens);
    if (timed && !keys.includes(timed.key)) keys.push(timed.key);
    // "I meant the grey one, not the green one. The green one isn't until next week": a value said after "not" is not the
    // one meant, though it is named again; the one left is.
    if (a.datatype === 'singlevaluelist' && keys.length > 1) {
      const unsaid = keys.filter((k) => !all.some((m) => m.negated && m.key === k));
      if (unsaid.length === 1) keys = unsaid;
    }
    if (!keys.length) return undefined;
    const urgent = a.datatype === 'singlevaluelist' && keys.length > 1 ? this.options.urgentValues?.[a.code]?.find((k) => keys.includes(k)) : undefined;
    if (urgent) keys = [urgent];
    if (a.datatype === 'singlevaluelist' && keys.length > 1) return undefined; // two answers: ask
    if (timed && !kept.length) return { value: timed.key, words: { [timed.key]: timed.words }, counts: {}, dropped: [] };
    const words: Record<string, string> = {};
    const counts: Record<string, number | undefined> = {};
    for (const key of keys) {
      const spans = kept.filter((m) => m.key === key).sort((x, y) => x.start - y.start);
      const said: string[] = [];
      let total: number | undefined = 0;
      for (const m of spans) {
        const { n, words: before } = this.countBefore(tokens, m.start);
        const phrase = tokens.slice(m.start, m.end).join(' ');
        said.push(n !== undefined && n > 1 ? `${before} ${phrase}` : phrase);
        // "a fridge", "the sofa", "sofa" → 1; "chairs" with no number → not known.
        const count = n ?? (m.plural ? undefined : 1);
        total = total === undefined || count === undefined ? undefined : total + count;
      }
      words[key] = [...new Set(said)].join(', ');
      counts[key] = total;
    }
    const dropped = [...new Set(all.filter((m) => m.negated && m.key !== UNCLEAR && !keys.includes(m.key)).map((m) => m.key))];
    return { value: a.datatype === 'multivaluelist' ? keys : keys[0], words, counts, dropped };
  }

  /** A yes or no from a clock time said after one of `time_near` ("out at half past six"), against `by_time` ("07:00"). */
  private readClock(a: ServiceAttribute, vocab: Record<string, string[]>, tokens: string[]): { key: string; words: string } | undefined {
    const by = minutesOf(vocab[BY_TIME]?.[0] ?? '');
    const near = (vocab[TIME_NEAR] ?? []).map((w) => foldText(w).split(' '));
    if (by === undefined || !near.length || !(a.values ?? []).some((v) => v.key === 'yes')) return undefined;
    const time = clockTimeAfter(tokens, near);
    const key = time ? answersByTime(time, by) : undefined;
    return key && time ? { key, words: time.words } : undefined;
  }

  /** The number said just before the things at `start` ("2 chairs", "ten bags", "a couple of chairs", "deg bag"), and its words. */
  private countBefore(tokens: string[], start: number): { n?: number; words: string } {
    const welsh = this.options.locale === 'cy-GB';
    const numberOf = (word: string) => (/^\d{1,2}$/.test(word) ? Number(word) : (englishCounts()[word] ?? (welsh ? countWords('cy-GB')[word] : undefined)));
    const before = tokens[start - 1] ?? '';
    const rough = tokens[start - 2] ?? '';
    // "a couple of chairs": the vocabulary's `rough_count_joins` ("of"; in Welsh `rough_count_joins_welsh` too: "cwpl o gadeiriau").
    const joins = this.options.vocabulary.rough_count_joins.test(before) || (welsh && this.options.vocabulary.rough_count_joins_welsh.test(before));
    if (joins && this.options.vocabulary.rough_count_of.test(rough)) return { n: numberOf(rough), words: `${rough} ${before}` };
    // "3 black bin bags", "2 old armchairs": one word that is no number between the number and the things.
    const n = numberOf(before);
    const further = tokens[start - 2] ?? '';
    if (n === undefined && /^\d{1,2}$/.test(further) && /^\p{L}+$/u.test(before)) return { n: Number(further), words: `${further} ${before}` };
    return { n, words: before };
  }

  private readTotal(tokens: string[]): Reading | undefined {
    const all = [...tokens.join(' ').matchAll(new RegExp(totalPattern(this.options.vocabulary), 'g'))];
    const values = [...new Set(all.map((m) => (/^\d/.test(m[1]) ? Number(m[1]) : englishCounts()[m[1]])))];
    return values.length === 1 ? { value: String(values[0]), words: {} } : undefined;
  }

  /** "40cm wide", "25 wide", "30 centimetres across", "width of 30": a number next to one of the attribute's `near` words. */
  private readMeasure(a: ServiceAttribute, vocab: Record<string, string[]>, words: string[]): Reading | undefined {
    const near = new Set((vocab.near ?? []).map((w) => foldText(w)));
    if (!near.size) return undefined;
    const tokens = spelledMeasures(words);
    const inCm = /centimet/i.test(a.description) || /centimet/i.test(a.datatype_description ?? '');
    const found: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      // "not 40"; "outside number 30. About the size of…" ("rhif 30"): a house, not a measurement ("no, 30 wide" is one).
      const before = tokens[i - 1] ?? '';
      if (!/^\d+(\.\d+)?$/.test(tokens[i]) || this.options.vocabulary.negates.test(before)) continue;
      let j = i + 1;
      const unit = unitCm(tokens[j]);
      if (unit === undefined && before.length > 2 && this.options.vocabulary.house_number_cue.test(before)) continue;
      if (unit !== undefined) j++;
      const after = [tokens[j], tokens[j + 1]].filter((t): t is string => !!t);
      // "40cm wide", "25 wide", "30 centimetres right across"; or "width of about 30" (the word not already another number's).
      let k = i - 1;
      while (k >= 0 && this.options.vocabulary.measure_filler.test(tokens[k])) k--;
      const cueBefore = k >= 0 && near.has(tokens[k]) && !/^\d/.test(tokens[k - 1] ?? '') && unitCm(tokens[k - 1]) === undefined;
      const cued = near.has(after[0] ?? '') || (after[1] !== undefined && near.has(after[1]) && !/^\d/.test(after[0]) && !near.has(after[0])) || cueBefore;
      if (!cued) continue;
      const n = Number(tokens[i]);
      const cm = unit !== undefined ? n * unit : n;
      found.push(inCm ? Math.round(cm * 10) / 10 : n);
    }
    const values = [...new Set(found)];
    return values.length === 1 ? { value: String(values[0]), words: {} } : undefined;
  }

  private readDate(text: string): Reading | undefined {
    const spelled = text
      .replace(/\bweds\b/gi, 'wednesday')
      .replace(/\btues\b/gi, 'tuesday')
      .replace(/\bthurs?\b/gi, 'thursday');
    const results = councilChrono.parse(spelled, { instant: this.options.now, timezone: 'Europe/London' });
    const dates = new Set<string>();
    for (const r of results) {
      const s = r.start;
      if (!s.isCertain('day') && !s.isCertain('weekday')) continue; // "at 6", "by 7": a time, not a day
      if (/\bnot\s+(on\s+)?$/i.test(spelled.slice(0, r.index))) continue; // "not Tuesday, Wednesday"
      const y = s.get('year');
      const m = s.get('month');
      const d = s.get('day');
      if (!y || !m || !d) continue;
      let date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      // "on Monday", "this Thursday past" in a report: the one just gone.
      if (this.options.dates === 'past' && date > this.options.today && !s.isCertain('day') && !/next/i.test(r.text)) date = addDays(date, -7);
      // "on the 28th" in a report on the 6th: the 28th gone, not the one to come.
      else if (this.options.dates === 'past') date = pastDayOfMonth(date, r.text, this.options.today);
      dates.add(date);
    }
    if (this.options.locale === 'cy-GB')
      for (const span of extractWelshDates(text, this.options.now)) {
        // "dydd Gwener" in a report: the one just gone, as for English above ("nesaf" is next).
        const ahead = this.options.dates === 'past' && span.value > this.options.today && !/\d|nesa/i.test(span.text);
        const past = this.options.dates === 'past' ? pastDayOfMonth(span.value, span.text, this.options.today) : span.value;
        dates.add(ahead ? addDays(span.value, -7) : past);
      }
    return dates.size === 1 ? { value: [...dates][0], words: {} } : undefined;
  }

  /** A code near the attribute's `near` words ("number on it is BA14", "lamp post SR22"); or "can't see a number" (`skip`). */
  private readCode(
    a: ServiceAttribute,
    vocab: Record<string, string[]>,
    text: string,
    tokens: string[],
    /** The attribute is asked now, or has an answer (a code alone then corrects it). */
    expected: boolean,
    /** The attribute is the question asked now. */
    asked = false,
  ): Reading | undefined {
    const near = (vocab.near ?? []).map((w) => foldText(w));
    const codes: string[] = [];
    for (const m of text.matchAll(CODE)) {
      const [, letters, gap, digits] = m;
      // "at 12" is a place, "AT 123" a plate (the council's own prefix, in capitals); capitals run together with the
      // digits are a plate even when they spell a small word ("it says OR9"): a word is never written into a number.
      const { not_code_letters: notCode, not_code_capitals: notCodeCapitals } = this.options.vocabulary;
      const capitals = letters === letters.toUpperCase() && letters.length >= 2 && (!gap || !notCodeCapitals.test(letters));
      if ((notCode.test(letters.toLowerCase()) && !capitals) || (gap && letters !== letters.toUpperCase())) continue;
      const before = text.slice(0, m.index);
      if (/\bnot\s*$/i.test(before)) continue; // "BA16 not BA14"
      const lead = foldText(before).split(' ').slice(-6).join(' ');
      if (!expected && !near.some((w) => ` ${lead} `.includes(` ${w} `))) continue;
      codes.push(`${letters.toUpperCase()}${gap}${digits.toUpperCase()}`); // as written on the plate ("AT 77")
    }
    // A plate of digits only ("the post number is 27", "rhif y postyn ydi 27", "it's 21 not 27"): right after
    // the attribute's words, as the answer to its question, or as a correction ("21 not 27") of one given.
    if (!codes.length)
      for (const m of text.matchAll(BARE_NUMBER)) {
        const lead = foldText(text.slice(0, m.index)).split(' ').filter(Boolean);
        if (this.negates(lead.at(-1) ?? '')) continue; // "not 27", "dim 27"
        if (this.options.vocabulary.house_number_cue.test(lead.at(-1) ?? '') && this.negates(lead.at(-2) ?? '')) continue; // "not number 11"
        const after = text.slice(m.index + m[0].length).trimStart();
        // "outside number 12", "tu allan i rif 30", "12 Station Road": a house, not a plate.
        const [before2, before1] = [lead.at(-2) ?? '', lead.at(-1) ?? ''];
        const { house_number_cue: houseWord, place_before_number: placeWord } = this.options.vocabulary;
        const house = after.startsWith('§') || placeWord.test(before1) || (houseWord.test(before1) && placeWord.test(before2));
        const cued = !house && lead.slice(-3).some((w) => near.includes(w));
        // "21 not 27", "21 dim 27": a word for "not" right before a number.
        const corrects =
          expected &&
          foldText(text)
            .split(' ')
            .some((w, k, all) => this.negates(w) && /^\d/.test(all[k + 1] ?? ''));
        if (cued || (asked && !house) || corrects) codes.push(m[1].toUpperCase());
      }
    const distinct = [...new Set(codes)];
    if (distinct.length === 1) return { value: distinct[0], words: {} };
    if (
      !distinct.length &&
      !a.required &&
      this.matches(
        (vocab.skip ?? []).map((p) => ['skip', foldText(p).split(' ')]),
        tokens,
      ).length
    )
      return { value: '', words: {} };
    return undefined;
  }

  /** A word for "not" before a number: the vocabulary's `negates` ("not", "isnt") or `negates_value` ("dim", "nid"). */
  private negates(word: string): boolean {
    return this.options.vocabulary.negates.test(word) || this.options.vocabulary.negates_value.test(word);
  }

  /** A place said with its words ("by the garage", "in the front porch"): the phrase, with the word before it. */
  private readPlace(vocab: Record<string, string[]>, tokens: string[]): Reading | undefined {
    const found = this.matches(
      (vocab.answer ?? []).map((p) => ['answer', foldText(p).split(' ')]),
      tokens,
    ).filter((m) => !m.negated);
    if (!found.length) return undefined;
    const last = found.sort((x, y) => x.start - y.start).at(-1)!;
    let start = last.start;
    if (this.options.vocabulary.place_article.test(tokens[start - 1] ?? '')) start--;
    if (this.options.vocabulary.place_preposition.test(tokens[start - 1] ?? '')) start--;
    return { value: tokens.slice(start, last.end).join(' '), words: {} };
  }
}

/** The same word, plural ("tyres", "mattresses", "lorries") or misspelt by a letter or two. */
function sameWord(token: string, word: string, endings: RegExp): boolean {
  if (token === word) return true;
  if (token === `${word}s` || token === `${word}es` || (word.endsWith('y') && token === `${word.slice(0, -1)}ies`)) return true;
  return similarWord(token, word) && !otherEnding(token, word, endings);
}

/** "tipped" and "tipper", "dumped" and "dumper": one stem with another ending each (`word_ending`), two words, not a misspelling. */
function otherEnding(token: string, word: string, endings: RegExp): boolean {
  for (let k = 1; k < Math.min(token.length, word.length); k++) {
    if (token.slice(0, k) !== word.slice(0, k)) return false;
    if (endings.test(token.slice(k)) && endings.test(word.slice(k))) return true;
  }
  return false;
}

/**
 * Whether a value at `i` is said after "not" (the vocabulary's `negates`, with `negation_filler` between) and, with
 * `welsh`, after its `negates_value` ("nid", "ddim", "dim": "…ar y ffordd ei hun, nid y palmant"), with
 * `negation_filler_welsh` between too.
 */
function negatedAt(tokens: string[], i: number, words: SlotReaderOptions['vocabulary'], welsh: boolean): boolean {
  for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--, seen++) {
    if (words.negates.test(tokens[k]) || (welsh && words.negates_value.test(tokens[k]))) return true;
    const filler = words.negation_filler.test(tokens[k]) || (welsh && words.negation_filler_welsh.test(tokens[k]));
    if (!filler && !/^\d{1,2}$/.test(tokens[k]) && !(tokens[k] in englishCounts())) return false;
  }
  return false;
}

/** What a request in progress holds, as far as reading a correction needs (the request dialog's state). */
export interface RequestSoFar {
  attributes: ServiceAttribute[];
  config: { understands?: Understands; dates: 'past' | 'future' | 'any'; limits: Record<string, { min?: number | string; max?: number }> };
  answers: Record<string, string | string[]>;
}

/**
 * The message gives a different value for something the request already holds ("actually it was
 * the grey bin", "not Tuesday, Wednesday"): a correction for the request to take, not a new topic
 * or a wish to stop.
 */
export function correctsRequest(request: RequestSoFar, text: string, now: Date, today: string, vocabulary: SlotReaderOptions['vocabulary']): boolean {
  const countOf: Record<string, string> = {};
  for (const [code, limit] of Object.entries(request.config.limits)) if (typeof limit.min === 'string') countOf[limit.min] = code;
  const readings = new SlotReader(request.attributes, request.config.understands ?? {}, {
    dates: request.config.dates,
    countOf,
    streets: undefined,
    today,
    now,
    vocabulary,
  }).read(text, undefined, new Set(Object.keys(request.answers)));
  return [...readings.entries()].some(
    ([code, r]) => code in request.answers && r.value !== '' && JSON.stringify(r.value) !== JSON.stringify(request.answers[code]),
  );
}
