import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceCatalogue } from '../../../backoffice/serviceCatalogue';
import type { ServiceAttribute } from '../../../servicerequests/open311/types';
import { loadServiceRequestConfig } from '../../../dialogs/services/serviceRequestConfig';
import { SlotReader } from '../../../dialogs/services/slotReader';
import { compile, loadVocabularyOrShipped, type Vocabulary } from '../../../knowledge/vocabulary';
import { shippedVocabulary } from '../../support/shippedWords';

// The council's own content: the service definitions and what residents say (knowledge/service-requests.yaml).
const root = path.resolve(__dirname, '../../..');
const catalogue = ServiceCatalogue.load(path.join(root, 'services'));
const configs = loadServiceRequestConfig(path.join(root, 'knowledge', 'service-requests.yaml'));
// Friday 4 December 2026, midday in London.
const NOW = new Date('2026-12-04T12:00:00Z');
const STREETS = /\b(?:the[\s,.'’-]+green|green[\s,.'’-]+lane|station[\s,.'’-]+road|station[\s,.'’-]+rd)\b/gi;

function reader(intent: string, vocabulary: Vocabulary = shippedVocabulary(), urgent = false): SlotReader {
  const config = configs[intent];
  const attributes = catalogue.find(config.service_code)!.attributes.map((a) => ({ ...a, variable: true })) as ServiceAttribute[];
  const countOf: Record<string, string> = {};
  for (const [code, limit] of Object.entries(config.limits)) if (typeof limit.min === 'string') countOf[limit.min] = code;
  return new SlotReader(attributes, config.understands, {
    dates: config.dates,
    countOf,
    streets: STREETS,
    today: '2026-12-04',
    now: NOW,
    vocabulary,
    urgentValues: urgent ? { fault_type: ['wiring', 'damaged'] } : undefined,
  });
}

const values = (intent: string, text: string, current?: string, taken?: string[], vocabulary?: Vocabulary) =>
  Object.fromEntries([...reader(intent, vocabulary).read(text, current, new Set(taken)).entries()].map(([code, r]) => [code, r.value]));

describe('SlotReader: missed bin', () => {
  it('reads a clock time said with the bin put out as the answer to "out by 7am?"', () => {
    expect(values('report_missed_bin', 'the grey one got left, I had wheeled it out at quarter past six').bin_out_by_7am).toBe('yes');
    expect(values('report_missed_bin', 'bin was outside since 5.45 this morning').bin_out_by_7am).toBe('yes');
    expect(values('report_missed_bin', 'I only got it out at 7.40 this morning').bin_out_by_7am).toBe('no');
    // "o clock" typed apart, as people often do.
    expect(values('report_missed_bin', 'we put it outside 5 o clock in the morning').bin_out_by_7am).toBe('yes');
    expect(values('report_missed_bin', 'out at 9pm the evening before').bin_out_by_7am).toBe('yes');
    // A time that says nothing of when the bin went out, or leaves it open.
    expect(values('report_missed_bin', 'still not emptied and it is 4pm now')).not.toHaveProperty('bin_out_by_7am');
    expect(values('report_missed_bin', 'I put it out before 8')).not.toHaveProperty('bin_out_by_7am');
  });

  it('reads the bin by its colour and the day just gone', () => {
    expect(values('report_missed_bin', "my blue recycling bin wasn't emptied on Tuesday")).toEqual({ container: 'recycling', collection_date: '2026-12-01' });
  });

  it('takes the value said last and leaves the one after "not"', () => {
    expect(values('report_missed_bin', 'sorry, it was the green garden bin that got missed, not the blue one').container).toBe('garden');
    expect(values('report_missed_bin', 'out at 6. wait not tues, wednesday').collection_date).toBe('2026-12-02');
  });

  it('does not read a street name as a bin ("The Green", "Green Lane")', () => {
    expect(values('report_missed_bin', 'the food waste caddy at 2 The Green was not emptied').container).toBe('food');
    expect(values('report_missed_bin', 'my bin at 7 Green Lane')).not.toHaveProperty('container');
  });

  it('reads "out the evening before" as out by 7am, and a time as no date', () => {
    expect(values('report_missed_bin', 'yep we put it out the evening before')).toEqual({ bin_out_by_7am: 'yes' });
    expect(values('report_missed_bin', 'it was out at 6')).toEqual({ bin_out_by_7am: 'yes' });
  });

  it('asks rather than guesses when two bins are named', () => {
    expect(values('report_missed_bin', 'the grey and the blue one')).not.toHaveProperty('container');
  });
});

