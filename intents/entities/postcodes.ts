import { isValid, toNormalised, validOutcode } from 'postcode';
import { ENTITY_TYPES, type Span } from './types';

// A postcode-shaped run not glued to other letters or digits ("SW1A1AAA" has no match).
const FULL = /(?<![\p{L}\p{N}])([a-z]{1,2}\d[a-z\d]?)[ \t]*(\d[a-z]{2})(?![\p{L}\p{N}])/giu;
const OUTWARD = /(?<![\p{L}\p{N}])([a-z]{1,2}\d[a-z\d]?)(?![\p{L}\p{N}])/giu;

/** Postcode areas whose outward code alone ("AT3") counts; Anytown's is AT. */
export const DEFAULT_POSTCODE_AREAS: readonly string[] = ['AT'];

/**
 * Full UK postcodes anywhere in the text, normalised ("at12bd" -> "AT1 2BD"). When there is
 * none, an outward code on its own ("AT3") becomes a `postcodeOutward` entity, but only for the
 * council's own postcode areas: a lone "A1", "M6" or "CO2" is far more often something else.
 */
export function extractPostcodes(text: string, areas: readonly string[] = DEFAULT_POSTCODE_AREAS): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(FULL)) {
    const raw = m[0];
    const normalised = isValid(raw) ? toNormalised(raw) : null;
    if (normalised) found.push({ type: ENTITY_TYPES.postcode, text: raw, value: normalised, start: m.index, end: m.index + raw.length });
  }
  if (found.length > 0 || areas.length === 0) return found;

  const wanted = new Set(areas.map((a) => a.toUpperCase()));
  for (const m of text.matchAll(OUTWARD)) {
    const raw = m[0];
    const value = raw.toUpperCase();
    const area = /^[A-Z]+/.exec(value)?.[0] ?? '';
    if (wanted.has(area) && validOutcode(value)) {
      found.push({ type: ENTITY_TYPES.postcodeOutward, text: raw, value, start: m.index, end: m.index + raw.length });
    }
  }
  return found;
}
