import type { RiskTaxonomy } from '../intents/riskTaxonomy';
import type { CouncilProfile } from '../knowledge/councilProfile';
import { MessageTexts, type MessageWords } from '../knowledge/messageFile';
import { HANDOFF_MESSAGES } from '../knowledge/messageFiles';
import type { Reply } from '../dialogs/responses';
import { RiskReplies } from '../dialogs/riskReplies';
import type { Buttons } from '../knowledge/buttons';

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
    /** The buttons' titles (knowledge/messages/<locale>/buttons.yaml): the handoff dialog and relay recognise a button pressed by the same words. */
    readonly buttons: Buttons,
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
    return { text: this.words.say('queued', { position, wait: this.wait(minutes) }), choices: [this.buttons.stop_waiting] };
  }

  stillWaiting(position: number, minutes: number): Reply {
    return { text: this.words.say('still_waiting', { position, wait: this.wait(minutes) }), choices: [this.buttons.stop_waiting] };
  }

  alreadyWaiting(position: number, minutes: number): Reply {
    return this.stillWaiting(position, minutes);
  }

  movedUp(position: number, minutes: number): Reply {
    return { text: this.words.say('moved_up', { position, wait: this.wait(minutes) }), choices: [this.buttons.stop_waiting] };
  }

  leftQueue(): Reply {
    return { text: this.words.say('left_queue') };
  }

  connected(agentName: string): Reply {
    return { text: this.words.say('connected', { agentName }), choices: [this.buttons.end_chat] };
  }

  agentLeftBackInQueue(position: number, minutes: number): Reply {
    return { text: this.words.say('agent_left_back_in_queue', { position, wait: this.wait(minutes) }), choices: [this.buttons.stop_waiting] };
  }

  transferred(position: number, minutes: number): Reply {
    return { text: this.words.say('transferred', { position, wait: this.wait(minutes) }), choices: [this.buttons.stop_waiting] };
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
    const choices = [this.buttons.ask_for_call_back, this.buttons.no_thanks];
    if (safeguarding && this.risk) return { text: this.words.say('closed_offer_callback_safeguarding', { helplines: this.risk.generalInline() }), choices };
    if (safeguarding) return { text: this.words.say('closed_offer_callback_safeguarding_plain'), choices };
    return { text: this.words.say('closed_offer_callback'), choices };
  }

  /** The call-back offer again, after an answer that was neither yes nor no. */
  closedOfferCallbackAgain(): Reply {
    return { text: this.words.say('closed_offer_callback_again'), choices: [this.buttons.ask_for_call_back, this.buttons.no_thanks] };
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
    return { text: this.words.say('callback_ask_best_time'), choices: [this.buttons.call_back_any_time] };
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
      choices: [this.buttons.send_call_back, this.buttons.dont_send_call_back],
    };
  }

  confirmCallbackAgain(): Reply {
    return { text: this.words.say('confirm_callback_again'), choices: [this.buttons.send_call_back, this.buttons.dont_send_call_back] };
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
