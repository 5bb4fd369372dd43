import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import type { SynonymGroups } from './synonyms';
import { splitClitics, unmutate, WELSH_STOP_WORDS, welshStem } from './welshAnalysis';

/** Words that say little about which article is meant. Kept small: particles such as "out" or "off" can matter ("moved out", "money off"). */
const STOP_WORDS = new Set(
  (
    'a an the and or but if so as of at by for with about to from in into on onto is are was were be been being am ' +
    'i me my mine myself we us our you your yours he him his she her it its they them their this that these those ' +
    'do does did doing done have has had having can could would should will shall may might must ' +
    'what which who whom whose when where why how there here then than too very just also really ' +
    'im ive id ill shouldnt couldnt wouldnt youre theyre thats whats ' +
    'please pls plz hi hello hey thanks thank ok okay anytown s t d ll m re ve any some ' +
    // Filler that says nothing about the subject ("what's the best way to…", "I'm going to…").
    'best way going gonna want wanna wanted like get got getting know tell thing things bit lot ' +
    // Pronouns and linking words a long message is full of: in a small index they look rare, and
    // drown the one word that says what the message is about ("…she says she's seen them…").
    'he him his she hers herself himself itself ours ourselves theirs themselves yourself whom ' +
    'weve theyve youve wed theyd youd hed shed hes shes its itll thatll theres wheres whos whens hows whys ' +
    'another both each either neither other such same whether while whilst because cos coz cuz since until till though although ' +
    'even ever still already yet again always anyway anyways actually basically literally honestly honest fairly pretty quite rather properly correctly ' +
    'sure probably maybe perhaps somehow something someone somebody anything anyone anybody everything everyone everybody nothing nobody ' +
    'said say says saying told seen saw think thought wonder wondering wondered hoping hope hoped ' +
    // Letter-writing and politeness.
    'dear sir madam sirs yours faithfully sincerely regards kind kindly kindest grateful appreciate appreciated advise enquire inquire ' +
    'hiya hii yeah yea ya lol omg tbh idk ffs pls plz u ur r wot wat n cn cud wud shud wen wer tel wiv ' +
    // Swearing hides the topic; it never names it.
    'hell bloody damn damned fuck fucking fuckin effing shit shite crap bloomin flipping flippin'
  ).split(/\s+/),
);

const ACCENTED = /([\p{Script=Latin}])\p{Mn}+/gu;
const INNER_APOSTROPHE = /(\p{L})['’`´](?=\p{L})/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII_WORD = /^[a-z]+$/;

const NOT_ASCII = /[^ -~\t\n\r]/;

/** Lower case, accents and apostrophes removed, everything that is not a letter or digit becomes a space. */
export function normalise(text: string): string {
  // Printable ASCII, as almost all text is, is the same in every Unicode normal form and has no accents to remove.
  if (!NOT_ASCII.test(text)) return text.toLowerCase().replace(INNER_APOSTROPHE, '$1').replace(NOT_WORD, ' ').trim();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTED, '$1')
    .normalize('NFC')
    .replace(INNER_APOSTROPHE, '$1')
    .replace(NOT_WORD, ' ')
    .trim();
}

function words(text: string): string[] {
  const s = normalise(text);
  return s ? s.split(' ') : [];
}

/** What the analyser needs of a language: its stop words, how a word's form is folded before phrases are matched, and its stemmer. */
export interface AnalyserLanguage {
  stopWords: ReadonlySet<string>;
  /** Applied to every word that is not a stop word, in messages, articles and synonym phrases alike (Welsh: mutations undone); undefined = none. */
  fold?: (word: string) => string;
  stem: (word: string) => string;
  /** Applied to the text before it is split into words (Welsh: "mae'n" is two words, "mae n"); undefined = none. */
  split?: (text: string) => string;
}

/** English: the stop words above, Porter's stemmer (ASCII words only). */
export const ENGLISH_ANALYSIS: AnalyserLanguage = { stopWords: STOP_WORDS, stem: (word) => (ASCII_WORD.test(word) ? PorterStemmer.stem(word) : word) };

/** Welsh (knowledge/welshAnalysis.ts): shortened words after an apostrophe split off, mutations undone, a light stemmer, Welsh stop words. */
export const WELSH_ANALYSIS: AnalyserLanguage = { stopWords: WELSH_STOP_WORDS, fold: unmutate, stem: welshStem, split: splitClitics };

interface Phrase {
  words: string[];
  /** The group's first phrase, as one search term (spaces removed). */
  term: string;
}

/**
 * The one way text becomes search terms, for articles and residents' messages alike:
 * normalise, replace synonyms (longest phrase first, plurals included) with one term per group,
 * drop stop words, Porter-stem what is left.
 */
export class TextAnalyser {
  private readonly phrasesByFirstWord = new Map<string, Phrase[]>();
  private readonly canonical = new Set<string>();
  private readonly stemCache = new Map<string, string>();
  /** Phrases of two or more words, longest first: the candidates when the first word has a typo. */
  private readonly multiWordPhrases: Phrase[];
  /**
   * Where in {@link multiWordPhrases} a first word one typo away may be: by the first word and each
   * of its one-letter deletions (a word one edit or one swap away shares one of them). Scanning every
   * phrase for every long word cost a third of building the index of 3,000 articles.
   */
  private readonly phrasesByDeletion = new Map<string, number[]>();
  /** {@link phrasesNear}'s answers, by word. */
  private readonly nearCache = new Map<string, Phrase[]>();

