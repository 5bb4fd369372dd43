import { ActivityTypes } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { DialogIds } from './dialogIds';
import { sendReply } from './replies';
import type { Responses } from './responses';
import type { Vocabulary } from '../knowledge/vocabulary';

export interface ClarifyOption {
  /** What the choice leads to (an intent name, or `kb:<id>` for an article). */
  target: string;
  label: string;
}

/** How "Did you mean…?" ended. */
export type ClarifyResult = { kind: 'chosen'; target: string } | { kind: 'somethingElse' } | { kind: 'reroute' };

/**
 * "Did you mean…?" with the best two or three guesses as buttons. The resident may click,
 * type the number or the words of a choice, say "something else", or just type a new
 * message, which is then routed afresh. The choices are kept in dialog state, so they
 * survive a restart.
 */
export class ClarifyDialog extends Dialog<{ options: ClarifyOption[] }> {
  constructor(
    private readonly responses: Responses,
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): none of the choices (`something_else`). */
    private readonly vocabulary: Vocabulary,
  ) {
    super(DialogIds.clarify);
  }

  override async beginDialog(dc: DialogContext, options?: { options: ClarifyOption[] }): Promise<DialogTurnResult> {
    const choices = options?.options ?? [];
    dc.activeDialog!.state.options = choices;
    await sendReply(dc.context, this.responses.didYouMean(choices.map((c) => c.label)));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const options = (dc.activeDialog!.state.options ?? []) as ClarifyOption[];
    const text = (activity.text ?? '').trim();
    const n = Number(text.replace(/[.)]$/, ''));
    const chosen = Number.isInteger(n) && n >= 1 && n <= options.length ? options[n - 1] : options.find((o) => o.label.toLowerCase() === text.toLowerCase());
    if (chosen) return dc.endDialog({ kind: 'chosen', target: chosen.target } satisfies ClarifyResult);
    if (this.vocabulary.something_else.test(text) || (Number.isInteger(n) && n === options.length + 1))
      return dc.endDialog({ kind: 'somethingElse' } satisfies ClarifyResult);
    return dc.endDialog({ kind: 'reroute' } satisfies ClarifyResult);
  }

  override async repromptDialog(context: DialogContext['context'], instance: { state: { options?: ClarifyOption[] } }): Promise<void> {
    await sendReply(context, this.responses.didYouMean((instance.state.options ?? []).map((c) => c.label)));
  }
}
