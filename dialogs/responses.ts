import type { RiskTaxonomy } from '../intents/riskTaxonomy';
import type { CouncilProfile } from '../knowledge/councilProfile';
import { shippedIntentMessages, type IntentMessages } from '../knowledge/intentMessages';
import { ReplyTexts, shippedReplyWords, type ReplyWords } from '../knowledge/replyTexts';
import type { Buttons } from '../knowledge/buttons';
import { RiskReplies, type RiskContext } from './riskReplies';

/** A line of text with optional buttons; channels render the buttons as suggested actions. */
export interface Reply {
  text: string;
  /** Button titles; each sends its own title back as the resident's message. */
  choices?: string[];
}

/**
 * Everything the assistant says that is not an article: the words are content
 * (knowledge/messages/<locale>/replies.yaml), put together here with their buttons.
 */
export class Responses {
  private readonly risk?: RiskReplies;
  private readonly words: ReplyTexts;

  /** Without a taxonomy, every risk gets the general reply with all the helplines. */
  constructor(
    private readonly council: CouncilProfile,
    /** The buttons' titles (knowledge/messages/<locale>/buttons.yaml): the dialogs recognise a button pressed by the same words. */
    readonly buttons: Buttons,
    taxonomy?: RiskTaxonomy,
    /** The intents' labels, names of unfinished requests and replies (knowledge/messages/<locale>/intents.yaml). */
    readonly intents: IntentMessages = shippedIntentMessages(),
    /** The replies' words (knowledge/messages/<locale>/replies.yaml). */
    words: ReplyWords = shippedReplyWords(),
    /** The other languages the council speaks, by their own names ("Cymraeg"), offered on the welcome. */
    private readonly languageChoices: readonly string[] = [],
  ) {
    this.risk = taxonomy ? new RiskReplies(taxonomy, council) : undefined;
    this.words = new ReplyTexts(words, council);
  }

  welcome(): Reply {
    return {
      text: this.words.say('welcome'),
      choices: [
        this.intents.label('report_missed_bin'),
        this.intents.label('bin_collection_day'),
        this.intents.label('report_pothole'),
        this.buttons.talk_to_person,
        ...this.languageChoices,
      ],
    };
  }

  /** After a resident chose this language: carry on in it. */
  languageSwitched(): Reply {
    return { text: this.words.say('language_switched') };
  }

  help(inDialog: boolean): Reply {
    return {
      text: this.words.say('help') + (inDialog ? this.words.say('help_in_dialog', { carryOn: this.buttons.carry_on.toLowerCase() }) : ''),
      choices: inDialog
        ? [this.buttons.carry_on, this.buttons.cancel, this.buttons.talk_to_person]
        : [this.intents.label('report_missed_bin'), this.intents.label('report_pothole'), this.buttons.talk_to_person],
    };
  }

  /** Mid-dialog, a message that might mean "stop" (not the word itself). */
  confirmCancel(): Reply {
    return { text: this.words.say('confirm_cancel'), choices: [this.buttons.yes_stop, this.buttons.no_carry_on] };
  }

  cancelled(): Reply {
    return { text: this.words.say('cancelled') };
  }

  nothingToCancel(): Reply {
    return { text: this.words.say('nothing_to_cancel') };
  }

  /** A request started in the middle of another is over: back to the unfinished one? */
  carryOnWith(unfinished: string): Reply {
    return { text: this.words.say('carry_on_with', { unfinished }), choices: [this.buttons.carry_on, this.buttons.no_thanks] };
  }

  leftUnfinished(unfinished: string): Reply {
    return { text: this.words.say('left_unfinished', { unfinished }) };
  }

  /** A frustrated or angry message: a short apology and a person, then the need is still dealt with. */
  frustrated(first: boolean): Reply {
    return { text: this.words.say(first ? 'frustrated_first' : 'frustrated_again'), choices: [this.buttons.talk_to_person] };
  }

  /** A resident in distress: a kind word and a person, then the need is still dealt with. */
  distressed(first: boolean): Reply {
    return { text: this.words.say(first ? 'distressed_first' : 'frustrated_again'), choices: [this.buttons.talk_to_person] };
  }

  /** A person asked for inside a longer message that also asks something else: the person is on offer, and the question is answered. */
  personOnOffer(): Reply {
    return { text: this.words.say('person_on_offer'), choices: [this.buttons.talk_to_person] };
  }

  /** Two needs in one message: the first is dealt with now, the others are offered. */
  alsoAsked(): Reply {
    return { text: this.words.say('also_asked') };
  }

