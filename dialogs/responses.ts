import type { RiskTaxonomy } from '../intents/riskTaxonomy';
import type { CouncilProfile } from '../knowledge/councilProfile';
import { shippedIntentMessages, type IntentMessages } from '../knowledge/intentMessages';
import { RiskReplies, type RiskContext } from './riskReplies';

/** A line of text with optional buttons; channels render the buttons as suggested actions. */
export interface Reply {
  text: string;
  /** Button titles; each sends its own title back as the resident's message. */
  choices?: string[];
}

export const TALK_TO_PERSON = 'Talk to a person';
export const CARRY_ON = 'Carry on';
export const STOP = 'Yes, stop';
export const KEEP_GOING = 'No, carry on';
export const START_AGAIN = 'Start again';

/** Everything the assistant says that is not an article: one place to review wording. */
export class Responses {
  private readonly risk?: RiskReplies;

  /** Without a taxonomy, every risk gets the general reply with all the helplines. */
  constructor(
    private readonly council: CouncilProfile,
    taxonomy?: RiskTaxonomy,
    /** The intents' labels, names of unfinished requests and replies (knowledge/messages/<locale>/intents.yaml). */
    readonly intents: IntentMessages = shippedIntentMessages(),
  ) {
    this.risk = taxonomy ? new RiskReplies(taxonomy, council) : undefined;
  }

  welcome(): Reply {
    const c = this.council;
    return {
      text:
        `Hello, I'm the ${c.shortName} assistant. I can answer questions about council services and help you ` +
        `report problems such as missed bins, potholes, fly-tipping and broken street lights.\n\n` +
        `I can't see your council tax account or make decisions about benefits or housing. ` +
        `You can ask for a person at any time. How we use what you tell me: ${c.privacyNotice}`,
      choices: [this.intents.label('report_missed_bin'), this.intents.label('bin_collection_day'), this.intents.label('report_pothole'), TALK_TO_PERSON],
    };
  }

  help(inDialog: boolean): Reply {
    return {
      text:
        `You can ask me a question in your own words, for example "how do I pay my council tax", or ask me to report a problem, ` +
        `for example "my bin wasn't collected". Say "cancel" to stop what we're doing, "start again" to begin afresh, ` +
        `or "talk to a person" to reach the contact centre.` +
        (inDialog ? ` Say "${CARRY_ON.toLowerCase()}" to go back to where we were.` : ''),
      choices: inDialog ? [CARRY_ON, 'Cancel', TALK_TO_PERSON] : [this.intents.label('report_missed_bin'), this.intents.label('report_pothole'), TALK_TO_PERSON],
    };
  }

  /** Mid-dialog, a message that might mean "stop" (not the word itself). */
  confirmCancel(): Reply {
    return {
      text: 'Do you want to stop what we are doing? Nothing has been sent yet.',
      choices: [STOP, KEEP_GOING],
    };
  }

  cancelled(): Reply {
    return {
      text: "OK, I've stopped that. Nothing has been sent. What would you like to do?",
    };
  }

  nothingToCancel(): Reply {
    return { text: "There's nothing to cancel. What would you like to do?" };
  }

  /** A request started in the middle of another is over: back to the unfinished one? */
  carryOnWith(unfinished: string): Reply {
    return {
      text: `Do you want to carry on with ${unfinished}? Nothing has been sent for it yet.`,
      choices: [CARRY_ON, 'No thanks'],
    };
  }

  leftUnfinished(unfinished: string): Reply {
    return {
      text: `OK, I've left ${unfinished}. Nothing was sent for it. What else can I help with?`,
    };
  }

  /** A frustrated or angry message: a short apology and a person, then the need is still dealt with. */
  frustrated(first: boolean): Reply {
    return {
      text: first
        ? "I'm sorry this has been frustrating. You can talk to a person at any time, or I can carry on and sort this out with you now."
        : 'You can talk to a person at any time.',
      choices: [TALK_TO_PERSON],
    };
  }

  /** A person asked for inside a longer message that also asks something else: the person is on offer, and the question is answered. */
  personOnOffer(): Reply {
    return { text: 'You asked to talk to a person: choose this when you want one.', choices: [TALK_TO_PERSON] };
  }

  /** Two needs in one message: the first is dealt with now, the others are offered. */
  alsoAsked(): Reply {
    return {
      text: "You also asked about something else. I'll deal with the first thing now; choose this when you're ready:",
    };
  }

  /** What an unfinished request is called when its intent has no `unfinished` words. */
  unfinishedUnnamed(): string {
    return 'what we were doing';
  }

  /** "Carry on" when nothing is in progress. */
  nothingInProgress(): Reply {
    return {
      text: "We weren't in the middle of anything. What can I help you with?",
    };
  }

  startedAgain(): Reply {
    return {
      text: "OK, let's start again. Nothing from before has been sent. What can I help you with?",
    };
  }

  greeting(): Reply {
    return { text: 'Hello. What can I help you with today?' };
  }

  goodbye(): Reply {
    return {
      text: `Goodbye. If you need us again, I'm here, or visit ${this.council.website}.`,
    };
  }

  thanks(): Reply {
    return { text: "You're welcome. Is there anything else I can help with?" };
  }

