import { foldText } from '../slotReader';

/** The usual short forms of street names' last words ("london rd"). */
const SHORT_FORMS: Record<string, string> = { road: 'rd', street: 'st', lane: 'ln', avenue: 'ave', close: 'cl', drive: 'dr', crescent: 'cres', place: 'pl' };

/** One pattern for the gazetteer's street names, also with the usual short forms ("london rd"). */
export function streetPattern(streets: string[]): RegExp | undefined {
  const forms = new Set<string>();
  for (const street of streets) {
    const f = foldText(street);
    if (!f) continue;
    forms.add(f);
    const last = f.split(' ').at(-1)!;
    if (SHORT_FORMS[last]) forms.add(`${f.slice(0, -last.length)}${SHORT_FORMS[last]}`);
  }
  if (!forms.size) return undefined;
  const alternatives = [...forms]
    .sort((x, y) => y.length - x.length)
    .map((f) =>
      f
        .split(' ')
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join("[\\s,.'’-]+"),
    );
  // "the green bin" is a bin, even where a street is called The Green.
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b(?![\\s,.'’-]+(?:bins?|one|1|caddy|waste|recycling|bags?)\\b)`, 'gi');
}
