import { describe, expect, it } from 'vitest';
import {
  declinesExtras,
  matchChoice,
  matchChoices,
  noThanksOnly,
  notSending,
  parseDate,
  pastWeekday,
  saysYes,
  similarWord,
  yesThenMore,
} from '../../../dialogs/services/answers';
import { compile, loadVocabularyOrShipped, type Vocabulary } from '../../../knowledge/vocabulary';
import { namedIn } from '../../../dialogs/services/slots/readers/choiceReaders';
import { measureIn } from '../../../dialogs/services/slots/readers/numberReader';
import { shippedVocabulary } from '../../support/shippedWords';

/** The project's own vocabulary (knowledge/messages/en-GB/vocabulary.yaml): what was YES, YES_FIRST and NO_FIRST in TypeScript. */
const { send_confirmed: YES, yes_first: YES_FIRST, no_first: NO_FIRST } = shippedVocabulary();

// Wednesday 25 November 2026, midday in London.
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');
const TODAY = '2026-11-25';

describe('parseDate', () => {
  it.each([
    ['yesterday', '2026-11-24'],
    ['monday', '2026-11-23'],
    ['23/11/2026', '2026-11-23'],
    ['2026-11-20', '2026-11-20'],
    ['weds', '2026-11-25'],
    ['since tues', '2026-11-24'],
    // Yesterday and today as residents text them.
    ['yday', '2026-11-24'],
    ['it was yest', '2026-11-24'],
    ['ystrday morning', '2026-11-24'],
    ['2day', '2026-11-25'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parseDate(text, WEDNESDAY)).toBe(expected);
  });

  it('finds no date in words that hold none', () => {
    expect(parseDate('no idea', WEDNESDAY)).toBeUndefined();
    expect(parseDate('yes yesss', WEDNESDAY)).toBeUndefined();
  });
});

describe('pastWeekday', () => {
  it.each(['friday', 'Fri', 'on Friday', 'since fri', 'friday.'])('reads "%s" said on a Wednesday as the Friday just gone', (text) => {
    const ahead = parseDate(text, WEDNESDAY)!;
    expect(ahead).toBe('2026-11-27');
    expect(pastWeekday(ahead, text, TODAY, shippedVocabulary())).toBe('2026-11-20');
  });

  it('leaves a future day that was asked for as it is, for the dialog to question', () => {
    expect(pastWeekday('2026-11-27', 'this friday', TODAY, shippedVocabulary())).toBe('2026-11-27');
    expect(pastWeekday('2026-12-04', 'next friday', TODAY, shippedVocabulary())).toBe('2026-12-04');
    expect(pastWeekday('2026-11-27', '27/11/2026', TODAY, shippedVocabulary())).toBe('2026-11-27');
  });

  it('leaves days already in the past, and today, as they are', () => {
    expect(pastWeekday('2026-11-23', 'monday', TODAY, shippedVocabulary())).toBe('2026-11-23');
    expect(pastWeekday(TODAY, 'wednesday', TODAY, shippedVocabulary())).toBe(TODAY);
  });
});

describe('matchChoice', () => {
  const bins = [
    { key: 'general', name: 'General waste (grey bin)' },
    { key: 'recycling', name: 'Recycling (blue bin)' },
    { key: 'garden', name: 'Garden waste (green bin)' },
    { key: 'food', name: 'Food waste (caddy)' },
  ];

  it.each([
    ['General waste (grey bin)', 'general'],
    ['grey', 'general'],
    ['2', 'recycling'],
    ['the grey one', 'general'],
    ['the green one', 'garden'],
    ['it was the blue bin', 'recycling'],
    ['the food caddy', 'food'],
  ])('reads "%s" as %s', (text, key) => {
    expect(matchChoice(text, bins, shippedVocabulary())?.key).toBe(key);
  });

  it.each(['the bin', 'waste', 'rubbish', 'the red one'])('does not guess from "%s"', (text) => {
    expect(matchChoice(text, bins, shippedVocabulary())).toBeUndefined();
  });
});

