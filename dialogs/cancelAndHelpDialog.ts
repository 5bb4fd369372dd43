import { ActivityTypes, type TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { Intents } from '../intents/catalogue';
import { beginHandoffFrom } from './handoffStart';
import { DialogIds } from './dialogIds';
import { addsToSummary, atSummary, correctsOpenRequest, declinesToSend, innermostId, namesHouseBeside, wasOffered } from './offered';
import { sendReply, sendTrace } from './replies';
import type { Responses } from './responses';
import { INTERRUPTIONS, type Route, type Router } from './router';
import { carriesOn } from './routingWords';
import type { RiskContext } from './riskReplies';
import { getRecognized, setRestOfMessage } from './turnState';
import { yesThenMore } from './services/answers';
import type { Vocabulary } from '../knowledge/vocabulary';

/** Turn state: an outer dialog has dealt with this message's safeguarding concern; inner ones do not again. */
export const SAFEGUARDING_HANDLED = Symbol('council.safeguardingHandled');

/** Turn state: an outer dialog found this message's risk answered before in this conversation (riskAnsweredBefore); inner ones agree. */
const RISK_ANSWERED_BEFORE = Symbol('council.riskAnsweredBefore');

/**
 * Turn state: the text (as the dialogs now read it) that is an answer for the dialog in progress, which no inner
 * dialog takes for an interruption. A text, not a flag: the rest of the same message, read afterwards, is not.
 */
const ANSWER_ONLY = Symbol('council.answerOnly');

/** On the active dialog while "Do you want to stop?" waits for its answer (one turn): the message that looked like stopping. */
const CANCEL_ASKED = 'cancelAsked';

/**
 * Base for dialogs that residents can interrupt, in the style of the BotBuilder samples'
 * CancelAndHelpDialog: before the active step sees a message, safeguarding is checked
 * (always first), then help, cancel, start again and "talk to a person".
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly router: Router,
    protected readonly responses: Responses,
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): the answers to "Do you want to stop?", "carry on". */
    protected readonly vocabulary: Vocabulary,
    /** The clock a correction's dates are read against ("actually it was yesterday"): the app's, as the request dialogs read them. */
    protected readonly now: () => Date = () => new Date(),
  ) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const result = await this.interrupt(innerDc);
    return result ?? super.onContinueDialog(innerDc);
  }

  /** Handles an interruption and returns its result, or undefined to let the active step carry on. */
  protected async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = innerDc.context.activity;
    if (activity.type !== ActivityTypes.Message || !activity.text || innerDc.context.turnState.get(ANSWER_ONLY) === activity.text) return undefined;
    const text = activity.text;
    const cancelAsked = takeOneTurnValue(innerDc, CANCEL_ASKED);
    const buttons = this.responses.buttons;
    // Answers to "Do you want to stop?": its buttons, or the vocabulary's keep_going and stop_confirmed (short ones, or anything beginning "yes"); anything else is handled as usual.
    const keepGoing =
      text.trim().toLowerCase() === buttons.no_carry_on.toLowerCase() || this.vocabulary.keep_going.test(text) || carriesOn(text, this.vocabulary);
    if (typeof cancelAsked === 'string' && keepGoing) {
      // "No, carry on": the message that looked like stopping ("back garden") was the answer after all.
      innerDc.context.activity.text = cancelAsked;
      innerDc.context.turnState.set(ANSWER_ONLY, cancelAsked);
      return undefined;
    }
    if (this.vocabulary.carry_on.test(text) || text.trim().toLowerCase() === buttons.carry_on.toLowerCase()) {
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    let route = this.router.interruption(text, getRecognized(innerDc.context));
    // "skip, it's lying on the ground" while reporting the lamp post knocked over that the emergency numbers were given for:
    // the same danger, guessed by the classifier alone, is the report's detail, not a new risk (MainDialog decides).
    if (route?.kind === 'safeguarding' && (innerDc.context.turnState.get(RISK_ANSWERED_BEFORE) || (await this.riskAnsweredBefore(innerDc, route)))) {
      innerDc.context.turnState.set(RISK_ANSWERED_BEFORE, true);
      route = undefined;
    }
    // "what do I need to bring with me" right after an answer: at "Did this answer your question?" anything but a yes or a no is
    // routed afresh, with the answer's topic; the classifier's guess that it asks what the assistant can do is not taken.
    if (route?.kind === 'intent' && route.intent === Intents.help && route.score < 1 && innermostId(innerDc) === DialogIds.knowledgeFeedback) route = undefined;
    // "I don't have the reference numbers. Just report it again": no case check, the request waiting takes it.
    if (route?.kind === 'intent' && route.intent === Intents.checkCaseStatus && route.score < 1 && this.vocabulary.no_reference.test(text)) route = undefined;
    // "how much does it cost?" while booking: a question about the request in progress, answered from its article.
    const aboutRequest = route?.kind === 'safeguarding' ? undefined : this.questionAboutRequest(innerDc, text, route);
    if (aboutRequest) route = { kind: 'kb', articleId: aboutRequest, score: 1, next: [] };
    if (
      cancelAsked &&
      route?.kind !== 'safeguarding' &&
      (text.trim().toLowerCase() === buttons.yes_stop.toLowerCase() || this.vocabulary.stop_confirmed.test(text))
    )
      return this.cancel(innerDc);
    // "send it. and I want to make a complaint" at "Shall I send it?": the yes sends, then the rest is read as a message of its own.
    if (route?.kind !== 'safeguarding' && this.sendsThenAsks(innerDc, text)) return undefined;
    if (!route || (route.kind === 'safeguarding' && innerDc.context.turnState.get(SAFEGUARDING_HANDLED))) return undefined;
    // A button the conversation itself offered ("Send it", an address) is an answer, except "Cancel" and "Talk to a person".
    const control = route.kind === 'intent' && route.score === 1 && (route.intent === Intents.cancel || route.intent === Intents.humanHandoff);
    if (route.kind !== 'safeguarding' && wasOffered(innerDc, text) && !control) return undefined;
    // A new request is traced by the dialog that starts it (it may be the same request, taken as an answer).
    const newRequest = route.kind === 'intent' && !INTERRUPTIONS.has(route.intent) && route.intent !== 'start_again';
    if (!newRequest)
      await sendTrace(innerDc.context, 'council.interruption', {
        route: route.kind,
        intent: route.kind === 'intent' ? route.intent : undefined,
        ...(route.kind === 'safeguarding' ? riskTrace(route) : {}),
      });

    if (route.kind === 'safeguarding') {
      // The dialog in progress stays where it was: the resident can carry on later.
      innerDc.context.turnState.set(SAFEGUARDING_HANDLED, true);
      await this.onSafeguarding(innerDc, route);
      return { status: DialogTurnStatus.waiting };
    }
    if (route.kind === 'kb') return this.onKnowledgeQuestion(innerDc, route.articleId);
    if (route.kind !== 'intent') return undefined;
    switch (route.intent) {
      case Intents.help:
        await sendReply(innerDc.context, this.responses.help(true));
        return { status: DialogTurnStatus.waiting };
      case Intents.cancel:
        // "cancel", "stop" and the like stop at once. The classifier's guess ("actually it was the
        // grey bin", "back garden" can look like cancelling to it) asks first: a half-done report
        // must not be lost to a misreading.
        if (route.score === 1) return this.cancel(innerDc);
        // "nah leave it" answers "Shall I send it?"; "actually it was the grey bin" corrects the request.
        if (
          declinesToSend(innerDc, text, buttons, this.vocabulary) ||
          addsToSummary(innerDc, text, this.vocabulary) ||
          correctsOpenRequest(innerDc, text, this.now(), this.vocabulary) ||
          namesHouseBeside(innerDc, text, this.vocabulary)
        )
          return undefined;
        if (innerDc.activeDialog) innerDc.activeDialog.state[CANCEL_ASKED] = text;
        await sendReply(innerDc.context, this.responses.confirmCancel());
        return { status: DialogTurnStatus.waiting };
      case 'start_again':
        await sendReply(innerDc.context, this.responses.startedAgain());
        return innerDc.cancelAllDialogs();
      case Intents.humanHandoff:
        return this.onHandoffRequested(innerDc);
      default:
        return this.onNewRequest(innerDc, route.intent);
    }
  }

  /**
   * At the summary, a yes said first and then something else asked for ("yes go ahead, also when is my bin
   * day"): the request takes the yes alone, and the rest is left for the bot to read as a new message once the
   * request is filed (turnState's rest of the message).
   */
  private sendsThenAsks(innerDc: DialogContext, text: string): boolean {
    if (!atSummary(innerDc)) return false;
    const split = yesThenMore(text, this.vocabulary);
    if (!split || !this.router.asksForSomething(split.rest)) return false;
    innerDc.context.activity.text = split.yes;
    innerDc.context.turnState.set(ANSWER_ONLY, split.yes);
    setRestOfMessage(innerDc.context, split.rest);
    return true;
  }

  /**
   * A risk the classifier alone guessed in the middle of a request, when the emergency reply for the same danger was given
   * already in this conversation: by default never (every risk is answered); MainDialog knows what was said.
   */
  protected riskAnsweredBefore(_innerDc: DialogContext, _risk: Extract<Route, { kind: 'safeguarding' }>): Promise<boolean> {
    return Promise.resolve(false);
  }

  /**
   * The article of the request in progress when the message is a question about that request that names no topic of its
   * own ("is it free?" while booking); `route` is what the interruption check made of it. By default none; MainDialog knows
   * each request's article.
   */
  protected questionAboutRequest(_innerDc: DialogContext, _text: string, _route: Route | undefined): string | undefined {
    return undefined;
  }

  /**
   * A confident request of another kind, said as a new request, while a dialog waits ("actually,
   * can I report a missed bin?"). By default the active step takes the message as its answer;
   * MainDialog starts the new request and offers to go back to the unfinished one.
   */
  protected onNewRequest(_innerDc: DialogContext, _intent: string): Promise<DialogTurnResult | undefined> {
    return Promise.resolve(undefined);
  }

  /** The question asked again (after a message with no words, say): "Do you want to stop?" is no longer the open question. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const stack = (instance.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack;
    const top = stack?.[stack.length - 1]?.state as Record<string, unknown> | undefined;
    if (top) delete top[CANCEL_ASKED];
    await super.repromptDialog(context, instance);
  }

  private async cancel(innerDc: DialogContext): Promise<DialogTurnResult> {
    await sendReply(innerDc.context, this.responses.cancelled());
    return innerDc.cancelAllDialogs();
  }

  /** A message that signals risk, mid-dialog: the helplines and the offer of a person (MainDialog also remembers the offer). */
  protected async onSafeguarding(innerDc: DialogContext, risk: RiskContext): Promise<void> {
    await sendReply(innerDc.context, this.responses.safeguarding(risk));
  }

  /**
   * A clear question that an article answers, asked while a dialog waits. By default it is left
   * to the active step; MainDialog answers it and offers to carry on.
   */
  protected onKnowledgeQuestion(_innerDc: DialogContext, _articleId: string): Promise<DialogTurnResult | undefined> {
    return Promise.resolve(undefined);
  }

  /**
   * What "talk to a person" does mid-dialog: hands over to the contact centre with what the
   * dialog in progress had captured (dialogs/handoffStart.ts), or, where no handoff dialog is
   * registered, says how to reach a person.
   */
  protected async onHandoffRequested(innerDc: DialogContext): Promise<DialogTurnResult> {
    const started = await beginHandoffFrom(innerDc, this.now(), {
      reason: 'resident_asked',
    });
    if (started) return started;
    await sendReply(innerDc.context, this.responses.personContact());
    return { status: DialogTurnStatus.waiting };
  }
}

/** What a trace says of a risk (read by the handoff memory): its category and who it is about. Never the resident's words. */
export function riskTrace(risk: RiskContext): {
  category?: string;
  categories?: string[];
  about?: string;
  categoryLabel?: string;
} {
  return {
    category: risk.category,
    categories: risk.categories,
    about: risk.about,
    categoryLabel: risk.label,
  };
}

/** Reads and clears a one-turn value on the active dialog. */
function takeOneTurnValue(innerDc: DialogContext, name: string): unknown {
  const state = innerDc.activeDialog?.state as Record<string, unknown> | undefined;
  const value = state?.[name];
  if (state && name in state) delete state[name];
  return value;
}
