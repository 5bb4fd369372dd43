import type { DialogContext } from 'botbuilder-dialogs';
import type { Vocabulary } from '../../../knowledge/vocabulary';
import { MAX_MESSAGE_CHARS } from '../../messageLimits';
import { sendReply } from '../../replies';
import type { Reply } from '../../responses';
import { declinesExtras, matchChoice, noThanksOnly, notSending, readContact, saysYes } from '../answers';
import type { ServiceResponses } from '../serviceResponses';
import type { ContactInPassing } from './contactInPassing';
import { CHANGE_STEP, CONFIRM, type SlotField } from './fields';
import { MAX_TEXT } from './limits';
import type { LocationSlot } from './locationSlot';
import type { RequestSubmitter } from './requestSubmitter';
import { changeChoices, type SlotQuestions } from './slotQuestions';
import type { SlotState } from './slotState';

/** A message of fewer words is not taken as more details. */
const MIN_DETAIL_WORDS = 3;

/** A no at "Shall I send it?": asked about once more (the summary shown again), or the request ended unsent. */
export type Declined = { reply: Reply; end: boolean };

/**
 * The summary's "Shall I send it?" (yes: filed; "change something": which; an email or phone
 * number, or more details, taken) and "What would you like to change?" (that field is asked again).
 */
export class ConfirmStep {
  constructor(
    private readonly responses: ServiceResponses,
    /**
     * The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): a yes to sending, asking to change something, a no said
     * first, a bare no (`bare_no`: not a wish to send nothing, nor more details: asked again), not knowing which to change.
     */
    private readonly vocabulary: Vocabulary,
    private readonly location: LocationSlot,
    private readonly submitter: RequestSubmitter,
    private readonly questions: SlotQuestions,
    /** Reads a name typed alone at a summary that invites it. */
    private readonly contact: ContactInPassing,
  ) {}

  /**
   * A no to the summary in a message that held no details: a bare "No thanks." where the summary also invites contact
   * details may decline the updates or the sending, so it is asked about once more in plain words, rather than a report
   * the resident wanted being dropped; "nah leave it" (`not_sending`) ends it unsent, but "No thank you, I don't need
   * updates" (`extras_declined`) is a no to what the summary invites, not to sending it.
   */
  declined(state: SlotState, message: string): Declined | undefined {
    if (noThanksOnly(message, this.vocabulary) && state.config.contact === 'optional' && state.contact === undefined && !state.noThanksAsked) {
      state.noThanksAsked = true;
      return { reply: this.responses.withSummary(this.responses.confirmNoThanks(), this.questions.question(state, CONFIRM)), end: false };
    }
    if (notSending(message, this.vocabulary) && !this.vocabulary.extras_declined.test(message))
      return { reply: this.responses.notSent(state.serviceName), end: true };
    return undefined;
  }

  async confirm(dc: DialogContext, state: SlotState, text: string): Promise<Reply | 'submitted' | undefined> {
    if (this.vocabulary.change_requested.test(text)) {
      state.current = CHANGE_STEP;
      return this.responses.whichChange(changeChoices(state, this.responses).map((c) => c.name));
    }
    if (saysYes(text, this.vocabulary)) {
      await this.submitter.submit(dc, state);
      return 'submitted';
    }
    return this.addAtConfirm(dc, state, text);
  }

  /**
   * A yes to sending with the contact details left out in the same breath ("ok, send without my name please", "yep go
   * ahead, leave my name out of it"): the message is a yes once the vocabulary's `anonymous` words are taken out, on a
   * request that allows no contact and has none yet. Sent anonymously, as "anonymous" and then "yes" would be; read before
   * the message is read for the request's fields, so that no word of "leave my name out of it" changes one.
   */
  async sendAnonymously(dc: DialogContext, state: SlotState, text: string): Promise<boolean> {
    if (state.config.contact !== 'optional' || state.contact || !this.vocabulary.anonymous.test(text)) return false;
    if (!saysYes(text.replace(new RegExp(this.vocabulary.anonymous.source, 'gi'), ' '), this.vocabulary)) return false;
    state.contact = null;
    state.name = null;
    await this.submitter.submit(dc, state);
    return true;
  }

  change(state: SlotState, text: string): Reply | undefined {
    const choices = changeChoices(state, this.responses);
    const picked = matchChoice(text, choices, this.vocabulary);
    const choice = choices.find((c) => c === picked);
    if (!choice) return this.responses.whichChange(choices.map((c) => c.name));
    this.clear(state, choice.field);
    if (choice.field.kind === 'description' || choice.field.kind === 'contact') state.extra = [...new Set([...(state.extra ?? []), choice.field.kind])];
    return undefined;
  }

  /**
   * What the summary invites at "Shall I send it?": an email address or phone number for updates, the name beside them
   * ("Jan Peters"), or more details in the resident's own words ("it's right by the bus stop"), added to the details
   * and the summary shown again. A question or a bare no is neither.
   */
  private async addAtConfirm(dc: DialogContext, state: SlotState, text: string): Promise<Reply | undefined> {
    const r = this.responses;
    if (state.config.contact === 'optional' && this.vocabulary.anonymous.test(text)) {
      state.contact = null;
      state.name = null;
      return undefined;
    }
    const contact = readContact(text);
    if (contact) {
      if (state.contact || state.name === null) state.name = undefined;
      state.contact = contact;
      await sendReply(dc.context, r.changed([r.addedContact()]));
      return undefined;
    }
    const name = state.contact && state.name === undefined ? this.contact.nameAlone(text) : undefined;
    if (name) {
      state.name = name;
      return undefined;
    }
    if ((declinesExtras(text, this.vocabulary) && !this.vocabulary.bare_no.test(text)) || this.vocabulary.extras_declined.test(text)) {
      if (state.config.contact === 'optional' && !state.contact) {
        state.contact = null;
        state.name = null;
      }
      return undefined;
    }
    if (text.length >= MAX_MESSAGE_CHARS) return r.tooLong(MAX_MESSAGE_CHARS, text.length);
    const words = text.split(/\s+/).filter(Boolean).length;
    if (words < MIN_DETAIL_WORDS || /\?\s*$/.test(text) || this.vocabulary.no_first.test(text)) return r.confirmNotUnderstood();
    state.description = state.description ? `${state.description}\n${text}` : text;
    if (state.description.length > MAX_TEXT) state.description = state.description.slice(0, MAX_TEXT);
    await sendReply(dc.context, r.changed([r.addedToDetails()]));
    return undefined;
  }

  /** Forgets a field, so that it is asked again. */
  private clear(state: SlotState, field: SlotField): void {
    switch (field.kind) {
      case 'attribute':
        delete state.answers[field.code];
        state.multi = [];
        // A number limited by this list ("how many items in total?") is asked again for the new list.
        for (const [dependent, limit] of Object.entries(state.config.limits)) if (limit.min === field.code) delete state.answers[dependent];
        state.prechecked = false;
        return;
      case 'location':
        return this.location.clear(state);
      case 'description':
        state.description = undefined;
        return;
      case 'contact':
        state.contact = undefined;
        state.name = undefined;
        return;
    }
  }
}