  /** For intents whose conversation is not built yet: honest about it, with where to go meanwhile. */
  notYetAvailable(intent: string): Reply {
    const c = this.council;
    const label = this.intents.label(intent).toLowerCase();
    const page = c.servicePages[intent];
    return {
      text:
        `I can't ${label} in this chat yet${/^(report|book)/.test(intent) ? ', so nothing has been recorded' : ''}. ` +
        (page ? `You can do it online at ${page}, or call us on ${c.phone} (${c.openingHours}).` : `Please call us on ${c.phone} (${c.openingHours}) or visit ${c.contactPage}.`),
    };
  }

  /** Until the contact-centre handoff is in place: how to reach a person, honestly. */
  personContact(): Reply {
    const c = this.council;
    return {
      text:
        `I can't pass this chat to a person yet. You can call the contact centre on ${c.phone} (${c.openingHours}) ` +
        `or email ${c.email}. Out of hours, for emergencies, call ${c.outOfHoursPhone}.`,
    };
  }

  didYouMean(labels: string[]): Reply {
    return {
      text: "I'm not sure I understood. Did you mean one of these?",
      choices: [...labels, 'Something else'],
    };
  }

  askToRephrase(): Reply {
    return {
      text: 'OK. Please tell me in a few words what you need, for example "report a broken street light".',
    };
  }

  notUnderstoodOfferPerson(): Reply {
    return {
      text: `Sorry, I still didn't understand. You can try different words, or I can help you reach a person.`,
      choices: [TALK_TO_PERSON, 'Help'],
    };
  }

  cannotHelp(): Reply {
    const c = this.council;
    return {
      text: `Sorry, I can't help with that. The council's contact page lists other ways to get help: ${c.contactPage}. You can also ask to talk to a person.`,
      choices: [TALK_TO_PERSON, 'Help'],
    };
  }

  /** A message with no words; in a dialog, its question follows. */
  emptyMessage(inDialog = false): Reply {
    return {
      text: inDialog ? "I didn't get any words in that message." : 'I didn\'t get any words in that message. Please type what you need, for example "when is my bin day".',
    };
  }

  /** A file or picture with no words; in a dialog, its question follows. */
  attachmentOnly(inDialog = false): Reply {
    return {
      text: inDialog ? "I can't look at files or pictures in this chat." : "I can't look at files or pictures in this chat. Please describe what you need in words.",
    };
  }

  tooLong(limit: number): Reply {
    return {
      text: `That message is very long, so I've only read the first ${limit} characters.`,
    };
  }

  /** A risk message while a person is being arranged (a call-back request): the helplines, no second offer of a person. */
  safeguardingWhileArranging(): Reply {
    const c = this.council;
    if (this.risk)
      return {
        text: `${this.risk.generalInline()} I'll mark your request as urgent.`,
      };
    return {
      text:
        `If you or someone else is in immediate danger, call 999 now (from a mobile, press 55 if you can't speak). ` +
        `Samaritans, any time, free: 116 123. National Domestic Abuse Helpline, 24 hours, free: 0808 2000 247. ` +
        `${c.name} safeguarding team: ${c.safeguardingPhone} (out of hours ${c.outOfHoursPhone}). I'll mark your request as urgent.`,
    };
  }

  /**
   * A message that signals risk: the action for its category and who it is about comes first
   * ("Call 999 now"), then the help, then the offer of a person. Without a known category, the
   * general reply with every helpline.
   */
  safeguarding(risk: RiskContext = {}): Reply {
    const c = this.council;
    const lines = this.risk ? (this.risk.lines(risk) ?? this.risk.general()) : undefined;
    if (lines) {
      return {
        text: `${lines.action}\n\n${lines.help.map((h) => `- ${h}`).join('\n')}\n\nWould you like to talk to a person from the council?`,
        choices: [TALK_TO_PERSON, CARRY_ON],
      };
    }
    return {
      text:
        `I'm really sorry you're going through this. If you or someone else is in immediate danger, call 999 now. ` +
        `If you can't speak, call 999 from a mobile and press 55 when asked.\n\n` +
        `- Samaritans, any time, free: 116 123\n` +
        `- National Domestic Abuse Helpline, 24 hours, free: 0808 2000 247\n` +
        `- ${c.name} safeguarding team: ${c.safeguardingPhone} (out of hours ${c.outOfHoursPhone})\n\n` +
        `Would you like to talk to a person from the council?`,
      choices: [TALK_TO_PERSON, CARRY_ON],
    };
  }

  /** Two messages of one conversation were answered at the same time, and this one's progress could not be kept. */
  messagesCrossed(): Reply {
    return {
      text: 'Two of your messages reached me at the same moment, so I could only act on the other one. If you were answering a question, please send that answer again.',
    };
  }

  technicalProblem(): Reply {
    return {
      text: `Sorry, something went wrong on our side and I couldn't deal with that message. Please send it again, or call us on ${this.council.phone}.`,
    };
  }

  /** Teams: a resident attached a file or picture. */
  teamsFileDeclined(): Reply {
    return {
      text:
        "Thanks, but I can't accept files or pictures in Teams, so I haven't opened or kept it. " +
        `Please describe what you need in words, or visit ${this.council.contactPage} to send documents to the council.`,
    };
  }

  /** Teams: the message came from an organisation this council has not allowed. */
  teamsTenantRefused(): Reply {
    return {
      text: `Sorry, this assistant is only available to ${this.council.name} staff and partners in Teams. Residents can use it at ${this.council.website}.`,
    };
  }
}