  constructor(
    synonyms: SynonymGroups = [],
    private readonly language: AnalyserLanguage = ENGLISH_ANALYSIS,
  ) {
    for (const group of synonyms) {
      const term = this.words(group[0]).join('');
      this.canonical.add(term);
      for (const phrase of group) {
        const w = this.words(phrase);
        if (!w.length) continue;
        const list = this.phrasesByFirstWord.get(w[0]) ?? [];
        list.push({ words: w, term });
        list.sort((a, b) => b.words.length - a.words.length);
        this.phrasesByFirstWord.set(w[0], list);
      }
    }
    // Built once here: matching used to rebuild and sort this list for every long word it met.
    this.multiWordPhrases = [...this.phrasesByFirstWord.values()]
      .flat()
      .filter((p) => p.words.length >= 2 && p.words[0].length >= TYPO_MIN)
      .sort((a, b) => b.words.length - a.words.length);
    this.multiWordPhrases.forEach((phrase, i) => {
      for (const key of deletions(phrase.words[0])) {
        const list = this.phrasesByDeletion.get(key);
        if (!list) this.phrasesByDeletion.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
  }

  /** A text's words, each folded as its language says (a stop word as it is). */
  private words(text: string): string[] {
    const all = words(this.language.split ? this.language.split(text) : text);
    const fold = this.language.fold;
    return fold ? all.map((w) => (this.language.stopWords.has(w) ? w : fold(w))) : all;
  }

  /** Search terms for a text, in order. */
  terms(text: string): string[] {
    const input = this.words(text);
    const out: string[] = [];
    for (let i = 0; i < input.length;) {
      const phrase = this.matchPhrase(input, i);
      // "pay the council tax": "the council" starts first, but "council tax" starts inside it, is as long and ends later; the
      // later phrase is what the words say (read the words before it alone), else "council tax" is lost to "council" and "tax".
      if (phrase && phrase.words.length > 1 && this.overlapped(input, i, phrase.words.length)) {
        const word = input[i++];
        if (!this.language.stopWords.has(word) && !/^\d+$/.test(word)) out.push(this.stem(word));
        continue;
      }
      if (phrase) {
        out.push(phrase.term);
        i += phrase.words.length;
        continue;
      }
      const word = input[i++];
      // Bare numbers ("7", "2026") say little on their own; phrases keep theirs ("section 21").
      if (this.language.stopWords.has(word) || /^\d+$/.test(word)) continue;
      out.push(this.stem(word));
    }
    return out;
  }

  /** Whether a phrase of at least `length` words starts inside the phrase at `at` (after its first word) and ends after it. */
  private overlapped(input: string[], at: number, length: number): boolean {
    for (let next = at + 1; next < at + length; next++) {
      const later = this.matchPhrase(input, next);
      if (later && later.words.length >= length && next + later.words.length > at + length) return true;
    }
    return false;
  }

  /** True for a term that stands for a whole synonym group (not stemmed, not fuzzy-matched). */
  isCanonical(term: string): boolean {
    return this.canonical.has(term);
  }

  private matchPhrase(input: string[], at: number): Phrase | undefined {
    const first = input[at];
    const candidates = this.phrasesByFirstWord.get(first) ?? this.phrasesByFirstWord.get(singular(first));
    if (candidates) {
      for (const phrase of candidates) {
        if (phrase.words.every((w, k) => at + k < input.length && exactWord(input[at + k], w))) return phrase;
      }
    }
    // A typo is forgiven only inside a phrase of two or more words where another word is exact
    // ("busness rates", "concil tax"): on its own, "house" is not a typo for "mouse". When no
    // phrase starts with the word as typed, its first word may be the typo.
    const typoCandidates = candidates ?? (first.length >= TYPO_MIN ? this.phrasesNear(first) : undefined);
    for (const phrase of typoCandidates ?? []) {
      if (phrase.words.length < 2 || at + phrase.words.length > input.length) continue;
      if (!phrase.words.every((w, k) => sameWord(input[at + k], w))) continue;
      if (phrase.words.some((w, k) => exactWord(input[at + k], w))) return phrase;
    }
    return undefined;
  }

  /** The multi-word phrases whose first word may be one typo from `word`, in {@link multiWordPhrases}' order; remembered per word (an article's words repeat). */
  private phrasesNear(word: string): Phrase[] {
    let near = this.nearCache.get(word);
    if (near) return near;
    const at = new Set<number>();
    for (const key of deletions(word)) for (const i of this.phrasesByDeletion.get(key) ?? []) at.add(i);
    near = [...at].sort((a, b) => a - b).map((i) => this.multiWordPhrases[i]);
    if (this.nearCache.size >= 50_000) this.nearCache.clear();
    this.nearCache.set(word, near);
    return near;
  }

  private stem(word: string): string {
    let stemmed = this.stemCache.get(word);
    if (stemmed === undefined) {
      stemmed = this.language.stem(word);
      if (this.stemCache.size < 50_000) this.stemCache.set(word, stemmed);
    }
    return stemmed;
  }
}

/** Shortest word in which a one-letter typo is forgiven inside a synonym phrase. */
const TYPO_MIN = 5;

function exactWord(typed: string, expected: string): boolean {
  return typed === expected || singular(typed) === expected;
}

function sameWord(typed: string, expected: string): boolean {
  if (exactWord(typed, expected)) return true;
  return expected.length >= TYPO_MIN && typed.length >= TYPO_MIN && Math.abs(typed.length - expected.length) <= 1 && oneEditApart(typed, expected);
}

function oneEditApart(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.slice(i) === b.slice(i + 1);
}

/** A word and the words it gives with one letter left out. */
function deletions(word: string): Set<string> {
  const out = new Set([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
