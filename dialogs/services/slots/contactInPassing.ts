import type { Vocabulary } from '../../../knowledge/vocabulary';
import { readContact } from '../answers';
import { nameBesideContact, nameInPassing } from './readers/nameReader';
import type { SlotState } from './slotState';

/** An email address, and a phone number's digits (spaces and dashes between): left out before a name beside them is read. */
const EMAIL = /[^\s@,]+@[^\s@,]+\.[a-z]{2,}/gi;
const PHONE = /\+?\d[\d\s-]{7,}\d/g;

/** What a message said of the resident's own details, and the message without them (read for the request's fields). */
export interface ContactSaid {
  contact?: { email?: string; phone?: string };
  name?: { first: string; last: string };
  /** The message with the clauses holding the contact details or the name left out. */
  rest: string;
}

/**
 * Contact details and a name said in any message of a request ("They'll be in the front garden. My email is
 * jo@example.com", "My name is Jo Bloggs and my number is 07700 900123"): taken like every other field, and
 * left out of the words read for the others (a phone number is no house number, an email no place).
 */
export class ContactInPassing {
  constructor(
    private readonly vocabulary: Vocabulary,
    /** The gazetteer's street and house names: masked before a name is read ("it's Elm Grove", "it is Fern Lodge" are places). */
    private readonly places: RegExp | undefined,
  ) {}

  read(text: string): ContactSaid {
    const contact = readContact(text);
    const masked = this.places ? text.replace(this.places, ' § ') : text;
    const name =
      nameInPassing(masked, this.vocabulary) ??
      // "my email is maria@example.com, Maria Santos", "07700 900456 its jade": a name beside the contact details.
      (contact ? nameBesideContact(masked.replace(EMAIL, ' ').replace(PHONE, ' , '), this.vocabulary) : undefined);
    if (!contact && !name) return { rest: text };
    const holds = (part: string) =>
      (contact?.email !== undefined && part.includes(contact.email)) ||
      (contact?.phone !== undefined && readContact(part)?.phone === contact.phone) ||
      (name !== undefined && (nameInPassing(part, this.vocabulary) !== undefined || (!!name.first && part.toLowerCase().includes(name.first.toLowerCase()))));
    const rest = text
      .split(/(?<=[.!?])\s+/)
      .map((sentence) =>
        holds(sentence)
          ? sentence
              .split(/,\s*/)
              .filter((clause) => !holds(clause))
              .join(', ')
          : sentence,
      )
      .filter((s) => s.trim())
      .join(' ');
    return { ...(contact ? { contact } : {}), ...(name ? { name } : {}), rest };
  }

  /**
   * A message that is a name and nothing else ("Jan Peters", "its Jade"), as typed at a summary that invites the name: two or
   * three words with capitals, or `name_said_maybe` and a word or two. Never a street or house name, nor a `name_stop` word.
   */
  nameAlone(text: string): { first: string; last: string } | undefined {
    const bare = text.trim().replace(/[.!]+$/, '');
    if (!bare || /[,;:!?()\d@]|\.\s/.test(bare)) return undefined;
    const masked = this.places ? bare.replace(this.places, ' § ') : bare;
    return masked.includes('§') ? undefined : nameBesideContact(masked, this.vocabulary);
  }

  /**
   * Keeps what `said` holds: new contact details (a name given before stays when there were none; with other
   * details than before, the name is asked again unless said now), and a name. Returns which it took.
   */
  take(state: SlotState, said: ContactSaid): { contact: boolean; name: boolean } {
    let contact = false;
    let name = false;
    if (said.contact && JSON.stringify(said.contact) !== JSON.stringify(state.contact ?? null)) {
      const before = state.contact;
      state.contact = said.contact;
      if (before || state.name === null) state.name = undefined;
      contact = true;
    }
    if (said.name && JSON.stringify(said.name) !== JSON.stringify(state.name ?? null)) {
      state.name = said.name;
      name = true;
    }
    return { contact, name };
  }
}
