import { normalise, type TextAnalyser } from './textAnalyser';

export interface GroupedText<T> {
  /** The members, in the order they came. */
  members: T[];
  /** The search terms of the group's first (most common) wording, which the others were matched against. */
  terms: string[];
}

/**
 * Puts texts that say the same thing in different words together ("when are my bins collected",
 * "bin collection day?").
 *
 * Each text becomes its search terms through the knowledge base's own {@link TextAnalyser}
 * (normalised, the council's synonyms joined, stop words dropped, Porter-stemmed with
 * `natural/lib/natural/stemmers/porter_stemmer`), so the report groups words the way the
 * assistant matches them. Then a greedy "leader" clustering: wordings are taken most common first,
 * and each joins the first group whose leading wording shares enough terms (Dice coefficient at
 * least `threshold`), or starts a new group.
 *
 * Written here rather than taken from a library: `natural` has stemmers and string distances but
 * no clustering, and general clustering packages (k-means and the like) need the number of groups
 * in advance and vectors rather than short term sets. A report covers hundreds or a few thousand
 * short questions, where this pass is quick, deterministic (the same data gives the same groups,
 * so reports can be compared week to week) and easy to explain to the people reading it.
 */
export class QuestionGrouper {
  constructor(
    private readonly analyser: TextAnalyser,
    /** Dice coefficient of the term sets from which two wordings count as the same question. */
    private readonly threshold = 0.6,
  ) {}

  group<T>(items: T[], text: (item: T) => string): Array<GroupedText<T>> {
    // Identical wordings (the same terms) first, as one.
    const byKey = new Map<string, { terms: string[]; members: T[] }>();
    for (const item of items) {
      const terms = [...new Set(this.analyser.terms(text(item)))].sort();
      // Nothing but stop words ("hello?", "what"): only the same words, normalised, go together.
      const key = terms.length ? terms.join(' ') : `\u0000${normalise(text(item))}`;
      const entry = byKey.get(key) ?? { terms, members: [] };
      entry.members.push(item);
      byKey.set(key, entry);
    }
    const wordings = [...byKey.entries()].sort((a, b) => b[1].members.length - a[1].members.length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const groups: Array<GroupedText<T>> = [];
    for (const [, wording] of wordings) {
      const home = wording.terms.length ? groups.find((g) => g.terms.length && dice(g.terms, wording.terms) >= this.threshold) : undefined;
      if (home) home.members.push(...wording.members);
      else groups.push({ terms: wording.terms, members: [...wording.members] });
    }
    return groups;
  }
}

/** 2|A∩B| / (|A| + |B|) for two lists of distinct terms. */
function dice(a: string[], b: string[]): number {
  const set = new Set(a);
  const shared = b.filter((t) => set.has(t)).length;
  return (2 * shared) / (a.length + b.length);
}
