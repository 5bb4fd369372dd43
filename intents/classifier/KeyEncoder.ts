import { TextNormaliser } from './TextNormaliser';

export interface KeyOptions {
  stem: boolean;
  unmutate: boolean;
  wordNgramMax: number;
  charNgramMin: number;
  charNgramMax: number;
  maxChars: number;
}

/** An utterance's feature keys as ids of an encoder's table, in order of appearance. */
export interface EncodedText {
  words: Int32Array;
  chars: Int32Array;
}

/**
 * Produces the feature keys of an utterance: word 1..n-grams of stemmed words, and character
 * n-grams inside word boundaries (each word padded as " word "). `encode` also interns the keys
 * as integers, so that training (which refits the vocabulary once per cross-validation fold)
 * tokenises each utterance only once.
 */
export class KeyEncoder {
  readonly normaliser: TextNormaliser;
  private readonly ids = new Map<string, number>();
  readonly table: string[] = [];

  constructor(private readonly options: KeyOptions) {
    this.normaliser = new TextNormaliser(options.maxChars, options.stem, options.unmutate);
  }

  keys(text: string): { words: string[]; chars: string[] } {
    const { charNgramMin: cMin, charNgramMax: cMax } = this.options;
    const tokens = this.normaliser.tokens(text);
    const words = this.wordKeys(tokens);
    const chars: string[] = [];
    for (const token of tokens) {
      const padded = ` ${token} `;
      for (let n = cMin; n <= cMax && n <= padded.length; n++) {
        for (let i = 0; i + n <= padded.length; i++) chars.push(padded.slice(i, i + n));
      }
    }
    return { words, chars };
  }

  /** Word 1..n-grams of the stemmed tokens. */
  wordKeys(tokens: readonly string[]): string[] {
    const stems = tokens.map((t) => this.normaliser.stem(t));
    const words: string[] = [];
    for (let n = 1; n <= this.options.wordNgramMax; n++) {
      for (let i = 0; i + n <= stems.length; i++) words.push(n === 1 ? stems[i] : stems.slice(i, i + n).join(' '));
    }
    return words;
  }

  encode(text: string): EncodedText {
    const { words, chars } = this.keys(text);
    // Word and character keys live in one table, so mark the blocks apart.
    return { words: Int32Array.from(words, (k) => this.id(`w${k}`)), chars: Int32Array.from(chars, (k) => this.id(`c${k}`)) };
  }

  private id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.table.length;
      this.ids.set(key, id);
      this.table.push(key);
    }
    return id;
  }
}
