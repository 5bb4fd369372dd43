import { describe, expect, it } from 'vitest';
import { isFollowUp } from '../../dialogs/followUp';
import { shippedVocabulary } from '../support/shippedWords';

describe('isFollowUp', () => {
  it.each([
    'how do I apply?',
    'and how much is it?',
    'any quicker way?',
    'what about for my mum?',
    'ok, where do I send it',
    'can I do it online',
    'is there a deadline',
    // Text-speak openings.
    'wat abt for my dad',
    'hw long does it take',
    'cn i pay it monthly',
    'wots the cost',
    // Welsh: "it" after the verb (yw e, ydi o, mae hi), and faint ("how much") as "much" is.
    'A faint yw hi?',
    'faint ydi o rŵan',
    "Pa mor hir mae o'n cymryd?",
    'ble mae e?',
    // What happened, then the follow-up question as the last sentence.
    "We've told the police twice already. Is there anything else we can try?",
    "Ro'n i wedi llenwi'r ffurflen yn barod. Faint fydd e?",
  ])('%j is a follow-up', (text) => {
    expect(isFollowUp(text, shippedVocabulary())).toBe(true);
  });

  it.each([
    'my bin was not collected',
    'council tax',
    'thanks',
    '',
    'what is the meaning of life',
    'who is the mayor',
    'My bin was missed again on Monday. When is my bin day?',
    'We have just moved into the area from Cardiff with our three children and my mother, who is disabled and cannot drive. What do we need to do about it?',
    'wat time does the library shut on saturdays and sundays over the christmas holidays',
    'Faint o ddiwrnodau sydd gen i i dalu fy nhreth gyngor ar ôl symud tŷ i Anytown?',
    'how do I apply for a blue badge for my husband who cannot walk very far at all now',
  ])('%j is not', (text) => {
    expect(isFollowUp(text, shippedVocabulary())).toBe(false);
  });
});