describe('SlotReader: pothole', () => {
  it.each([
    ['in the rd, like 25 wide 6 deep', { surface: 'road', width_cm: '25', depth_cm: '6' }],
    ['like 40cm wide n 10 deep', { width_cm: '40', depth_cm: '10' }],
    ['maybe 30 centimetres across and about 5 deep', { width_cm: '30', depth_cm: '5' }],
    ['a hole on the footpath, 1m wide', { surface: 'pavement', width_cm: '100' }],
  ])('reads sizes by the words next to them: "%s"', (text, expected) => {
    expect(values('report_pothole', text)).toEqual(expected);
  });

  it('reads danger from phrases, a negated phrase winning over the word inside it', () => {
    expect(values('report_pothole', 'nah not dangerous just annoyin').danger).toBe('no');
    expect(values('report_pothole', 'went over it in the cycle lane and nearly came off')).toEqual({ surface: 'cycle_lane', danger: 'yes' });
  });

  it('takes the corrected place: "on the pavement not the road"', () => {
    expect(values('report_pothole', "actually it's on the pavement not the road").surface).toBe('pavement');
  });

  it('does not read a street called Road as "in the road"', () => {
    expect(values('report_pothole', 'pothole on Station Road')).toEqual({});
  });
});

describe('SlotReader: street light', () => {
  it('reads a lamp post number near its words, and a fault misspelt', () => {
    expect(values('report_streetlight', 'its completely out, number on it is BA14')).toEqual({ light_number: 'BA14', fault_type: 'out' });
    expect(values('report_streetlight', 'lamp post SR22 keeps flickerin')).toEqual({ light_number: 'SR22', fault_type: 'flickering' });
  });

  it('takes a bare code only when the number is asked or being corrected, never after "not"', () => {
    expect(values('report_streetlight', 'wait no its BA41 sorry')).toEqual({});
    expect(values('report_streetlight', 'wait no its BA41 sorry', undefined, ['light_number'])).toEqual({ light_number: 'BA41' });
    expect(values('report_streetlight', 'BA16 not BA14', 'light_number')).toEqual({ light_number: 'BA16' });
    expect(values('report_streetlight', 'it says AT 123', 'light_number')).toEqual({ light_number: 'AT 123' });
    expect(values('report_streetlight', 'the one at 12', 'light_number')).toEqual({});
  });

  it('takes digits alone after the lamp post\'s words, as the answer, or as "21 not 27"; never a house number', () => {
    expect(values('report_streetlight', 'Church Street by the church, the post number is 27')).toEqual({ light_number: '27' });
    expect(values('report_streetlight', '27', 'light_number')).toEqual({ light_number: '27' });
    expect(values('report_streetlight', "oh sorry, it's 21 not 27", undefined, ['light_number'])).toEqual({ light_number: '21' });
    expect(values('report_streetlight', "yes send it, I'm at number 5", undefined, ['light_number'])).toEqual({});
    expect(values('report_streetlight', 'the light outside number 12 is broken')).toEqual({});
    expect(values('report_streetlight', "it's outside number 12", 'light_number')).toEqual({});
  });

  it('reads "can\'t see a number" as a skip, and a house number or postcode as no lamp number', () => {
    expect(values('report_streetlight', "I'm afraid I can't see a number on it")).toEqual({ light_number: '' });
    expect(values('report_streetlight', 'near no 12, AT1 1AA', 'light_number')).toEqual({});
  });
});