describe('matchChoice on whole words', () => {
  const yesNo = [
    { key: 'yes', name: 'Yes' },
    { key: 'no', name: 'No' },
  ];
  const yesNoNotSure = [...yesNo, { key: 'not_sure', name: 'Not sure' }];
  const faults = [
    { key: 'out', name: "It's not working" },
    { key: 'flickering', name: 'It flickers' },
    { key: 'day_burning', name: "It's on during the day" },
    { key: 'damaged', name: 'The post is damaged' },
    { key: 'wiring', name: 'Wires are showing' },
  ];

  it.each(['yesterday', "I don't know", 'nothing', 'know'])('does not read "%s" as yes or no', (text) => {
    expect(matchChoice(text, yesNo, shippedVocabulary())).toBeUndefined();
  });

  it.each(['yes', 'no', 'Yes please', 'no.'])('still reads "%s"', (text) => {
    expect(matchChoice(text, yesNo, shippedVocabulary())?.key).toBe(text.toLowerCase().startsWith('y') ? 'yes' : 'no');
  });

  it.each(["I don't know", 'not sure', 'dunno', 'idk'])('reads "%s" as the choice that says so', (text) => {
    expect(matchChoice(text, yesNoNotSure, shippedVocabulary())?.key).toBe('not_sure');
  });

  it.each(['the bulb has gone', 'the light keeps flashing', 'the door on the post is open and i can see wires'])(
    'does not take "%s" for the first choice that begins with the same little word',
    (text) => {
      expect(matchChoice(text, faults, shippedVocabulary())?.key).not.toBe('damaged');
    },
  );
});

describe('YES (the answer to "Shall I send it?")', () => {
  it.each([
    'yes',
    'Yes please',
    'send it',
    'Send it',
    'yes, send it',
    'ok thanks',
    'correct',
    "yes that's right",
    'go ahead',
    'yes send',
    'yep go ahead',
    'go on then',
    'yeah go on',
    'sure',
    'aye send it',
    'yes please send it off',
    'perfect thanks',
    'do it',
  ])('sends on "%s"', (text) => {
    expect(YES.test(text)).toBe(true);
  });

  it('in Welsh, a yes naming sending said first is the answer, whatever follows it', () => {
    const cy = loadVocabularyOrShipped(undefined, 'cy-GB');
    expect(saysYes("ie anfonwch e, a pryd mae'r casgliad nesaf?", cy)).toBe(true);
    expect(saysYes("ie, a pryd mae'r casgliad nesaf?", cy)).toBe(false);
  });

  it('in Welsh, the yes naming sending may end at "ac" or "a hefyd" too (send_named_ends), with no comma; in English only at "and"', () => {
    const [en, cy] = ['en-GB', 'cy-GB'].map((locale) => loadVocabularyOrShipped(undefined, locale));
    for (const text of ["ie anfonwch e ac wedyn pryd mae'r casgliad nesaf", 'iawn anfonwch e a hefyd oes angen i mi fod adref?'])
      expect([saysYes(text, en), saysYes(text, cy)], text).toEqual([false, true]);
    expect([saysYes('yes send it and when is my bin day', en), saysYes('yes send it and when is my bin day', cy)]).toEqual([true, true]);
    // "a" alone is the English article as often as the Welsh "and": no yes ends there.
    expect(saysYes('yes send a photo of it later', cy)).toBe(false);
    expect(saysYes('yes send it AND when is my bin day', en)).toBe(false);
  });

  it.each([
    'yes but change the address',
    'yes, no wait',
    'yes but the hole is bigger now',
    "yes it's not dangerous though",
    'send it to the highways team tomorrow',
    'yesterday',
    'book it for next week instead',
    'not very well',
    'okay so actually',
    'nah leave it',
    'go on the website instead',
    'sure but the light number is wrong',
  ])('does not send on "%s"', (text) => {
    expect(YES.test(text)).toBe(false);
  });
});

describe('saysYes (a yes with the courtesies people add)', () => {
  it.each([
    'ye send',
    'Yes, that would be lovely, thank you',
    'Yes do send it, thank you',
    'yh thats it',
    'Thank you, please send it',
    'ok go ahead then thanks x',
    'yes',
    'Yes please, go ahead dear',
    'yes send it, and how do I claim for my tyre',
    'great, book it in please',
    'Very well, please proceed',
    'yep book it',
    'yes of course',
    'definitely, send it',
  ])('sends on "%s"', (text) => {
    expect(saysYes(text, shippedVocabulary())).toBe(true);
  });

  it.each([
    'yes but change the address',
    'yes, no wait',
    'thank you',
    'please',
    "that's wrong",
    "yes it's not dangerous though",
    'go on the website instead',
    'hang on send it later',
    'yesterday',
    'book it for next week instead',
    'not very well',
    'yes, but change the bin first',
    'ok. wait, not yet',
  ])('does not send on "%s"', (text) => {
    expect(saysYes(text, shippedVocabulary())).toBe(false);
  });
});

