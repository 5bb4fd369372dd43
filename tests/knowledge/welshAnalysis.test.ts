import { describe, expect, it } from 'vitest';
import { TextAnalyser, WELSH_ANALYSIS } from '../../knowledge/textAnalyser';
import { unmutate, welshStem } from '../../knowledge/welshAnalysis';

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

  it('matches a synonym phrase in any mutated form', () => {
    const analyser = new TextAnalyser([['treth gyngor', 'treth y cyngor']], WELSH_ANALYSIS);
    const [term] = analyser.terms('treth gyngor');
    expect(analyser.isCanonical(term)).toBe(true);
    expect(analyser.terms('fy nhreth gyngor')).toEqual([term]);
    expect(analyser.terms('dreth y cyngor')).toEqual([term]);
  });
});
