import { foldWelsh } from '../../../intents/entities/welshFold';
import { welshMutations } from '../../../intents/entities/welshMutations';
import { isWelshStreetName } from '../../../intents/entities/welshStreets';
import { foldText } from '../slotReader';
import { escapeRegExp } from '../../../platform/escapeRegExp';
import type { Vocabulary } from '../../../knowledge/vocabulary';

/** The usual short forms of street names' last words ("london rd"). */
const SHORT_FORMS: Record<string, string> = { road: 'rd', street: 'st', lane: 'ln', avenue: 'ave', close: 'cl', drive: 'dr', crescent: 'cres', place: 'pl' };

/**
 * One pattern for the gazetteer's street names, also with the usual short forms ("london rd"); not a name followed by one of
 * the vocabulary's `street_not_before` words ("the green bin").
 */
export function streetPattern(streets: string[], vocabulary: Pick<Vocabulary, 'street_not_before'>): RegExp | undefined {
  const forms = new Set<string>();
  for (const street of streets) {
    const f = foldText(street);
    if (!f) continue;
    forms.add(f);
    const last = f.split(' ').at(-1)!;
    if (SHORT_FORMS[last]) forms.add(`${f.slice(0, -last.length)}${SHORT_FORMS[last]}`);
  }
  const welsh = streets.filter(isWelshStreetName).map(welshAlternative);
  if (!forms.size) return undefined;
  const alternatives = [...forms].sort((x, y) => y.length - x.length).map((f) => f.split(' ').map(escapeRegExp).join("[\\s,.'’-]+"));
  // "the green bin" is a bin, even where a street is called The Green.
  return new RegExp(`\\b(?:${[...welsh, ...alternatives].join('|')})\\b(?![\\s,.'’-]+${vocabulary.street_not_before.source}\\b)`, 'gi');
}

/**
 * A Welsh street name as residents write it: accents optional ("Lon Goed"), "'r" with either
 * apostrophe or none ("Rhodfa’r Mor"), the type word mutated ("ar Rodfa'r Môr", "yng Nghilgant y Dderwen").
 */
function welshAlternative(street: string): string {
  const words = street.trim().split(/\s+/);
  const word = (w: string): string =>
    [...w]
      .map((c) => {
        const plain = foldWelsh(c);
        if (c === "'" || c === '’') return "['’]?";
        return plain === c.toLowerCase() ? escapeRegExp(c) : `[${escapeRegExp(c.toLowerCase())}${escapeRegExp(plain)}]`;
      })
      .join('');
  const [type, ...rest] = words;
  const article = /['’]r$/.test(type) ? "['’]?r" : '';
  const radical = foldWelsh(type).replace(/'r$/, '');
  const first = `(?:${welshMutations(radical).map(escapeRegExp).join('|')})${article}`;
  return [first, ...rest.map(word)].join("[\\s,.'’-]+");
}
