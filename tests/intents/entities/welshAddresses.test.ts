import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityExtractor } from '../../../intents/entities/EntityExtractor';
import { extractWelshAddresses } from '../../../intents/entities/welshAddresses';
import { isWelshStreetName } from '../../../intents/entities/welshStreets';
import { streetPattern } from '../../../dialogs/services/slots/streetPattern';
import { shippedVocabulary } from '../../support/shippedWords';
import { Gazetteer } from '../../../servicerequests/gazetteer/gazetteer';
import { WasteSchedule } from '../../../servicerequests/waste/wasteSchedule';

const parts = (text: string) => extractWelshAddresses(text).map((s) => [s.type, s.text, s.value]);

describe('extractWelshAddresses', () => {
  it.each([
    [
      'yn 6 Heol y Castell',
      [
        ['houseNumber', '6', '6'],
        ['street', 'Heol y Castell', 'Heol y Castell'],
      ],
    ],
    [
      'rhif 12a, Ffordd yr Orsaf',
      [
        ['houseNumber', '12a', '12A'],
        ['street', 'Ffordd yr Orsaf', 'Ffordd yr Orsaf'],
      ],
    ],
    [
      'Ffordd yr Orsaf, rhif 12',
      [
        ['street', 'Ffordd yr Orsaf', 'Ffordd yr Orsaf'],
        ['houseNumber', '12', '12'],
      ],
    ],
    ['mae twll ar heol y castell ddoe', [['street', 'heol y castell', 'Heol y Castell']]],
    ['yn Stryd Fawr', [['street', 'Stryd Fawr', 'Stryd Fawr']]],
    ['ar Lon Goed', [['street', 'Lon Goed', 'Lôn Goed']]],
    ['ar Rodfa’r Môr ers dydd Llun', [['street', 'Rodfa’r Môr', "Rhodfa'r Môr"]]],
    ['yng Nghilgant y Dderwen', [['street', 'Nghilgant y Dderwen', 'Cilgant y Dderwen']]],
    [
      '4 Teras Victoria',
      [
        ['houseNumber', '4', '4'],
        ['street', 'Teras Victoria', 'Teras Victoria'],
      ],
    ],
    ['Maes y Llan', [['street', 'Maes y Llan', 'Maes y Llan']]],
    ["Cae'r Felin", [['street', "Cae'r Felin", "Cae'r Felin"]]],
    ['Clos y Wern', [['street', 'Clos y Wern', 'Clos y Wern']]],
    ['Llwyn Onn', [['street', 'Llwyn Onn', 'Llwyn Onn']]],
    [
      'fflat 3, 45 Stryd Fawr',
      [
        ['flat', 'fflat 3', '3'],
        ['houseNumber', '45', '45'],
        ['street', 'Stryd Fawr', 'Stryd Fawr'],
      ],
    ],
    ['rhif 6', [['houseNumber', 'rhif 6', '6']]],
    ['tŷ rhif 4', [['houseNumber', 'tŷ rhif 4', '4']]],
  ])('%s', (text, expected) => {
    expect(parts(text)).toEqual(expected);
  });

  it('leaves common words that are also weak street types alone without capitals or a number', () => {
    expect(parts('maes parcio')).toEqual([]);
    expect(parts('llwyn o goed')).toEqual([]);
    expect(parts('12 High Street')).toEqual([]);
    expect(parts('y bin du')).toEqual([]);
  });

  it('tells a Welsh street name by its first word', () => {
    expect(isWelshStreetName("Rhodfa'r Môr")).toBe(true);
    expect(isWelshStreetName('Lôn Goed')).toBe(true);
    expect(isWelshStreetName('High Street')).toBe(false);
    expect(isWelshStreetName('Rodfa Fawr')).toBe(false); // a mutated type is not how a council writes a name
  });
});

