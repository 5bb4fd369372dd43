import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCouncilProfile } from '../../../../knowledge/councilProfile';
import { ServiceResponses } from '../../../../dialogs/services/serviceResponses';
import { readMultiChoice, readSingleChoice } from '../../../../dialogs/services/slots/readers/choiceReaders';
import { readContactAnswer } from '../../../../dialogs/services/slots/readers/contactReader';
import { dateFits, readDate } from '../../../../dialogs/services/slots/readers/dateReader';
import { numberFits, numberRange, readNumber } from '../../../../dialogs/services/slots/readers/numberReader';
import { readDescription, readName, readPlaceText, readText } from '../../../../dialogs/services/slots/readers/textReaders';
import { MAX_STRING, MAX_TEXT } from '../../../../dialogs/services/slots/limits';
import { MAX_MESSAGE_CHARS } from '../../../../dialogs/messageLimits';
import type { ServiceAttribute } from '../../../../servicerequests/open311/types';
import { shippedButtons, shippedVocabulary } from '../../../support/shippedWords';

const r = new ServiceResponses(loadCouncilProfile(path.resolve(__dirname, '../../../../knowledge/council.yaml')), shippedButtons());
const { skip: SKIP_LABEL, stay_anonymous: ANONYMOUS } = r.buttons;
const v = shippedVocabulary();
// Wednesday 25 November 2026, midday in London.
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');

const bin: ServiceAttribute = {
  variable: true,
  code: 'container',
  datatype: 'singlevaluelist',
  required: true,
  order: 1,
  description: 'Which bin was missed?',
  values: [
    { key: 'general', name: 'General waste (grey bin)' },
    { key: 'recycling', name: 'Recycling (blue bin)' },
  ],
};
const outByAnswer: ServiceAttribute = {
  variable: true,
  code: 'out_by_7',
  datatype: 'singlevaluelist',
  required: false,
  order: 2,
  description: 'Was it out by 7am?',
  values: [
    { key: 'yes', name: 'Yes' },
    { key: 'no', name: 'No' },
  ],
};
const items: ServiceAttribute = {
  variable: true,
  code: 'items',
  datatype: 'multivaluelist',
  required: true,
  order: 1,
  description: 'What needs collecting?',
  values: [
    { key: 'sofa', name: 'Sofa' },
    { key: 'fridge', name: 'Fridge' },
    { key: 'mattress', name: 'Mattress' },
  ],
};

describe('readText (string and text attributes)', () => {
  it('takes the text as said, and skips an optional one', () => {
    expect(readText('lamp post 42', 'string', true, r, v)).toEqual({ value: 'lamp post 42' });
    expect(readText('skip', 'string', false, r, v)).toEqual({ value: '' });
    expect(readText(SKIP_LABEL, 'text', false, r, v)).toEqual({ value: '' });
  });
  it('holds a required one to an answer and each datatype to its limit', () => {
    expect(readText('skip', 'string', true, r, v)).toEqual({ value: 'skip' });
    expect(readText('', 'string', true, r, v)).toEqual({ problem: r.required() });
    expect(readText('x'.repeat(MAX_STRING + 1), 'string', true, r, v)).toEqual({ problem: r.tooLong(MAX_STRING, MAX_STRING + 1) });
    expect(readText('x'.repeat(MAX_STRING + 1), 'text', true, r, v)).toEqual({ value: 'x'.repeat(MAX_STRING + 1) });
    // A message is never longer than MAX_MESSAGE_CHARS (below MAX_TEXT): that limit is said first.
    expect(MAX_MESSAGE_CHARS).toBeLessThan(MAX_TEXT);
    expect(readText('x'.repeat(MAX_MESSAGE_CHARS), 'text', true, r, v)).toEqual({ problem: r.tooLong(MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS) });
    expect(readText('x'.repeat(MAX_MESSAGE_CHARS - 1), 'text', true, r, v)).toEqual({ value: 'x'.repeat(MAX_MESSAGE_CHARS - 1) });
  });
});

