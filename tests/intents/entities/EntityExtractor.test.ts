import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../intents/recognizer';
import {
  BIN_TYPES_FILE,
  BinTypeMatcher,
  EntityExtractor,
  defaultBinTypes,
  extractAddresses,
  extractCaseReferences,
  extractPostcodes,
  loadBinTypes,
} from '../../../intents/entities';
import { binTypesProblems } from '../../../intents/entities/binTypes';
import { defaultCaseReferenceWords } from '../../../intents/entities/caseReferences';

// Wednesday 11 December 2024, 10:00 in London (GMT).
const WEDNESDAY = new Date('2024-12-11T10:00:00Z');
const extractor = new EntityExtractor({ now: () => WEDNESDAY });

const of = (entities: Entity[], type: string): Entity[] => entities.filter((e) => e.type === type);
const values = (text: string, type: string, x: EntityExtractor = extractor): string[] => of(x.extract(text), type).map((e) => e.value);
const types = (text: string): string[] => extractor.extract(text).map((e) => e.type);

describe('postcode', () => {
  it.each([
    ['my blue bin wasnt collected yesterday at12bd', 'AT1 2BD', 'at12bd'],
    ['pothole outside 14 mill lane AT3 4DF', 'AT3 4DF', 'AT3 4DF'],
    ['when is my bin day? at5 6hj', 'AT5 6HJ', 'at5 6hj'],
    ['I live at AT9  1ZZ thanks', 'AT9 1ZZ', 'AT9  1ZZ'],
    ['postcode is (at2 7qp).', 'AT2 7QP', 'at2 7qp'],
    ['staying with my mum in SW1A 1AA', 'SW1A 1AA', 'SW1A 1AA'],
  ])('%s', (message, value, text) => {
    const postcodes = of(extractor.extract(message), 'postcode');
    expect(postcodes).toHaveLength(1);
    expect(postcodes[0]).toMatchObject({ value, text });
    expect(message.slice(postcodes[0].start, postcodes[0].end)).toBe(text);
  });

  it('finds more than one', () => {
    expect(values('moved from AT1 2BD to at23cd', 'postcode')).toEqual(['AT1 2BD', 'AT2 3CD']);
  });

  it.each(['ZZ1', 'my postcode is SW1A1AAA', 'AT1 2B', 'AT12 3', 'XAT1 2BD', 'AT1 2BDX', '1AT1 2BD', 'postcode 12345'])('rejects %s', (message) => {
    expect(values(message, 'postcode')).toEqual([]);
  });

  it('treats an Anytown outward code on its own as postcodeOutward, upper-cased', () => {
    expect(of(extractor.extract('are bins late in at3 this week'), 'postcodeOutward')).toEqual([
      { type: 'postcodeOutward', text: 'at3', value: 'AT3', start: 17, end: 20 },
    ]);
    expect(values("what's the bin day for AT7", 'postcodeOutward')).toEqual(['AT7']);
  });

  it('gives no outward code when a full postcode is there', () => {
    const entities = extractor.extract('AT3 or is it AT1 2BD');
    expect(of(entities, 'postcodeOutward')).toEqual([]);
    expect(of(entities, 'postcode').map((e) => e.value)).toEqual(['AT1 2BD']);
  });

  it('ignores lone outward codes from elsewhere ("ZZ1", "the A1", "M6", "CO2")', () => {
    for (const message of ['ZZ1', 'stuck on the A1 again', 'traffic on the M6', 'CO2 levels']) {
      expect(types(message)).not.toContain('postcodeOutward');
    }
  });

  it('can be told other postcode areas', () => {
    expect(extractPostcodes('in ZZ1 please', ['ZZ']).map((e) => e.value)).toEqual(['ZZ1']);
    expect(extractPostcodes('in AT1 please', [])).toEqual([]);
  });
});

