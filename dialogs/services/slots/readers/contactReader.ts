import type { Vocabulary } from '../../../../knowledge/vocabulary';
import { readContact } from '../../answers';
import type { ServiceResponses } from '../../serviceResponses';
import type { Reading } from './reading';

export type Contact = { email?: string; phone?: string };

/** An email address or a UK phone number; null when the resident stays anonymous (where that is allowed). */
export function readContactAnswer(text: string, mode: 'optional' | 'required', r: ServiceResponses, vocabulary: Vocabulary): Reading<Contact | null> {
  if (
    mode === 'optional' &&
    (text.toLowerCase() === r.buttons.stay_anonymous.toLowerCase() || vocabulary.skip.test(text) || vocabulary.contact_anonymous.test(text))
  )
    return { value: null };
  const contact = readContact(text);
  if (!contact) return { problem: r.invalidContact(mode === 'required') };
  return { value: contact };
}
