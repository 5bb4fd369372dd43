/**
 * Turns raw SVM scores into probabilities with a softmax at temperature T, T chosen to minimise
 * the negative log-likelihood of held-out utterances (temperature scaling, Guo et al. 2017).
 */
export class TemperatureScaler {
  static probabilities(scores: Float64Array, temperature: number): Float64Array {
    let max = -Infinity;
    for (const s of scores) if (s > max) max = s;
    const out = new Float64Array(scores.length);
    let sum = 0;
    for (let c = 0; c < scores.length; c++) {
      out[c] = Math.exp((scores[c]! - max) / temperature);
      sum += out[c]!;
    }
    for (let c = 0; c < out.length; c++) out[c]! /= sum;
    return out;
  }

  /** rows[i] are the scores of held-out utterance i, gold[i] its class index (or -1 when unknown). */
  static fit(rows: readonly Float64Array[], gold: readonly number[], fallback = 0.1): number {
    const usable = rows.map((r, i) => [r, gold[i]!] as const).filter(([, g]) => g >= 0);
    if (usable.length === 0) return fallback;
    const nll = (logT: number): number => {
      const t = Math.exp(logT);
      let total = 0;
      for (const [r, g] of usable) total -= Math.log(Math.max(TemperatureScaler.probabilities(r, t)[g]!, 1e-300));
      return total;
    };
    // Golden-section search on log T over [0.001, 10]; the NLL is unimodal in T for practical purposes.
    let lo = Math.log(0.001);
    let hi = Math.log(10);
    const phi = (Math.sqrt(5) - 1) / 2;
    let a = hi - phi * (hi - lo);
    let b = lo + phi * (hi - lo);
    let fa = nll(a);
    let fb = nll(b);
    for (let i = 0; i < 40; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - phi * (hi - lo);
        fa = nll(a);
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + phi * (hi - lo);
        fb = nll(b);
      }
    }
    return Math.exp((lo + hi) / 2);
  }
}
