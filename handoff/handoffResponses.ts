import type { RiskTaxonomy } from '../intents/riskTaxonomy';
import type { CouncilProfile } from '../knowledge/councilProfile';
import type { Reply } from '../dialogs/responses';
import { RiskReplies } from '../dialogs/riskReplies';

export const CANCEL_WAITING = 'Stop waiting';
export const END_CHAT = 'End chat';
export const REQUEST_CALLBACK = 'Ask for a call back';
export const NO_THANKS = 'No thanks';
export const SEND_CALLBACK = 'Send it';
export const DONT_SEND_CALLBACK = "Don't send it";

/** What the assistant says around a handoff to the contact centre: one place to review wording. */
export class HandoffResponses {
  private readonly risk?: RiskReplies;

  /** With the risk taxonomy, the helplines come from it (intents/risk-taxonomy.yaml `general`). */
  constructor(
    private readonly council: CouncilProfile,
    taxonomy?: RiskTaxonomy,
  ) {
    this.risk = taxonomy ? new RiskReplies(taxonomy, council) : undefined;
  }

  queued(position: number, minutes: number): Reply {
    return {
      text:
        `I'm passing you to a person in our contact centre. They will see everything you've told me, so you won't need to repeat it.\n\n` +
        `You're number ${position} in the queue. The wait is about ${minutes} minute${minutes === 1 ? '' : 's'}. ` +
        `Keep this chat open. You can add anything else you want them to know while you wait.`,
      choices: [CANCEL_WAITING],
    };
  }

  stillWaiting(position: number, minutes: number): Reply {
    return {
      text: `Thanks, they'll see that. You're number ${position} in the queue, about ${minutes} minute${minutes === 1 ? '' : 's'} to wait.`,
      choices: [CANCEL_WAITING],
    };
  }

  alreadyWaiting(position: number, minutes: number): Reply {
    return this.stillWaiting(position, minutes);
  }

  movedUp(position: number, minutes: number): Reply {
    return { text: `You're now number ${position} in the queue, about ${minutes} minute${minutes === 1 ? '' : 's'} to wait.`, choices: [CANCEL_WAITING] };
  }

  leftQueue(): Reply {
    return { text: "You've left the queue. I'm the assistant again. What can I help you with?" };
  }

  connected(agentName: string): Reply {
    return { text: `You're now talking to ${agentName} from the contact centre. They can see our conversation so far.`, choices: [END_CHAT] };
  }

  agentLeftBackInQueue(position: number, minutes: number): Reply {
    return {
      text: `The person you were talking to has been disconnected. You're back in the queue at number ${position} (about ${minutes} minute${minutes === 1 ? '' : 's'}). Nothing you've said is lost.`,
      choices: [CANCEL_WAITING],
    };
  }

  transferred(position: number, minutes: number): Reply {
    return {
      text: `You've been passed back to the queue so that someone else can help. You're number ${position} (about ${minutes} minute${minutes === 1 ? '' : 's'}). Nothing you've said is lost.`,
      choices: [CANCEL_WAITING],
    };
  }

  ended(): Reply {
    return { text: "The contact centre has ended the chat. I'm the assistant again. Is there anything else I can help you with?" };
  }

  residentEnded(): Reply {
    return { text: "You've ended the chat with the contact centre. I'm the assistant again. What can I help you with?" };
  }

  /** The resident's page went away (closed) while waiting or talking; read if they come back to this conversation. */
  residentLeft(wasQueued: boolean): Reply {
    return {
      text: wasQueued
        ? "You left the page, so you're no longer in the queue for the contact centre. I'm the assistant again. What can I help you with?"
        : "You left the page, so your chat with the contact centre has ended. I'm the assistant again. What can I help you with?",
    };
  }

  externalStarted(): Reply {
    return { text: "I'm passing you to a person in our contact centre. They will see everything you've told me. Please wait a moment." };
  }

  externalFailed(): Reply {
    const c = this.council;
    return { text: `Sorry, I couldn't reach the contact centre just now. You can call us on ${c.phone} (${c.openingHours}) or email ${c.email}. I'm the assistant again.` };
  }

  /** Safeguarding while a person is involved: signposting, without offering a person again. */
  safeguardingWhileWithPerson(): Reply {
    const c = this.council;
    if (this.risk) return { text: `${this.risk.generalInline()} I've told the contact centre this is urgent.` };
    return {
      text:
        `If you or someone else is in immediate danger, call 999 now. If you can't speak, call 999 from a mobile and press 55 when asked. ` +
        `Samaritans, any time, free: 116 123. National Domestic Abuse Helpline, 24 hours, free: 0808 2000 247. ` +
        `${c.name} safeguarding team: ${c.safeguardingPhone} (out of hours ${c.outOfHoursPhone}). ` +
        `I've told the contact centre this is urgent.`,
    };
  }

