import type { Vocabulary } from '../../../knowledge/vocabulary';

/** Says a detail given before was wrong ("sorry, I meant", "actually", "not X, Y", "wait", "no, …"): the vocabulary's `detail_corrected` anywhere, or `detail_corrected_first` first. */
export function saysCorrection(text: string, vocabulary: Vocabulary): boolean {
  return vocabulary.detail_corrected.test(text) || vocabulary.detail_corrected_first.test(text);
}
