import { SeededRandom } from './SeededRandom';

/** Seeded stratified splits: every label is spread evenly over the folds. */
export class StratifiedSplit {
  /** Fold number (0..k-1) of each item. */
  static folds(labels: readonly string[], k: number, seed: number): number[] {
    const random = new SeededRandom(seed);
    const byLabel = new Map<string, number[]>();
    labels.forEach((l, i) => {
      const list = byLabel.get(l) ?? [];
      list.push(i);
      byLabel.set(l, list);
    });
    const fold = new Array<number>(labels.length).fill(0);
    let offset = 0; // rotate so that small labels do not all land in fold 0
    for (const label of [...byLabel.keys()].sort()) {
      const items = byLabel.get(label)!;
      random.shuffle(items);
      items.forEach((item, j) => (fold[item] = (j + offset) % k));
      offset = (offset + items.length) % k;
    }
    return fold;
  }

  /** Splits items into [kept, heldOut] with about `fraction` of each label held out. */
  static holdout<T>(items: readonly T[], labelOf: (item: T) => string, fraction: number, seed: number): [T[], T[]] {
    const random = new SeededRandom(seed);
    const byLabel = new Map<string, number[]>();
    items.forEach((item, i) => {
      const l = labelOf(item);
      byLabel.set(l, [...(byLabel.get(l) ?? []), i]);
    });
    const held = new Set<number>();
    for (const label of [...byLabel.keys()].sort()) {
      const idx = byLabel.get(label)!;
      random.shuffle(idx);
      const take = Math.round(idx.length * fraction);
      for (const i of idx.slice(0, take)) held.add(i);
    }
    return [items.filter((_, i) => !held.has(i)), items.filter((_, i) => held.has(i))];
  }
}
