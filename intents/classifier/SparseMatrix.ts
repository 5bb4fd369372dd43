import type { SparseVector } from './types';

/** Rows of sparse vectors packed into compressed-sparse-row arrays for fast training loops. */
export class SparseMatrix {
  readonly rows: number;

  private constructor(
    readonly indptr: Int32Array,
    readonly indices: Int32Array,
    readonly values: Float64Array,
    readonly columns: number,
  ) {
    this.rows = indptr.length - 1;
  }

  static fromRows(rows: readonly SparseVector[], columns: number): SparseMatrix {
    const indptr = new Int32Array(rows.length + 1);
    rows.forEach((r, i) => (indptr[i + 1] = indptr[i] + r.indices.length));
    const indices = new Int32Array(indptr[rows.length]);
    const values = new Float64Array(indices.length);
    rows.forEach((r, i) => {
      indices.set(r.indices, indptr[i]);
      values.set(r.values, indptr[i]);
    });
    return new SparseMatrix(indptr, indices, values, columns);
  }
}