describe('SlotReader: fly-tipping and bulky waste', () => {
  it('reads what was dumped by the words residents use, keeping their words', () => {
    const r = reader('report_flytipping').read('about 8 black bags and an old tyre');
    expect(r.get('waste_type')?.value).toEqual(['household', 'tyres']);
    expect(r.get('waste_type')?.words).toEqual({ household: '8 black bags', tyres: 'tyre' });
    expect(values('report_flytipping', 'old carpet and some paint tins, it would fill a car boot')).toEqual({ waste_type: ['other'], amount: 'car_boot' });
  });

  it('reads "could be hazardous" as not sure and "nothing dangerous" as no', () => {
    expect(values('report_flytipping', 'I suppose they could be hazardous').hazardous).toBe('not_sure');
    expect(values('report_flytipping', 'No, nothing dangerous, just bricks').hazardous).toBe('no');
  });

  it('counts the things said, and reads a total and a place', () => {
    const r = reader('book_bulky_waste').read("2 armchairs and a fridge. I'll leave them by the garage");
    expect(r.get('items')?.value).toEqual(['armchair', 'fridge_freezer']);
    expect(r.get('items')?.counts).toEqual({ armchair: 2, fridge_freezer: 1 });
    expect(r.get('location_on_property')?.value).toBe('by the garage');
    expect(values('book_bulky_waste', 'a fridge freezer, a sofa and an exercise bike (3 items)')).toEqual({
      items: ['fridge_freezer', 'sofa', 'other'],
      item_count: '3',
    });
    expect(reader('book_bulky_waste').read('sofa and chairs').get('items')?.counts).toEqual({ sofa: 1, armchair: undefined });
    // A total said after the things, the larger of a range.
    expect(values('book_bulky_waste', 'a sofa and armchairs, 4 or 5 of them').item_count).toBe('5');
  });

  it('counts things said roughly ("a few", "a couple of", "a dozen")', () => {
    const counts = (text: string) => reader('report_flytipping').read(text).get('waste_type')?.counts;
    expect(counts('a few rubbish bags and one old cooker')).toEqual({ household: 3, electrical: 1 });
    expect(counts('a couple of tyres')).toEqual({ tyres: 2 });
    expect(counts('about a dozen sacks')).toEqual({ household: 12 });
  });
});

describe("SlotReader: the words it reads answers with are the vocabulary's (knowledge/messages/<locale>/vocabulary.yaml)", () => {
  const cases: Array<[string, string, string | undefined, string[], Record<string, unknown>]> = [
    // measure_filler between the word and the number
    ['report_pothole', 'the width is roughly 45', undefined, [], { width_cm: '45' }],
    ['report_pothole', 'depth at least 12', undefined, [], { depth_cm: '12' }],
    // negates and negation_filler: the value after them is the wrong one
    ['report_missed_bin', "it wasn't my grey bin, it was the blue one", undefined, [], { container: 'recycling' }],
    ['report_missed_bin', 'aint the food caddy, the brown garden one', undefined, [], { container: 'garden' }],
    ['report_streetlight', 'column number isnt 40, its 44', undefined, ['light_number'], { light_number: '44' }],
    // not_code_letters and not_code_capitals: "NO 5" is a number's word and a number, "KB 31" a plate
    ['report_streetlight', 'plate says NO 5', 'light_number', [], { light_number: '5' }],
    ['report_streetlight', 'plate says KB 31', 'light_number', [], { light_number: 'KB 31' }],
    // place_preposition and place_article are taken with the place
    ['book_bulky_waste', "they'll be behind our shed", undefined, [], { location_on_property: 'behind our shed' }],
    ['book_bulky_waste', 'I will put it under my porch', undefined, [], { location_on_property: 'under my porch' }],
  ];

  it.each(cases)('%s: "%s"', (intent, text, current, taken, expected) => {
    expect(values(intent, text, current, taken)).toEqual(expected);
  });

  it("a council's vocabulary without a word no longer reads with it", () => {
    const one = (word: string) => compile('whole', { phrases: [word] });
    const fewer: Vocabulary = {
      ...shippedVocabulary(),
      measure_filler: one('of'),
      negates: one('not'),
      not_code_letters: one('at'),
      not_code_capitals: one('at'),
      place_preposition: one('next'),
      place_article: one('the'),
    };
    const read = (intent: string, text: string, current?: string, taken: string[] = []) => values(intent, text, current, taken, fewer);
    expect(read('report_pothole', 'the width is roughly 45')).toEqual({});
    expect(read('report_missed_bin', "it wasn't my grey bin, it was the blue one")).toEqual({});
    expect(read('report_streetlight', 'column number isnt 40, its 44', undefined, ['light_number'])).toEqual({ light_number: '40' });
    expect(read('report_streetlight', 'plate says NO 5', 'light_number')).toEqual({ light_number: 'NO 5' });
    expect(read('book_bulky_waste', "they'll be behind our shed")).toEqual({ location_on_property: 'shed' });
  });
});

