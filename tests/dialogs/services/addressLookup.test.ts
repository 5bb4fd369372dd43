import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Gazetteer, shortAddress } from '../../../servicerequests/gazetteer/gazetteer';
import { AddressLookup, listPosition } from '../../../dialogs/services/addressLookup';
import { ServiceResponses } from '../../../dialogs/services/serviceResponses';
import { loadCouncilProfile } from '../../../knowledge/councilProfile';
import { shippedButtons, shippedVocabulary } from '../../support/shippedWords';
import { addressRow } from '../../support/addressRow';

const gazetteer = Gazetteer.load(path.resolve(__dirname, '../../../gazetteer'));
const lookup = new AddressLookup(
  gazetteer,
  new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../../knowledge/council.yaml')), shippedButtons()),
  shippedVocabulary(),
);
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

  it.each([
    ["the fourth one down I think, it's number 13", /^13 Mill Lane/],
    ['ok, the second one please, thanks for your help', /^10 Mill Lane/],
    ['fine. no 14. yesterday. and yes it was out', /^14 Mill Lane/],
  ])('a longer answer that says which somewhere in it: "%s"', (text, address) => {
    expect(picked(text)).toMatch(address);
  });

  it('a house name inside a longer answer', () => {
    const r = lookup.choose('fine. The Laurels. Yesterday. And yes it was out.', 'AT1 1AA');
    expect(r.location?.text).toMatch(/^The Laurels, High Street/);
  });

  it.each(['number 40', 'the twentieth one', 'no', 'the big house'])('"%s" picks nothing and the list is offered again', (text) => {
    const r = lookup.choose(text, POSTCODE);
    expect(r.location).toBeUndefined();
    expect(r.reply?.choices?.length).toBeGreaterThan(1);
  });
});

describe('listPosition', () => {
  it('reads ordinals within the list only', () => {
    expect(listPosition('the third one', 5, shippedVocabulary())).toBe(2);
    expect(listPosition('the tenth one', 5, shippedVocabulary())).toBeUndefined();
    expect(listPosition('the last', 3, shippedVocabulary())).toBe(2);
    expect(listPosition('third street on the left', 5, shippedVocabulary())).toBeUndefined();
  });
});