describe('yesThenMore (a yes said first, then something else)', () => {
  it('takes a yes to sending apart from a question after it', () => {
    expect(yesThenMore('yes send it, and when is my bin day?', shippedVocabulary())).toEqual({ yes: 'yes send it', rest: 'when is my bin day?' });
    expect(yesThenMore('yes please. can you tell me when the tip opens', shippedVocabulary())).toEqual({
      yes: 'yes please',
      rest: 'can you tell me when the tip opens',
    });
  });

  it.each(['ok, what about the food caddy, is that the same day?', 'oh right, and how long does it take', 'okay thanks. when is the black bin due?'])(
    'an ok that only takes in the summary, then a question, is no yes: "%s"',
    (text) => {
      expect(yesThenMore(text, shippedVocabulary())).toBeUndefined();
    },
  );

  it('an ok before something that is not a question still is one', () => {
    expect(yesThenMore('ok, I also want to book a bulky collection', shippedVocabulary())).toEqual({
      yes: 'ok',
      rest: 'I also want to book a bulky collection',
    });
  });
});

describe("the words saysYes and the choice readers go by are the vocabulary's", () => {
  const bins = [
    { key: 'general', name: 'General waste (grey bin)' },
    { key: 'recycling', name: 'Recycling (blue bin)' },
    { key: 'garden', name: 'Garden waste (green bin)' },
  ];
  const items = [
    { key: 'sofa', name: 'Sofa' },
    { key: 'fridge', name: 'Fridge freezer' },
    { key: 'mattress', name: 'Mattress' },
  ];
  const one = (...words: string[]) => compile('whole', { phrases: words });

  it('reads a yes of courtesies, a choice among filler words and several things after their article', () => {
    const words = shippedVocabulary();
    expect(['ok brilliant, go ahead, submit it pet', 'aye thats grand ta'].map((t) => saysYes(t, words))).toEqual([true, true]);
    expect(['ok brilliant but wait', 'thanks pet'].map((t) => saysYes(t, words))).toEqual([false, false]);
    expect(matchChoice("I think it's the grey one please", bins, words)?.key).toBe('general');
    expect(matchChoices('some sofa, my fridge plus an old lamp', items, words)).toEqual({ found: items.slice(0, 2), unknown: ['old lamp'] });
  });

  it("a council's vocabulary with other words reads by them", () => {
    const fewer: Vocabulary = {
      ...shippedVocabulary(),
      send_confirmed_words: one('aye', 'go', 'ahead'),
      send_confirmed_needs: one('aye'),
      send_confirmed_not: one('no'),
      choice_filler: one('the', 'one'),
      choice_article: one('a'),
    };
    expect(saysYes('aye go ahead', fewer)).toBe(true);
    expect(saysYes('aye thats grand ta', fewer)).toBe(false);
    expect(matchChoice("I think it's the grey one please", bins, fewer)).toBeUndefined();
    expect(matchChoice('the grey one', bins, fewer)?.key).toBe('general');
    expect(matchChoices('a mattress, some old lamp', items, fewer)).toEqual({ found: [items[2]], unknown: ['some old lamp'] });
  });
});

describe('namedIn (a choice named in the first message of a request)', () => {
  it('finds a choice named word for word', () => {
    expect(namedIn('big pothole in the road outside 14 London Road', 'In the road', shippedVocabulary())).toBe(true);
    expect(namedIn('someone dumped FURNITURE by the bins', 'Furniture', shippedVocabulary())).toBe(true);
  });

  it('never takes a short or vague choice, or part of a word', () => {
    expect(namedIn('no it was not out', 'No', shippedVocabulary())).toBe(false);
    expect(namedIn('yes please', "Yes, it's dangerous", shippedVocabulary())).toBe(false);
    expect(namedIn('there is something else dumped', 'Something else', shippedVocabulary())).toBe(false);
    expect(namedIn('the roadworks are in the roadside verge', 'In the road', shippedVocabulary())).toBe(false);
  });
});

describe('measureIn (a measurement in the first message of a request)', () => {
  it("reads a number with the question's unit and one of its words", () => {
    expect(measureIn('pothole outside 14 London Road about 30cm wide', 'About how wide is it, in centimetres?')).toBe(30);
    expect(measureIn('its 10 cm deep and 40cm wide', 'About how deep is it, in centimetres?')).toBe(10);
    expect(measureIn('its 10 cm deep and 40cm wide', 'About how wide is it, in centimetres?')).toBe(40);
  });

  it('asks when the unit or the word is missing', () => {
    expect(measureIn('pothole outside 14 London Road', 'About how wide is it, in centimetres?')).toBeUndefined();
    expect(measureIn('about 30 wide', 'About how wide is it, in centimetres?')).toBeUndefined();
    expect(measureIn('30cm deep', 'About how wide is it, in centimetres?')).toBeUndefined();
    expect(measureIn('30cm wide', 'How many items is that in total?')).toBeUndefined();
  });
});

