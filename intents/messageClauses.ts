/**
 * The sentences and clauses of a message, for checking a long message piece by piece. A resident
 * who buries a risk in the middle of a long request ("…missed garden waste at Rose Cottage. Also,
 * the gentleman opposite is 93 and his nephew has taken his chequebook…") dilutes its words among
 * ordinary ones: the classifier's features are normalised over the whole message. Each piece is
 * checked on its own as well. Hand-written: sentence splitters on npm (e.g. sbd) split on full
 * stops only, and residents join two needs with "also", "btw", "and another thing" or a dash
 * as often as with a full stop.
 */
const BOUNDARY =
  /[.!?;:\n]+(?=\s|$)|\s[-–—]+\s|,?\s+(?=(?:also|and also|plus|btw|by the way|oh and|and another thing|another thing|anyway|whilst i have you|while i have you|whilst i have your attention|on another note|separately|p\.?s\.?)\b)/iu;

/** Pieces of at least `minWords` words (shorter ones, such as "thinking about it", lose the sense the rest of the message gives them); an empty array when the message is a single piece. */
export function clausesOf(text: string, minWords = 4): string[] {
  const pieces = text
    .split(BOUNDARY)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/u).filter(Boolean).length >= minWords);
  return pieces.length >= 2 ? pieces : [];
}
