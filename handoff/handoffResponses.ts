import type { RiskTaxonomy } from '../intents/riskTaxonomy';
import type { CouncilProfile } from '../knowledge/councilProfile';
import { MessageTexts, type MessageWords } from '../knowledge/messageFile';
import { HANDOFF_MESSAGES } from '../knowledge/messageFiles';
import type { Reply } from '../dialogs/responses';
import { RiskReplies } from '../dialogs/riskReplies';
import { BUTTONS } from '../knowledge/buttons';

/** The buttons' titles (knowledge/messages/en-GB/buttons.yaml); each is also recognised when typed. */
export const CANCEL_WAITING = BUTTONS.stop_waiting;
export const END_CHAT = BUTTONS.end_chat;
export const REQUEST_CALLBACK = BUTTONS.ask_for_call_back;
export const NO_THANKS = BUTTONS.no_thanks;
export const SEND_CALLBACK = BUTTONS.send_call_back;
export const DONT_SEND_CALLBACK = BUTTONS.dont_send_call_back;

/**
 * What the assistant says around a handoff to the contact centre: the words are content
 * (knowledge/messages/<locale>/handoff.yaml), put together here with their buttons.
 */
export class HandoffResponses {
  private readonly risk?: RiskReplies;
  private readonly words: MessageTexts<typeof HANDOFF_MESSAGES.spec>;

  /** With the risk taxonomy, the helplines come from it (intents/risk-taxonomy.yaml `general`). */
  constructor(
    council: CouncilProfile,
    taxonomy?: RiskTaxonomy,
    /** The words (knowledge/messages/<locale>/handoff.yaml). */
    words: MessageWords<typeof HANDOFF_MESSAGES.spec> = HANDOFF_MESSAGES.shipped(),
  ) {
    this.risk = taxonomy ? new RiskReplies(taxonomy, council) : undefined;
    this.words = new MessageTexts(words, council);
  }

  /** "about 3 minutes" (without the "about"). */
  private wait(minutes: number): string {
    return this.words.say(minutes === 1 ? 'wait_one' : 'wait_other', { minutes });
  }

  queued(position: number, minutes: number): Reply {
    return { text: this.words.say('queued', { position, wait: this.wait(minutes) }), choices: [CANCEL_WAITING] };
  }

  stillWaiting(position: number, minutes: number): Reply {
    return { text: this.words.say('still_waiting', { position, wait: this.wait(minutes) }), choices: [CANCEL_WAITING] };
  }

  alreadyWaiting(position: number, minutes: number): Reply {
    return this.stillWaiting(position, minutes);
  }

  movedUp(position: number, minutes: number): Reply {
    return { text: this.words.say('moved_up', { position, wait: this.wait(minutes) }), choices: [CANCEL_WAITING] };
  }

  leftQueue(): Reply {
    return { text: this.words.say('left_queue') };
  }

  connected(agentName: string): Reply {
    return { text: this.words.say('connected', { agentName }), choices: [END_CHAT] };
  }

  agentLeftBackInQueue(position: number, minutes: number): Reply {
    return { text: this.words.say('agent_left_back_in_queue', { position, wait: this.wait(minutes) }), choices: [CANCEL_WAITING] };
  }

  transferred(position: number, minutes: number): Reply {
    return { text: this.words.say('transferred', { position, wait: this.wait(minutes) }), choices: [CANCEL_WAITING] };
  }

  /** A note for staff in the conversation's transcript (never shown to the resident). */
  staffNote(id: 'note_agent_disconnected' | 'note_resident_left_queue' | 'note_resident_ended' | 'note_external_accepted' | 'note_resident_left'): string {
    return this.words.say(id);
  }

  /** A note for staff about what one of them did. */
  staffActionNote(id: 'note_accepted' | 'note_passed_back' | 'note_agent_ended', agentName: string): string {
    return this.words.say(id, { agentName });
  }

  ended(): Reply {
    return { text: this.words.say('ended') };
  }

  residentEnded(): Reply {
    return { text: this.words.say('resident_ended') };
  }

  /** The resident's page went away (closed) while waiting or talking; read if they come back to this conversation. */
  residentLeft(wasQueued: boolean): Reply {
    return { text: this.words.say(wasQueued ? 'resident_left_queued' : 'resident_left_talking') };
  }

  externalStarted(): Reply {
    return { text: this.words.say('external_started') };
  }

  externalFailed(): Reply {
    return { text: this.words.say('external_failed') };
  }

  /** Safeguarding while a person is involved: signposting, without offering a person again. */
  safeguardingWhileWithPerson(): Reply {
    if (this.risk) return { text: this.words.say('safeguarding_with_person', { helplines: this.risk.generalInline() }) };
    return { text: this.words.say('safeguarding_with_person_plain') };
  }

  /** Out of hours. After a safeguarding concern: the urgent numbers again, and a call back only if it is safe. */
  closedOfferCallback(safeguarding = false): Reply {
    const choices = [REQUEST_CALLBACK, NO_THANKS];
    if (safeguarding && this.risk) return { text: this.words.say('closed_offer_callback_safeguarding', { helplines: this.risk.generalInline() }), choices };
    if (safeguarding) return { text: this.words.say('closed_offer_callback_safeguarding_plain'), choices };
    return { text: this.words.say('closed_offer_callback'), choices };
  }

  /** The call-back offer again, after an answer that was neither yes nor no. */
  closedOfferCallbackAgain(): Reply {
    return { text: this.words.say('closed_offer_callback_again'), choices: [REQUEST_CALLBACK, NO_THANKS] };
  }

  askName(): Reply {
    return { text: this.words.say('callback_ask_name') };
  }

  askContact(): Reply {
    return { text: this.words.say('callback_ask_contact') };
  }

  contactNotValid(): Reply {
    return { text: this.words.say('callback_contact_not_valid') };
  }

  askBestTime(): Reply {
    return { text: this.words.say('callback_ask_best_time'), choices: [BUTTONS.call_back_any_time] };
  }

  askAbout(): Reply {
    return { text: this.words.say('callback_ask_about') };
  }

  needSomeWords(): Reply {
    return { text: this.words.say('callback_need_some_words') };
  }

  /** What the contact centre will get, for the resident to check before it is sent. */
  confirmCallback(request: { name: string; contact: string; bestTime: string; about: string }): Reply {
    return {
      text: this.words.say('confirm_callback', { residentName: request.name, contact: request.contact, bestTime: request.bestTime, about: request.about }),
      choices: [SEND_CALLBACK, DONT_SEND_CALLBACK],
    };
  }

  confirmCallbackAgain(): Reply {
    return { text: this.words.say('confirm_callback_again'), choices: [SEND_CALLBACK, DONT_SEND_CALLBACK] };
  }

  callbackNotSent(): Reply {
    return { text: this.words.say('callback_not_sent') };
  }

  callbackStored(reference: string): Reply {
    return { text: this.words.say('callback_stored', { reference }) };
  }

  /** No call back. `stopped`: a request in progress was stopped to hand over, and the resident is told it was not sent. */
  callbackDeclined(stopped = false): Reply {
    return { text: this.words.say('callback_declined', { notSent: stopped ? this.words.say('callback_declined_not_sent') : '' }) };
  }
}
