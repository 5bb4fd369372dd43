import type { Buttons } from '../../knowledge/buttons';
import path from 'node:path';
import { loadCouncilProfile, type CouncilProfile } from '../../knowledge/councilProfile';
import { MessageTexts } from '../../knowledge/messageFile';
import { BUTTON_MESSAGES, CONSOLE_MESSAGES, type ConsoleTexts } from '../../knowledge/messageFiles';
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

let staff: ConsoleTexts | undefined;

/** The project's own words for staff (knowledge/messages/en-GB/console.yaml) with the example council's details: the reasons' labels, the console's messages. */
export function shippedConsoleWords(): ConsoleTexts {
  staff ??= new MessageTexts(CONSOLE_MESSAGES.shipped(), shippedCouncil());
  return staff;
}

/** The example council's profile (knowledge/council.yaml). */
export function shippedCouncil(): CouncilProfile {
  return loadCouncilProfile(path.resolve(__dirname, '..', '..', 'knowledge', 'council.yaml'));
}