  /** Out of hours. After a safeguarding concern: the urgent numbers again, and a call back only if it is safe. */
  closedOfferCallback(safeguarding = false): Reply {
    const c = this.council;
    if (safeguarding && this.risk) {
      return {
        text:
          `Our contact centre is closed at the moment (${c.openingHours}), but help is there now. ${this.risk.generalInline()} ` +
          `I can also ask someone to contact you when we open, marked urgent: only choose this if it is safe for us to call or email you.`,
        choices: [REQUEST_CALLBACK, NO_THANKS],
      };
    }
    if (safeguarding) {
      return {
        text:
          `Our contact centre is closed at the moment (${c.openingHours}), but help is there now: if you or someone else is in immediate danger, call 999 ` +
          `(from a mobile, press 55 if you can't speak). ${c.name}'s safeguarding team out of hours: ${c.outOfHoursPhone}. Samaritans: 116 123. ` +
          `National Domestic Abuse Helpline: 0808 2000 247. I can also ask someone to contact you when we open, marked urgent: ` +
          `only choose this if it is safe for us to call or email you.`,
        choices: [REQUEST_CALLBACK, NO_THANKS],
      };
    }
    return {
      text:
        `Our contact centre is closed at the moment (${c.openingHours}). I can take a request for someone to call or email you back when it opens, ` +
        `and they'll see what you've told me. Out of hours, for emergencies, call ${c.outOfHoursPhone}.`,
      choices: [REQUEST_CALLBACK, NO_THANKS],
    };
  }

  /** The call-back offer again, after an answer that was neither yes nor no. */
  closedOfferCallbackAgain(): Reply {
    return { text: 'Would you like someone to contact you when the contact centre opens?', choices: [REQUEST_CALLBACK, NO_THANKS] };
  }

  askName(): Reply {
    return { text: 'What name should they ask for?' };
  }

  askContact(): Reply {
    return { text: 'What phone number or email address should they use to contact you?' };
  }

  contactNotValid(): Reply {
    return { text: "That doesn't look like a UK phone number or an email address. Please type one, for example 07700 900123 or name@example.com." };
  }

  askBestTime(): Reply {
    return { text: 'When is the best time to contact you? For example "weekday mornings" or "after 3pm".', choices: ['Any time'] };
  }

  askAbout(): Reply {
    return { text: "In a few words, what is it about? (They'll also see what you've told me so far.)" };
  }

  needSomeWords(): Reply {
    return { text: 'Please type a few words, or say "cancel" to stop.' };
  }

  /** What the contact centre will get, for the resident to check before it is sent. */
  confirmCallback(request: { name: string; contact: string; bestTime: string; about: string }): Reply {
    return {
      text:
        `Please check your call-back request before I send it:\n\n` +
        `- Name: ${request.name}\n- Phone or email: ${request.contact}\n- Best time: ${request.bestTime}\n- About: ${request.about}\n\n` +
        `They'll also see what you've told me so far. Shall I send it?`,
      choices: [SEND_CALLBACK, DONT_SEND_CALLBACK],
    };
  }

  confirmCallbackAgain(): Reply {
    return { text: 'Shall I send your call-back request to the contact centre?', choices: [SEND_CALLBACK, DONT_SEND_CALLBACK] };
  }

  callbackNotSent(): Reply {
    const c = this.council;
    return { text: `OK, I haven't sent it. You can ask for a call back again at any time, or call us on ${c.phone} (${c.openingHours}). What else can I help you with?` };
  }

  callbackStored(reference: string): Reply {
    return {
      text:
        `Thank you. I've passed your request to the contact centre. Your reference is ${reference}. ` +
        `Someone will contact you when it opens. Is there anything else I can help you with?`,
    };
  }

  /** No call back. `stopped`: a request in progress was stopped to hand over, and the resident is told it was not sent. */
  callbackDeclined(stopped = false): Reply {
    const c = this.council;
    const notSent = stopped ? ` What we had started has not been sent: tell me what you need and we can start it again.` : '';
    return { text: `OK. You can call us on ${c.phone} (${c.openingHours}) or email ${c.email}.${notSent} What else can I help you with?` };
  }
}
