/**
 * Welsh for the text analyser (knowledge/textAnalyser.ts): initial mutations undone, a light
 * plural ending taken off, a Welsh stop-word list. Written for this project: no Welsh stemmer or
 * mutation table is in the libraries we use (natural, MiniSearch, Snowball's JavaScript ports have
 * none for Welsh), and the rules are short and stable.
 *
 * A mutated word cannot always be traced to its one radical without a dictionary ("fin" is "bin"
 * or "min" softened), so each initial consonant is folded to the one letter of its mutation chain:
 * every form a word takes after "ei", "fy", "y", "yn" has the same key, and an article and a
 * message meet however each mutates. The price is that a few unrelated radicals share a key
 * ("pin", "bin", "min"): searching compares whole phrases and many words, so recall wins here.
 */

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

/** The key of a Welsh word's first letters: "dreth", "nhreth", "threth" → "treth"; "bin", "min", "fin" → "pin". Other words unchanged. */
export function unmutate(word: string): string {
  if (word.length < 3 || !/^\p{L}/u.test(word)) return word;
  for (const [from, to] of INITIALS) if (word.startsWith(from)) return to + word.slice(from.length);
  return word;
}

/** Plural and common endings taken off a word of five letters or more (biniau → bin, trethi → treth, ffurflenni → ffurflen). */
export function welshStem(word: string): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  for (const ending of ['iaid', 'oedd', 'iau', 'ion', 'au', 'on', 'nni', 'i']) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length) + (ending === 'nni' ? 'n' : '');
  }
  return word;
}

/** A shortened word after an apostrophe: "yn", "yr", "ei", "eu" and "fy" ("mae'n", "babi'n", "i'r", "drwy'r", "di'i", "i'w", "a'm"). */
const CLITIC = /(\p{L})['’`´](n|r|i|w|m)(?![\p{L}\p{N}])/giu;

/**
 * The text with each shortened word after an apostrophe made a word of its own ("babi'n" → "babi n", "ma'r" → "ma r"):
 * removing the apostrophe alone, as for English, made one word of two ("babin", "mar"), which neither the synonyms
 * ("babi") nor the stop words ("mae", "yr") knew, and which matched whatever article shared the run-together form.
 */
export function splitClitics(text: string): string {
  return text.replace(CLITIC, '$1 $2');
}

/**
 * Welsh words that say little about which article is meant, written as the analyser sees them (lower
 * case, accents and apostrophes removed): articles, the commonest prepositions, possessives,
 * pronouns and forms of "bod" (spoken ones too). Kept small on purpose: a longer list (question words, "cael",
 * "eisiau", "gallu") made more of the Welsh articles' own questions find another article.
 */
export const WELSH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a ac ag y yr r i o yn yng ym fy dy ei ein eich eu ir or ar at am gan gyda efo ' +
    'mae maer oes ydy yw ywr sydd syn wedi ydw dw dwi rwy rwyn rydw roedd oedd bod fod ' +
    'in im iw ni chi nhw fe fo hi e fi ti mi hwn hon hyn hynny yma yna ond neu os hefyd plis diolch helo shwmae ' +
    // Spoken "mae" and "su'mae" ("ma'r tip", "ma hi"), "maen nhw"; the shortened "yn", "yr", "ei", "eu", "fy" split off a
    // word by splitClitics ("mae'n", "i'w", "a'm"); "ar" said of a person ("angen llun arnaf i": need a photo).
    'ma sumae smae maen n w m arnaf arna arnat arnom arnon arnoch arnyn arnynt'
  ).split(/\s+/),
);
