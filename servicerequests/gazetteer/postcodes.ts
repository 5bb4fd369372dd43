import { isValid, toNormalised } from 'postcode';

export type PostcodeReading = { kind: 'postcode'; postcode: string; outward: string } | { kind: 'invalid' } | { kind: 'none' };

const LOOKS_LIKE_POSTCODE = /\b([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\b/;
/** A message that is only something postcode-shaped: letters then a digit, at most one space. */
const ATTEMPT = /^[A-Za-z]{1,2}\d[A-Za-z\d]{0,6}$/;

/**
 * Finds a UK postcode in what the resident typed: "at12bd", "AT1 2BD", "it's at1 1aa please".
 * `invalid` when the message is only a postcode-like string that is not a valid postcode
 * ("ZZ1", "SW1A1AAA"); `none` when it is not about a postcode at all.
 */
export function readPostcode(text: string): PostcodeReading {
  const m = LOOKS_LIKE_POSTCODE.exec(text);
  if (m && isValid(m[1])) {
    const postcode = toNormalised(m[1])!;
    return { kind: 'postcode', postcode, outward: postcode.split(' ')[0] };
  }
  const trimmed = text.trim();
  if ((trimmed.match(/\s/g) ?? []).length <= 1 && ATTEMPT.test(trimmed.replace(/\s/, ''))) return { kind: 'invalid' };
  return { kind: 'none' };
}
