import { ActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { Recognizer } from '../intents/recognizer';
import { DialogRunner } from '../dialogs/dialogRunner';
import type { MainDialog } from '../dialogs/mainDialog';
import { sendReply, sendTrace } from '../dialogs/replies';
import type { Reply, Responses } from '../dialogs/responses';
import { setRecognized, takeRestOfMessage } from '../dialogs/turnState';
import { isETagConflict } from '../platform/storage/kyselyStorage';

import { MAX_MESSAGE_CHARS } from '../dialogs/messageLimits';
import type { HandoffRelay } from '../handoff/handoffRelay';

/** Removes control and format characters that break matching or logs; keeps newlines and RTL text. Anything but a string is no text. */
export function cleanText(text: unknown): string {
  return (
    (typeof text === 'string' ? text : '')
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF]/g, '')
      .trim()
  );
}

/**
 * The Bot Framework face of the assistant: welcomes residents, recognises each message
 * once, runs the main dialog, and saves state at the end of every turn.
 */
export class CouncilBot extends ActivityHandler {
  private readonly dialogs: DialogRunner;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    dialog: MainDialog,
    private readonly recognizer: Recognizer,
    private readonly responses: Responses,
    private readonly handoffRelay?: HandoffRelay,
  ) {
    super();
    this.dialogs = new DialogRunner(dialog, conversationState.createProperty('DialogState'));

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
      if (joined) await sendReply(context, this.responses.welcome());
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    if (handoffRelay) {
      this.onEvent(async (context, next) => {
        await handoffRelay.onEvent(context);
        await next();
      });
      this.onEndOfConversation(async (context, next) => {
        await handoffRelay.onResidentLeft(context);
        await next();
      });
      this.onMembersRemoved(async (context, next) => {
        const botId = context.activity.recipient?.id;
        if ((context.activity.membersRemoved ?? []).some((m) => m.id !== botId)) await handoffRelay.onResidentLeft(context);
        await next();
      });
    }

    this.onDialog(async (context, next) => {
      await this.saveConversation(context);
      await this.userState.saveChanges(context, false);
      await next();
    });
  }

  /**
   * Saves the conversation's state, checked against the version this turn loaded. When another
   * turn of the same conversation (a message sent twice, or two at once) saved first, its state
   * stands: if it reached the same point in the dialogs, as when "yes" was sent twice, nothing is
   * lost; otherwise this message's progress is, and the resident is told so honestly.
   */
  private async saveConversation(context: TurnContext): Promise<void> {
    try {
      await this.conversationState.saveChanges(context, false);
    } catch (err) {
      if (!isETagConflict(err)) throw err;
      const dialogsOf = (state: Record<string, unknown> | undefined) => JSON.stringify(state?.DialogState ?? null);
      const mine = dialogsOf(this.conversationState.get(context));
      const stored = dialogsOf(await this.conversationState.load(context, true));
      if (stored !== mine) await sendReply(context, this.responses.messagesCrossed());
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const text = cleanText(activity.text);
    const hasValue = activity.value !== undefined && activity.value !== null;

    if (!text && !hasValue) {
      const attachment = !!activity.attachments?.length;
      await this.noWords(context, (inDialog) => (attachment ? this.responses.attachmentOnly(inDialog) : this.responses.emptyMessage(inDialog)));
      return;
    }
    if (text.length > MAX_MESSAGE_CHARS) await sendReply(context, this.responses.tooLong(MAX_MESSAGE_CHARS));
    activity.text = text.slice(0, MAX_MESSAGE_CHARS);
    if (activity.text) await this.recognize(context, activity.text);
    if (this.handoffRelay && (await this.handoffRelay.interceptMessage(context))) return;
    await this.dialogs.run(context);
    // "send it. and I want to make a complaint": the dialogs took the answer, and the rest is a message of its own.
    const rest = takeRestOfMessage(context);
    if (rest) {
      activity.text = rest;
      await this.recognize(context, rest);
      await this.dialogs.run(context);
    }
    // A card's submit (a value and no words) that no dialog took must not be met with silence.
    if (!activity.text && !context.responded) await this.noWords(context, (inDialog) => this.responses.emptyMessage(inDialog));
  }

  /** Recognises a message once, for every dialog of the turn to read. */
  private async recognize(context: TurnContext, text: string): Promise<void> {
    const recognized = await this.recognizer.recognize(text, context.activity.locale ?? 'en-GB');
    if (recognized.source === 'local-fallback')
      await sendTrace(context, 'council.recognizer.fallback', { source: recognized.source, reason: recognized.fallbackReason });
    setRecognized(context, recognized);
  }

  /** A message with no words: say so, and in the middle of a dialog ask its question again. */
  private async noWords(context: TurnContext, reply: (inDialog: boolean) => Reply): Promise<void> {
    const inDialog = await this.dialogs.inProgress(context);
    await sendReply(context, reply(inDialog));
    if (inDialog) await this.dialogs.reprompt(context);
  }
}
