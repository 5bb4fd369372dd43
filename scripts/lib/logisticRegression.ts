/**
 * L2-regularised logistic regression by Newton's method on a handful of features. Hand-written: the few lines of a
 * 5 × 5 Newton step are smaller than a dependency for an offline script (the project's own classifiers are written the
 * same way, intents/classifier/PlattScaler.ts). The intercept is not penalised.
 */
export function fitLogistic(x: number[][], y: boolean[], l2 = 1): { intercept: number; weights: number[] } {
  const d = (x[0]?.length ?? 0) + 1;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((row, n) => {
      const v = [1, ...row];
      const z = v.reduce((sum, vi, i) => sum + vi * w[i], 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let i = 0; i < d; i++) {
        g[i] += (p - (y[n] ? 1 : 0)) * v[i];
        for (let j = 0; j < d; j++) h[i][j] += p * (1 - p) * v[i] * v[j];
      }
    });
    for (let i = 1; i < d; i++) {
      g[i] += l2 * w[i];
      h[i][i] += l2;
    }
    const step = solve(h, g);
    w = w.map((wi, i) => wi - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { intercept: w[0], weights: w.slice(1) };
}

/** Gaussian elimination with partial pivoting: a ⋅ out = b. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) out[r] = (m[r][n] - m[r].slice(r + 1, n).reduce((sum, v, k) => sum + v * out[r + 1 + k], 0)) / m[r][r];
  return out;
}
