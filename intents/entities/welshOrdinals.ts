/**
 * Welsh ordinals for a place in a list of choices ("yr ail un", "y cyntaf", "yr un olaf", "y 3ydd"),
 * soft-mutated or not ("drydedd", "bedwerydd"): the 0-based place, -1 for "last". The words around
 * them that say nothing ("yr", "un", "cyfeiriad", "plis") are the vocabulary's `choice_filler`.
 */
const WELSH_ORDINALS: Record<string, number> = {
  cyntaf: 0,
  gyntaf: 0,
  cynta: 0,
  gynta: 0,
  '1af': 0,
  ail: 1,
  '2il': 1,
  '2ail': 1,
  trydydd: 2,
  drydydd: 2,
  trydedd: 2,
  drydedd: 2,
  '3ydd': 2,
  '3edd': 2,
  pedwerydd: 3,
  bedwerydd: 3,
  pedwaredd: 3,
  bedwaredd: 3,
  '4ydd': 3,
  '4edd': 3,
  pumed: 4,
  bumed: 4,
  '5ed': 4,
  chweched: 5,
  '6ed': 5,
  seithfed: 6,
  '7fed': 6,
  wythfed: 7,
  '8fed': 7,
  nawfed: 8,
  '9fed': 8,
  degfed: 9,
  ddegfed: 9,
  '10fed': 9,
  olaf: -1,
  ola: -1,
  diwethaf: -1,
  ddiwethaf: -1,
  dwetha: -1,
};

/**
 * The place in a list of `size` a Welsh answer names, when the answer is one ordinal and words of `filler`
 * ("yr ail un", "yr un cyntaf plis", "y cyfeiriad olaf"); undefined otherwise, or when the list is shorter.
 */
export function welshListPosition(text: string, size: number, filler: RegExp): number | undefined {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w && !filler.test(w));
  if (words.length !== 1) return undefined;
  const place = WELSH_ORDINALS[words[0]];
  if (place === undefined) return undefined;
  const index = place < 0 ? size - 1 : place;
  return index >= 0 && index < size ? index : undefined;
}
