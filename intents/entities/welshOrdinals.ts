import { numberWords } from './numberWords';

/** The language whose ordinals this reads (knowledge/messages/cy-GB/numbers.yaml `ordinals`), in every conversation. */
const WELSH = 'cy-GB';

/**
 * The place in a list of `size` a Welsh answer names, when the answer is one ordinal and words of `filler`
 * ("yr ail un", "yr un cyntaf plis", "y cyfeiriad olaf"); undefined otherwise, or when the list is shorter.
 */
export function welshListPosition(text: string, size: number, filler: RegExp): number | undefined {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w && !filler.test(w));
  if (words.length !== 1) return undefined;
  const ordinals = numberWords(WELSH).ordinals;
  if (!Object.hasOwn(ordinals, words[0])) return undefined;
  const place = ordinals[words[0]];
  const index = place < 0 ? size - 1 : place - 1;
  return index >= 0 && index < size ? index : undefined;
}
