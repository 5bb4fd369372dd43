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
    'how do I apply for a blue badge for my husband who cannot walk very far at all now',
  ])('%j is not', (text) => {
    expect(isFollowUp(text, shippedVocabulary())).toBe(false);
  });
});
