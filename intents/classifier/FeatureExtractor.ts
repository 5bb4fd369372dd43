import { KeyEncoder, type EncodedText, type KeyOptions } from './KeyEncoder';
import type { SparseVector } from './types';

export interface FeatureOptions extends KeyOptions {
  wordWeight: number;
  charWeight: number;
  minDf: number;
}

interface FeatureJson {
  wordFeatures: string[];
  charFeatures: string[];
  idf: number[];
}

/**
 * TF-IDF features over the keys of a KeyEncoder: sublinear tf (1 + ln tf), smoothed idf
 * (ln((1 + n) / (1 + df)) + 1), each block (words, characters) L2-normalised and then scaled by
 * its weight. The vocabulary is a dictionary learnt from the training utterances.
 */
export class FeatureExtractor {
  private readonly encoder: KeyEncoder;
  private readonly wordIndex = new Map<string, number>();
  private readonly charIndex = new Map<string, number>();
  private idf = new Float64Array(0);
  /** Lazily built hash table of the character n-grams: feature index + 1, 0 = empty slot. */
  private charSlots: Int32Array | undefined;
  private charKeys: string[] = [];
  /** During training: encoder id -> feature index, or -1. */
  private local = new Int32Array(0);

  private constructor(private readonly options: FeatureOptions) {
    this.encoder = new KeyEncoder(options); // only its keys(); the interning table stays empty
  }

  get dimension(): number {
    return this.idf.length;
  }

  /** Learns the vocabulary from utterances encoded by `encoder` (which must use the same options). */
  static fit(docs: readonly EncodedText[], encoder: KeyEncoder, options: FeatureOptions): FeatureExtractor {
    const fx = new FeatureExtractor(options);
    const size = encoder.table.length;
    const df = new Int32Array(size);
    const seen = new Int32Array(size).fill(-1);
    docs.forEach((doc, d) => {
      for (const block of [doc.words, doc.chars]) {
        for (const id of block) {
          if (seen[id] !== d) {
            seen[id] = d;
            df[id]++;
          }
        }
      }
    });
    fx.local = new Int32Array(size).fill(-1);
    const idf: number[] = [];
    const n = docs.length;
    for (const [blockOf, index] of [
      [(d: EncodedText) => d.words, fx.wordIndex],
      [(d: EncodedText) => d.chars, fx.charIndex],
    ] as const) {
      for (const doc of docs) {
        for (const id of blockOf(doc)) {
          if (fx.local[id] !== -1 || df[id] < options.minDf) continue;
          fx.local[id] = idf.length;
          index.set(encoder.table[id].slice(1), idf.length);
          idf.push(Math.log((1 + n) / (1 + df[id])) + 1);
        }
      }
    }
    fx.idf = Float64Array.from(idf);
    return fx;
  }

  /** Frees the training-time id map; transformEncoded is unusable afterwards. */
  forgetEncoding(): void {
    this.local = new Int32Array(0);
  }

  /** Features of an utterance encoded by the encoder this extractor was fitted with. */
  transformEncoded(doc: EncodedText): SparseVector {
    const map = (ids: Int32Array): number[] => {
      const out: number[] = [];
      for (const id of ids) if (id < this.local.length && this.local[id] >= 0) out.push(this.local[id]);
      return out;
    };
    return this.vector(map(doc.words), map(doc.chars));
  }

  transform(text: string): SparseVector {
    const tokens = this.encoder.normaliser.tokens(text);
    const words: number[] = [];
    for (const key of this.encoder.wordKeys(tokens)) {
      const i = this.wordIndex.get(key);
      if (i !== undefined) words.push(i);
    }
    return this.vector(words, this.charFeatures(tokens));
  }

  /**
   * Character n-gram features without building the n-gram strings: each n-gram is hashed from its
   * code units, looked up in an open-addressing table of the vocabulary and compared with the entry
   * found, so the result is exactly that of looking up the strings, with no allocation per n-gram.
   */
  private charFeatures(tokens: readonly string[]): number[] {
    const { charNgramMin: cMin, charNgramMax: cMax } = this.options;
    if (!this.charSlots) this.buildCharTable();
    const slots = this.charSlots!;
    const mask = slots.length - 1;
    const keys = this.charKeys;
    const offset = this.wordIndex.size;
    const out: number[] = [];
    for (const token of tokens) {
      const padded = ` ${token} `;
      const length = padded.length;
      for (let i = 0; i < length; i++) {
        let h = 0x811c9dc5;
        for (let n = 1; n <= cMax && i + n <= length; n++) {
          h = Math.imul(h ^ padded.charCodeAt(i + n - 1), 0x01000193);
          if (n < cMin) continue;
          for (let slot = (h ^ (h >>> 15)) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
            const feature = slots[slot] - 1;
            if (sameChars(keys[feature - offset], padded, i, n)) {
              out.push(feature);
              break;
            }
          }
        }
      }
    }
    return out;
  }

  private buildCharTable(): void {
    this.charKeys = [...this.charIndex.keys()];
    let size = 1024;
    while (size < 2 * this.charKeys.length) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (const [key, feature] of this.charIndex) {
      let h = 0x811c9dc5;
      for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
      let slot = (h ^ (h >>> 15)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = feature + 1;
    }
    this.charSlots = slots;
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

  private vector(words: number[], chars: number[]): SparseVector {
    const a = this.block(words, this.options.wordWeight);
    const b = this.block(chars, this.options.charWeight);
    // Word indices all precede character indices, so concatenation stays sorted.
    const indices = new Int32Array(a.indices.length + b.indices.length);
    const values = new Float64Array(indices.length);
    indices.set(a.indices);
    indices.set(b.indices, a.indices.length);
    values.set(a.values);
    values.set(b.values, a.values.length);
    return { indices, values };
  }

  /** Sublinear TF-IDF of one block's feature occurrences, L2-normalised and scaled by `weight`. */
  private block(features: number[], weight: number): SparseVector {
    const sorted = new Int32Array(features).sort(); // numeric, and much faster than sorting the array
    let distinct = 0;
    for (let j = 0; j < sorted.length; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) distinct++;
    const indices = new Int32Array(distinct);
    const values = new Float64Array(distinct); // first the counts, then the weights
    for (let j = 0, d = -1; j < sorted.length; j++) {
      if (j === 0 || sorted[j] !== sorted[j - 1]) indices[++d] = sorted[j]!;
      values[d] = values[d] + 1;
    }
    let norm = 0;
    for (let d = 0; d < distinct; d++) {
      const v = (1 + Math.log(values[d])) * this.idf[indices[d]];
      values[d] = v;
      norm += v * v;
    }
    if (norm > 0) {
      const scale = weight / Math.sqrt(norm);
      for (let d = 0; d < distinct; d++) values[d] = values[d] * scale;
    }
    return { indices, values };
  }
}

/** key === text.slice(start, start + length), without building the slice. */
function sameChars(key: string, text: string, start: number, length: number): boolean {
  if (key.length !== length) return false;
  for (let j = 0; j < length; j++) if (key.charCodeAt(j) !== text.charCodeAt(start + j)) return false;
  return true;
}
