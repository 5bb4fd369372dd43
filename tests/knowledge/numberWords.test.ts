import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNumberWordsOrShipped, numberWords, numberWordsFile, numberWordsProblems } from '../../intents/entities/numberWords';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';
import { parseNumber } from '../../dialogs/services/answers';
import { totalSaid } from '../../dialogs/services/slotReader';
import { clockTimeAfter } from '../../dialogs/services/slots/readers/clockTime';
import { listPosition } from '../../dialogs/services/addressLookup';
import { welshListPosition } from '../../intents/entities/welshOrdinals';
import { loadVocabularyOrShipped } from '../../knowledge/vocabulary';

/** The shipped vocabulary's words around a total or a place in a list (\"6 or 7 of them\", \"the second one\"). */
const answerWords = loadVocabularyOrShipped(undefined);

const shippedMessages = path.resolve(__dirname, '../../knowledge/messages');

/** A copy of the shipped messages in a new temporary folder, with a locale's numbers.yaml and its lines, to break. */
function shippedCopy(locale: string): { dir: string; file: string; lines: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbers-'));
  fs.cpSync(shippedMessages, dir, { recursive: true });
  const file = numberWordsFile(dir, locale);
  return { dir, file, lines: fs.readFileSync(file, 'utf8').split('\n') };
}

const lineOf = (lines: string[], start: string): number => lines.findIndex((l) => l.startsWith(start)) + 1;

