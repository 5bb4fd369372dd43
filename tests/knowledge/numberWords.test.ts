import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNumberWordsOrShipped, numberWords, numberWordsFile, numberWordsProblems } from '../../intents/entities/numberWords';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';
import { parseNumber } from '../../dialogs/services/answers';
import { totalSaid } from '../../dialogs/services/slotReader';
import { clockTimeAfter } from '../../dialogs/services/slots/readers/clockTime';

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
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: expect.any(Number), message: 'counts: missing (add it at the end)' })]);
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
    expect(problems).toContainEqual(expect.objectContaining({ message: 'counts: missing (add it at the end)' }));
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
    expect(totalSaid('thirteen things')).toBe(13);
    fs.writeFileSync(file, lines.join('\n').replace('twelve: 12', 'twelve: twelve'));
    expect(() => loadNumberWordsOrShipped(dir, 'en-GB')).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lineOf(lines, 'numbers:')}: numbers\\.twelve`),
    );
  });

  it('reads the shipped words as the readers did when they were written in TypeScript', () => {
    expect(parseNumber('about five')).toBe(5);
    expect(totalSaid('maybe six or seven of them')).toBe(7);
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
