import { ENTITY_TYPES, type Span } from './types';

/**
 * Welsh words for the entity extractor where the English rules do not reach: "rhif 6" (number 6,
 * a house number) and the mutated forms of a phrase's first word, so that a Welsh bin-types table
 * (intents/entities/cy-GB/bin-types.yaml: "bin du", "bin glas", "bin gwyrdd", "bin brown", "bin llwyd")
 * also finds "fy min du" and "ei fin glas" with the English matcher, unchanged. Going from a radical to
 * its mutations is exact (b → f, m), unlike going back, so the table grows and nothing is guessed.
 */

/** Soft, nasal and aspirate forms of a radical's first letters (the radical first): bin → bin, fin, min. */
export function mutatedForms(word: string): string[] {
  const lower = word.toLowerCase();
  const forms = [lower];
  const rest = (n: number) => lower.slice(n);
  if (lower.startsWith('p')) forms.push(`b${rest(1)}`, `mh${rest(1)}`, `ph${rest(1)}`);
  else if (lower.startsWith('t') && !lower.startsWith('th')) forms.push(`d${rest(1)}`, `nh${rest(1)}`, `th${rest(1)}`);
  else if (lower.startsWith('c') && !lower.startsWith('ch')) forms.push(`g${rest(1)}`, `ngh${rest(1)}`, `ch${rest(1)}`);
  else if (lower.startsWith('b')) forms.push(`f${rest(1)}`, `m${rest(1)}`);
  else if (lower.startsWith('d') && !lower.startsWith('dd')) forms.push(`dd${rest(1)}`, `n${rest(1)}`);
  else if (lower.startsWith('g') && !lower.startsWith('ng')) forms.push(rest(1), `ng${rest(1)}`);
  else if (lower.startsWith('m')) forms.push(`f${rest(1)}`);
  else if (lower.startsWith('ll')) forms.push(rest(1));
  else if (lower.startsWith('rh')) forms.push(`r${rest(2)}`);
  return forms.filter((f) => f.length > 1);
}

/** A Welsh bin-types table with every mutated form of each phrase's first word added under the same kind. */
export function withMutations(binTypes: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(binTypes).map(([kind, phrases]) => [
      kind,
      [
        ...new Set(
          phrases.flatMap((p) => {
            const [first, ...others] = p.trim().split(/\s+/);
            return mutatedForms(first).map((f) => [f, ...others].join(' '));
          }),
        ),
      ],
    ]),
  );
}

const HOUSE_NUMBER = /(?<![\p{L}])rhif\s+(\d{1,4}[a-z]?)(?![\p{L}\d])/giu;

/** "rhif 6", "Rhif 12a": the house number (upper-cased, as the English extractor gives it). */
export function extractWelshHouseNumbers(text: string): Span[] {
  return [...text.matchAll(HOUSE_NUMBER)].map((m) => {
    const start = m.index + m[0].length - m[1].length;
    return { type: ENTITY_TYPES.houseNumber, text: m[1], value: m[1].toUpperCase(), start, end: start + m[1].length };
  });
}
