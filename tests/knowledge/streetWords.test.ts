import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_LOCALE, numberWords, numberWordsFile, numberWordsProblems } from '../../intents/entities/numberWords';
import { measureIn } from '../../dialogs/services/slots/readers/numberReader';
import { notInStreetName, notStreetAfter, streetSuffixes, theStreets } from '../../intents/entities/streetSuffixes';
import { extractAddresses } from '../../intents/entities/addresses';
import { loadVocabularyOrShipped, vocabularyFile, vocabularyProblems } from '../../knowledge/vocabulary';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { ServiceResponses } from '../../dialogs/services/serviceResponses';
import { readContactAnswer } from '../../dialogs/services/slots/readers/contactReader';
import { shippedButtons } from '../support/shippedWords';
import { extractWelshAddresses } from '../../intents/entities/welshAddresses';
import { welshArticles, welshNotInStreetName, welshStreetTypes } from '../../intents/entities/welshStreets';
import { welshMutations } from '../../intents/entities/welshMutations';
import { foldWelsh } from '../../intents/entities/welshFold';

// intents/entities/streetSuffixes.ts before its words moved to knowledge/messages/en-GB/numbers.yaml `street_words`.
const OLD_TABLE: [string[], string, string][] = [
  [['street', 'st'], 'Street', 'strong'],
  [['road', 'rd'], 'Road', 'strong'],
  [['lane', 'ln'], 'Lane', 'strong'],
  [['avenue', 'ave'], 'Avenue', 'strong'],
  [['crescent'], 'Crescent', 'strong'],
  [['terrace'], 'Terrace', 'strong'],
  [['mews'], 'Mews', 'strong'],
  [['close'], 'Close', 'weak'],
  [['drive'], 'Drive', 'weak'],
  [['way'], 'Way', 'weak'],
  [['place'], 'Place', 'weak'],
  [['gardens'], 'Gardens', 'weak'],
  [['grove'], 'Grove', 'weak'],
  [['hill'], 'Hill', 'weak'],
  [['row'], 'Row', 'weak'],
  [['square'], 'Square', 'weak'],
  [['walk'], 'Walk', 'weak'],
  [['park'], 'Park', 'weak'],
  [['court'], 'Court', 'weak'],
  [['cres'], 'Crescent', 'numbered'],
  [['cl'], 'Close', 'numbered'],
  [['dr'], 'Drive', 'numbered'],
  [['pl'], 'Place', 'numbered'],
  [['gdns'], 'Gardens', 'numbered'],
  [['gr'], 'Grove', 'numbered'],
  [['ter', 'terr'], 'Terrace', 'numbered'],
  [['sq'], 'Square', 'numbered'],
  [['ct'], 'Court', 'numbered'],
  [['pk'], 'Park', 'numbered'],
];

// intents/entities/welshStreets.ts's table and WELSH_ARTICLES, welshAddresses.ts's NOT_IN_NAME, before they moved to
// knowledge/messages/cy-GB/numbers.yaml `street_types`.
const OLD_WELSH_TABLE: [string, string][] = [
  ['Heol', 'strong'],
  ['Ffordd', 'strong'],
  ['Stryd', 'strong'],
  ['Lôn', 'strong'],
  ['Rhodfa', 'strong'],
  ['Cilgant', 'strong'],
  ['Teras', 'strong'],
  ['Maes', 'weak'],
  ['Cae', 'weak'],
  ['Clos', 'weak'],
  ['Llwyn', 'weak'],
  ['Plas', 'weak'],
  ['Ffos', 'weak'],
  ['Allt', 'weak'],
];

const OLD_WELSH_ARTICLES = ['y', 'yr'];

const OLD_WELSH_NOT_IN_NAME = [
  'a',
  'ac',
  'ar',
  'yn',
  'yng',
  'ym',
  'i',
  'o',
  'gyda',
  'efo',
  'ger',
  'wrth',
  'ond',
  'neu',
  'mae',
  'oedd',
  'roedd',
  'ers',
  'am',
  'gan',
  'heb',
  'dros',
  'drwy',
  'tan',
  'hefyd',
  'rhif',
  'ty',
  'fflat',
  'heddiw',
  'ddoe',
  'doe',
  'echdoe',
  'yfory',
  'fory',
  'neithiwr',
  'heno',
  'dydd',
  'ddydd',
  'nos',
  'bore',
  'wythnos',
  'bin',
  'min',
  'fin',
  'biniau',
  'sbwriel',
  'twll',
  'golau',
  'plis',
  'diolch',
  'os',
  'gwelwch',
];

