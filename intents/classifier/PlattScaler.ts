/**
 * Platt scaling: p = 1 / (1 + exp(-(a * score + b))), fitted so that p is the probability that a
 * prediction with this raw score is right (Platt 1999, with his smoothed targets and Newton steps
 * as in Lin, Lin & Weng 2007). Applied to every class's raw score it gives scores in [0, 1] that
 * keep the model's order; for the top class it is a calibrated confidence.
 *
 * We calibrate the raw top score rather than a softmax because "every class scores low" is the
 * clearest sign of an out-of-scope utterance, and a softmax normalises that away.
 */
export class PlattScaler {
  constructor(
    readonly a: number,
    readonly b: number,
  ) {}

  probability(score: number): number {
    const z = this.a * score + this.b;
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** scores[i] is a raw top score, correct[i] whether that prediction was right. */
  static fit(scores: readonly number[], correct: readonly boolean[]): PlattScaler {
    const n = scores.length;
    const positives = correct.filter(Boolean).length;
    const negatives = n - positives;
    const hi = (positives + 1) / (positives + 2);
    const lo = 1 / (negatives + 2);
    // Lin et al. minimise over (A, B) with f = A*s + B and p = 1/(1+exp(f)); here a = -A, b = -B.
    let A = 0;
    let B = Math.log((negatives + 1) / (positives + 1));
    const loss = (A_: number, B_: number): number => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        const t = correct[i] ? hi : lo;
        const fApB = scores[i] * A_ + B_;
        f += fApB >= 0 ? t * fApB + Math.log1p(Math.exp(-fApB)) : (t - 1) * fApB + Math.log1p(Math.exp(fApB));
      }
      return f;
    };
    let fval = loss(A, B);
    for (let iter = 0; iter < 100; iter++) {
      let h11 = 1e-12;
      let h22 = 1e-12;
      let h21 = 0;
      let g1 = 0;
      let g2 = 0;
      for (let i = 0; i < n; i++) {
        const t = correct[i] ? hi : lo;
        const fApB = scores[i] * A + B;
        const p = fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
        const q = 1 - p;
        const d2 = p * q;
        const s = scores[i];
        h11 += s * s * d2;
        h22 += d2;
        h21 += s * d2;
        const d1 = t - p;
        g1 += s * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
      const det = h11 * h22 - h21 * h21;
      const dA = -(h22 * g1 - h21 * g2) / det;
      const dB = -(-h21 * g1 + h11 * g2) / det;
      const gd = g1 * dA + g2 * dB;
      let step = 1;
      let improved = false;
      while (step >= 1e-10) {
        const nA = A + step * dA;
        const nB = B + step * dB;
        const nf = loss(nA, nB);
        if (nf < fval + 1e-4 * step * gd) {
          A = nA;
          B = nB;
          fval = nf;
          improved = true;
          break;
        }
        step /= 2;
      }
      if (!improved) break;
    }
    return new PlattScaler(-A, -B);
  }
}
