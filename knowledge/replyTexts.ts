import type { CouncilProfile } from './councilProfile';
import { DEFAULT_LOCALE } from './intentMessages';
import { fillCouncilWords, MessageFile } from './messageFile';

/**
 * Each message of knowledge/messages/<locale>/replies.yaml and the placeholders it may use besides
 * the council's details. The code asks for these ids; the words are content.
 */
const REPLIES = {
  welcome: [],
  help: [],
  help_in_dialog: ['carryOn'],
  confirm_cancel: [],
  cancelled: [],
  nothing_to_cancel: [],
  carry_on_with: ['unfinished'],
  left_unfinished: ['unfinished'],
  unfinished_unnamed: [],
  frustrated_first: [],
  distressed_first: [],
  language_switched: [],
  frustrated_again: [],
  person_on_offer: [],
  also_asked: [],
  about_your_request: ['request', 'notice'],
  about_a_case_check: [],
  nothing_in_progress: [],
  started_again: [],
  greeting: [],
  goodbye: [],
  thanks: [],
  not_yet_available: ['label', 'recorded'],
  not_recorded: [],
  not_yet_available_online: ['page'],
  not_yet_available_call: [],
  person_contact: [],
  did_you_mean: [],
  ask_to_rephrase: [],
  not_understood_offer_person: [],
  cannot_help: [],
  empty_message: [],
  empty_message_in_dialog: [],
  attachment_only: [],
  attachment_only_in_dialog: [],
  too_long: ['limit'],
  safeguarding_while_arranging: ['helplines'],
  safeguarding_while_arranging_plain: [],
  safeguarding_offer_person: [],
  safeguarding_plain: [],
  messages_crossed: [],
  technical_problem: [],
  teams_file_declined: [],
  teams_tenant_refused: [],
  article_assumed_topic: ['title'],
  article_source: ['title', 'url'],
  article_did_it_help: [],
  article_feedback_thanks: [],
  article_not_helpful_choices: [],
  article_not_helpful: [],
  carry_on_after_answer: [],
} as const satisfies Record<string, readonly string[]>;

export type ReplyId = keyof typeof REPLIES;

export type ReplyWords = Record<ReplyId, string>;

/** The path of a locale's replies: `<messagesDir>/<locale>/replies.yaml`. */
export function replyTextsFile(messagesDir: string, locale = DEFAULT_LOCALE): string {
  return REPLY_MESSAGES.file(messagesDir, locale);
}

/** knowledge/messages/<locale>/replies.yaml as a message file: read and checked as every other (knowledge/messageFile.ts). */
export const REPLY_MESSAGES = new MessageFile('replies', REPLIES);

/** Reads and checks a locale's replies: every id there, none unknown, no placeholder a message may not use; mistakes name file and line. */
export function loadReplyWords(file: string): ReplyWords {
  return REPLY_MESSAGES.load(file);
}

/** The project's own replies (knowledge/messages/en-GB/replies.yaml), for a council whose content has none and for tests. */
export function shippedReplyWords(): ReplyWords {
  return REPLY_MESSAGES.shipped();
}

/** A locale's replies with the council's details filled in. */
export class ReplyTexts {
  constructor(
    private readonly words: ReplyWords,
    private readonly council: CouncilProfile,
  ) {}

  say(id: ReplyId, values: Record<string, string | number> = {}): string {
    return fillCouncilWords(this.words[id], this.council, values);
  }
}