const OLD_THE_STREETS = ['avenue', 'crescent', 'close', 'drive', 'grove', 'mews', 'square', 'walk', 'terrace', 'row', 'gardens', 'park', 'hill', 'court'];

const OLD_NOT_STREET_AFTER = [
  'light',
  'lights',
  'lighting',
  'lamp',
  'lamps',
  'lamppost',
  'lampposts',
  'cleaning',
  'cleaner',
  'cleaners',
  'sweeper',
  'sweepers',
  'sweeping',
  'works',
  'sign',
  'signs',
  'name',
  'names',
  'furniture',
  'party',
  'parties',
  'markings',
  'marking',
  'surface',
  'closure',
  'closures',
  'safety',
  'users',
  'user',
  'food',
  'art',
  'drain',
  'drains',
];

const OLD_NOT_IN_STREET_NAME = [
  // function words
  'a',
  'an',
  'the',
  'on',
  'in',
  'at',
  'by',
  'near',
  'outside',
  'opposite',
  'behind',
  'beside',
  'next',
  'to',
  'of',
  'off',
  'from',
  'along',
  'down',
  'up',
  'into',
  'onto',
  'over',
  'under',
  'round',
  'around',
  'past',
  'across',
  'through',
  'via',
  'for',
  'with',
  'and',
  'or',
  'but',
  'nor',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'its',
  'this',
  'that',
  'these',
  'those',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'it',
  'me',
  'us',
  'them',
  'there',
  'here',
  'im',
  'ive',
  'cant',
  'dont',
  'wont',
  'isnt',
  'wasnt',
  'whats',
  'what',
  'where',
  'when',
  'why',
  'how',
  'which',
  'who',
  'any',
  'some',
  'all',
  'both',
  'can',
  'could',
  'would',
  'should',
  'will',
  'shall',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  'not',
  'no',
  'yes',
  'please',
  'hi',
  'hello',
  'thanks',
  'thank',
  'just',
  'still',
  'again',
  'also',
  'every',
  'each',
  'same',
  'other',
  'whole',
  'number',
  'flat',
  'apartment',
  'unit',
  'house',
  'called',
  'named',
  // what residents report, and how
  'pothole',
  'potholes',
  'hole',
  'holes',
  'bin',
  'bins',
  'light',
  'lights',
  'lamp',
  'streetlight',
  'rubbish',
  'waste',
  'tipping',
  'tipped',
  'dumped',
  'dumping',
  'broken',
  'big',
  'huge',
  'massive',
  'large',
  'deep',
  'dangerous',
  'busy',
  'dark',
  'car',
  'cars',
  'van',
  'parked',
  'blocked',
  'blocking',
  'flooded',
  'flooding',
  'reported',
  'report',
  'missed',
  'collected',
  'collection',
  'live',
  'lives',
  'living',
  'moved',
  'address',
  'problem',
  'issue',
  'today',
  'yesterday',
];

