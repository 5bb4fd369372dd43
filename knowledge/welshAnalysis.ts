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
import { unmutate } from '../intents/entities/welshMutations';

export { unmutate };

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