describe('caseReference', () => {
  it.each([
    ['whats happening with AT-123456', 'AT-123456', 'AT-123456'],
    ['my case ref is CR-2024-00123 any update', 'CR-2024-00123', 'CR-2024-00123'],
    ['any news on abc12345?', 'ABC12345', 'abc12345'],
    ['checking on #12345 please', '12345', '#12345'],
    ['ref 123456', '123456', '123456'],
    ['my reference number 4567890 from last week', '4567890', '4567890'],
    ['Reference: ab 12345', 'AB12345', 'ab 12345'],
    ['case no. 98765 about my bin', '98765', '98765'],
    ['complaint number 55512', '55512', '55512'],
    ['ref:AT-765432', 'AT-765432', 'AT-765432'],
  ])('%s', (message, value, text) => {
    const refs = of(extractor.extract(message), 'caseReference');
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ value, text });
    expect(message.slice(refs[0].start, refs[0].end)).toBe(text);
  });

  it.each([
    'my postcode is AT1 2BD',
    'at12bd',
    'call me on 07700 900123',
    'call me on 07700900123',
    'ref 07700900123',
    'ring +44 7700 900123',
    'been like this since 2019',
    'ref 2024',
    'reference 12/03/2024',
    'on 2024-12-03',
    'I want to report 12345 potholes',
    'NI number AB123456C',
    'COVID-19 rules',
    'in case 2 bins go missing',
  ])('is not fooled by %s', (message) => {
    expect(values(message, 'caseReference')).toEqual([]);
  });
});

describe('date', () => {
  it.each([
    ['my blue bin wasnt collected yesterday at12bd', '2024-12-10', 'yesterday'],
    ['missed on last tuesday', '2024-12-10', 'on last tuesday'],
    ['they skipped our street on 3rd Dec', '2024-12-03', 'on 3rd Dec'],
    ['the van came on the 2nd of December', '2024-12-02', '2nd of December'],
    ['bins were not emptied on monday', '2024-12-09', 'on monday'],
    ['the light went out this morning', '2024-12-11', 'this morning'],
    ['reported it 3 days ago', '2024-12-08', '3 days ago'],
    ['first reported 12/03/2024', '2024-03-12', '12/03/2024'],
    ['flytipping since 4/11', '2024-11-04', '4/11'],
    ['should be collected tomorrow', '2024-12-12', 'tomorrow'],
  ])('%s', (message, value, text) => {
    const dates = of(extractor.extract(message), 'date');
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ value, text });
    expect(message.slice(dates[0].start, dates[0].end)).toBe(text);
  });

  it('follows the clock it is given', () => {
    const march = new EntityExtractor({ now: () => new Date('2025-03-05T12:00:00Z') });
    expect(values('missed yesterday', 'date', march)).toEqual(['2025-03-04']);
  });

  it('reads the day in London, not UTC (00:30 BST on 1 July is still 30 June in UTC)', () => {
    const justAfterMidnight = new EntityExtractor({ now: () => new Date('2024-06-30T23:30:00Z') });
    expect(values('missed today', 'date', justAfterMidnight)).toEqual(['2024-07-01']);
    expect(values('missed yesterday', 'date', justAfterMidnight)).toEqual(['2024-06-30']);
  });

  it.each(['collected at 7am', 'around 5pm', 'by noon', 'in march', 'the sun is out', 'I sat by the bin', 'it is broken now', 'AT3'])(
    'ignores times alone and non-days: %s',
    (message) => {
      expect(values(message, 'date')).toEqual([]);
    },
  );
});

