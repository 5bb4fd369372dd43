/** natural's edit distances on their own (the package index loads every module it has). */
declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function LevenshteinDistance(
    source: string,
    target: string,
    options?: { insertion_cost?: number; deletion_cost?: number; substitution_cost?: number },
  ): number;
}
