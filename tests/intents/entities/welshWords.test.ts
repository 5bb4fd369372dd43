import { describe, expect, it } from 'vitest';
import { BinTypeMatcher } from '../../../intents/entities/binTypes';
import { extractWelshHouseNumbers, mutatedForms, withMutations } from '../../../intents/entities/welshWords';

describe('Welsh entity words', () => {
  it('gives the mutated forms of a radical', () => {
    expect(mutatedForms('bin')).toEqual(['bin', 'fin', 'min']);
    expect(mutatedForms('treth')).toEqual(['treth', 'dreth', 'nhreth', 'threth']);
    expect(mutatedForms('cyngor')).toEqual(['cyngor', 'gyngor', 'nghyngor', 'chyngor']);
    expect(mutatedForms('gwastraff')).toEqual(['gwastraff', 'wastraff', 'ngwastraff']);
    expect(mutatedForms('llwyd')).toEqual(['llwyd', 'lwyd']);
    expect(mutatedForms('ailgylchu')).toEqual(['ailgylchu']);
  });

  it('finds the bin colours however the bin is mutated, with the English matcher', () => {
    const matcher = new BinTypeMatcher(
      withMutations({ general: ['bin du', 'bin llwyd'], recycling: ['bin glas', 'ailgylchu'], garden: ['bin gwyrdd', 'bin brown', 'gwastraff gardd'] }),
    );
    const kinds = (text: string) => matcher.extract(text).map((s) => s.value);
    expect(kinds('Ni chafodd fy min du ei gasglu')).toEqual(['general']);
    expect(kinds('mae ei fin glas yn llawn')).toEqual(['recycling']);
    expect(kinds('y bin gwyrdd a’r bin llwyd')).toEqual(['garden', 'general']);
    expect(kinds('fy ngwastraff gardd')).toEqual(['garden']);
    expect(kinds('bin brown')).toEqual(['garden']);
  });

  it('reads "rhif 6" as a house number', () => {
    const text = 'Dw i’n byw yn rhif 6 Heol y Bont';
    expect(extractWelshHouseNumbers(text)).toEqual([{ type: 'houseNumber', text: '6', value: '6', start: text.indexOf('6'), end: text.indexOf('6') + 1 }]);
    expect(extractWelshHouseNumbers('Rhif 12a')).toMatchObject([{ value: '12A' }]);
    expect(extractWelshHouseNumbers('rhifau ffôn')).toEqual([]);
  });
});
