import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSynonyms } from '../../knowledge/synonyms';
import { TextAnalyser, WELSH_ANALYSIS } from '../../knowledge/textAnalyser';
import { splitClitics, unmutate, welshStem } from '../../knowledge/welshAnalysis';
import { ROOT } from '../support/assistant';

const welsh = new TextAnalyser([], WELSH_ANALYSIS);

describe('the Welsh text analyser', () => {
  it('gives each mutated form of a word the key of its radical', () => {
    // Soft, nasal and aspirate mutations of treth (tax), cyngor (council), pen, bin, cath, dinas, llyfrgell, rhif.
    expect(['treth', 'dreth', 'nhreth', 'threth'].map(unmutate)).toEqual(['treth', 'treth', 'treth', 'treth']);
    expect(['cyngor', 'gyngor', 'nghyngor', 'chyngor'].map(unmutate)).toEqual(Array(4).fill('cyngor'));
    expect(['bin', 'fin', 'min'].map(unmutate)).toEqual(['pin', 'pin', 'pin']);
    expect(['pen', 'ben', 'mhen', 'phen'].map(unmutate)).toEqual(Array(4).fill('pen'));
    expect(['cath', 'gath', 'chath', 'nghath'].map(unmutate)).toEqual(Array(4).fill('cath'));
    expect(['dinas', 'ddinas', 'ninas'].map(unmutate)).toEqual(Array(3).fill('tinas'));
    expect(['llyfrgell', 'lyfrgell'].map(unmutate)).toEqual(['lyfrgell', 'lyfrgell']);
    expect(['rhif', 'rif'].map(unmutate)).toEqual(['rif', 'rif']);
    // ff is a letter of its own, never a mutation; a word starting with a vowel is left alone.
    expect(['ffordd', 'ysgol', 'ardal'].map(unmutate)).toEqual(['ffordd', 'ysgol', 'ardal']);
  });

  it('takes plural endings off', () => {
    expect(['biniau', 'trethi', 'ysgolion', 'ffurflenni', 'cerbydau', 'dinasoedd'].map(welshStem)).toEqual([
      'bin',
      'treth',
      'ysgol',
      'ffurflen',
      'cerbyd',
      'dinas',
    ]);
    expect(welshStem('bin')).toBe('bin');
  });

  it('finds the same terms in a message as in the article however each mutates, without the stop words', () => {
    expect(welsh.terms('Sut ydw i’n talu fy nhreth gyngor?')).toEqual(welsh.terms('Sut talu treth y cyngor'));
    expect(welsh.terms('Ni chafodd fy min ei gasglu')).toEqual(expect.arrayContaining(welsh.terms('bin')));
    expect(welsh.terms('Mae’r biniau yn llawn')).toEqual(expect.arrayContaining(welsh.terms('bin')));
    expect(welsh.terms('Dw i eisiau gwybod am y dreth')).toEqual(['eisiau', 'gwybod', 'treth'].map((w) => welsh.terms(w)[0]));
  });

  it('splits the shortened "yn", "yr", "ei" off the word before the apostrophe, and drops spoken forms of "bod"', () => {
    expect(splitClitics("Mae'r babi'n sâl, dw i’n mynd i'r tip")).toBe('Mae r babi n sâl, dw i n mynd i r tip');
    // An English word's own ending is not a Welsh one.
    expect(splitClitics("don't, it's, I'll")).toBe("don't, it's, I'll");
    // "ma'r" was "mar", folded to "par"; "babi'n" was "babin", which the synonym "babi" did not find.
    expect(welsh.terms("Su'mae, ma'r tip ar agor?")).toEqual(welsh.terms('tip agor'));
    expect(welsh.terms("mae'r babi'n sâl drwy'r nos")).toEqual(welsh.terms('babi sâl drwy nos'));
    expect(welsh.terms('A oes angen llun arnaf i?')).toEqual(welsh.terms('angen llun'));
  });

  it("tells a house's name and putting one's name down from a person's name (knowledge/cy-GB/synonyms.yaml)", () => {
    const shipped = new TextAnalyser(loadSynonyms(path.join(ROOT, 'knowledge', 'cy-GB', 'synonyms.yaml')), WELSH_ANALYSIS);
    const [houseName] = shipped.terms('enw tŷ');
    const [nameDown] = shipped.terms('rhoi fy enw i lawr');
    expect(shipped.terms('newid enw fy nhŷ')).toContain(houseName);
    expect(shipped.terms("ga i newid enw'r tŷ")).toContain(houseName);
    expect(shipped.terms('newid fy enw ar y gofrestr etholiadol')).not.toContain(houseName);
    const list = shipped.terms("sut ydyn ni'n rhoi ein henwau ar y gofrestr tai");
    expect(list).toContain(nameDown);
    expect(list).toContain(shipped.terms('rhestr aros tai')[0]);
    expect(list).not.toContain(shipped.terms('enw')[0]);
  });

  it('matches a synonym phrase in any mutated form', () => {
    const analyser = new TextAnalyser([['treth gyngor', 'treth y cyngor']], WELSH_ANALYSIS);
    const [term] = analyser.terms('treth gyngor');
    expect(analyser.isCanonical(term)).toBe(true);
    expect(analyser.terms('fy nhreth gyngor')).toEqual([term]);
    expect(analyser.terms('dreth y cyngor')).toEqual([term]);
  });
});
