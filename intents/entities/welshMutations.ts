/**
 * Welsh initial mutations, for matching a word however a sentence changed its first letters:
 * "bin" is also "fin" (ei fin), "min" (fy min); "cadi" is "gadi", "nghadi", "chadi"; "treth" is
 * "dreth", "nhreth", "threth"; a vowel may take an "h" (ei hardal). Hand-written because no
 * maintained JavaScript library knows Welsh mutations; the table is the standard one (soft,
 * nasal and aspirate mutation of p t c b d g ll m rh, h-prothesis of vowels).
 */
const MUTATIONS: readonly [string, readonly string[]][] = [
  // Two-letter radicals first, so "ll" and "rh" are not read as "l" and "r".
  ['ll', ['ll', 'l']],
  ['rh', ['rh', 'r']],
  ['p', ['p', 'b', 'mh', 'ph']],
  ['t', ['t', 'd', 'nh', 'th']],
  ['c', ['c', 'g', 'ngh', 'ch']],
  ['b', ['b', 'f', 'm']],
  ['d', ['d', 'dd', 'n']],
  ['g', ['g', '', 'ng']],
  ['m', ['m', 'f']],
];
/** Radicals that never mutate, though they start with a mutable letter. */
const FIXED = /^(?:ch|dd|ff|ng|ph|th)/;

/** Every form of the word's start a mutation can give: "bin" -> ["bin", "fin", "min"]. Lower case in, lower case out. */
export function welshMutations(word: string): string[] {
  if (FIXED.test(word)) return [word];
  if (/^[aeiouwyâêîôûŵŷ]/.test(word)) return [word, `h${word}`];
  const rule = MUTATIONS.find(([radical]) => word.startsWith(radical));
  if (!rule) return [word];
  const [radical, forms] = rule;
  return forms.map((f) => f + word.slice(radical.length)).filter((f) => f !== '');
}
