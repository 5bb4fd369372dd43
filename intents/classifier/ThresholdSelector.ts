/** A held-out utterance as the threshold sees it: its best in-scope probability and how it fared. */
export interface HeldOutPrediction {
  /** Best in-scope probability. */
  score: number;
  /** Gold label is out of scope. */
  outOfScope: boolean;
  /** In scope: the best in-scope intent is the gold one. Out of scope: the out-of-scope class won anyway. */
  correct: boolean;
}

/**
 * Chooses the probability below which an utterance is called out of scope.
 * With out-of-scope examples: maximise inScopeAccuracy + oosWeight * oosRecall.
 * Without: reject the given fraction of held-out in-scope utterances (the least confident ones).
 */
export class ThresholdSelector {
  static choose(preds: readonly HeldOutPrediction[], oosWeight: number, inScopeRejection: number): number {
    const inScope = preds.filter((p) => !p.outOfScope);
    const oos = preds.filter((p) => p.outOfScope);
    if (inScope.length === 0) return 0.5;
    if (oos.length === 0) {
      const sorted = inScope.map((p) => p.score).sort((a, b) => a - b);
      const k = Math.floor(inScopeRejection * sorted.length);
      if (k === 0) return 0;
      return (sorted[k - 1]! + sorted[k]!) / 2;
    }
    // Sweep thresholds between consecutive distinct scores, from low to high.
    const events = [...preds].sort((a, b) => a.score - b.score);
    let inCorrect = inScope.filter((p) => p.correct).length; // correct and kept at threshold 0
    let oosCaught = oos.filter((p) => p.correct).length;
    const value = (): number => inCorrect / inScope.length + (oosWeight * oosCaught) / oos.length;
    let best = value();
    let bestThreshold = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      // Raising the threshold just above e.score rejects e.
      if (e.outOfScope) {
        if (!e.correct) oosCaught++;
      } else if (e.correct) inCorrect--;
      const next = i + 1 < events.length ? events[i + 1]!.score : 1;
      if (next === e.score) continue;
      const v = value();
      if (v > best + 1e-12) {
        best = v;
        bestThreshold = (e.score + next) / 2;
      }
    }
    return bestThreshold;
  }
}
