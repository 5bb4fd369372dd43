/**
 * Lower-cases and drops accents one character at a time ("Lôn" -> "lon", "Rhodfa’r" ->
 * "rhodfa'r"), so every offset in the folded text is the same offset in the original: spans found
 * in the folded text can be cut from what the resident wrote. Residents often leave Welsh
 * accents out (ŵ, ŷ, â, ô), and phones type ’ for '.
 */
export function foldWelsh(text: string): string {
  let out = '';
  for (const ch of text) {
    const base =
      ch === '’' || ch === '‘'
        ? "'"
        : ch
            .normalize('NFD')
            .replace(/\p{M}+/gu, '')
            .toLowerCase();
    // A character whose folded form is not one UTF-16 unit (rare: "İ") is kept as it was.
    out += base.length === ch.length ? base : ch;
  }
  return out;
}
