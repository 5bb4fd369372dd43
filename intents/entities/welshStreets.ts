import { foldWelsh } from './welshFold';
import { welshMutations } from './welshMutations';
import { numberWords, type StreetTypes } from './numberWords';

/**
 * Welsh street-type words. Welsh puts the type FIRST ("Heol y Castell", "Stryd Fawr",
 * "Rhodfa'r Môr"), so English's suffix table cannot find these. `strength` as for the English
 * suffixes: strong types count in lower case and without a number; weak ones are also common
 * words (maes "field", cae "field", llwyn "grove, bush", clos "close, yard", plas "mansion") and
 * need capitals or a house number.
 */
export interface WelshStreetType {
  /** How the type is written in a street's value (radical, with its accent: "lon" -> "Lôn"). */
  canonical: string;
  strength: 'strong' | 'weak';
}

const WELSH = 'cy-GB';

/** cy-GB/numbers.yaml `street_types`, which validate requires of every language but English. */
function streetTypes(): StreetTypes {
  const words = numberWords(WELSH).streetTypes;
  if (!words) throw new Error(`${WELSH}/numbers.yaml: street_types: missing`);
  return words;
}

const typesOf = new WeakMap<StreetTypes, ReadonlyMap<string, WelshStreetType>>();

/**
 * Folded type word (lower case, no accents), also mutated as "ar", "yn", "i" leave it
 * ("ar Rodfa'r Môr", "yng Nghilgant y Dderwen", "i Deras Victoria") -> the type. The words are
 * cy-GB/numbers.yaml `street_types.types`; the mutations are made here.
 */
export function welshStreetTypes(): ReadonlyMap<string, WelshStreetType> {
  const words = streetTypes();
  let types = typesOf.get(words);
  if (!types) {
    types = new Map(
      [...words.types].flatMap(([canonical, strength]) => welshMutations(foldWelsh(canonical)).map((form) => [form, { canonical, strength }] as const)),
    );
    typesOf.set(words, types);
  }
  return types;
}

/** The articles inside Welsh street names: "Heol y Castell", "Ffordd yr Orsaf"; "'r" is joined ("Rhodfa'r"). cy-GB/numbers.yaml `street_types.articles`. */
export const welshArticles = (): ReadonlySet<string> => streetTypes().articles;

/** Welsh words that end a street name read forwards: function words, days, report words. cy-GB/numbers.yaml `street_types.not_in_name`. */
export const welshNotInStreetName = (): ReadonlySet<string> => streetTypes().notInName;

/** The type word a folded token starts a Welsh street with ("rhodfa'r" -> Rhodfa), or undefined. */
export function welshStreetType(foldedToken: string): WelshStreetType | undefined {
  return welshStreetTypes().get(foldedToken.replace(/'r$/, ''));
}

/** A street name of the Welsh pattern, its first word a Welsh street type: "Heol y Castell", "Lôn Goed". */
export function isWelshStreetName(name: string): boolean {
  const first = foldWelsh(name.trim()).split(/\s+/)[0] ?? '';
  const radical = welshStreetTypes().get(first.replace(/'r$/, ''));
  return radical !== undefined && foldWelsh(radical.canonical) === first.replace(/'r$/, '');
}
