import { TextNormaliser } from './TextNormaliser';
import type { SparseVector } from './types';

export interface FeatureOptions {
  stem: boolean;
  wordNgramMax: number;
  charNgramMin: number;
  charNgramMax: number;
  wordWeight: number;
  charWeight: number;
  minDf: number;
  maxChars: number;
}

interface FeatureJson {
  wordFeatures: string[];
  charFeatures: string[];
  idf: number[];
}

/**
 * Word 1..n-grams (stemmed) and character n-grams inside word boundaries (" word " padded),
 * each block weighted by TF-IDF with sublinear tf (1 + ln tf), L2-normalised, then scaled by its
 * block weight. The vocabulary is a dictionary learnt from the training utterances.
 */
export class FeatureExtractor {
  private readonly normaliser: TextNormaliser;
  private readonly wordIndex = new Map<string, number>();
  private readonly charIndex = new Map<string, number>();
  private idf = new Float64Array(0);

  private constructor(private readonly options: FeatureOptions) {
    this.normaliser = new TextNormaliser(options.maxChars, options.stem);
  }

  get dimension(): number {
    return this.idf.length;
  }

  static fit(texts: readonly string[], options: FeatureOptions): FeatureExtractor {
    const fx = new FeatureExtractor(options);
    const wordDf = new Map<string, number>();
    const charDf = new Map<string, number>();
    for (const text of texts) {
      const { words, chars } = fx.keys(text);
      for (const k of new Set(words)) wordDf.set(k, (wordDf.get(k) ?? 0) + 1);
      for (const k of new Set(chars)) charDf.set(k, (charDf.get(k) ?? 0) + 1);
    }
    const idf: number[] = [];
    const n = texts.length;
    for (const [df, index] of [[wordDf, fx.wordIndex], [charDf, fx.charIndex]] as const) {
      for (const [key, count] of df) {
        if (count < options.minDf) continue;
        index.set(key, idf.length);
        idf.push(Math.log((1 + n) / (1 + count)) + 1);
      }
    }
    fx.idf = Float64Array.from(idf);
    return fx;
  }

  transform(text: string): SparseVector {
    const { words, chars } = this.keys(text);
    const a = this.block(words, this.wordIndex, this.options.wordWeight);
    const b = this.block(chars, this.charIndex, this.options.charWeight);
    // Word indices all precede character indices, so concatenation stays sorted.
    const indices = new Int32Array(a.indices.length + b.indices.length);
    const values = new Float64Array(indices.length);
    indices.set(a.indices);
    indices.set(b.indices, a.indices.length);
    values.set(a.values);
    values.set(b.values, a.values.length);
    return { indices, values };
  }

  toJSON(): FeatureJson {
    return { wordFeatures: [...this.wordIndex.keys()], charFeatures: [...this.charIndex.keys()], idf: [...this.idf] };
  }

  static fromJSON(json: FeatureJson, options: FeatureOptions): FeatureExtractor {
    const fx = new FeatureExtractor(options);
    json.wordFeatures.forEach((k, i) => fx.wordIndex.set(k, i));
    json.charFeatures.forEach((k, i) => fx.charIndex.set(k, i + json.wordFeatures.length));
    fx.idf = Float64Array.from(json.idf);
    if (fx.idf.length !== fx.wordIndex.size + fx.charIndex.size) throw new Error('feature table is inconsistent');
    return fx;
  }

  private keys(text: string): { words: string[]; chars: string[] } {
    const { charNgramMin: cMin, charNgramMax: cMax, wordNgramMax } = this.options;
    const tokens = this.normaliser.tokens(text);
    const stems = tokens.map((t) => this.normaliser.stem(t));
    const words: string[] = [];
    for (let n = 1; n <= wordNgramMax; n++) {
      for (let i = 0; i + n <= stems.length; i++) words.push(n === 1 ? stems[i]! : stems.slice(i, i + n).join(' '));
    }
    const chars: string[] = [];
    for (const token of tokens) {
      const padded = ` ${token} `;
      for (let n = cMin; n <= cMax && n <= padded.length; n++) {
        for (let i = 0; i + n <= padded.length; i++) chars.push(padded.slice(i, i + n));
      }
    }
    return { words, chars };
  }

  private block(keys: string[], index: Map<string, number>, weight: number): SparseVector {
    const counts = new Map<number, number>();
    for (const k of keys) {
      const i = index.get(k);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const indices = Int32Array.from(counts.keys()).sort();
    const values = new Float64Array(indices.length);
    let norm = 0;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j]!;
      const v = (1 + Math.log(counts.get(i)!)) * this.idf[i]!;
      values[j] = v;
      norm += v * v;
    }
    if (norm > 0) {
      const scale = weight / Math.sqrt(norm);
      for (let j = 0; j < values.length; j++) values[j]! *= scale;
    }
    return { indices, values };
  }
}
