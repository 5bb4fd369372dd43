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

/** Word-initial letters, longest first, to the first letter of their mutation chain: p→b→f, b→f/m, m→f; t→d→dd, d→n; c→g→(ng), g→ng; ll→l; rh→r. */
const INITIALS: ReadonlyArray<[string, string]> = [
  ['ngh', 'c'], // nasal c: fy nghyngor → cyngor
  ['mh', 'p'], // nasal p: fy mhen → pen
  ['nh', 't'], // nasal t: fy nhreth → treth
  ['ng', 'c'], // nasal g: fy ngardd → gardd (g and c share a chain: c softens to g)
  ['ph', 'p'], // aspirate p: ei phen → pen
  ['th', 't'], // aspirate t: ei thŷ → tŷ
  ['ch', 'c'], // aspirate c: ei chath → cath
  ['dd', 't'], // soft d: y ddinas → dinas (d and t share a chain: t softens to d)
  ['ff', 'ff'], // ff is its own letter, never a mutation
  ['ll', 'l'], // ll softens to l: y lyfrgell → llyfrgell
  ['rh', 'r'], // rh softens to r: y rhif / ei rif
  ['b', 'p'], // soft p: y bont → pont
  ['f', 'p'], // soft b and m: fy min → bin, ei fam → mam
  ['m', 'p'], // nasal b: fy min → bin
  ['d', 't'], // soft t: y dreth → treth
  ['n', 't'], // nasal d: fy nrws → drws
  ['g', 'c'], // soft c: y gyngor → cyngor
];

/**
 * The key of a Welsh word's first letters: "dreth", "nhreth", "threth" → "treth"; "bin", "min", "fin" → "pin". Other
 * words unchanged. A mutated word cannot always be traced to its one radical without a dictionary ("fin" is "bin" or
 * "min" softened), so each initial consonant is folded to the one letter of its mutation chain: every form a word takes
 * after "ei", "fy", "y", "yn" has the same key (a few unrelated radicals share one: "pin", "bin", "min"). Used by the
 * Welsh text analyser (knowledge/welshAnalysis.ts) and the Welsh intent classifier's features.
 */
export function unmutate(word: string): string {
  if (word.length < 3 || !/^\p{L}/u.test(word)) return word;
  for (const [from, to] of INITIALS) if (word.startsWith(from)) return to + word.slice(from.length);
  return word;
}
