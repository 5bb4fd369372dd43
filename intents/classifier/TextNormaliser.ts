import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { unmutate } from '../entities/welshMutations';

/** Latin, Greek and Cyrillic letters lose their accents; other scripts keep their marks (they carry vowels). */
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{Mn}+/gu;
const INNER_APOSTROPHE = /(\p{L})['’`´](?=\p{L})/gu; // don't -> dont, council's -> councils
const THOUSANDS = /(\p{N}),(?=\p{N}{3})/gu; // 1,000 -> 1000
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
const ASCII_WORD = /^[a-z]+$/;

/**
 * Turns raw text into word tokens: NFKC, lower case, accents stripped, punctuation and
 * symbols (emoji included) become spaces, digits are kept.
 */
export class TextNormaliser {
  private readonly stemCache = new Map<string, string>();

  constructor(
    private readonly maxChars: number,
    private readonly useStemmer: boolean,
    /** Welsh: each token's initial mutation undone ("dwll" → "twll"), so every form of a word is one feature. */
    private readonly unmutateWords = false,
  ) {}

  normalise(text: string): string {
    let s = typeof text === 'string' ? text : String(text ?? '');
    if (s.length > this.maxChars) s = s.slice(0, this.maxChars);
    s = s.normalize('NFKC').toLowerCase().normalize('NFD').replace(ACCENTED, '$1').normalize('NFC');
    return s.replace(INNER_APOSTROPHE, '$1').replace(THOUSANDS, '$1').replace(NOT_WORD, ' ').trim();
  }

  tokens(text: string): string[] {
    const s = this.normalise(text);
    if (s === '') return [];
    const tokens = s.split(' ');
    return this.unmutateWords ? tokens.map(unmutate) : tokens;
  }

  /**
   * Porter stem of an English word. We call `stem` per word rather than `tokenizeAndStem`,
   * which drops stop words ("what can you do" would vanish).
   */
  stem(token: string): string {
    if (!this.useStemmer || !ASCII_WORD.test(token)) return token;
    let stemmed = this.stemCache.get(token);
    if (stemmed === undefined) {
      stemmed = PorterStemmer.stem(token);
      if (this.stemCache.size < 100_000) this.stemCache.set(token, stemmed);
    }
    return stemmed;
  }
}
