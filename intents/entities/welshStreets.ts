import { foldWelsh } from './welshFold';
import { welshMutations } from './welshMutations';

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

const table: [string, WelshStreetType['strength']][] = [
  ['Heol', 'strong'],
  ['Ffordd', 'strong'],
  ['Stryd', 'strong'],
  ['Lôn', 'strong'],
  ['Rhodfa', 'strong'],
  ['Cilgant', 'strong'],
  ['Teras', 'strong'],
  ['Maes', 'weak'],
  ['Cae', 'weak'],
  ['Clos', 'weak'],
  ['Llwyn', 'weak'],
  ['Plas', 'weak'],
  ['Ffos', 'weak'],
  ['Allt', 'weak'],
];

/**
 * Folded type word (lower case, no accents), also mutated as "ar", "yn", "i" leave it
 * ("ar Rodfa'r Môr", "yng Nghilgant y Dderwen", "i Deras Victoria") -> the type.
 */
export const WELSH_STREET_TYPES: ReadonlyMap<string, WelshStreetType> = new Map(
  table.flatMap(([canonical, strength]) => welshMutations(foldWelsh(canonical)).map((form) => [form, { canonical, strength }] as const)),
);

/** The articles inside Welsh street names: "Heol y Castell", "Ffordd yr Orsaf"; "'r" is joined ("Rhodfa'r"). */
export const WELSH_ARTICLES: ReadonlySet<string> = new Set(['y', 'yr']);

/** The type word a folded token starts a Welsh street with ("rhodfa'r" -> Rhodfa), or undefined. */
export function welshStreetType(foldedToken: string): WelshStreetType | undefined {
  return WELSH_STREET_TYPES.get(foldedToken.replace(/'r$/, ''));
}

/** A street name of the Welsh pattern, its first word a Welsh street type: "Heol y Castell", "Lôn Goed". */
export function isWelshStreetName(name: string): boolean {
  const first = foldWelsh(name.trim()).split(/\s+/)[0] ?? '';
  const radical = WELSH_STREET_TYPES.get(first.replace(/'r$/, ''));
  return radical !== undefined && foldWelsh(radical.canonical) === first.replace(/'r$/, '');
}