describe('SlotReader: Welsh, a value said after "nid", "ddim" or "dim" is the wrong one', () => {
  const welshConfigs = loadServiceRequestConfig(path.join(root, 'knowledge', 'service-requests.yaml'), 'cy-GB');
  const welshRead = (intent: string, text: string, locale?: string) => {
    const config = welshConfigs[intent];
    const attributes = catalogue.find(config.service_code)!.attributes.map((a) => ({ ...a, variable: true })) as ServiceAttribute[];
    const read = new SlotReader(attributes, config.understands, {
      dates: config.dates,
      countOf: {},
      streets: undefined,
      today: '2026-12-04',
      now: NOW,
      locale,
      vocabulary: loadVocabularyOrShipped(undefined, locale),
    });
    return read.read(text);
  };
  const welsh = (intent: string, text: string, locale?: string) =>
    Object.fromEntries([...welshRead(intent, text, locale).entries()].map(([code, r]) => [code, r.value]));

  it.each([
    ['Mae e ar yr heol ei hun, nid ar y palmant', 'road'],
    ['ddim ar y palmant, yng nghanol y ffordd', 'road'],
    ["Ma'r twll ar y pafin, dim yn y ffordd", 'pavement'],
  ])('"%s" is %s', (text, surface) => {
    expect(welsh('report_pothole', text, 'cy-GB').surface).toBe(surface);
  });

  it('reads Welsh "not" only for a Welsh resident: without the locale both places are named, and asked', () => {
    expect(welsh('report_pothole', 'Mae e ar yr heol ei hun, nid ar y palmant')).not.toHaveProperty('surface');
  });

  it.each([
    ['mae e rhyw droedfedd o led', { width_cm: '30' }],
    ['rhyw hanner metr o led a hanner troedfedd o ddyfnder', { width_cm: '50', depth_cm: '15' }],
    ['dros 2 fetr o hyd', { width_cm: '200' }],
  ])('reads Welsh measures said in words: "%s"', (text, sizes) => {
    expect(welsh('report_pothole', text, 'cy-GB')).toMatchObject(sizes);
  });

  it('counts things said with Welsh numbers, mutated or not, only for a Welsh resident', () => {
    const counts = (text: string, locale?: string) => welshRead('report_flytipping', text, locale).get('waste_type')?.counts;
    expect(counts('pum bag du a hen soffa', 'cy-GB')).toEqual({ household: 5, furniture: 1 });
    expect(counts('tua wyth sach a dwy gadair', 'cy-GB')).toEqual({ household: 8, furniture: 2 });
    expect(counts('ychydig o fagiau sbwriel', 'cy-GB')).toEqual({ household: 3 });
    expect(counts('pum bag du')?.household).not.toBe(5);
  });

  it('"dim ond" (only) is not "not": "dim ond y bin du" is the black bin', () => {
    expect(welsh('report_missed_bin', 'dim ond y bin du', 'cy-GB').container).toBe('general');
  });
});

describe('SlotReader: two values of a one-choice question, one of them urgent', () => {
  it('takes the first urgent value rather than asking ("knocked over… wires hanging out" is wiring)', () => {
    const read = (text: string) => reader('report_streetlight', shippedVocabulary(), true).read(text, undefined, new Set()).get('fault_type')?.value;
    expect(read('the post got knocked over by a lorry and the wires are hanging out of it')).toBe('wiring');
    expect(read('it keeps flickering and the post is bent')).toBe('damaged');
    // Without the urgent values (another service's question), two values are asked about.
    expect(
      reader('report_streetlight').read('the post got knocked over by a lorry and the wires are hanging out of it', undefined, new Set()).get('fault_type'),
    ).toBeUndefined();
  });
});