describe('readDescription, readName, readPlaceText', () => {
  it('reads the details, or none when skipped', () => {
    expect(readDescription('it is by the bus stop', r, v)).toEqual({ value: 'it is by the bus stop' });
    expect(readDescription('skip', r, v)).toEqual({ value: null });
    expect(readDescription('x'.repeat(MAX_MESSAGE_CHARS), r, v)).toEqual({ problem: r.tooLong(MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS) });
  });
  it('reads first names and the last name', () => {
    expect(readName('my name is Mary Jane Smith', r, v)).toEqual({ value: { first: 'Mary Jane', last: 'Smith' } });
    expect(readName('Jo', r, v)).toEqual({ value: { first: 'Jo', last: '' } });
    expect(readName('x'.repeat(201), r, v)).toEqual({ problem: r.askName() });
  });
  it('takes a place in words of a fair length', () => {
    expect(readPlaceText('behind the library car park', r)).toEqual({ value: { kind: 'description', text: 'behind the library car park' } });
    expect(readPlaceText('park', r)).toEqual({ problem: r.locationTooShort() });
    expect(readPlaceText('x'.repeat(1001), r)).toEqual({ problem: r.tooLong(1000, 1001) });
  });
});

describe('readNumber', () => {
  it('reads digits and number words', () => {
    expect(readNumber('about 30', true, '', undefined, r, v)).toEqual({ value: '30' });
    expect(readNumber('three', true, '', undefined, r, v)).toEqual({ value: '3' });
    expect(readNumber('skip', false, '', undefined, r, v)).toEqual({ value: '' });
  });
  it('refuses what is no number, or out of range', () => {
    expect(readNumber('lots', true, '(in cm)', undefined, r, v)).toEqual({ problem: r.invalidNumber('(in cm)') });
    expect(readNumber('-4', true, '', undefined, r, v)).toEqual({ problem: r.invalidNumber('') });
    expect(readNumber('9', true, '', { min: 1, max: 5 }, r, v)).toEqual({ problem: r.numberOutOfRange(1, 5, undefined) });
    expect(readNumber('2.5', true, '', { min: 1, max: 5 }, r, v)).toEqual({ problem: r.numberOutOfRange(1, 5, undefined) });
  });
  it('takes a range whose minimum is what was chosen in a list', () => {
    const range = numberRange({ min: 'items', max: 10 }, { items: ['sofa', 'fridge', 'mattress'] });
    expect(range).toEqual({ min: 3, max: 10, chosen: 3 });
    expect(readNumber('2', true, '', range, r, v)).toEqual({ problem: r.numberOutOfRange(3, 10, 3) });
    expect(readNumber('4', true, '', range, r, v)).toEqual({ value: '4' });
    expect(numberRange({ min: 'items' }, {})).toEqual({ min: 0, max: undefined });
    expect(numberRange(undefined, {})).toBeUndefined();
    expect(numberFits(7, undefined)).toBe(true);
    expect(numberFits(Number.NaN, undefined)).toBe(false);
  });
});

describe('readDate', () => {
  it('reads a weekday said for a report as the one just gone', () => {
    expect(readDate('friday', true, 'past', WEDNESDAY, r, v)).toEqual({ value: '2026-11-20' });
    expect(readDate('friday', true, 'any', WEDNESDAY, r, v)).toEqual({ value: '2026-11-27' });
  });
  it('refuses a date the service cannot take', () => {
    expect(readDate('no idea', true, 'past', WEDNESDAY, r, v)).toEqual({ problem: r.invalidDate() });
    expect(readDate('next friday', true, 'past', WEDNESDAY, r, v)).toHaveProperty('problem');
    expect(readDate('yesterday', true, 'future', WEDNESDAY, r, v)).toHaveProperty('problem');
    expect(readDate('skip', false, 'past', WEDNESDAY, r, v)).toEqual({ value: '' });
  });
  it('knows which dates fit', () => {
    expect(dateFits('2026-11-25', 'past', '2026-11-25')).toBe(true);
    expect(dateFits('2026-11-26', 'past', '2026-11-25')).toBe(false);
    expect(dateFits('2026-11-25', 'future', '2026-11-25')).toBe(false);
    expect(dateFits('2020-01-01', 'any', '2026-11-25')).toBe(true);
  });
});