describe('EntityExtractor with locale cy-GB reads Welsh addresses', () => {
  const welsh = new EntityExtractor({ locale: 'cy-GB', now: () => new Date('2026-12-02T10:00:00Z') });
  const english = new EntityExtractor({ now: () => new Date('2026-12-02T10:00:00Z') });
  const of = (x: EntityExtractor, text: string) => x.extract(text).map((e) => [e.type, e.value]);

  it('alongside English streets and Welsh dates', () => {
    expect(of(welsh, 'bin du heb ei gasglu ddoe yn 6 Heol y Castell')).toEqual([
      ['date', '2026-12-01'],
      ['houseNumber', '6'],
      ['street', 'Heol y Castell'],
    ]);
    expect(of(welsh, 'missed at 12 Mill Lane, not rhif 6 Stryd Fawr')).toEqual([
      ['houseNumber', '12'],
      ['street', 'Mill Lane'],
      ['houseNumber', '6'],
      ['street', 'Stryd Fawr'],
    ]);
  });

  it('English extraction is unchanged', () => {
    expect(of(english, 'yn 6 Heol y Castell')).toEqual([]);
    expect(of(english, '12 Mill Lane')).toEqual([
      ['houseNumber', '12'],
      ['street', 'Mill Lane'],
    ]);
  });
});

describe('Welsh streets in the Anytown gazetteer', () => {
  const g = Gazetteer.load(path.resolve('gazetteer'));
  const found = (text: string) => g.streets.find(text).map((m) => [m.streets.map((s) => s.name).join(' | '), m.houseNumber, text.slice(m.start, m.end)]);
  const WELSH = ['Heol y Castell', 'Ffordd yr Orsaf', 'Stryd Fawr', 'Lôn Goed', "Rhodfa'r Môr", 'Cilgant y Dderwen'];

  it('has houses, AT postcodes and a collection round for each', () => {
    const schedule = WasteSchedule.load(path.resolve('waste'));
    for (const street of WELSH) {
      const houses = g.addresses.filter((a) => a.street === street);
      expect(houses.length, street).toBeGreaterThanOrEqual(10);
      for (const a of houses) {
        expect(a.postcode).toMatch(/^AT[1-9] \d[A-Z]{2}$/);
        expect(g.byPostcode(a.postcode).map((x) => x.uprn)).toContain(a.uprn);
        expect(schedule.next(a.round, '2026-12-02').length, `${street} ${a.round}`).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['6 Heol y Castell', 'Heol y Castell', '6', 'Heol y Castell'],
    ['rhif 7 ar Ffordd yr Orsaf', 'Ffordd yr Orsaf', '7', 'Ffordd yr Orsaf'],
    ['Ffordd yr Orsaf, rhif 3', 'Ffordd yr Orsaf', '3', 'Ffordd yr Orsaf'],
    ['tŷ rhif 4, Lon Goed', 'Lôn Goed', '4', 'Lon Goed'],
    ['mae twll ar lon goed', 'Lôn Goed', undefined, 'lon goed'],
    ['ar Heol y Castell', 'Heol y Castell', undefined, 'Heol y Castell'],
    ['yn Stryd Fawr', 'Stryd Fawr', undefined, 'Stryd Fawr'],
    ['ar Rodfa’r Mor', "Rhodfa'r Môr", undefined, 'Rodfa’r Mor'],
    ['yng Nghilgant y Dderwen', 'Cilgant y Dderwen', undefined, 'Nghilgant y Dderwen'],
    ['2 Cilgant y Derwen', 'Cilgant y Dderwen', '2', 'Cilgant y Derwen'],
  ])('the street finder reads "%s"', (text, street, number, said) => {
    expect(found(text)).toEqual([[street, number, said]]);
  });

  it('masks Welsh street names in answers, accents or none, mutated or not', () => {
    const pattern = streetPattern(WELSH, shippedVocabulary())!;
    const mask = (text: string) => text.replace(pattern, '§');
    expect(mask('ar Rodfa’r Mor')).toBe('ar §');
    expect(mask("Rhodfa'r Môr")).toBe('§');
    expect(mask('lon goed')).toBe('§');
    expect(mask('yng Nghilgant y Dderwen')).toBe('yng §');
    expect(mask('stryd fawr, y bin glas')).toBe('§, y bin glas');
    expect(mask('heol y castell')).toBe('§');
  });
});
