import type { Entity } from '../../../intents/recognizer';
import type { Reply } from '../../responses';
import type { ServiceResponses } from '../serviceResponses';
import type { ContactInPassing, ContactSaid } from './contactInPassing';
import type { Step } from './fields';
import type { HouseBeside } from './houseBeside';
import type { LocationSlot } from './locationSlot';
import type { MessageAbsorber } from './messageAbsorber';
import { isFreeText, type SlotState } from './slotState';

/** What one message of a request said, read for every field before the open question takes it. */
export interface MessageRead {
  /** The whole message. */
  message: string;
  /** The words left for the open question (the message without contact details or a name said in passing). */
  text: string;
  /** The contact details and name the message held. */
  said: ContactSaid;
  /** The fields it changed or gave ('contact', 'name', 'location', attribute codes). */
  touched: Set<string>;
  /** It gave only the resident's own details (contact or name) and no other field. */
  ownOnly: boolean;
  /** What to tell the resident first, in order: the house a street problem is beside, then what changed. */
  replies: Reply[];
}

/**
 * Every message of a request is read for every field: contact details and a name in passing
 * ("…in the front garden. My email is…"), a different value for an answer given, a corrected or
 * added place, the house a street problem is beside. New details are taken into `state`; the
 * open question (`step`) is answered with what is left (the dialog's loop does that).
 */
export class MessageReading {
  constructor(
    private readonly contact: ContactInPassing,
    private readonly absorber: MessageAbsorber,
    private readonly location: LocationSlot,
    private readonly houseBeside: HouseBeside,
    private readonly responses: ServiceResponses,
  ) {}

  read(state: SlotState, message: string, step: Step | undefined, entities: Entity[]): MessageRead {
    // At the contact or name question, that question's reader takes them.
    const said = this.contact.read(message);
    const ownDetails = {
      ...(step?.kind !== 'contact' && said.contact ? { contact: said.contact } : {}),
      ...(step?.kind !== 'name' && said.name ? { name: said.name } : {}),
    };
    const took = this.contact.take(state, { ...ownDetails, rest: said.rest });
    const text = ownDetails.contact || ownDetails.name ? said.rest.trim() : message;
    const { changed, touched } = this.absorber.absorb(state, text);
    if (took.contact) changed.push(this.responses.addedContact());
    const ownOnly = Boolean(took.contact || took.name) && !touched.size;
    if (took.contact) touched.add('contact');
    if (took.name) touched.add('name');
    const replies: Reply[] = [];
    const moved = this.location.correct(state, text) ?? this.location.inPassing(state, text, entities, isFreeText(state, step));
    if (moved) {
      if (moved !== 'noted') changed.push(moved);
      touched.add('location');
    }
    // "It's outside number 11" when asked the lamp post's number: where the problem is, not the number.
    const beside = moved ? undefined : this.houseBeside.amend(state, text);
    if (beside) {
      if ('changed' in beside) changed.push(beside.changed);
      else replies.push(beside.noted);
      touched.add('location');
    }
    if (changed.length) replies.push(this.responses.changed(changed));
    return { message, text, said, touched, ownOnly, replies };
  }
}
