import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { StreetIndex, welshStreetNameProblems } from '../../servicerequests/gazetteer/streets';
import { placeWords } from '../../dialogs/services/placeWords';
import { addressRow } from '../support/addressRow';
import { shippedVocabulary } from '../support/shippedWords';
import { compile } from '../../knowledge/vocabulary';

const gazetteer = Gazetteer.load(path.resolve(__dirname, '../../gazetteer'));
const found = (text: string) =>
  gazetteer.streets.find(text).map((m) => ({ street: m.streets.map((s) => s.name).join(' | '), number: m.houseNumber, said: text.slice(m.start, m.end) }));

describe('streets of the gazetteer in what residents write', () => {
  it.each([
    ['42 Brook Street', 'Brook Street', '42'],
    ['my bins at 3 mill ln', 'Mill Lane', '3'],
    ['9 victoria ave', 'Victoria Avenue', '9'],
    ['flat 2, 7 wharf st', 'Wharf Street', '7'],
    ['11 Willow Cres', 'Willow Crescent', '11'],
    ['no 4 on north rd', 'North Road', '4'],
    ['Eastfield Road, number 6', 'Eastfield Road', '6'],
    ['my address is Park Road 8.', 'Park Road', '8'],
    ['14 kingfisher wy', 'Kingfisher Way', '14'],
    ['6 School La', 'School Lane', '6'],
  ])('"%s" is %s with its number', (text, street, number) => {
    expect(found(text)).toEqual([expect.objectContaining({ street, number })]);
  });

  it.each([
    ['2 Kingfsher Way', 'Kingfisher Way'],
    ['5 Westbrok Drive', 'Westbrook Drive'],
    ['7 elm grve', 'Elm Grove'],
    ['10 Riversdie Walk', 'Riverside Walk'],
    ['3 Acorn Clsoe', 'Acorn Close'],
    ['3 Brook Steet', 'Brook Street'],
  ])('"%s", misspelt, is %s', (text, street) => {
    expect(found(text)[0]?.street).toBe(street);
  });

  it('a number after the street is its house number only at the end of the sentence', () => {
    expect(found('Park Road 8, the grey bin')[0]?.number).toBe('8');
    expect(found('Park Road 12 bags dumped')[0]?.number).toBeUndefined();
  });

  it('finds a street without a number when it is clearly one', () => {
    expect(found('rubbish dumped on orchard close again')[0]?.street).toBe('Orchard Close');
    expect(found('Hill Rise')[0]?.street).toBe('Hill Rise');
    expect(found('pothole in quarry lane near the bend')[0]?.street).toBe('Quarry Lane');
  });

  it('does not read ordinary words as a street', () => {
    expect(found('is the green bin collected this week?')).toEqual([]);
    expect(found('my green bin was missed')).toEqual([]);
    expect(found('I was walking on the green and saw it')).toEqual([]);
    expect(found('bin missed at The Green')[0]?.street).toBe('The Green');
    expect(found('bin missed at 2 the green')[0]?.street).toBe('The Green');
    // One edit from a short word is another word: "Hall Lane" is not "Mill Lane".
    expect(found('4 Hall Lane')).toEqual([]);
    expect(found('8 Nill Lane')).toEqual([]);
  });

  it('reads a flat before or after the street', () => {
    expect(gazetteer.streets.find('flat 2, 3 High Street')[0]).toMatchObject({ houseNumber: '3', flat: '2' });
    expect(gazetteer.streets.find('3 high st, flat 1')[0]).toMatchObject({ houseNumber: '3', flat: '1' });
  });

  it('a misspelling as close to two streets names both', () => {
    const index = new StreetIndex([addressRow('1', 'Brook Street'), addressRow('2', 'Brock Street'), addressRow('3', 'Brockley Road')]);
    expect(
      index
        .find('1 Brok Street')[0]
        ?.streets.map((s) => s.name)
        .sort(),
    ).toEqual(['Brock Street', 'Brook Street']);
    expect(index.find('1 Brook Street')[0]?.streets.map((s) => s.name)).toEqual(['Brook Street']);
  });

  it('finds named houses word for word', () => {
    expect(
      gazetteer.streets
        .byHouseName('it is the old forge')
        .map((a) => a.street)
        .sort(),
    ).toEqual(['Acorn Close', 'Hill Rise', 'North Road', 'Oakley Road', 'School Lane']);
    expect(gazetteer.streets.byHouseName('old')).toEqual([]);
  });
});