describe('choices the way people say them', () => {
  const bins = [
    { key: 'general', name: 'General waste (grey bin)' },
    { key: 'recycling', name: 'Recycling (blue bin)' },
    { key: 'garden', name: 'Garden waste (green bin)' },
    { key: 'food', name: 'Food waste (caddy)' },
  ];

  it.each([
    ['green 1', 'garden'],
    ['the blue one', 'recycling'],
    ['recyling', 'recycling'],
    ['the gren bin', 'garden'],
  ])('reads "%s" as %s', (text, key) => {
    expect(matchChoice(text, bins, shippedVocabulary())?.key).toBe(key);
  });

  it('does not stretch a short word to another ("bag" is no "bed"), nor pick among two', () => {
    expect(similarWord('bag', 'bed')).toBe(false);
    expect(similarWord('flickerin', 'flickering')).toBe(true);
    expect(matchChoice('waste', bins, shippedVocabulary())).toBeUndefined();
  });
});

describe('a no at "Shall I send it?"', () => {
  it.each(['nah leave it', "no don't bother", 'nah leave it for now', 'Actually no, leave it, my son says they came back', 'no thanks', 'forget it'])(
    '"%s" means do not send',
    (text) => {
      expect(notSending(text, shippedVocabulary())).toBe(true);
    },
  );

  it.each(['Na, gadewch e', 'dim diolch, anghofiwch e', 'Sori, na. Peidiwch â thrafferthu', "peidiwch â'i anfon", 'nah leave it'])(
    'in Welsh, "%s" means do not send',
    (text) => {
      expect(notSending(text, loadVocabularyOrShipped(undefined, 'cy-GB'))).toBe(true);
    },
  );

  it.each(['na', 'naddo', 'na, y bin glas oedd e', 'ie, anfonwch e', 'dim byd arall'])('in Welsh, "%s" is not a no to sending', (text) => {
    expect(notSending(text, loadVocabularyOrShipped(undefined, 'cy-GB'))).toBe(false);
  });

  it('a bare "no thanks" is one in both languages, and nothing said after it', () => {
    const [en, cy] = ['en-GB', 'cy-GB'].map((locale) => loadVocabularyOrShipped(undefined, locale));
    expect(['Nope, thanks!', 'nah thank you', 'no. ta'].map((t) => noThanksOnly(t, en))).toEqual([true, true, true]);
    expect(['Na, diolch yn fawr.', 'dim diolch', 'no thanks'].map((t) => noThanksOnly(t, cy))).toEqual([true, true, true]);
    expect(['no thanks, I need updates', 'no', 'thanks', 'na diolch ond anfonwch e'].some((t) => noThanksOnly(t, en) || noThanksOnly(t, cy))).toBe(false);
  });

  it.each(['no', 'nah', 'no, it was the blue bin', 'not Tuesday, Wednesday', 'yes send it', 'nothing else'])('"%s" is not a no to sending', (text) => {
    expect(notSending(text, shippedVocabulary())).toBe(false);
  });

  it('reads a yes or no said first in a longer answer', () => {
    expect(YES_FIRST.test('ye out at 6')).toBe(true);
    expect(YES_FIRST.test('of course it was')).toBe(true);
    expect(NO_FIRST.test('nah not really')).toBe(true);
    expect(NO_FIRST.test('no idea')).toBe(false);
  });
});

describe("declinesExtras (the summary's invitations declined, and nothing else)", () => {
  const [en, cy] = ['en-GB', 'cy-GB'].map((locale) => loadVocabularyOrShipped(undefined, locale));
  it.each(['no more info, no phone calls thanks', 'nothing further to add', "nah, don't want any updates and no emails please"])(
    'English and Welsh: "%s"',
    (text) => {
      expect([declinesExtras(text, en), declinesExtras(text, cy)]).toEqual([true, true]);
    },
  );
  it.each(['dim mwy o fanylion diolch', 'na, dim byd pellach i’w ychwanegu', 'heb gyswllt plis'])('Welsh only: "%s"', (text) => {
    expect([declinesExtras(text, en), declinesExtras(text, cy)]).toEqual([false, true]);
  });
  it.each(['nothing', 'no updates but ring me on 07700 900123', 'no the bin is still there'])('neither: "%s"', (text) => {
    expect([declinesExtras(text, en), declinesExtras(text, cy)]).toEqual([false, false]);
  });
});