  /** A question about a request just filed: its notice (what happens next), and a person on offer. */
  /** A question right after checking on a report made elsewhere ("what if nobody comes?"): what to do, and a person. */
  aboutACaseCheck(): Reply {
    return { text: this.words.say('about_a_case_check'), choices: [this.buttons.talk_to_person] };
  }

  aboutYourRequest(request: string, notice: string): Reply {
    return { text: this.words.say('about_your_request', { request, notice }), choices: [this.buttons.talk_to_person] };
  }

  /** What an unfinished request is called when its intent has no `unfinished` words. */
  unfinishedUnnamed(): string {
    return this.words.say('unfinished_unnamed');
  }

  /** "Carry on" when nothing is in progress. */
  nothingInProgress(): Reply {
    return { text: this.words.say('nothing_in_progress') };
  }

  startedAgain(): Reply {
    return { text: this.words.say('started_again') };
  }

  greeting(): Reply {
    return { text: this.words.say('greeting') };
  }

  goodbye(): Reply {
    return { text: this.words.say('goodbye') };
  }

  thanks(): Reply {
    return { text: this.words.say('thanks') };
  }

  /** For intents whose conversation is not built yet: honest about it, with where to go meanwhile. */
  notYetAvailable(intent: string): Reply {
    const page = this.council.servicePages[intent];
    const recorded = /^(report|book)/.test(intent) ? this.words.say('not_recorded') : '';
    return {
      text:
        this.words.say('not_yet_available', { label: this.intents.label(intent).toLowerCase(), recorded }) +
        (page ? this.words.say('not_yet_available_online', { page }) : this.words.say('not_yet_available_call')),
    };
  }

  /** Until the contact-centre handoff is in place: how to reach a person, honestly. */
  personContact(): Reply {
    return { text: this.words.say('person_contact') };
  }

  didYouMean(labels: string[]): Reply {
    return { text: this.words.say('did_you_mean'), choices: [...labels, this.buttons.something_else] };
  }

  askToRephrase(): Reply {
    return { text: this.words.say('ask_to_rephrase') };
  }

  notUnderstoodOfferPerson(): Reply {
    return { text: this.words.say('not_understood_offer_person'), choices: [this.buttons.talk_to_person, this.buttons.help] };
  }

  cannotHelp(): Reply {
    return { text: this.words.say('cannot_help'), choices: [this.buttons.talk_to_person, this.buttons.help] };
  }

  /** A message with no words; in a dialog, its question follows. */
  emptyMessage(inDialog = false): Reply {
    return { text: this.words.say(inDialog ? 'empty_message_in_dialog' : 'empty_message') };
  }

  /** A file or picture with no words; in a dialog, its question follows. */
  attachmentOnly(inDialog = false): Reply {
    return { text: this.words.say(inDialog ? 'attachment_only_in_dialog' : 'attachment_only') };
  }

  tooLong(limit: number): Reply {
    return { text: this.words.say('too_long', { limit }) };
  }

  /** A risk message while a person is being arranged (a call-back request): the helplines, no second offer of a person. */
  safeguardingWhileArranging(): Reply {
    if (this.risk) return { text: this.words.say('safeguarding_while_arranging', { helplines: this.risk.generalInline() }) };
    return { text: this.words.say('safeguarding_while_arranging_plain') };
  }

  /**
   * A message that signals risk: the action for its category and who it is about comes first
   * ("Call 999 now"), then the help, then the offer of a person. Without a known category, the
   * general reply with every helpline.
   */
  safeguarding(risk: RiskContext = {}): Reply {
    const lines = this.risk ? (this.risk.lines(risk) ?? this.risk.general()) : undefined;
    if (lines) {
      return {
        text: `${lines.action}\n\n${lines.help.map((h) => `- ${h}`).join('\n')}\n\n${this.words.say('safeguarding_offer_person')}`,
        choices: [this.buttons.talk_to_person, this.buttons.carry_on],
      };
    }
    return { text: this.words.say('safeguarding_plain'), choices: [this.buttons.talk_to_person, this.buttons.carry_on] };
  }

  /** Two messages of one conversation were answered at the same time, and this one's progress could not be kept. */
  messagesCrossed(): Reply {
    return { text: this.words.say('messages_crossed') };
  }

  technicalProblem(): Reply {
    return { text: this.words.say('technical_problem') };
  }

  /** Teams: a resident attached a file or picture. */
  teamsFileDeclined(): Reply {
    return { text: this.words.say('teams_file_declined') };
  }

  /** Teams: the message came from an organisation this council has not allowed. */
  teamsTenantRefused(): Reply {
    return { text: this.words.say('teams_tenant_refused') };
  }
}
