import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityExtractor } from '../../../intents/entities/EntityExtractor';
import { BinTypeMatcher, defaultBinTypes, loadBinTypes, localeBinTypesFile, localeBinTypesProblems, mergeBinTypes } from '../../../intents/entities/binTypes';
import { welshMutations } from '../../../intents/entities/welshMutations';

const WELSH = loadBinTypes(path.join(__dirname, 'fixtures', 'cy-bin-types.yaml'));
const bins = (x: { extract(t: string): { type: string; text: string; value: string }[] }, text: string) =>
  x
    .extract(text)
    .filter((e) => e.type === 'binType')
    .map((e) => [e.text, e.value]);

describe('welshMutations', () => {
  it.each([
    ['bin', ['bin', 'fin', 'min']],
    ['cadi', ['cadi', 'gadi', 'nghadi', 'chadi']],
    ['treth', ['treth', 'dreth', 'nhreth', 'threth']],
    ['llun', ['llun', 'lun']],
    ['rhodfa', ['rhodfa', 'rodfa']],
    ['gardd', ['gardd', 'ardd', 'ngardd']],
    ['ardal', ['ardal', 'hardal']],
    ['ffordd', ['ffordd']],
    ['chwefror', ['chwefror']],
  ])('%s', (word, forms) => {
    expect(welshMutations(word)).toEqual(forms);
  });
});

describe('Welsh bin words', () => {
  const matcher = new BinTypeMatcher(defaultBinTypes(), WELSH);

  it('finds Welsh bins, also mutated, and English ones still', () => {
    expect(bins(matcher, 'y bin glas')).toEqual([['bin glas', 'recycling']]);
    expect(bins(matcher, 'fy min du')).toEqual([['min du', 'general']]);
    expect(bins(matcher, 'ei fin brown')).toEqual([['fin brown', 'garden']]);
    expect(bins(matcher, 'bin gwyrdd')).toEqual([['bin gwyrdd', 'garden']]);
    expect(bins(matcher, 'fy nghadi bwyd')).toEqual([['nghadi bwyd', 'food']]);
    expect(bins(matcher, 'cadi bwyd')).toEqual([['cadi bwyd', 'food']]);
    expect(bins(matcher, 'my black bin and y bin glas')).toEqual([
      ['black bin', 'general'],
      ['bin glas', 'recycling'],
    ]);
  });

  it('does not mutate the English phrases', () => {
    // "lack bin" would be a soft-mutated "black bin" if English phrases were mutated.
    expect(bins(matcher, 'lack bin')).toEqual([]);
    expect(bins(new BinTypeMatcher(defaultBinTypes()), 'y bin glas')).toEqual([]);
  });

  it('refuses a phrase under two kinds across the tables', () => {
    expect(() => new BinTypeMatcher(defaultBinTypes(), { recycling: ['black bin'] })).toThrow(/black bin.*general.*recycling/);
    expect(() => mergeBinTypes({ general: ['bin du'] }, { food: ['Bin  Du'] })).toThrow(/bin du/);
    expect(mergeBinTypes({ general: ['black bin'] }, { general: ['bin du'], food: ['cadi'] })).toEqual({ general: ['black bin', 'bin du'], food: ['cadi'] });
  });

  it('validates a locale file on its own and against the shipped table', () => {
    expect(localeBinTypesProblems(path.join(__dirname, 'fixtures', 'cy-bin-types.yaml'))).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cy-bins-'));
    const clash = path.join(dir, 'bin-types.yaml');
    fs.writeFileSync(clash, 'binTypes:\n  food:\n    - bin du\n    - blue bin\n');
    expect(localeBinTypesProblems(clash)).toEqual([
      expect.objectContaining({ severity: 'error', file: clash, line: 4, message: expect.stringMatching(/blue bin.*recycling.*food/) }),
    ]);
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, 'binTypes:\n  Bwyd: cadi\n');
    expect(localeBinTypesProblems(broken).length).toBeGreaterThan(0);
    // A mistake in the shipped (English) table is that file's own problem, not told again as the locale file's.
    const englishBroken = path.join(dir, 'english.yaml');
    fs.writeFileSync(englishBroken, 'binTypes:\n  general:\n    - black bin\n  food:\n    - black bin\n');
    expect(localeBinTypesProblems(path.join(__dirname, 'fixtures', 'cy-bin-types.yaml'), englishBroken)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names where a locale keeps its words', () => {
    expect(localeBinTypesFile('cy-GB')).toMatch(/intents[\\/]entities[\\/]cy-GB[\\/]bin-types\.yaml$/);
  });

  it('reaches the EntityExtractor through localeBinTypes', () => {
    const welsh = new EntityExtractor({ locale: 'cy-GB', localeBinTypes: WELSH });
    expect(bins(welsh, 'Ni chasglwyd fy min du')).toEqual([['min du', 'general']]);
    expect(bins(welsh, 'missed my blue bin')).toEqual([['blue bin', 'recycling']]);
    expect(bins(new EntityExtractor(), 'Ni chasglwyd fy min du')).toEqual([]);
  });
});