describe('where a street problem is, in the resident’s words', () => {
  const place = (text: string) => {
    const m = gazetteer.streets.find(text)[0];
    return placeWords(text, m.start, m.end, m.streets[0].name, shippedVocabulary());
  };

  it.each([
    ['big hole on eastfield rd outside no 9 in the road, about 30cm', 'On Eastfield Road outside no 9 in the road'],
    ['bags dumped in the alley behind 4 Wharf St. Loads of them', 'In the alley behind 4 Wharf Street'],
    ['Ferry Lane by the post office', 'Ferry Lane by the post office'],
    ['the lamp at the top of Castle Hill, opposite number 2, keeps flickering', 'At the top of Castle Hill, opposite number 2'],
    ['lamp post AB12 outside 3 green ln is out', 'Outside 3 Green Lane'],
    ['FLY TIPPING ON MEADOW WAY AGAIN', 'On Meadow Way'],
    ['rubbish dumped on Green Lane, there are bags by number 5 again', 'On Green Lane, by number 5'],
    ['big pothole in the road outside the Co-op on High St', 'In the road outside the Co-op on High Street'],
    ['The street light outside the church on Mill Lane is out', 'Outside the church on Mill Lane'],
    ['light out on Elm Grove, been like it since 7 o’clock by 9 it was still off', 'On Elm Grove'],
  ])('"%s" → "%s"', (text, expected) => {
    expect(place(text)).toBe(expected);
  });

  it("reads by the council's vocabulary: a place word it lacks ends the place", () => {
    const text = 'glass all over the verge beside 14 Mill Lane';
    const m = gazetteer.streets.find(text)[0];
    expect(placeWords(text, m.start, m.end, m.streets[0].name, shippedVocabulary())).toBe('Over the verge beside 14 Mill Lane');
    const fewer = {
      ...shippedVocabulary(),
      street_where: compile('whole', { phrases: ['on', 'in'] }),
      street_place_noun: compile('whole', { phrases: ['lane'] }),
    };
    expect(placeWords(text, m.start, m.end, m.streets[0].name, fewer)).toBe('14 Mill Lane');
  });
});

describe("streets named by their Welsh names (the gazetteer's street_cy)", () => {
  const cy = (text: string) =>
    gazetteer.streets.find(text).map((m) => ({ street: m.streets.map((s) => s.name).join(' | '), number: m.houseNumber, inWelsh: !!m.inWelsh }));

  it.each([
    ['4 Heol yr Orsaf', 'Station Road', '4'],
    ['rhif 9 ar Lôn y Felin', 'Mill Lane', '9'],
    ['ein biniau ni, 11 lon y fferi', 'Ferry Lane', '11'],
    ['12 Rhodfa Glan yr Afon', 'Riverside Walk', '12'],
    ['3 cilgant yr helyg', 'Willow Crescent', '3'],
  ])('"%s" is %s, number %s, named in Welsh', (text, street, number) => {
    expect(cy(text)).toEqual([{ street, number, inWelsh: true }]);
  });

  it.each([
    ['mae sbwriel wedi ei adael ar Glos y Berllan', 'Orchard Close'],
    ['twll dwfn yng Nghilgant yr Helyg ger yr ysgol', 'Willow Crescent'],
    ['golau wedi diffodd ar Rodfa Victoria', 'Victoria Avenue'],
    ['mae gwydr ar hyd heol y parc', 'Park Road'],
  ])('after "ar", "yn", "ar hyd", mutated or not: "%s" is %s', (text, street) => {
    expect(cy(text)).toEqual([expect.objectContaining({ street, inWelsh: true })]);
  });

  it('a street named only in Welsh, and one named in English, are not "in Welsh" names of another', () => {
    expect(cy('5 Ffordd yr Orsaf')).toEqual([{ street: 'Ffordd yr Orsaf', number: '5', inWelsh: false }]);
    expect(cy('5 Station Road')).toEqual([{ street: 'Station Road', number: '5', inWelsh: false }]);
    expect(cy('7 Stryd Fawr')[0]?.street).toBe('Stryd Fawr');
    expect(cy('7 Heol Fawr')[0]).toEqual({ street: 'High Street', number: '7', inWelsh: true });
  });

  it('every Welsh name in the gazetteer is valid: one per street, a Welsh type first, no other street of that name', () => {
    expect(welshStreetNameProblems(gazetteer.addresses)).toEqual([]);
  });

  it('validate names a second Welsh name, a name without a Welsh type and a name another street has', () => {
    const row = (uprn: string, street: string, street_cy: string) => addressRow(uprn, street, { paon: uprn, street_cy });
    const problems = welshStreetNameProblems([
      row('1', 'Station Road', 'Heol yr Orsaf'),
      row('2', 'Station Road', 'Ffordd yr Orsaf'),
      row('3', 'Ffordd yr Orsaf', ''),
      row('4', 'Mill Lane', 'Y Felin'),
    ]);
    expect(problems).toEqual([
      expect.stringContaining('Station Road has two Welsh names'),
      expect.stringContaining('"Y Felin" does not start with a Welsh street type'),
    ]);
    expect(welshStreetNameProblems([row('1', 'Station Road', 'Ffordd yr Orsaf'), row('3', 'Ffordd yr Orsaf', '')])).toEqual([
      expect.stringContaining('"Ffordd yr Orsaf" is also the name of Ffordd yr Orsaf'),
    ]);
  });
});