describe('numbers.yaml street_words: the street-type words and the words around them', () => {
  it('the shipped suffixes are the old table exactly, word for word and in its order', () => {
    const old = OLD_TABLE.flatMap(([words, canonical, strength]) => words.map((w) => [w, { canonical, strength }]));
    expect([...streetSuffixes()]).toEqual(old);
  });

  it('the shipped word sets are the old ones, in their order', () => {
    expect([...theStreets()]).toEqual(OLD_THE_STREETS);
    expect([...notStreetAfter()]).toEqual(OLD_NOT_STREET_AFTER);
    expect([...notInStreetName()]).toEqual([...new Set(OLD_NOT_IN_STREET_NAME)]);
  });

  it("the gazetteer street finder's words (more_abbreviations, before_a_phrase_street, not_a_phrase_street_after) are its old ones, in their order", () => {
    // servicerequests/gazetteer/streets.ts MORE_ABBREVIATIONS, BEFORE_A_STREET and NOT_A_STREET_AFTER before they were content.
    const words = numberWords(BASE_LOCALE).streetWords;
    expect(Object.fromEntries(words.moreAbbreviations)).toEqual({
      av: 'avenue',
      avn: 'avenue',
      wk: 'walk',
      gro: 'grove',
      grv: 'grove',
      cresc: 'crescent',
      hl: 'hill',
      vw: 'view',
      grn: 'green',
      clo: 'close',
      cls: 'close',
      wy: 'way',
      la: 'lane',
      str: 'street',
      strt: 'street',
      drv: 'drive',
      rds: 'road',
    });
    expect([...words.beforeAPhraseStreet]).toEqual([
      'on',
      'in',
      'at',
      'along',
      'near',
      'of',
      'by',
      'off',
      'down',
      'up',
      'to',
      'from',
      'round',
      'around',
      'outside',
      'behind',
      'opposite',
      'past',
      'for',
      'via',
      'into',
      'onto',
      'across',
      'about',
      'live',
      'address',
      'is',
      'yn',
      'yng',
      'ym',
      'ar',
      'ger',
      'wrth',
      'oddi',
      'byw',
      'cyfeiriad',
    ]);
    expect([...words.notAPhraseStreetAfter]).toEqual([
      'bin',
      'bins',
      'waste',
      'one',
      'ones',
      'recycling',
      'caddy',
      'box',
      'bag',
      'bags',
      'sack',
      'sacks',
      'lid',
      'wheelie',
      'light',
      'lights',
      'lamp',
      'works',
      'sign',
      'signs',
    ]);
  });

  it('the address reader reads streets with them as before', () => {
    const read = (text: string) => extractAddresses(text).map((a) => [a.type, a.value]);
    expect(read('pothole on station rd')).toEqual([['street', 'Station Road']]);
    expect(read('12 The Avenue')).toEqual([
      ['street', 'The Avenue'],
      ['houseNumber', '12'],
    ]);
    expect(read('the street light is out')).toEqual([]);
    expect(read('Dr Patel')).toEqual([]);
    expect(read('4 Elm Dr')).toEqual([
      ['street', 'Elm Drive'],
      ['houseNumber', '4'],
    ]);
  });

  const broken = (from: string, to: string, locale = 'en-GB') => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-street-words-'));
    fs.cpSync(path.resolve(__dirname, '../../knowledge/messages'), dir, { recursive: true });
    const file = numberWordsFile(dir, locale);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(from));
    lines[at] = lines[at].replace(from, to);
    fs.writeFileSync(file, lines.join('\n'));
    return { problems: numberWordsProblems(dir), file, line: at + 1 };
  };

  it('a strength that is not strong, weak or numbered is named with its file and line', () => {
    const { problems, file, line } = broken('canonical: Road, strength: strong', 'canonical: Road, strength: firm');
    expect(problems).toEqual([expect.objectContaining({ file, line, message: expect.stringMatching(/street_words\.suffixes\.1\.strength/) })]);
  });

  it('an unknown key is named with its file and line', () => {
    const { problems, file, line } = broken('canonical: Lane,', 'canonical: Lane, kind: lane,');
    expect(problems).toEqual([expect.objectContaining({ file, line, message: expect.stringMatching(/street_words\.suffixes\.2/) })]);
  });

  it('a word that is not one lower-case word is named with its file and line', () => {
    const { problems, file, line } = broken('the_streets: [avenue,', 'the_streets: [The Avenue,');
    expect(problems).toEqual([expect.objectContaining({ file, line, message: expect.stringMatching(/street_words\.the_streets/) })]);
  });

  it('a word in two suffixes is named with its file and the line of street_words', () => {
    const { problems, file } = broken('words: [lane, ln]', 'words: [lane, rd]');
    const line = fs.readFileSync(file, 'utf8').split('\n').indexOf('street_words:') + 1;
    expect(problems).toEqual([expect.objectContaining({ file, line, message: 'street_words.suffixes: "rd" is in more than one suffix' })]);
  });

  it('the Welsh street types, articles and name-ending words are the old ones; the types are mutated as before', () => {
    const old = OLD_WELSH_TABLE.flatMap(([canonical, strength]) => welshMutations(foldWelsh(canonical)).map((form) => [form, { canonical, strength }]));
    expect([...welshStreetTypes()]).toEqual(old);
    expect([...welshArticles()]).toEqual(OLD_WELSH_ARTICLES);
    expect([...welshNotInStreetName()]).toEqual(OLD_WELSH_NOT_IN_NAME);
  });

  it('the Welsh address reader reads streets with them as before', () => {
    const read = (text: string) => extractWelshAddresses(text).map((a) => [a.type, a.value]);
    expect(read("mae twll ar Rodfa'r Môr heddiw")).toEqual([['street', "Rhodfa'r Môr"]]);
    expect(read('rhif 6, Heol y Castell')).toEqual([
      ['houseNumber', '6'],
      ['street', 'Heol y Castell'],
    ]);
    expect(read('mae maes parcio yn llawn')).toEqual([]);
  });

  it('a Welsh strength that is not strong or weak is named with its file and line', () => {
    const { problems, file, line } = broken('Heol: strong', 'Heol: numbered', 'cy-GB');
    expect(problems).toEqual([expect.objectContaining({ file, line, message: expect.stringMatching(/street_types\.types\.Heol/) })]);
  });

  it('a Welsh word with an accent is named with its file and line', () => {
    const { problems, file, line } = broken('      rhif,', '      rhîf,', 'cy-GB');
    expect(problems).toEqual([expect.objectContaining({ file, line, message: expect.stringMatching(/street_types\.not_in_name.*without accents/) })]);
  });

  it('a language other than English without street_types is named with its file', () => {
    const { problems, file } = broken('street_types:', 'street_typos:', 'cy-GB');
    expect(problems.map((p) => [p.file, p.message])).toEqual(expect.arrayContaining([[file, expect.stringMatching(/street_types: missing/)]]));
  });
});

