import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogTurnStatus, WaterfallDialog, type Dialog, type DialogContext, type DialogInstance, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { Intents } from '../intents/catalogue';
import type { RecognizerResult } from '../intents/recognizer';
import { CancelAndHelpDialog, riskTrace, SAFEGUARDING_HANDLED } from './cancelAndHelpDialog';
import { ClarifyDialog, type ClarifyResult } from './clarifyDialog';
import { DialogIds } from './dialogIds';
import type { KnowledgeDialog, KnowledgeDialogOptions, KnowledgeDialogResult } from './knowledgeDialog';
import type { KnowledgeResponses } from './knowledgeResponses';
import { isFollowUp } from './followUp';
import { sendPromptTrace, sendReply, sendTrace } from './replies';
import type { RiskContext } from './riskReplies';
import { CARRY_ON, INTENT_LABELS, TALK_TO_PERSON, type Responses } from './responses';
import { CARRY_ON_PHRASE, routeLabel, type Route, type Router } from './router';
import { getRecognized, setRecognized } from './turnState';
import type { UnansweredQuestions } from './unansweredQuestions';
import { redactText } from '../bot/redact';

/** Per-conversation routing memory: consecutive misses decide when to offer a person. */
export interface RoutingState {
  misses: number;
  /**
   * The last reply was the safeguarding message, which asks "Would you like to talk to a
   * person?": the next message answers it. `intent`: a request the same message made ("my bin
   * wasn't collected and…"), which "Carry on" then starts.
   */
  safeguardingOffer?: { intent?: string; recognized?: RecognizerResult };
  /** The article last answered: a follow-up that names no topic ("how do I apply?") is about it. */
  topic?: string;
}

/**
 * Answers to "Would you like to talk to a person?" (the buttons are TALK_TO_PERSON and CARRY_ON):
 * short answers only, or anything that begins with "yes" ("ok, so about my bin…" is not a yes).
 */
