import type { Reply } from '../../../responses';
import { SKIP } from '../../answers';
import { SKIP_LABEL } from '../../serviceResponses';

/** What an answer reader makes of a message: the value to keep, or the reply saying why it cannot be used. */
export type Reading<T> = { value: T } | { problem: Reply };

/** "skip", "don't know", or the Skip button. */
export function saysSkip(text: string): boolean {
  return SKIP.test(text) || pressedSkip(text);
}

/** The Skip button's own words. */
export function pressedSkip(text: string): boolean {
  return text.toLowerCase() === SKIP_LABEL.toLowerCase();
}
