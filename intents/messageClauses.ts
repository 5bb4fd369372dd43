/** Each set of words' boundary, built once. */
const boundaries = new WeakMap<RegExp, RegExp>();

/**
 * Where a message is cut: sentence ends, semicolons, colons and new lines, a dash between spaces, and the words that turn to
 * something else (the safeguarding rules file's `clause_turns`) as whole words after spaces (a comma before them, if any).
 * The marks are here; the words are content.
 */
function boundary(turns: RegExp): RegExp {
  let re = boundaries.get(turns);
  if (!re) {
    re = new RegExp(String.raw`[.!?;:\n]+(?=\s|$)|\s[-–—]+\s|,?\s+(?=(?:${turns.source})\b)`, 'iu');
    boundaries.set(turns, re);
  }
  return re;
}

/**
 * The sentences and clauses of a message, for checking a long message piece by piece. A resident
 * who buries a risk in the middle of a long request ("…missed garden waste at Rose Cottage. Also,
 * the gentleman opposite is 93 and his nephew has taken his chequebook…") dilutes its words among
 * ordinary ones: the classifier's features are normalised over the whole message. Each piece is
 * checked on its own as well. Hand-written: sentence splitters on npm (e.g. sbd) split on full
 * stops only, and residents join two needs with "also", "btw", "and another thing" or a dash
 * as often as with a full stop (`turns`: the rules file's `clause_turns`).
 *
 * Pieces of at least `minWords` words (shorter ones, such as "thinking about it", lose the sense the rest of the message gives
 * them); an empty array when the message is a single piece.
 */
export function clausesOf(text: string, turns: RegExp, minWords = 4): string[] {
  const pieces = text
    .split(boundary(turns))
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/u).filter(Boolean).length >= minWords);
  return pieces.length >= 2 ? pieces : [];
}
