import Negotiator from 'negotiator';

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
 * "en-US,cy;q=0.5" → English). Parsed by `negotiator` (restify's own), matched on the primary language.
 */
export function preferredLocale<L extends string>(header: string | undefined, available: readonly L[]): L | undefined {
  if (!header) return undefined;
  const languages = [...new Set(available.map(primaryLanguage))];
  const best = new Negotiator({ headers: { 'accept-language': header } }).languages(languages)[0];
  return best === undefined ? undefined : matchLocale(best, available);
}
