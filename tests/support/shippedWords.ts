import type { Buttons } from '../../knowledge/buttons';
import { BUTTON_MESSAGES } from '../../knowledge/messageFiles';
import { loadVocabularyOrShipped, type Vocabulary } from '../../knowledge/vocabulary';

/**
 * The project's own button titles and vocabulary (knowledge/messages/en-GB/buttons.yaml and
 * vocabulary.yaml), for tests that build a dialog's part without the assistant. The assistant
 * itself gets the council's own (bot/assistant.ts).
 */
export function shippedButtons(): Buttons {
  return BUTTON_MESSAGES.shipped();
}

let vocabulary: Vocabulary | undefined;

export function shippedVocabulary(): Vocabulary {
  vocabulary ??= loadVocabularyOrShipped(undefined);
  return vocabulary;
}
