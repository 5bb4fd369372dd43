import { describe, expect, it } from 'vitest';
import { houseBesideIn } from '../../../../dialogs/services/slots/houseBeside';
import { shippedVocabulary } from '../../../support/shippedWords';

describe("houseBesideIn (a house beside a street problem, in the resident's words)", () => {
  it.each([
    ["It's outside number 11", 'outside number 11'],
    ['opposite no 4 I think', 'opposite no 4'],
    ['the one next to number 9', 'next to number 9'],
    ['sorry, not number 11, it is outside number 13', 'outside number 13'],
    ['at number 12', 'at number 12'],
  ])('reads "%s"', (text, house) => {
    expect(houseBesideIn(text, shippedVocabulary())).toBe(house);
  });

  it.each(['the plate says 27', 'it went off at 12', 'outside 12 Station Road', 'not number 11', 'number 11'])('reads no house in "%s"', (text) => {
    expect(houseBesideIn(text, shippedVocabulary())).toBeUndefined();
  });
});
