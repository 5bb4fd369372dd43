import { Dialog, DialogReason, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { RecognizerResult } from '../intents/recognizer';
import { DialogIds } from './dialogIds';
import { offer } from './offered';
import { sendPromptTrace, sendReply } from './replies';
import type { Responses } from './responses';
import { carriesOn } from './routingWords';
import type { Vocabulary } from '../knowledge/vocabulary';
import type { Location } from './services/addressLookup';

export interface ResumeOfferOptions {
  /** The new request that interrupted the unfinished one. */
  dialogId: string;
  recognized?: RecognizerResult;
  /** What the unfinished one is, as residents read it ("your missed bin report"). */
  unfinished: string;
  /** The resident said to drop the unfinished one ("forget that, …"): it is not offered again. */
  drop: boolean;
  /** The unfinished request's home address, if any: the new one's known place (a bin day asked in a missed-bin report). */
  lastPlace?: Location;
}

/** A yes or no to "Do you want to carry on with …?" (the dialog itself takes it, not the interruption checks); the no is the vocabulary's `resume_declined`. */
export function answersResumeOffer(text: string, vocabulary: Vocabulary): boolean {
  return vocabulary.resume_declined.test(text) || vocabulary.resume_accepted.test(text) || carriesOn(text, vocabulary);
}

/**
 * Sits between an unfinished request and a new one the resident started in the middle of it
 * ("actually, can I report a missed bin?"). It starts the new one at once; when that ends, it asks
 * whether to carry on with the unfinished one, which then asks its open question again. A resident
 * who said to drop the unfinished one ("forget that") is not asked: it is dropped when the new one
 * starts. Hand-written: botbuilder-dialogs resumes the dialog underneath silently, with no offer.
 */
export class ResumeOfferDialog extends Dialog<ResumeOfferOptions> {
  constructor(
    private readonly responses: Responses,
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): a no to going back (`resume_declined`), a yes (`resume_accepted`: "yes please, …"). */
    private readonly vocabulary: Vocabulary,
  ) {
    super(DialogIds.resumeOffer);
  }

  override async beginDialog(dc: DialogContext, options?: ResumeOfferOptions): Promise<DialogTurnResult> {
    if (!options) return dc.endDialog();
    dc.activeDialog!.state.unfinished = options.unfinished;
    if (options.drop) {
      // This dialog sits on top; the unfinished one is right under it: take it off the stack.
      await this.dropUnfinished(dc);
    }
    return dc.beginDialog(options.dialogId, { recognized: options.recognized, lastPlace: options.lastPlace });
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, _result?: unknown): Promise<DialogTurnResult> {
    // The new request is over. Nothing left underneath (dropped): nothing to offer.
    if (!this.unfinishedBelow(dc)) return dc.endDialog();
    dc.activeDialog!.state.asked = true;
    await offer(dc, this.responses.carryOnWith(dc.activeDialog!.state.unfinished as string));
    await sendPromptTrace(dc.context, 'carry_on');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const text = (dc.context.activity.text ?? '').trim();
    if (this.vocabulary.resume_declined.test(text)) {
      await this.dropUnfinished(dc);
      await sendReply(dc.context, this.responses.leftUnfinished(dc.activeDialog!.state.unfinished as string));
      return dc.endDialog();
    }
    const yes = this.vocabulary.resume_accepted.exec(text);
    if (yes || carriesOn(text, this.vocabulary)) {
      const rest = yes ? text.slice(yes[0].length).trim() : '';
      // "yes. It's about 40cm across": back to it, and the rest answers its open question.
      dc.stack.pop();
      if (rest) {
        dc.context.activity.text = rest;
        return dc.continueDialog();
      }
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // Anything else is the answer to the unfinished request's question ("no, nothing dangerous").
    dc.stack.pop();
    return dc.continueDialog();
  }

  /** The instance right under this one (botbuilder keeps the top of the stack last), when it is a request (not the main waterfall). */
  private unfinishedBelow(dc: DialogContext): boolean {
    const below = dc.stack[dc.stack.length - 2];
    return !!below && below.id !== DialogIds.mainWaterfall;
  }

  private async dropUnfinished(dc: DialogContext): Promise<void> {
    // Ends the unfinished request without resuming anything: botbuilder-dialogs has no call for
    // removing an instance that is not on top, so it is told it is cancelled and taken off.
    const index = dc.stack.length - 2;
    const below = dc.stack[index];
    if (!below || below.id === DialogIds.mainWaterfall) return;
    const dialog = dc.findDialog(below.id);
    if (dialog) await dialog.endDialog(dc.context, below, DialogReason.cancelCalled);
    dc.stack.splice(index, 1);
  }
}