const YES_TO_PERSON = /^\s*(yes\b.*|yeah\b.*|yep|yup|y|please|ok|okay|go on then|i would|i'd like that|talk to a person)\s*[.!]*\s*$/i;
const NO_TO_PERSON = /^\s*(no|nope|nah|n)?[,\s]*(no thanks|no thank you|not now|i'?m ok|im ok|i'?m fine|im fine|i'?m okay|im okay|i'?m alright|im alright)?\s*[.!]*\s*$/i;
/** A request made in the same message as a risk ("my bin wasn't collected and my partner hit me") is started by "Carry on" from this score. */
const REQUEST_WITH_RISK = 0.3;

/** What the main waterfall keeps between its steps. */
interface MainValues {
  /** The message being dealt with, redacted (bot/redact.ts). */
  question?: string;
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
    private readonly knowledge?: { dialog: KnowledgeDialog; responses: KnowledgeResponses },
    private readonly unanswered?: UnansweredQuestions,
  ) {
    super(DialogIds.main, router, responses);
    if (knowledge) this.addDialog(knowledge.dialog);
    for (const { dialog, intents } of intentDialogs) {
      this.addDialog(dialog);
      for (const intent of intents) this.dialogForIntent.set(intent, dialog.id);
    }
    this.addDialog(new ClarifyDialog(responses));
    this.addDialog(new WaterfallDialog(DialogIds.mainWaterfall, [this.routeStep.bind(this), this.afterClarifyStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = DialogIds.mainWaterfall;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.routeMessage(step);
  }

  /** Routes the turn's message afresh and acts on it. */
  private async routeMessage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const recognized = getRecognized(context);
    if (!recognized) return step.endDialog();
    const text = context.activity.text ?? '';
    // Kept (redacted) while this message is dealt with, even over a "Did you mean…?": the knowledge report may need it.
    (step.values as MainValues).question = redactText(text).slice(0, 2000);
    const offer = await this.takeSafeguardingOffer(context);
    let route = this.router.route(text, recognized);
    if (offer && route.kind !== 'safeguarding') {
      // The answer to "Would you like to talk to a person?": a person, or carry on with what the
      // resident had asked for in the same message, or (no request) what they need now.
      const answer = answerToPersonOffer(text);
      if (answer === 'person') route = { kind: 'intent', intent: Intents.humanHandoff, score: 1 };
      else if (answer === 'carryOn') {
        route = { kind: 'intent', intent: offer.intent ?? 'carry_on', score: 1 };
        // The request starts with what that message said ("the status of AT-43160339…").
        if (offer.recognized) setRecognized(context, offer.recognized);
      }
    }
    // "how do I apply?" right after an answer: about that answer's topic, when nothing else fits clearly.
    let assumed = false;
    if ((route.kind === 'none' || route.kind === 'clarify') && isFollowUp(text)) {
      const topic = (await this.routingState.get(context, { misses: 0 })).topic;
      if (topic && this.knowledge?.dialog.title(topic)) {
        route = { kind: 'kb', articleId: topic, score: 0, next: [] };
        assumed = true;
      }
    }
    if (route.kind === 'safeguarding') {
      const request = recognized.alternatives.find((a) => this.dialogForIntent.has(a.intent) && a.intent !== Intents.humanHandoff && a.score >= REQUEST_WITH_RISK);
      await this.rememberSafeguardingOffer(context, request?.intent, request ? recognized : undefined);
    }
    await sendTrace(context, 'council.route', {
      label: routeLabel(route),
      kind: route.kind,
      intent: recognized.intent,
      score: recognized.score,
      source: recognized.source,
      ...(route.kind === 'safeguarding' ? riskTrace(route) : {}),
    });
    const misses = await this.countMiss(context, route.kind === 'clarify' || route.kind === 'none');
    return this.act(step, route, misses, assumed);
  }

  private async countMiss(context: TurnContext, isMiss: boolean): Promise<number> {
    const state = await this.routingState.get(context, { misses: 0 });
    state.misses = isMiss ? state.misses + 1 : 0;
    await this.routingState.set(context, state);
    return state.misses;
  }

  private async act(step: WaterfallStepContext, route: Route, misses: number, assumed = false): Promise<DialogTurnResult> {
    const context = step.context;
    switch (route.kind) {
      case 'safeguarding':
        await sendReply(context, this.responses.safeguarding(route));
        return step.endDialog();
      case 'kb':
        return this.startArticle(step, route.articleId, route.next, assumed);
      case 'clarify': {
        if (misses >= 2) return this.offerPerson(step);
        const articles = route.articleIds.flatMap((id) => {
          const title = this.knowledge?.dialog.title(id);
          return title ? [{ target: `kb:${id}`, label: title }] : [];
        });
        const intents = route.intents.map((target) => ({ target, label: INTENT_LABELS[target] ?? target }));
        return step.beginDialog(DialogIds.clarify, { options: [...intents, ...articles] });
      }
      case 'none':
        if (misses >= 2) return this.offerPerson(step);
        await this.unanswered?.noAnswer((step.values as MainValues).question);
        await sendReply(context, this.responses.cannotHelp());
        return step.endDialog();
      case 'intent':
        return this.startIntent(step, route.intent);
    }
  }

  private async afterClarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ClarifyResult | KnowledgeDialogResult | undefined;
    // Not a "Did you mean…?" answer (e.g. a knowledge answer ended): the last step deals with it.
    if (!result || !('kind' in result)) return step.next(step.result);
    switch (result.kind) {
      case 'chosen':
        await this.countMiss(step.context, false);
        await sendTrace(step.context, 'council.route', { label: result.target, kind: 'clarified' });
        if (result.target.startsWith('kb:')) return this.startArticle(step, result.target.slice('kb:'.length), []);
        return this.startIntent(step, result.target);
      case 'somethingElse':
        // None of the "Did you mean…?" choices was it: the question went unanswered.
        await this.unanswered?.noAnswer((step.values as MainValues).question);
        await sendReply(step.context, this.responses.askToRephrase());
        return step.endDialog();
      case 'reroute':
        return this.routeMessage(step);
    }
  }

  private async startArticle(step: WaterfallStepContext, articleId: string, next: string[], assumed = false): Promise<DialogTurnResult> {
    if (!this.knowledge) return step.endDialog();
    const state = await this.routingState.get(step.context, { misses: 0 });
    await this.routingState.set(step.context, { ...state, topic: articleId });
    const options: KnowledgeDialogOptions = { articleId, next, question: (step.values as MainValues).question, assumed };
    return step.beginDialog(DialogIds.knowledge, options);
  }

  private async offerPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.unanswered?.noAnswer((step.values as MainValues).question);
    await sendReply(step.context, this.responses.notUnderstoodOfferPerson());
    return step.endDialog();
  }

  private async startIntent(step: WaterfallStepContext, intent: string): Promise<DialogTurnResult> {
    const context = step.context;
    const dialogId = this.dialogForIntent.get(intent);
    if (dialogId) {
      // A request is a new topic: a later "how do I apply?" is not about the last article.
      const { topic: _previous, ...state } = await this.routingState.get(context, { misses: 0 });
      await this.routingState.set(context, state);
      return step.beginDialog(dialogId, { recognized: getRecognized(context) });
    }
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
      case 'carry_on':
        await sendReply(context, this.responses.nothingInProgress());
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
    // The resident asked something new instead of answering "Did this answer your question?": route it now.
    if ((step.result as KnowledgeDialogResult | undefined)?.reroute) return step.replaceDialog(DialogIds.mainWaterfall);
    return step.endDialog(step.result);
  }

  /**
   * Mid-dialog, the answer to the safeguarding message's "Would you like to talk to a person?"
   * comes first: "yes" must not answer the dialog's own question (it would send a report).
   */
  protected override async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    const arranging = innerDc.stack.some((entry) => entry.id === DialogIds.handoff);
    if (arranging && activity.type === 'message' && activity.text && this.router.signalsRisk(activity.text, getRecognized(innerDc.context))) {
      // A person is being arranged already (a call-back request): the helplines and the request marked
      // urgent. At "what is it about?" the message is the answer; any other question is asked again.
      await sendTrace(innerDc.context, 'council.interruption', { route: 'safeguarding' });
      await sendReply(innerDc.context, this.responses.safeguardingWhileArranging());
      innerDc.context.turnState.set(SAFEGUARDING_HANDLED, true);
      if (deepestActiveDialog(innerDc) === DialogIds.handoffAbout) return innerDc.continueDialog();
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    const offer = activity.type === 'message' && activity.text ? await this.takeSafeguardingOffer(innerDc.context) : undefined;
    const answer = offer ? answerToPersonOffer(activity.text) : undefined;
    if (!answer || this.router.signalsRisk(activity.text, getRecognized(innerDc.context))) return super.interrupt(innerDc);
    await sendTrace(innerDc.context, 'council.interruption', { route: 'safeguardingOffer', answer });
    // "Carry on", or a person is being arranged already (a call-back in progress): back to the question.
    if (answer === 'carryOn' || arranging) {
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return this.onHandoffRequested(innerDc);
  }

  /** The dialog's question asked again (after a message with no words, say): it is the question open now, not the offer of a person. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.takeSafeguardingOffer(context);
    await super.repromptDialog(context, instance);
  }

  protected override async onSafeguarding(innerDc: DialogContext, risk: RiskContext): Promise<void> {
    await super.onSafeguarding(innerDc, risk);
    await this.rememberSafeguardingOffer(innerDc.context);
  }

  private async rememberSafeguardingOffer(context: TurnContext, intent?: string, recognized?: RecognizerResult): Promise<void> {
    const state = await this.routingState.get(context, { misses: 0 });
    await this.routingState.set(context, { ...state, safeguardingOffer: intent ? { intent, recognized } : {} });
  }

  /** The offer the last reply made, if any; it is answered (or passed over) by this message either way. */
  private async takeSafeguardingOffer(context: TurnContext): Promise<RoutingState['safeguardingOffer']> {
    const state = await this.routingState.get(context, { misses: 0 });
    if (!state.safeguardingOffer) return undefined;
    const { safeguardingOffer, ...rest } = state;
    await this.routingState.set(context, rest);
    return safeguardingOffer;
  }

  /** A question answered mid-dialog, then the offer to carry on (the "Carry on" button resumes). */
  protected override async onKnowledgeQuestion(innerDc: DialogContext, articleId: string): Promise<DialogTurnResult | undefined> {
    const active = innerDc.activeDialog?.id;
    // Not while nothing else is in progress, or while "Did you mean…?" or "Did this answer your question?" waits: those route new messages afresh.
    if (!this.knowledge || !active || active === DialogIds.mainWaterfall || active === DialogIds.knowledge || active === DialogIds.clarify) return undefined;
    const article = await this.knowledge.dialog.sendAnswer(innerDc.context, articleId);
    if (!article) return undefined;
    await sendReply(innerDc.context, this.knowledge.responses.carryOn());
    await sendPromptTrace(innerDc.context, 'carry_on');
    return { status: DialogTurnStatus.waiting };
  }
}

/** Whether a message answers "Would you like to talk to a person?", and how. */
function answerToPersonOffer(text: string): 'person' | 'carryOn' | undefined {
  const t = text.trim();
  if (!t) return undefined;
  // "Carry on" first: "ok carry on" and "please carry on" are not a yes to a person.
  if (t.toLowerCase() === CARRY_ON.toLowerCase() || CARRY_ON_PHRASE.test(t) || NO_TO_PERSON.test(t)) return 'carryOn';
  if (t.toLowerCase() === TALK_TO_PERSON.toLowerCase() || YES_TO_PERSON.test(t)) return 'person';
  return undefined;
}

/** The id of the innermost dialog in progress. */
function deepestActiveDialog(dc: DialogContext): string | undefined {
  let id = dc.activeDialog?.id;
  for (let child = dc.child; child; child = child.child) id = child.activeDialog?.id ?? id;
  return id;
}