describe('number words are content (knowledge/messages/<locale>/numbers.yaml)', () => {
  afterEach(() => {
    // Back to the project's own words for the other tests of this file.
    for (const locale of ['en-GB', 'cy-GB']) loadNumberWordsOrShipped(undefined, locale);
  });

  it('the shipped files are valid, and validate reads them', () => {
    expect(numberWordsProblems(shippedMessages)).toEqual([]);
    expect(numberWords('en-GB').numbers.seven).toBe(7);
    expect(numberWords('cy-GB').numbers.ddwy).toBe(2);
  });

  it('a locale missing one of its parts is an error at the line where it belongs, in npm run validate too', () => {
    const { dir, file, lines } = shippedCopy('cy-GB');
    const at = lineOf(lines, 'counts:');
    fs.writeFileSync(file, lines.filter((l) => !l.startsWith('counts:')).join('\n'));
    const problems = validateAll({ ...DEFAULT_PATHS, messagesDir: dir }).filter((p) => p.file === file);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: expect.any(Number), message: 'counts: missing (add it before ordinals)' })]);
    expect(problems[0].line).toBeGreaterThanOrEqual(at - 1);
  });

  it('the base language must have every part: a missing one is named before the next it has', () => {
    const { dir, file, lines } = shippedCopy('en-GB');
    const next = lineOf(lines, 'clock:');
    fs.writeFileSync(file, lines.filter((l) => !l.startsWith('minutes:')).join('\n'));
    expect(numberWordsProblems(dir).filter((p) => p.file === file)).toEqual([
      expect.objectContaining({ severity: 'error', line: next - 1, message: 'minutes: missing (add it before clock)' }),
    ]);
  });

  it('a misspelt part, a word not in lower case and a part read from English only are errors with their lines', () => {
    const { dir, file, lines } = shippedCopy('cy-GB');
    const numbers = lineOf(lines, 'numbers:');
    const counts = lineOf(lines, 'counts:');
    lines[counts - 1] = lines[counts - 1].replace('counts:', 'countz:');
    lines.push('minutes: { hanner: 30 }');
    fs.writeFileSync(file, lines.join('\n').replace('ddwy: 2', 'Ddwy: 2'));
    const problems = numberWordsProblems(dir).filter((p) => p.file === file);
    expect(problems).toContainEqual(expect.objectContaining({ line: counts, message: expect.stringMatching(/countz/) }));
    expect(problems).toContainEqual(expect.objectContaining({ line: expect.any(Number), message: expect.stringMatching(/Ddwy.*lower case/) }));
    expect(problems.find((p) => /Ddwy/.test(p.message))?.line).toBeGreaterThanOrEqual(numbers);
    expect(problems).toContainEqual(expect.objectContaining({ line: lines.length, message: expect.stringMatching(/^minutes: read from en-GB/) }));
    expect(problems).toContainEqual(expect.objectContaining({ message: 'counts: missing (add it before ordinals)' }));
  });

  it('a locale folder without the file is an error naming the file', () => {
    const { dir, file } = shippedCopy('cy-GB');
    fs.rmSync(file);
    expect(numberWordsProblems(dir)).toEqual([expect.objectContaining({ severity: 'error', file, message: 'the cy-GB number words are missing' })]);
  });

  it("a council's own words are read once the assistant starts with them, and a mistake in them stops it naming file and line", () => {
    const { dir, file, lines } = shippedCopy('en-GB');
    fs.writeFileSync(file, lines.join('\n').replace('twelve: 12', 'twelve: 12, thirteen: 13'));
    loadNumberWordsOrShipped(dir, 'en-GB');
    expect(parseNumber('thirteen of them')).toBe(13);
    expect(totalSaid('thirteen things', answerWords)).toBe(13);
    fs.writeFileSync(file, lines.join('\n').replace('twelve: 12', 'twelve: twelve'));
    expect(() => loadNumberWordsOrShipped(dir, 'en-GB')).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lineOf(lines, 'numbers:')}: numbers\\.twelve`),
    );
  });

  it('reads the shipped words as the readers did when they were written in TypeScript', () => {
    expect(parseNumber('about five')).toBe(5);
    expect(totalSaid('maybe six or seven of them', answerWords)).toBe(7);
    const { unitCm, measures } = numberWords('en-GB');
    expect(['cm', 'gentimetr', 'fodfedd', 'metrau'].map((w) => unitCm.get(w))).toEqual([1, 1, 2.54, 100]);
    const spelled = (text: string) => measures.reduce((t, m) => t.replace(m.pattern, `${m.cm} cm`), text);
    expect(spelled('about half an metre wide')).toBe('about 50 cm wide');
    expect(spelled('un droedfedd o led')).toBe('30 cm o led');
    expect(spelled('tua 2 metr o hyd')).toBe('tua 2 metr o hyd');
    expect(spelled('tua metr o hyd')).toBe('tua 100 cm o hyd');
    // Clock words: "quarter to", "o clock" typed apart, "in the morning", a bound ("before").
    const at = (text: string) => clockTimeAfter(text.split(' '), [['out']]);
    expect(at('it was out at quarter to seven in the morning')).toEqual({ minutes: 6 * 60 + 45, words: 'out at quarter to seven' });
    expect(at('put it out before 7 o clock')).toEqual({ minutes: 7 * 60, bound: 'before', words: 'put it out before 7 o clock'.slice(7) });
    expect(at('out 6 in the morning')?.minutes).toBe(6 * 60);
    expect(at('out 2 days ago')).toBeUndefined();
    expect(at('out about half 6')).toEqual({ minutes: 6 * 60 + 30, words: 'out about half 6' });
    expect(at('out at 6.30pm')?.minutes).toBe(18 * 60 + 30);
  });
});

/** dialogs/services/addressLookup.ts listPosition before its ordinals moved to numbers.yaml `ordinals`. */
const OLD_ORDINALS: Record<string, number> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4 };
for (const [i, w] of ['sixth', 'seventh', 'eighth', 'ninth', 'tenth'].entries()) Object.assign(OLD_ORDINALS, { [w]: i + 5, [`${i + 6}th`]: i + 5 });
function oldListPosition(text: string, size: number): number | undefined {
  const m =
    /^(?:it'?s |its )?(?:the )?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th|last)(?: one| address| house| on the list| in the list)?(?: please)?$/i.exec(
      text.trim().replace(/[.!]+$/, ''),
    );
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  const index = word === 'last' ? size - 1 : OLD_ORDINALS[word];
  return index !== undefined && index >= 0 && index < size ? index : undefined;
}
/** intents/entities/welshOrdinals.ts WELSH_ORDINALS before they moved to cy-GB/numbers.yaml `ordinals` (0-based, -1 the last). */
const OLD_WELSH: Record<string, number> = {
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

describe('ordinals: a place in a list said as a word', () => {
  const filler = loadVocabularyOrShipped(undefined, 'cy-GB').choice_filler;
  const words = [
    ...Object.keys(OLD_ORDINALS),
    'last',
    ...Object.keys(OLD_WELSH),
    'one',
    'two',
    '11th',
    'eleventh',
    'lastly',
    'firsts',
    'ail-gylchu',
    'constructor',
  ];
  const table = words.flatMap((w) => [
    w,
    `the ${w} one`,
    `It's the ${w.toUpperCase()} address please.`,
    `${w} on the list`,
    `yr ${w} un plis`,
    `y cyfeiriad ${w}`,
    `the ${w} house!`,
    `${w} street`,
  ]);

  it('the shipped words read each place where the old code did, in lists of every length; the Welsh words are the old ones, each at its place', () => {
    for (const size of [1, 3, 10, 12]) {
      expect(table.filter((t) => oldListPosition(t, size) !== listPosition(t, size, answerWords))).toEqual([]);
    }
    expect([
      listPosition('the 2nd one', 3, answerWords),
      listPosition('the last address', 3, answerWords),
      welshListPosition('yr ail un', 3, filler),
      welshListPosition('yr un olaf', 3, filler),
    ]).toEqual([1, 2, 1, 2]);
  });

  it("a council's own ordinals are read, and a place that is no place is an error with its line", () => {
    const { dir, file, lines } = shippedCopy('en-GB');
    const at = lineOf(lines, 'ordinals:');
    fs.writeFileSync(file, lines.join('\n').replace('last: -1', 'last: -1, eleventh: 11'));
    loadNumberWordsOrShipped(dir, 'en-GB');
    expect([listPosition('the eleventh one', 12, answerWords), listPosition('the eleventh one', 10, answerWords)]).toEqual([10, undefined]);
    loadNumberWordsOrShipped(undefined, 'en-GB');
    expect(listPosition('the eleventh one', 12, answerWords)).toBeUndefined();
    fs.writeFileSync(file, lines.join('\n').replace('second: 2', 'second: 0'));
    expect(numberWordsProblems(dir).filter((p) => p.file === file)).toContainEqual(
      expect.objectContaining({ line: expect.any(Number), message: expect.stringMatching(/-1 for the last/) }),
    );
    expect(numberWordsProblems(dir).find((p) => p.file === file)?.line).toBeGreaterThanOrEqual(at);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
