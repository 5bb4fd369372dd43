import { describe, expect, it } from 'vitest';
import { ScoredIndex, withinEdits, type IndexEntry } from '../../knowledge/scoredIndex';
import { TextAnalyser } from '../../knowledge/textAnalyser';

/** Plain Levenshtein distance, written the slow and obvious way. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe('withinEdits', () => {
  it.each([
    ['recycling', 'recyling', 1, true],
    ['council', 'concil', 1, true],
    ['pothole', 'pothoel', 1, false],
    ['pothole', 'pothoel', 2, true],
    ['garden', 'garden', 0, true],
    ['', 'abc', 2, false],
  ])('%s ~ %s within %i edits: %s', (a, b, max, expected) => {
    expect(withinEdits(a, b, max)).toBe(expected);
  });

  it('agrees with the textbook distance on many word pairs, long and short, in any order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    for (let k = 0; k < 2000; k++) {
      const a = word(Math.floor(random() * 12));
      const b = word(Math.floor(random() * 40));
      for (const max of [0, 1, 2, 3]) expect(withinEdits(a, b, max), `${a} ${b} ${max}`).toBe(distance(a, b) <= max);
    }
  });
});

describe('ScoredIndex', () => {
  const entry = (id: string, questions: string[]): IndexEntry => ({ id, kind: 'article', title: '', questions, tags: [], body: '' });
  const index = new ScoredIndex(
    [entry('kb:badge-misuse', ['report abuse of a blue badge']), entry('kb:houses', ['houses in multiple occupation']), entry('kb:parking', ['parking fines'])],
    new TextAnalyser([['business rates', 'rates bill']]),
  );

  // Analysing a stem again can change it ("abuse" → "abus" → "abu"): a message's words must be
  // looked up as analysed once, like the entries' words, or an entry found only by them is missed.
  it.each([
    ['abuse', 'kb:badge-misuse'],
    ['houses', 'kb:houses'],
  ])('finds an entry by %j, a word whose stem changes if analysed twice', (text, id) => {
    const [best] = index.find(text);
    expect(best?.entry.id).toBe(id);
    expect(best.coverage).toBe(1);
  });
});
