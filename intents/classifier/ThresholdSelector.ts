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
 * Chooses the probability below which an utterance is called out of scope: the threshold that
 * catches the most held-out out-of-scope utterances while rejecting at most `maxInScopeLoss` (a
 * fraction) of the in-scope ones that were classified correctly; of equally good thresholds the
 * lowest. (A weighted sum of accuracy and recall was tried first: with ~100 out-of-scope examples
 * it jumped between very different thresholds for small changes of the weight.)
 */
export class ThresholdSelector {
  static choose(preds: readonly HeldOutPrediction[], maxInScopeLoss: number): number {
    const inScope = preds.filter((p) => !p.outOfScope);
    const oos = preds.filter((p) => p.outOfScope);
    if (inScope.length === 0 || oos.length === 0) return 0;
    const allowed = Math.floor(maxInScopeLoss * inScope.length + 1e-9); // correct in-scope we may reject
    const events = [...preds].sort((a, b) => a.score - b.score);
    let lost = 0;
    let caught = oos.filter((p) => p.correct).length; // caught by the out-of-scope class already
    let bestCaught = caught;
    let bestThreshold = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      // Raising the threshold just above e.score rejects e.
      if (e.outOfScope) {
        if (!e.correct) caught++;
      } else if (e.correct) lost++;
      if (lost > allowed) break;
      const next = i + 1 < events.length ? events[i + 1].score : 1;
      if (next === e.score) continue;
      if (caught > bestCaught) {
        bestCaught = caught;
        bestThreshold = (e.score + next) / 2;
      }
    }
    return bestThreshold;
  }
}