describe('readSingleChoice', () => {
  it('reads a choice by its words, and yes or no said first on a yes/no list', () => {
    expect(readSingleChoice('the blue one', bin, r, v)).toEqual({ value: 'recycling' });
    expect(readSingleChoice('ye out at 6', outByAnswer, r, v)).toEqual({ value: 'yes' });
    expect(readSingleChoice('nah not really', outByAnswer, r, v)).toEqual({ value: 'no' });
  });
  it('skips only an optional list, by the Skip button', () => {
    expect(readSingleChoice(SKIP_LABEL, outByAnswer, r, v)).toEqual({ value: '' });
    expect(readSingleChoice(SKIP_LABEL, bin, r, v)).toEqual({ problem: r.invalidChoice(['General waste (grey bin)', 'Recycling (blue bin)']) });
  });
});

describe('readMultiChoice', () => {
  it('builds the list a few at a time, done on "that\'s all"', () => {
    expect(readMultiChoice('a sofa and a fridge', items, [], undefined, r, v)).toEqual({ building: ['sofa', 'fridge'] });
    expect(readMultiChoice('mattress', items, ['sofa'], undefined, r, v)).toEqual({ building: ['sofa', 'mattress'] });
    expect(readMultiChoice("that's all", items, ['sofa'], undefined, r, v)).toEqual({ value: ['sofa'] });
  });
  it('is done at the most one booking takes, and refuses more', () => {
    expect(readMultiChoice('fridge', items, ['sofa'], 2, r, v)).toEqual({ value: ['sofa', 'fridge'] });
    expect(readMultiChoice('fridge and mattress', items, ['sofa'], 2, r, v)).toEqual({ problem: r.tooManyChoices(2, 3, ['Sofa']) });
  });
  it('names what it does not know, and wants one at least', () => {
    expect(readMultiChoice('sofa and a piano', items, [], undefined, r, v)).toEqual({ problem: r.multiUnknown(['piano'], ['Sofa', 'Fridge', 'Mattress']) });
    expect(readMultiChoice('skip', items, [], undefined, r, v)).toHaveProperty('problem');
    expect(readMultiChoice('skip', { ...items, required: false }, [], undefined, r, v)).toEqual({ value: '' });
  });
});

describe('readContactAnswer', () => {
  it('reads an email address or a UK phone number', () => {
    expect(readContactAnswer('it is jo@example.org.', 'required', r, v)).toEqual({ value: { email: 'jo@example.org' } });
    expect(readContactAnswer('+44 7700 900123', 'optional', r, v)).toEqual({ value: { phone: '07700900123' } });
  });
  it('finds the number wherever it is said, whatever the words around it', () => {
    expect(readContactAnswer('Sam Price, 07700 900789, mornings are best', 'required', r, v)).toEqual({ value: { phone: '07700900789' } });
    expect(readContactAnswer('fy rhif ffôn yw 01632 960 412 diolch', 'required', r, v)).toEqual({ value: { phone: '01632960412' } });
    expect(readContactAnswer('ring me on (01632) 960-555 after 5', 'optional', r, v)).toEqual({ value: { phone: '01632960555' } });
    expect(readContactAnswer('my reference is 12345', 'required', r, v)).toEqual({ problem: r.invalidContact(true) });
    expect(readContactAnswer('call 016329604121234', 'required', r, v)).toEqual({ problem: r.invalidContact(true) });
  });
  it('stays anonymous only where that is allowed', () => {
    expect(readContactAnswer(ANONYMOUS, 'optional', r, v)).toEqual({ value: null });
    expect(readContactAnswer('I want to stay anonymous', 'required', r, v)).toEqual({ problem: r.invalidContact(true) });
    expect(readContactAnswer('not telling', 'optional', r, v)).toEqual({ problem: r.invalidContact(false) });
  });
});