describe('binType', () => {
  it.each([
    ['my blue bin wasnt collected yesterday', 'recycling'],
    ['black bin not emptied', 'general'],
    ['rubbish not collected', 'general'],
    ['general waste missed again', 'general'],
    ['Grey Bins left on the pavement', 'general'],
    ['landfill bin day?', 'general'],
    ['recycling box was left', 'recycling'],
    ['when is paper and card collected', 'recycling'],
    ['paper & card', 'recycling'],
    ['mixed recycling missed', 'recycling'],
    ['brown bin missed', 'garden'],
    ['green bin not emptied', 'garden'],
    ['garden-waste subscription', 'garden'],
    ['green waste day', 'garden'],
    ['food caddy stolen', 'food'],
    ['both food caddies gone', 'food'],
    ['need a new kitchen caddy', 'food'],
    ['FOOD WASTE not taken', 'food'],
  ])('%s -> %s', (message, value) => {
    expect(values(message, 'binType')).toEqual([value]);
  });

  it('prefers the longer phrase and keeps offsets', () => {
    const message = 'the black bin, recycling box and kitchen caddy';
    const bins = of(extractor.extract(message), 'binType');
    expect(bins.map((b) => [b.value, b.text])).toEqual([
      ['general', 'black bin'],
      ['recycling', 'recycling box'],
      ['food', 'kitchen caddy'],
    ]);
    for (const b of bins) expect(message.slice(b.start, b.end)).toBe(b.text);
  });

  it('needs a bin word, not just a colour or "bin"', () => {
    expect(values('my bin was not collected', 'binType')).toEqual([]);
    expect(values('the blue car blocked the road', 'binType')).toEqual([]);
    expect(values('is the recycling centre open', 'binType')).toEqual([]);
    expect(values('cabinet binned', 'binType')).toEqual([]);
  });

  it('loads the shipped YAML table, with every kind the dialogs expect', () => {
    const table = loadBinTypes(BIN_TYPES_FILE);
    expect(Object.keys(table).sort()).toEqual(['food', 'garden', 'general', 'recycling']);
    expect(table.garden).toContain('green bin');
    expect(defaultBinTypes()).toBe(defaultBinTypes());
  });

  it('takes a council-specific table', () => {
    const custom = new EntityExtractor({ now: () => WEDNESDAY, binTypes: { general: ['purple bin'], glass: ['glass box'] } });
    expect(values('purple bin and glass boxes', 'binType', custom)).toEqual(['general', 'glass']);
    expect(values('blue bin', 'binType', custom)).toEqual([]);
  });

  it('refuses a table with one phrase under two kinds, or a malformed file', () => {
    expect(() => new BinTypeMatcher({ garden: ['green bin'], recycling: ['Green  Bin'] })).toThrow(/green bin/i);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bin-types-'));
    try {
      const file = path.join(dir, 'bins.yaml');
      fs.writeFileSync(file, 'binTypes:\n  Recycling: blue bin\n');
      expect(() => loadBinTypes(file)).toThrow(file);
      // validate and start-up name the line of the phrase listed a second time
      const twice = path.join(dir, 'twice.yaml');
      fs.writeFileSync(twice, 'binTypes:\n  general:\n    - black bin\n  recycling:\n    - blue bin\n    - Black Bin\n');
      expect(binTypesProblems(twice)).toEqual([{ severity: 'error', file: twice, line: 6, message: '"black bin" is listed under both general and recycling' }]);
      expect(() => loadBinTypes(twice)).toThrow(`${twice}:6: "black bin" is listed under both general and recycling`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('houseNumber and street', () => {
  const address = (message: string): Record<string, string> =>
    Object.fromEntries(
      extractor
        .extract(message)
        .filter((e) => ['houseNumber', 'street', 'flat'].includes(e.type))
        .map((e) => [e.type, e.value]),
    );

  it.each<[string, Record<string, string>]>([
    ['12 High Street', { houseNumber: '12', street: 'High Street' }],
    ['pothole outside 14 mill lane AT3 4DF', { houseNumber: '14', street: 'Mill Lane' }],
    ['flat 3, 45 mill lane', { flat: '3', houseNumber: '45', street: 'Mill Lane' }],
    ['number 7 on Church Road', { houseNumber: '7', street: 'Church Road' }],
    ['i live at 12a high st', { houseNumber: '12A', street: 'High Street' }],
    ["flat 2b, 10 queen's road", { flat: '2B', houseNumber: '10', street: "Queen's Road" }],
    ['bins outside 28 ash dr', { houseNumber: '28', street: 'Ash Drive' }],
    ['12 The Avenue', { houseNumber: '12', street: 'The Avenue' }],
    ['flat 3 Riverside Court', { flat: '3', street: 'Riverside Court' }],
    ['3 oak close', { houseNumber: '3', street: 'Oak Close' }],
    ['on the high street', { street: 'High Street' }],
    ['pothole on Station Road', { street: 'Station Road' }],
    ['huge pothole on station rd near the school', { street: 'Station Road' }],
    ["broken street light on St John's Road", { street: "St John's Road" }],
    ['GREY BINS NOT EMPTIED ON STATION WAY', { street: 'Station Way' }],
    ['I walk my dog along Elm Grove', { street: 'Elm Grove' }],
    ['flytipping at the end of Church Hill Road', { street: 'Church Hill Road' }],
    ['rubbish dumped on Market Place', { street: 'Market Place' }],
    ['my neighbour says Station Road is flooded', { street: 'Station Road' }],
  ])('%s', (message, expected) => {
    expect(address(message)).toEqual(expected);
  });

  it('gives offsets into the original text', () => {
    const message = 'flat 3, 45 mill lane';
    expect(extractor.extract(message).map((e) => [e.type, e.text, e.start, e.end])).toEqual([
      ['flat', 'flat 3', 0, 6],
      ['houseNumber', '45', 8, 10],
      ['street', 'mill lane', 11, 20],
    ]);
  });

  it.each([
    'pothole in the road',
    'broken street light',
    'fly tipping in the car park',
    'dog mess in the park',
    'bins missed 2 days in a row',
    'please see Dr Patel',
    'someone is blocking my drive',
    'the lane is flooded',
    'road works everywhere',
  ])('finds no street in %s', (message) => {
    expect(types(message).filter((t) => t === 'street' || t === 'houseNumber')).toEqual([]);
  });

  it('can be used on its own', () => {
    expect(extractAddresses('45 mill lane').map((e) => e.value)).toEqual(['Mill Lane', '45']);
    expect(extractCaseReferences('ref 123456', defaultCaseReferenceWords()).map((e) => e.value)).toEqual(['123456']);
  });
});

describe('whole messages', () => {
  it('pulls everything out of a missed-bin report, in order', () => {
    const message = 'my blue bin wasnt collected yesterday at12bd';
    expect(extractor.extract(message)).toEqual([
      { type: 'binType', text: 'blue bin', value: 'recycling', start: 3, end: 11 },
      { type: 'date', text: 'yesterday', value: '2024-12-10', start: 28, end: 37 },
      { type: 'postcode', text: 'at12bd', value: 'AT1 2BD', start: 38, end: 44 },
    ]);
  });

  it('lets a postcode win over the time chrono sees in "AT3 4DF" ("at 3")', () => {
    expect(types('pothole outside 14 mill lane AT3 4DF')).toEqual(['houseNumber', 'street', 'postcode']);
  });

  it('reads a follow-up with a reference and a date', () => {
    const entities = extractor.extract('Reported case 12345 last week about the food caddy, still nothing');
    expect(entities.map((e) => [e.type, e.value])).toEqual([
      ['caseReference', '12345'],
      ['date', '2024-12-04'],
      ['binType', 'food'],
    ]);
  });

  it('never returns overlapping entities and offsets always match text', () => {
    const messages = [
      'ref AT-123456 flat 3, 45 mill lane AT3 4DF black bin on monday 3rd Dec',
      '#12345 12 High St at12bd green waste yesterday',
      'case no. 98765 Church Hill Road CR-2024-00123 this morning',
    ];
    for (const message of messages) {
      const entities = extractor.extract(message);
      expect(entities.length).toBeGreaterThan(3);
      for (const [i, e] of entities.entries()) {
        expect(message.slice(e.start, e.end)).toBe(e.text);
        const next = entities[i + 1];
        if (next) expect(next.start).toBeGreaterThanOrEqual(e.end!);
      }
    }
  });
});

describe('bad input', () => {
  const nasty = [
    '',
    '   ',
    '\n\t',
    '!!!???...,,,;;::--',
    '🗑️🗑️🚮 bin 🚮 😡😡😡',
    'улица Road 12 Straße Lane 東京 AT1 2BD مرحبا ref ١٢٣٤٥',
    'a'.repeat(10_000),
    'supercalifragilistic'.repeat(500),
    '12 high street AT1 2BD ref 123456 yesterday blue bin '.repeat(200),
    '#'.repeat(5_000),
    '1'.repeat(10_000),
    'AT-'.repeat(3_000),
    'flat '.repeat(2_000),
    'st '.repeat(3_000),
    'ref '.repeat(2_500),
    '\u0000\uFFFF\uD800\uDFFF',
    'road road road',
    'The The Avenue',
  ];

  it.each(nasty.map((s) => [s.length > 40 ? `${s.slice(0, 40)}… (${s.length} chars)` : JSON.stringify(s), s]))('survives %s', (_label, text) => {
    const entities = extractor.extract(text);
    expect(Array.isArray(entities)).toBe(true);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('returns nothing for empty or non-string input', () => {
    expect(extractor.extract('')).toEqual([]);
    expect(extractor.extract(undefined as unknown as string)).toEqual([]);
    expect(extractor.extract(42 as unknown as string)).toEqual([]);
  });

  it('survives a broken clock', () => {
    const broken = new EntityExtractor({ now: () => new Date(Number.NaN) });
    expect(() => broken.extract('missed yesterday at12bd')).not.toThrow();
    expect(values('missed yesterday at12bd', 'postcode', broken)).toEqual(['AT1 2BD']);
    const throwing = new EntityExtractor({
      now: () => {
        throw new Error('clock');
      },
    });
    expect(values('missed yesterday at12bd', 'postcode', throwing)).toEqual(['AT1 2BD']);
  });

  it('survives random junk', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const alphabet = "aAtT1290 -#/,.'’🚮éЖ中\n&:";
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(() => extractor.extract(text)).not.toThrow();
    }
  });

  it('is fast outside chrono: a 100-character message well under a millisecond', () => {
    const message = 'hi my blue bin wasnt collected at 14 mill lane AT3 4DF, ref AT-123456, please can someone come?';
    const bins = new BinTypeMatcher(defaultBinTypes());
    const words = defaultCaseReferenceWords();
    const run = (): void => {
      extractPostcodes(message);
      extractCaseReferences(message, words);
      extractAddresses(message);
      bins.extract(message);
    };
    for (let i = 0; i < 200; i++) run();
    const rounds = 2_000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) run();
    expect((performance.now() - started) / rounds).toBeLessThan(1);
  });
});

describe('a house number right after a day', () => {
  it.each([
    ['my blue bin wasnt emptied on tuesday, 12 Mill Lane AT3 1NF', 'on tuesday'],
    ['missed my blue bin tuesday at 12 Mill Lane', 'tuesday'],
    ['bin not collected monday 7 High Street', 'monday'],
  ])('%j: the number is the house, the day is still the date', (text, dateText) => {
    const entities = extractor.extract(text);
    expect(values(text, 'houseNumber')).toEqual([/(\d+) (Mill Lane|High Street)/.exec(text)![1]]);
    expect(of(entities, 'date').map((e) => e.text)).toEqual([dateText]);
    expect(of(entities, 'date')[0].value).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('a date with a day number and no street keeps its number', () => {
    expect(of(extractor.extract('it was meant to be collected on 9 December'), 'date').map((e) => e.text)).toEqual(['on 9 December']);
  });
});
