import { addScaledRow } from './CrammerSingerSvm';
import type { SparseVector } from './types';

interface LinearModelJson {
  classes: number;
  dimension: number;
  /**
   * The non-zero weights of the (dimension + 1) x classes feature-major matrix (last row = bias)
   * as base64 of little-endian arrays: entries per row (uint16), class of each entry (uint16),
   * value of each entry (float32).
   */
  rowCounts: string;
  columns: string;
  values: string;
}

const base64 = (a: Uint16Array | Float32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function decode<T extends Uint16Array | Float32Array>(text: string, make: (length: number) => T): T {
  const bytes = Buffer.from(text, 'base64');
  const size = make(0).BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) throw new Error('bad array in model');
  const out = make(bytes.length / size);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * The trained weights, feature-major in float32, so that scoring an utterance reads one
 * contiguous row per feature it has. (A sparse in-memory layout was tried: the rows of common
 * features, which every utterance has, are dense, and it scored 2x slower.) The JSON form keeps
 * only the non-zero weights (~25 %).
 */
export class LinearModel {
  private constructor(
    readonly classes: number,
    readonly dimension: number,
    private readonly weights: Float32Array,
  ) {}

  /** weights: (dimension + 1) rows of `classes` values, the last row the bias. */
  static fromFeatureMajor(weights: Float32Array, classes: number, dimension: number): LinearModel {
    if (weights.length !== (dimension + 1) * classes) throw new Error('weights have the wrong size');
    if (classes > 65535) throw new Error('too many classes');
    return new LinearModel(classes, dimension, weights);
  }

  scores(x: SparseVector): Float64Array {
    const k = this.classes;
    const out = new Float64Array(k);
    const w = this.weights;
    const biasRow = this.dimension * k;
    for (let c = 0; c < k; c++) out[c] = w[biasRow + c]!;
    for (let j = 0; j < x.indices.length; j++) addScaledRow(out, w, x.indices[j] * k, k, x.values[j]);
    return out;
  }

  toJSON(): LinearModelJson {
    const k = this.classes;
    const rows = this.dimension + 1;
    const rowCounts = new Uint16Array(rows);
    let nnz = 0;
    for (const v of this.weights) if (v !== 0) nnz++;
    const columns = new Uint16Array(nnz);
    const values = new Float32Array(nnz);
    let p = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < k; c++) {
        const v = this.weights[r * k + c];
        if (v === 0) continue;
        columns[p] = c;
        values[p++] = v;
        rowCounts[r]++;
      }
    }
    return { classes: k, dimension: this.dimension, rowCounts: base64(rowCounts), columns: base64(columns), values: base64(values) };
  }

  static fromJSON(json: LinearModelJson): LinearModel {
    const k = json.classes;
    if (!Number.isInteger(k) || k < 1 || k > 65535 || !Number.isInteger(json.dimension) || json.dimension < 0) {
      throw new Error('bad model shape');
    }
    const rowCounts = decode(json.rowCounts, (n) => new Uint16Array(n));
    const columns = decode(json.columns, (n) => new Uint16Array(n));
    const values = decode(json.values, (n) => new Float32Array(n));
    if (rowCounts.length !== json.dimension + 1 || columns.length !== values.length) throw new Error('bad model arrays');
    const weights = new Float32Array((json.dimension + 1) * k);
    let p = 0;
    rowCounts.forEach((count, r) => {
      for (let e = 0; e < count; e++, p++) {
        if (p >= columns.length || columns[p] >= k) throw new Error('bad model arrays');
        weights[r * k + columns[p]] = values[p]!;
      }
    });
    if (p !== values.length) throw new Error('bad model arrays');
    return new LinearModel(k, json.dimension, weights);
  }
}