describe('an address given by its street, without a postcode', () => {
  const done = (o: ReturnType<typeof lookup.postcode> | undefined) => (o?.next === 'done' ? o.location.text : undefined);

  it('a street and number that match one address give it, to be shown', () => {
    const o = lookup.fromWords('when do the bins go at 3 brook st', 'address');
    expect(done(o)).toBe('3 Brook Street, Anytown, AT8 1JE');
    expect(o?.next === 'done' && o.found?.text).toContain('3 Brook Street, Anytown, AT8 1JE');
    expect(done(lookup.fromWords('my bin at 5 Fenwik Road was missed', 'address'))).toBe('5 Fenwick Road, Anytown, AT8 2HF');
  });

  it('a street without a number lists its addresses; "number 6" and "the second one" pick from it', () => {
    const o = lookup.fromWords('I live on Acorn Close', 'address');
    expect(o?.next).toBe('choose');
    if (o?.next !== 'choose') return;
    expect(o.reply.text).toMatch(/Acorn Close/);
    expect(o.reply.choices).toContain('The Old Forge, Acorn Close');
    expect(lookup.choose('number 6', o.postcode).location?.text).toMatch(/^6 Acorn Close/);
    expect(lookup.choose('the second one', o.postcode).location?.text).toMatch(/^2 Acorn Close/);
    expect(lookup.choose('the old forge', o.postcode).location?.text).toMatch(/^The Old Forge, Acorn Close/);
    expect(lookup.chooseReply(o.postcode).choices).toEqual(o.reply.choices);
  });

  it('a flat and its building give the flat', () => {
    expect(done(lookup.fromWords('grey bin missed at 3 high st, flat 2', 'address'))).toBe('Flat 2, 3 High Street, Anytown, AT1 1AA');
    const building = lookup.fromWords('grey bin missed at 3 high st', 'address');
    expect(building?.next === 'choose' && building.reply.choices).toEqual([
      'Flat 1, 3 High Street',
      'Flat 2, 3 High Street',
      'Flat 3, 3 High Street',
      "My address isn't listed",
    ]);
  });

  it('a number the street does not have says so and lists the street', () => {
    const o = lookup.fromWords('99 Mill Lane', 'address');
    expect(o?.next === 'choose' && o.reply.text).toMatch(/number 99 on Mill Lane/);
  });

  it('a house name on several streets asks which', () => {
    const o = lookup.fromWords('The Old Forge', 'address');
    expect(o?.next === 'choose' && o.reply.choices).toEqual(expect.arrayContaining(['The Old Forge, North Road', 'The Old Forge, Hill Rise']));
    if (o?.next !== 'choose') return;
    expect(lookup.choose('north road', o.postcode).location?.text).toMatch(/^The Old Forge, North Road/);
  });

  it('finds nothing in a message without a known street', () => {
    expect(lookup.fromWords('my bin was not collected', 'address')).toBeUndefined();
    expect(lookup.fromWords('pothole on the main road', 'street')).toBeUndefined();
  });

  it('at the postcode question: a street address, or a house number with the postcode', () => {
    expect(done(lookup.postcode("it's 15 Brook Street", 'address'))).toBe('15 Brook Street, Anytown, AT8 1ZS');
    expect(done(lookup.postcode('AT4 3GQ no 7', 'address'))).toMatch(/^7 Wharf Street/);
    expect(lookup.postcode('somewhere', 'address')).toMatchObject({ next: 'again' });
  });

  it('at the address list, a different street address is taken', () => {
    const r = lookup.choose('sorry it is 4 Forest Way', POSTCODE);
    expect(r.postcodeAgain?.next === 'done' && r.postcodeAgain.location.text).toMatch(/^4 Forest Way/);
  });

  it('a street problem: the place in the resident’s words, with the proper street name', () => {
    expect(done(lookup.fromWords('fly tipping on london rd outside no 15', 'street'))).toBe('On London Road outside no 15');
    expect(done(lookup.postcode('Station Rd by the bus stop', 'street'))).toBe('Station Road by the bus stop');
    expect(done(lookup.postcode('Outside the library on Station Road', 'street'))).toBe('Outside the library on Station Road');
  });

  it('a street problem with a postcode: the street and the postcode, never a list of houses', () => {
    // AT3 1NF is on Mill Lane only.
    const onStreet = lookup.postcode(POSTCODE, 'street');
    expect(done(onStreet)).toBe(`Mill Lane, ${POSTCODE}`);
    expect(onStreet.next === 'done' && onStreet.location.kind === 'description' && onStreet.location.lat).toBeCloseTo(52, 0);
    expect(done(lookup.postcode(POSTCODE, 'street', undefined, `big pothole on mill ln near the bus stop ${POSTCODE.toLowerCase()}`))).toBe(
      `On Mill Lane near the bus stop, ${POSTCODE}`,
    );
    // A house number at the postcode is still that address; a home-address service still gets the list.
    expect(done(lookup.postcode(POSTCODE, 'street', '12'))).toMatch(/^12 Mill Lane/);
    expect(lookup.postcode(POSTCODE, 'address')).toMatchObject({ next: 'choose' });
  });
});

describe('a street problem at a postcode with several streets', () => {
  const a = (uprn: string, paon: string, street: string) => addressRow(uprn, street, { paon, lat: 52, long: -1, round: 'MON-A' });
  const two = new AddressLookup(
    new Gazetteer([a('1', '1', 'Brook Street'), a('2', '2', 'Brook Street'), a('3', '1', 'Elm Row'), a('4', '2', 'Elm Row')]),
    new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../../knowledge/council.yaml')), shippedButtons()),
    shippedVocabulary(),
  );

  it('the street the resident named, else the list', () => {
    const done = (o: ReturnType<typeof two.postcode>) => (o.next === 'done' ? o.location.text : undefined);
    expect(done(two.postcode('AT1 1AA', 'street', undefined, 'light out on elm row AT1 1AA'))).toBe('On Elm Row, AT1 1AA');
    expect(two.postcode('AT1 1AA', 'street', undefined, 'light out at AT1 1AA')).toMatchObject({ next: 'choose' });
  });
});

