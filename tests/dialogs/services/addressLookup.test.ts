import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Gazetteer, shortAddress } from '../../../bot/gazetteer/gazetteer';
import { AddressLookup, listPosition } from '../../../dialogs/services/addressLookup';
import { ServiceResponses } from '../../../dialogs/services/serviceResponses';
import { loadCouncilProfile } from '../../../knowledge/councilProfile';

const gazetteer = Gazetteer.load(path.resolve(__dirname, '../../../gazetteer'));
const lookup = new AddressLookup(gazetteer, new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../../knowledge/council.yaml'))));
// AT3 1NF lists 9 to 16 Mill Lane (gazetteer/addresses.csv).
const POSTCODE = 'AT3 1NF';
const picked = (text: string) => {
  const r = lookup.choose(text, POSTCODE);
  return r.location?.kind === 'address' ? r.location.text : undefined;
};

describe('choosing from the address list the way residents say it', () => {
  it('the list is the one the tests assume', () => {
    expect(gazetteer.byPostcode(POSTCODE).map(shortAddress).slice(0, 2)).toEqual(['9 Mill Lane', '10 Mill Lane']);
  });

  it.each(['12', '12 Mill Lane', 'number 12', 'No 12', 'no. 12', "it's 12", 'I live at 12', 'num 12'])('"%s" is 12 Mill Lane', (text) => {
    expect(picked(text)).toMatch(/^12 Mill Lane/);
  });

  it.each([
    ['the second one', /^10 Mill Lane/],
    ['2nd', /^10 Mill Lane/],
    ['first', /^9 Mill Lane/],
    ['the last one', /^16 Mill Lane/],
  ])('"%s" is a place in the list', (text, address) => {
    expect(picked(text)).toMatch(address);
  });

  it.each(['number 40', 'the twentieth one', 'no', 'the big house'])('"%s" picks nothing and the list is offered again', (text) => {
    const r = lookup.choose(text, POSTCODE);
    expect(r.location).toBeUndefined();
    expect(r.reply?.choices?.length).toBeGreaterThan(1);
  });
});

describe('listPosition', () => {
  it('reads ordinals within the list only', () => {
    expect(listPosition('the third one', 5)).toBe(2);
    expect(listPosition('the tenth one', 5)).toBeUndefined();
    expect(listPosition('the last', 3)).toBe(2);
    expect(listPosition('third street on the left', 5)).toBeUndefined();
  });
});
