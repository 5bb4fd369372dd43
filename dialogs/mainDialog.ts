import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog, type Dialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { Intents } from '../intents/catalogue';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { ClarifyDialog, type ClarifyResult } from './clarifyDialog';
import { DialogIds } from './dialogIds';
import { sendReply, sendTrace } from './replies';
import { INTENT_LABELS, type Responses } from './responses';
import { routeLabel, type Route, type Router } from './router';
import { getRecognized } from './turnState';

/** Per-conversation routing memory: consecutive misses decide when to offer a person. */
export interface RoutingState {
  misses: number;
}

/** A feature dialog and the intents that start it (e.g. the service request dialog). */
export interface IntentDialog {
  dialog: Dialog;
  intents: string[];
}

/**
 * The root dialog: safeguarding first, interruptions (from {@link CancelAndHelpDialog}),
 * then intent → dialog. Intents whose dialogs are not built yet get an honest reply with
 * where to go instead.
 */
export class MainDialog extends CancelAndHelpDialog {
  private readonly dialogForIntent = new Map<string, string>();

  constructor(
    router: Router,
    responses: Responses,
    private readonly routingState: StatePropertyAccessor<RoutingState>,
    intentDialogs: IntentDialog[] = [],
  ) {
    super(DialogIds.main, router, responses);
    for (const { dialog, intents } of intentDialogs) {
      this.addDialog(dialog);
      for (const intent of intents) this.dialogForIntent.set(intent, dialog.id);
    }
    this.addDialog(new ClarifyDialog(responses));
    this.addDialog(new WaterfallDialog(DialogIds.mainWaterfall, [this.routeStep.bind(this), this.afterClarifyStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = DialogIds.mainWaterfall;
  }

  /** Runs the dialog stack for one turn (the samples' `run` pattern). */
  async run(context: TurnContext, accessor: StatePropertyAccessor): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.routeMessage(step);
  }

  /** Routes the turn's message afresh and acts on it. */
  private async routeMessage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const recognized = getRecognized(context);
    if (!recognized) return step.endDialog();
    const route = this.router.route(context.activity.text ?? '', recognized);
    await sendTrace(context, 'council.route', { label: routeLabel(route), kind: route.kind, intent: recognized.intent, score: recognized.score, source: recognized.source });
    const misses = await this.countMiss(context, route.kind === 'clarify' || route.kind === 'none');
    return this.act(step, route, misses);
  }

  private async countMiss(context: TurnContext, isMiss: boolean): Promise<number> {
    const state = await this.routingState.get(context, { misses: 0 });
    state.misses = isMiss ? state.misses + 1 : 0;
    await this.routingState.set(context, state);
    return state.misses;
  }

  private async act(step: WaterfallStepContext, route: Route, misses: number): Promise<DialogTurnResult> {
    const context = step.context;
    switch (route.kind) {
      case 'safeguarding':
        await sendReply(context, this.responses.safeguarding());
        return step.endDialog();
      case 'clarify':
        if (misses >= 2) return this.offerPerson(step);
        return step.beginDialog(DialogIds.clarify, { options: route.intents.map((target) => ({ target, label: INTENT_LABELS[target] ?? target })) });
      case 'none':
        if (misses >= 2) return this.offerPerson(step);
        await sendReply(context, this.responses.cannotHelp());
        return step.endDialog();
      case 'intent':
        return this.startIntent(step, route.intent);
    }
  }

  private async afterClarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ClarifyResult | undefined;
    if (!result) return step.next(step.result);
    switch (result.kind) {
      case 'chosen':
        await this.countMiss(step.context, false);
        await sendTrace(step.context, 'council.route', { label: result.target, kind: 'clarified' });
        return this.startIntent(step, result.target);
      case 'somethingElse':
        await sendReply(step.context, this.responses.askToRephrase());
        return step.endDialog();
      case 'reroute':
        return this.routeMessage(step);
    }
  }

  private async offerPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await sendReply(step.context, this.responses.notUnderstoodOfferPerson());
    return step.endDialog();
  }

  private async startIntent(step: WaterfallStepContext, intent: string): Promise<DialogTurnResult> {
    const context = step.context;
    const dialogId = this.dialogForIntent.get(intent);
    if (dialogId) return step.beginDialog(dialogId, { recognized: getRecognized(context) });
    switch (intent) {
      case Intents.greeting:
        await sendReply(context, this.responses.greeting());
        break;
      case Intents.goodbye:
        await sendReply(context, this.responses.goodbye());
        break;
      case Intents.thanks:
        await sendReply(context, this.responses.thanks());
        break;
      case Intents.help:
        await sendReply(context, this.responses.help(false));
        break;
      case Intents.cancel:
        await sendReply(context, this.responses.nothingToCancel());
        break;
      case 'start_again':
        await sendReply(context, this.responses.startedAgain());
        break;
      case Intents.humanHandoff:
        await sendReply(context, this.responses.personContact());
        break;
      default:
        await sendReply(context, this.responses.notYetAvailable(intent));
    }
    return step.endDialog();
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