describe('a misspelt street as close to two streets', () => {
  const a = (uprn: string, paon: string, street: string) => addressRow(uprn, street, { paon, round: 'MON-A' });
  const two = new AddressLookup(
    new Gazetteer([a('1', '1', 'Brook Street'), a('2', '2', 'Brook Street'), a('3', '1', 'Brock Street'), a('4', '2', 'Brock Street')]),
    new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../../knowledge/council.yaml')), shippedButtons()),
    shippedVocabulary(),
  );

  it('asks which street, then which address on it', () => {
    const o = two.fromWords('bins on Brok Street', 'address');
    expect(o?.next === 'choose' && o.reply.choices).toEqual(['Brook Street', 'Brock Street', "My address isn't listed"]);
    if (o?.next !== 'choose') return;
    const street = two.choose('the second one', o.postcode).postcodeAgain;
    expect(street?.next === 'choose' && street.reply.choices).toEqual(['1 Brock Street', '2 Brock Street', "My address isn't listed"]);
    const withNumber = two.choose('2 Brook Street', o.postcode).postcodeAgain;
    expect(withNumber?.next === 'done' && withNumber.location.text).toMatch(/^2 Brook Street/);
    expect(two.choose('neither', o.postcode).reply?.choices).toEqual(o.reply.choices);
  });

  it('with a number on both streets, lists both addresses', () => {
    const o = two.fromWords('1 Brok Street', 'address');
    expect(o?.next === 'choose' && o.reply.choices).toEqual(['1 Brook Street', '1 Brock Street', "My address isn't listed"]);
  });
});

describe('an address or place given by the Welsh name of its street', () => {
  const done = (o: ReturnType<typeof lookup.postcode> | undefined) => (o?.next === 'done' ? o.location : undefined);

  it('"11 Lôn y Fferi" is 11 Ferry Lane, shown with the name the resident used and the one the back office knows', () => {
    const o = lookup.fromWords('pryd mae casgliad y biniau yn 11 lon y fferi?', 'address');
    const address = gazetteer.byUprn(o?.next === 'done' && o.location.kind === 'address' ? o.location.uprn : '');
    expect(address).toMatchObject({ paon: '11', street: 'Ferry Lane' });
    expect(done(o)?.text).toBe(`11 Lôn y Fferi (Ferry Lane), Anytown, ${address?.postcode}`);
    expect(o?.next === 'done' && o.found?.text).toContain('11 Lôn y Fferi (Ferry Lane)');
  });

  it('a street problem on a street named in Welsh is the place in both names; in English, English only', () => {
    expect(done(lookup.postcode('Heol yr Orsaf', 'street'))?.text).toBe('Heol yr Orsaf (Station Road)');
    expect(done(lookup.fromWords('mae twll ar Rodfa Victoria', 'street'))?.text).toContain('Rhodfa Victoria (Victoria Avenue)');
    expect(done(lookup.fromWords('a pothole on Victoria Avenue', 'street'))?.text).not.toContain('Rhodfa');
  });

  it('a postcode with no addresses, said with a street and number that name one: that address, with its real postcode', () => {
    const o = lookup.postcode('AT2 9ZZ', 'address', undefined, 'casglu soffa o 3 Heol yr Orsaf, AT2 9ZZ');
    expect(done(o)).toMatchObject({ kind: 'address', text: expect.stringMatching(/^3 Heol yr Orsaf \(Station Road\), Anytown, AT2 1/) });
    expect(lookup.postcode('AT2 9ZZ', 'address', undefined, 'casglu soffa, AT2 9ZZ')).toMatchObject({ next: 'again' });
    expect(lookup.postcode('AT2 9ZZ', 'address', undefined, 'casglu soffa o 99 Heol yr Orsaf, AT2 9ZZ')).toMatchObject({ next: 'again' });
  });

  it('a street named in Welsh without a number: its list asks in its Welsh name, and the address chosen shows it', () => {
    const o = lookup.fromWords('biniau Lôn y Felin', 'address');
    expect(o?.next).toBe('choose');
    if (o?.next !== 'choose') return;
    expect(o.reply.text).toContain('Lôn y Felin (Mill Lane)');
    expect(lookup.choose('12', o.postcode).location?.text).toMatch(/^12 Lôn y Felin \(Mill Lane\), Anytown, AT3/);
    expect(lookup.addresses(o.postcode).length).toBe(gazetteer.addresses.filter((a) => a.street === 'Mill Lane').length);
    const english = lookup.fromWords('bins Mill Lane', 'address');
    expect(english?.next === 'choose' && lookup.choose('12', english.postcode).location?.text).toMatch(/^12 Mill Lane, Anytown/);
  });
});