describe('vocabulary contact_anonymous: asking to stay anonymous at a contact question', () => {
  // dialogs/services/slots/readers/contactReader.ts before its word moved.
  const OLD = /anonymous/i;
  const [en, cy] = ['en-GB', 'cy-GB'].map((locale) => loadVocabularyOrShipped(undefined, locale));
  const r = new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../knowledge/council.yaml')), shippedButtons());

  it('matches what the old regex matched, in both languages', () => {
    const probes = [
      'anonymous',
      'Anonymous please',
      'I would rather stay ANONYMOUS',
      'anonymously',
      'keep me anonymous!',
      'dienw',
      'anon',
      'not telling',
      'anonymity',
    ];
    for (const v of [en, cy]) expect(probes.map((p) => v.contact_anonymous.test(p))).toEqual(probes.map((p) => OLD.test(p)));
    expect(readContactAnswer('anonymously please', 'optional', r, en)).toEqual({ value: null });
    expect(readContactAnswer('anonymously please', 'required', r, en)).toEqual({ problem: r.invalidContact(true) });
  });

  it('a broken entry is named with its file and line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-contact-anonymous-'));
    fs.cpSync(path.resolve(__dirname, '../../knowledge/messages'), dir, { recursive: true });
    const file = vocabularyFile(dir, 'cy-GB');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('contact_anonymous:'));
    lines[at + 1] = "  phrases: [anonymous, '[dienw']";
    fs.writeFileSync(file, lines.join('\n'));
    expect(vocabularyProblems(dir).map((p) => [p.file, p.line, p.message.split(':')[0]])).toEqual([[file, at + 1, 'contact_anonymous']]);
  });
});

describe('numbers.yaml question_units: the unit a request question names, and its words after a number', () => {
  // dialogs/services/slots/readers/numberReader.ts UNITS before its words moved.
  const OLD_UNITS: Record<string, RegExp> = {
    centimetres: /^(cm|cms|centimet(?:re|er)s?)$/,
    metres: /^(m|metres?|meters?)$/,
  };

  it('the units are the old ones, in their order, and each accepts exactly the words its regex accepted', () => {
    const now = numberWords(BASE_LOCALE).questionUnits;
    expect([...now.keys()]).toEqual(Object.keys(OLD_UNITS));
    const probes = ['cm', 'cms', 'c', 'm', 'mm', 'ms', 'metre', 'metres', 'meter', 'meters', 'metrs', 'centimetre', 'centimetres', 'centimeter', 'centimeters'];
    const probesWithEnds = [...probes, 'centimetress', 'centimetr', 'kilometres', 'metresx', 'inches'];
    for (const [unit, old] of Object.entries(OLD_UNITS))
      expect(
        probesWithEnds.filter((w) => now.get(unit)!.has(w)),
        unit,
      ).toEqual(probesWithEnds.filter((w) => old.test(w)));
    expect(measureIn('its 2 metres wide and 30 centimeters deep', 'About how deep is it, in centimetres?')).toBe(30);
    expect(measureIn('about 2 m wide', 'About how wide is it, in metres?')).toBe(2);
  });

  it('a unit without words is named with its file and line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-question-units-'));
    fs.cpSync(path.resolve(__dirname, '../../knowledge/messages'), dir, { recursive: true });
    const file = numberWordsFile(dir, 'en-GB');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('  metres:'));
    lines[at] = '  metres: []';
    fs.writeFileSync(file, lines.join('\n'));
    expect(numberWordsProblems(dir)).toEqual([expect.objectContaining({ file, line: at + 1, message: expect.stringMatching(/question_units\.metres/) })]);
  });
});
