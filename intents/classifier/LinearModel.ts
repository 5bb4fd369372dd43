import type { SparseVector } from './types';

interface LinearModelJson {
  classes: number;
  dimension: number;
  /** Float32 little-endian weights, feature-major ((dimension + 1) x classes, last row = bias), base64. */
  weights: string;
}

/**
 * The trained weights laid out feature-major in float32, so that scoring an utterance touches
 * one contiguous row per feature it has. Training results are rounded to float32 once, here,
 * so that a model and its JSON copy score identically.
 */
export class LinearModel {
  private constructor(
    readonly classes: number,
    readonly dimension: number,
    private readonly weights: Float32Array,
  ) {}

  static fromClassWeights(classWeights: readonly Float64Array[], dimension: number): LinearModel {
    const k = classWeights.length;
    const weights = new Float32Array((dimension + 1) * k);
    classWeights.forEach((w, c) => {
      for (let f = 0; f <= dimension; f++) weights[f * k + c] = w[f]!;
    });
    return new LinearModel(k, dimension, weights);
  }

  scores(x: SparseVector): Float64Array {
    const k = this.classes;
    const out = new Float64Array(k);
    const w = this.weights;
    const biasRow = this.dimension * k;
    for (let c = 0; c < k; c++) out[c] = w[biasRow + c]!;
    for (let j = 0; j < x.indices.length; j++) {
      const row = x.indices[j]! * k;
      const v = x.values[j]!;
      for (let c = 0; c < k; c++) out[c]! += v * w[row + c]!;
    }
    return out;
  }

  toJSON(): LinearModelJson {
    const bytes = Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength);
    return { classes: this.classes, dimension: this.dimension, weights: bytes.toString('base64') };
  }

  static fromJSON(json: LinearModelJson): LinearModel {
    const bytes = Buffer.from(json.weights, 'base64');
    if (bytes.length !== (json.dimension + 1) * json.classes * 4) throw new Error('weights have the wrong size');
    const weights = new Float32Array(bytes.length / 4);
    new Uint8Array(weights.buffer).set(bytes);
    return new LinearModel(json.classes, json.dimension, weights);
  }
}
