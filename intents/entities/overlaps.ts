import type { Span } from './types';

/**
 * Keeps the first of any two overlapping spans, in the order given (callers pass their most
 * trusted extractor's spans first), then sorts what is left by position.
 */
export function resolveOverlaps(groups: readonly (readonly Span[])[]): Span[] {
  const kept: Span[] = [];
  for (const group of groups) {
    for (const span of group) {
      if (span.end <= span.start) continue;
      if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Within one extractor: longest span wins where two overlap (e.g. "Church Hill Road" over "Church Hill"). */
export function longestFirst(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return resolveOverlaps([sorted]);
}
