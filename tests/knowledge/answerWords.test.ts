import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVocabularyOrShipped, vocabularyFile, vocabularyProblems } from '../../knowledge/vocabulary';
import { BASE_LOCALE, numberWords, numberWordsFile, numberWordsProblems } from '../../intents/entities/numberWords';
import { Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { extractAddresses } from '../../intents/entities/addresses';
import { escapeRegExp } from '../../platform/escapeRegExp';
import {
  houseNumberSaid,
  houseNumberWords,
  listPositionIn,
  listPositionSaid,
  loneWeekday,
  namePrefix,
  openingEnds,
  totalSaidPattern,
  vagueChoice,
  vagueChoiceName,
} from '../../dialogs/services/answerWords';
import { laterNumber } from '../../dialogs/services/placeWords';
import { streetPattern } from '../../dialogs/services/slots/streetPattern';
import { foldText } from '../../dialogs/services/slotReader';
import { listPosition } from '../../dialogs/services/addressLookup';
import { ANSWER_WORDS_CONTEXTS } from '../support/answerWordsContexts';

/*
 * The address and answer words of dialogs/services moved to the vocabulary (issue 20): each regex as it was in TypeScript,
 * held to the code that now reads the vocabulary's words, on every example of the shipped intents and probes of each.
 */

// dialogs/services/addressLookup.ts HOUSE_NUMBER_WORDS, withinLongerAnswer's number, listPosition's and withinLongerAnswer's ordinals.
const HOUSE_NUMBER_WORDS =
  /^(?:(?:it'?s|its|it is|i live at|i'm at|im at|i am at|we're at|were at|at|house|the one at)\s+)*(?:(?:number|numb|num|no\.?|nr\.?|#)\s*)?/i;
const NUMBER_SAID = /\b(?:number|numb|num|no\.?|nr\.?|#)\s*(\d+[a-z]?)\b/i;
const ordinals = Object.keys(numberWords(BASE_LOCALE).ordinals).map(escapeRegExp).join('|');
const LIST_POSITION = new RegExp(`^(?:it'?s |its )?(?:the )?(${ordinals})(?: one| address| house| on the list| in the list)?(?: please)?$`, 'i');
const POSITION_IN = new RegExp(`\\b(?:the )?(?:${ordinals}) (?:one|address|house)\\b`, 'i');
// dialogs/services/placeWords.ts LATER_NUMBER.
const LATER_NUMBER =
  /\b(?:(?:outside|opposite|behind|beside|near|next to|just past|past)\s+(?:(?:no\.?|number|nr)\s*)?|by\s+(?:no\.?|number|nr)\s*)\d{1,4}[a-z]?\b/i;
// dialogs/services/slotReader.ts totalPattern, and the vague names of SlotReader.phrases.
const spelled = Object.keys(numberWords(BASE_LOCALE).numbers).map(escapeRegExp).join('|');
const TOTAL = new RegExp(String.raw`\b(?:(?:\d{1,2}|${spelled}) or )?(\d{1,2}|${spelled}) (?:items?|things?|bits|pieces|of them)\b`);
const VAGUE_NAME = /^(yes|no|other|something else|not sure)\b/;
// dialogs/services/slots/readers/choiceReaders.ts VAGUE_CHOICE, textReaders.ts readName's words before the name.
const VAGUE_CHOICE = /^(yes|no|y|n|other|something else|not sure|don'?t know|none|skip)\b/i;
const NAME_PREFIX = /^(my name is|i am|i'm|it's)\s+/i;
// dialogs/services/answers.ts matchChoice's opening part, LONE_WEEKDAY.
const OPENING = /[.!?;,]\s+|\s+(?:and|but|as|because|cos)\s+/i;
const LONE_WEEKDAY = /^(?:(?:on|since|from)\s+)?(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?$/i;
// dialogs/services/slots/streetPattern.ts: the words after a street's name that make it something else.
const NOT_STREET_AFTER = '(?:bins?|one|1|caddy|waste|recycling|bags?)';

/** Every example of the shipped intents (English and Welsh). */
function shippedExamples(): string[] {
  const dir = path.resolve(__dirname, '../../intents/data');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml') && !f.includes('sealed'));
  return files.flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^\s+- (.+)$/gm)].map((m) => m[1].replace(/^["']|["']$/g, '')));
}

const probes = [
  'number 12',
  'no. 3',
  'No.3',
  'no 3a',
  "it's 14",
  'its 14',
  'it is number 12',
  'I live at 9',
  "i'm at 7",
  'im at 7',
  "we're at 22a",
  'were at 22',
  'the one at number 5',
  'house 4',
  'at house no 6',
  'nr 8',
  'nr. 8',
  '#6',
  'num 3',
  'numb 3',
  'numbers 3',
  'the fourth one down I think, its number 4',
  'the second one',
  "it's the 3rd address please",
  'the last on the list',
  'first in the list please',
  '2nd',
  'its the last one',
  'the second',
  'second house',
  'third street on the left',
  'the first one. Somebody will trip on it.',
  "the second one because it's blocking the path",
  'first one cos it is',
  'the third one and also the fourth',
  'the last one but not sure',
  'on School Lane, there is a pile by number 12',
  'by 7 oclock',
  'outside 14',
  'next to no 3',
  'just past nr 5',
  'near no.7',
  'opposite 12a',
  'behind  number 4',
  'beside no 9 thanks',
  '3 items',
  'maybe 6 or 7 of them',
  'two things',
  'five bits',
  '1 item',
  '10 pieces',
  '3 thingies',
  'Yes',
  'No',
  'Y',
  'N',
  'Other',
  'Something else',
  'Not sure',
  "Don't know",
  'Dont know',
  'None',
  'Skip',
  "Yes, it's dangerous",
  'Nothing',
  'In the road',
  'Yesterday',
  'Others',
  'my name is Jo Bloggs',
  "I'm Jo",
  "It's Mrs Hughes",
  'i am jo',
  'itsjo',
  'friday',
  'on Fri',
  'since weds.',
  'Monday',
  'tues',
  'Thursday',
  'from sat',
  'on the friday',
  'fri day',
  'monnesday',
  'next friday',
];
const table = [...shippedExamples(), ...probes.flatMap((p) => [p, p.toUpperCase(), `x${p}`, `${p} please`, `so ${p}.`])];

describe('house_number_opens … street_not_before: the address and answer words of dialogs/services', () => {
  const [en, cy] = ['en-GB', 'cy-GB'].map((locale) => loadVocabularyOrShipped(undefined, locale));

  it('the shipped words read exactly what the old regexes read, in both languages', () => {
    for (const v of [en, cy]) {
      expect(table.filter((t) => t.replace(HOUSE_NUMBER_WORDS, '') !== t.replace(houseNumberWords(v), ''))).toEqual([]);
      expect(table.filter((t) => NUMBER_SAID.exec(t)?.[1] !== houseNumberSaid(v).exec(t)?.[1])).toEqual([]);
      expect(table.filter((t) => LIST_POSITION.exec(t)?.[1] !== listPositionSaid(v, ordinals).exec(t)?.[1])).toEqual([]);
      expect(table.filter((t) => POSITION_IN.exec(t)?.[0] !== listPositionIn(v, ordinals).exec(t)?.[0])).toEqual([]);
      expect(table.filter((t) => LATER_NUMBER.exec(t)?.[0] !== laterNumber(v).exec(t)?.[0])).toEqual([]);
      expect(table.map(foldText).filter((t) => TOTAL.exec(t)?.[1] !== totalSaidPattern(v, spelled).exec(t)?.[1])).toEqual([]);
      expect(table.map(foldText).filter((t) => VAGUE_NAME.test(t) !== vagueChoiceName(v).test(t))).toEqual([]);
      expect(table.filter((t) => VAGUE_CHOICE.test(t) !== vagueChoice(v).test(t))).toEqual([]);
      expect(table.filter((t) => t.replace(NAME_PREFIX, '') !== t.replace(namePrefix(v), ''))).toEqual([]);
      expect(table.filter((t) => t.split(OPENING)[0] !== t.split(openingEnds(v))[0])).toEqual([]);
      expect(table.filter((t) => LONE_WEEKDAY.test(t) !== loneWeekday(v).test(t))).toEqual([]);
      // dialogs/services/slotReader.ts countBefore: "of" (and in Welsh "o") between a rough number and the things.
      for (const welsh of [false, true]) {
        const words = table.flatMap((t) => foldText(t).split(' '));
        expect(
          words.filter((w) => (w === 'of' || (welsh && w === 'o')) !== (v.rough_count_joins.test(w) || (welsh && v.rough_count_joins_welsh.test(w)))),
        ).toEqual([]);
        expect(['of', 'o'].map((w) => v.rough_count_joins.test(w) || (welsh && v.rough_count_joins_welsh.test(w)))).toEqual([true, welsh]);
      }
    }
    // The table reaches each of them, both ways.
    const reached = (read: (t: string) => boolean) => [table.filter(read).length > 3, table.filter((t) => !read(t)).length > 1000];
    for (const read of [
      (t: string) => t.replace(houseNumberWords(en), '') !== t,
      (t: string) => !!houseNumberSaid(en).exec(t),
      (t: string) => !!listPositionSaid(en, ordinals).exec(t),
      (t: string) => !!listPositionIn(en, ordinals).exec(t),
      (t: string) => !!laterNumber(en).exec(t),
      (t: string) => !!totalSaidPattern(en, spelled).exec(foldText(t)),
      (t: string) => vagueChoiceName(en).test(foldText(t)),
      (t: string) => vagueChoice(en).test(t),
      (t: string) => namePrefix(en).test(t),
      (t: string) => t.split(openingEnds(en)).length > 1,
      (t: string) => loneWeekday(en).test(t),
    ])
      expect(reached(read)).toEqual([true, true]);
    expect([listPosition('the fourth one', 5, en), laterNumber(en).exec('left by 7 oclock'), loneWeekday(en).test('on Fri')]).toEqual([3, null, true]);
  });

  it('a street name followed by a street_not_before word is masked where the old pattern masked it', () => {
    const streets = ['The Green', 'Station Road', 'Heol y Castell', 'Mill Lane', 'The Laurels'];
    for (const v of [en, cy]) {
      const now = streetPattern(streets, v)!;
      const old = new RegExp(now.source.replace(v.street_not_before.source, NOT_STREET_AFTER), 'gi');
      expect(old.source).not.toBe(now.source);
      const texts = [
        ...table,
        'the green bin',
        'The Green, bags',
        'on the green one',
        'the green  caddy',
        'the green waste',
        'the green. 1',
        'the green is flooded',
      ];
      expect(texts.filter((t) => t.replace(old, '§') !== t.replace(now, '§'))).toEqual([]);
    }
    expect(['the green bin', 'on the green by the shop'].map((t) => t.replace(streetPattern(streets, en)!, '§'))).toEqual([
      'the green bin',
      'on § by the shop',
    ]);
  });

  it('Welsh has every context of the block, with the English words until a Welsh speaker writes them', () => {
    for (const context of ANSWER_WORDS_CONTEXTS) expect(cy[context].source).toBe(en[context].source);
  });

  it('a council that words them its own way is read with its words, and a broken entry is named with its file and line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-answer-words-'));
    fs.cpSync(path.resolve(__dirname, '../../knowledge/messages'), dir, { recursive: true });
    const file = vocabularyFile(dir);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('weekday_start:'));
    lines[at + 1] = lines[at + 1].replace('sun]', 'sun, satur]');
    fs.writeFileSync(file, lines.join('\n'));
    expect([loneWeekday(en).test('satur'), loneWeekday(loadVocabularyOrShipped(dir)).test('satur')]).toEqual([false, true]);
    // A choice without its ], and a key a `part` does not take: each named at its context's line.
    const word = lines.findIndex((l) => l.startsWith('house_number_word:'));
    lines[word + 1] = "  phrases: [number, '[no|nr']";
    const name = lines.findIndex((l) => l.startsWith('name_prefix:'));
    lines.splice(name + 2, 0, '  then: [please]');
    fs.writeFileSync(file, lines.join('\n'));
    expect(vocabularyProblems(dir).map((p) => [p.file, p.line, p.message.split(':')[0]])).toEqual([
      [file, word + 1, 'house_number_word'],
      [file, name + 1, 'name_prefix'],
    ]);
    expect(() => loadVocabularyOrShipped(dir)).toThrow(`${file}:${word + 1}: house_number_word`);
  });
});

describe('numbers.yaml address_words: the words around a house number or a flat, for the street finder and the address readers', () => {
  // servicerequests/gazetteer/streets.ts NUMBER_WORDS, PLACE_WORDS, FLAT; intents/entities/addresses.ts and welshAddresses.ts
  // FLAT_WORDS, NUMBER_WORDS, PLACE_WORDS, before their words moved.
  const OLD = {
    street_number: ['number', 'no', 'nr', 'num', 'house', 'rhif', 'ty'],
    street_place: ['on', 'in', 'at', 'ar', 'yn'],
    street_flat: ['flat', 'apartment', 'apt', 'unit', 'fflat', 'uned'],
    english_number: ['number', 'no', 'house'],
    english_place: ['on', 'in', 'at'],
    english_flat: ['flat', 'apartment', 'apt', 'unit'],
    welsh_number: ['rhif', 'rhifau', 'ty', 'number', 'no'],
    welsh_flat: ['fflat', 'flat', 'uned'],
  };

  it('the shipped words are the old ones, each list in its order (the flat pattern tries them in it)', () => {
    const now = numberWords(BASE_LOCALE).addressWords;
    expect(Object.fromEntries(Object.entries(now).map(([list, words]) => [list, [...words]]))).toEqual(OLD);
  });

  it('the street finder and the address readers read a flat and a house number with them', () => {
    const streets = Gazetteer.load(path.resolve(__dirname, '../../gazetteer')).streets;
    const said = (text: string) => {
      const m = streets.find(text)[0];
      return [m?.houseNumber, m?.flat];
    };
    expect(['flat 3, 45 Mill Lane', 'uned B, 12 Mill Lane', 'number 12 on Mill Lane', 'Mill Lane, rhif 12'].map(said)).toEqual([
      ['45', '3'],
      ['12', 'B'],
      ['12', undefined],
      ['12', undefined],
    ]);
    expect(extractAddresses('flat 3, 45 Mill Lane').map((a) => [a.type, a.value])).toEqual([
      ['street', 'Mill Lane'],
      ['houseNumber', '45'],
      ['flat', '3'],
    ]);
  });

  it('a word that is not one lower-case word is named with its file and line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-address-words-'));
    fs.cpSync(path.resolve(__dirname, '../../knowledge/messages'), dir, { recursive: true });
    const file = numberWordsFile(dir, 'en-GB');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('  street_flat:'));
    lines[at] = '  street_flat: [flat, Apartment, apt]';
    fs.writeFileSync(file, lines.join('\n'));
    expect(numberWordsProblems(dir)).toEqual([expect.objectContaining({ file, line: at + 1, message: expect.stringMatching(/address_words\.street_flat/) })]);
  });
});
