import type { Buttons } from '../../../../knowledge/buttons';
import type { Vocabulary } from '../../../../knowledge/vocabulary';
import type { Reply } from '../../../responses';

/** What an answer reader makes of a message: the value to keep, or the reply saying why it cannot be used. */
export type Reading<T> = { value: T } | { problem: Reply };

/** "skip", "don't know" (the vocabulary's `skip`), or the Skip button. */
export function saysSkip(text: string, buttons: Buttons, vocabulary: Vocabulary): boolean {
  return vocabulary.skip.test(text) || pressedSkip(text, buttons);
}

/** The Skip button's own words (`buttons.skip`, the title the question offered). */
export function pressedSkip(text: string, buttons: Buttons): boolean {
  return text.toLowerCase() === buttons.skip.toLowerCase();
}
