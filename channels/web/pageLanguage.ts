/** A language tag's primary language, lower case: "cy-GB" → "cy". */
export const primaryLanguage = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0];

/** The one of `available` (locales such as "en-GB", "cy-GB") whose language `tag` names ("cy", "cy-GB", "CY"), if any. */
export function matchLocale<L extends string>(tag: string | undefined, available: readonly L[]): L | undefined {
  if (!tag) return undefined;
  const wanted = primaryLanguage(tag);
  return available.find((l) => primaryLanguage(l) === wanted);
}

/**
 * The language an `Accept-Language` header (RFC 9110 §12.5.4) prefers among `available`: the first of
 * its languages, by weight and then by order, that one of them speaks ("cy,en;q=0.8" → Welsh,
 * "en-GB,cy;q=0.5" → English); `*`, weights of 0 and languages not available are passed over.
 */
export function preferredLocale<L extends string>(header: string | undefined, available: readonly L[]): L | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.range && r.range !== '*' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { range } of ranges) {
    const found = matchLocale(range, available);
    if (found) return found;
  }
  return undefined;
}
