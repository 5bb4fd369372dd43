import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { RecognizerResult } from '../../intents/recognizer';
import { ServiceWords } from './serviceWords';
import type { Logger } from '../../platform/logger';
import type { Open311Client } from '../../servicerequests/open311/open311Client';
import type { ServiceAttribute } from '../../servicerequests/open311/types';
import { MISSES_BEFORE_PERSON } from '../misses';
import { offer, REQUEST_STATE } from '../offered';
import { sendPromptTrace, sendReply } from '../replies';
import type { Reply } from '../responses';
import { getRecognized, setRefusedAnswers } from '../turnState';
import type { Location } from './addressLookup';
import { NOT_SENDING } from './answers';

/** "No thanks.", "no thank you", "dim diolch": nothing else. */
const NO_THANKS_ONLY = /^\s*(?:no|nope|nah|na|dim)[,\s]+(?:thanks|thank you|ta|diolch)[.!\s]*$/i;
import type { ServiceRequestConfig } from './serviceRequestConfig';
import { CONFIRM, type Step } from './slots/fields';
import { MAX_STRING } from './slots/limits';
import { SlotParts, type SlotPartsDeps } from './slots/slotParts';
import { isDone, slotOrder } from './slots/slotOrder';
import { promptField } from './slots/slotQuestions';
import { isFreeText, loadSlotState, progressOf, ruleHolds, type SlotState } from './slots/slotState';

export type { SlotState } from './slots/slotState';

export interface RequestSlotsDeps extends SlotPartsDeps {
  client: Open311Client;
  /** Where a back office that cannot give the service's definition is told to staff (the resident is told it is unavailable). */
  logger?: Logger;
  /** The resident's language's words for the service (its name, questions and choices); the back office's as they are without it. */
  serviceWords?: ServiceWords;
}

/**
 * The generic service-request conversation, generated from the GeoReport service definition:
 * each attribute in `order` with a prompt chosen by datatype (skipping what the resident already
 * said), the location, details, optional contact details, a summary to confirm, change or
 * cancel, then the outbox and a reference number. The loop is here; reading answers, the place,
 * the summary and filing are in `slots/`.
 */
export class RequestSlotsDialog extends Dialog {
  private readonly parts: SlotParts;

  constructor(
    id: string,
    private readonly intent: string,
    private readonly config: ServiceRequestConfig,
    private readonly deps: RequestSlotsDeps,
  ) {
    super(id);
    this.parts = new SlotParts(deps);
  }

  override async beginDialog(
    dc: DialogContext,
    options?: { recognized?: RecognizerResult; lastPlace?: Location; answers?: SlotState['answers']; personAsked?: boolean },
  ): Promise<DialogTurnResult> {
    let serviceName = this.config.service_code;
    let attributes: ServiceAttribute[];
    try {
      const summary = (await this.deps.client.services()).find((s) => s.service_code === this.config.service_code);
      if (!summary) throw new Error(`service ${this.config.service_code} is not offered by the back office`);
      const words = this.deps.serviceWords ?? ServiceWords.none();
      serviceName = words.name(this.config.service_code, summary.service_name);
      const sent = (await this.deps.client.definition(this.config.service_code)).attributes.filter((a) => a.variable && a.code !== 'client_reference');
      attributes = words.attributes(this.config.service_code, sent);
    } catch (err) {
      this.deps.logger?.warn(
        { serviceCode: this.config.service_code, err: (err as Error).message },
        'service definition unavailable: the request was not started',
      );
      await offer(dc, this.deps.responses.unavailable(serviceName));
      return dc.endDialog();
    }
    const { recognized, lastPlace, answers, personAsked } = options ?? {};
    const state: SlotState = {
      intent: this.intent,
      serviceCode: this.config.service_code,
      serviceName,
      config: this.config,
      attributes,
      // A request started again after a correction of its place keeps what was said before (the message read next may change it).
      answers: { ...answers },
      locationStage: 'postcode',
      multi: [],
      prechecked: false,
      instanceId: randomUUID(),
      ...(personAsked ? { personAsked } : {}),
      ...(recognized?.text ? { openedWith: recognized.text.slice(0, MAX_STRING) } : {}),
      ...(lastPlace && (lastPlace.kind === 'address' || this.config.location === 'street') ? { lastPlace } : {}),
    };
    dc.activeDialog!.state[REQUEST_STATE] = state;
    await offer(dc, this.deps.responses.starting(serviceName));
    // Contact details and a name in the first message are taken too, and left out of what is read for the rest.
    const said = recognized?.text ? this.parts.contact.read(recognized.text) : undefined;
    if (said && this.parts.contact.take(state, said).contact) state.nameOptional = true;
    const first = this.parts.firstMessage.read(state, recognized && said ? { ...recognized, text: said.rest } : recognized);
    if (first) await ('send' in first ? sendReply(dc.context, first.send) : offer(dc, first.offer));
    return this.next(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = loadSlotState(dc.activeDialog!.state[REQUEST_STATE]);
    const message = (dc.context.activity.text ?? '').trim();
    if (!message) return Dialog.EndOfTurn;
    const before = progressOf(state);
    const step = state.current;
    // Contact details and a name, in any message ("…in the front garden. My email is…"): taken, and left out of the
    // words read for everything else (at the contact or name question, that question's reader takes them).
    const said = this.parts.contact.read(message);
    const ownDetails = {
      ...(step?.kind !== 'contact' && said.contact ? { contact: said.contact } : {}),
      ...(step?.kind !== 'name' && said.name ? { name: said.name } : {}),
    };
    const took = this.parts.contact.take(state, { ...ownDetails, rest: said.rest });
    const text = ownDetails.contact || ownDetails.name ? said.rest.trim() : message;
    // Every message is read for every field: new details are taken, a different value replaces the old one.
    const { changed, touched } = this.parts.absorber.absorb(state, text);
    if (took.contact) changed.push(this.deps.responses.addedContact());
    // Said while answering the questions, not asked for: the name is not asked as well (at the summary it is, as before).
    if (took.contact) state.nameOptional = step?.kind !== 'confirm' && step?.kind !== 'change' ? true : undefined;
    const ownOnly = (took.contact || took.name) && !touched.size;
    if (took.contact) touched.add('contact');
    if (took.name) touched.add('name');
    const entities = getRecognized(dc.context)?.entities ?? [];
    const moved = this.parts.location.correct(state, text) ?? this.parts.location.inPassing(state, text, entities, isFreeText(state, step));
    if (moved) {
      if (moved !== 'noted') changed.push(moved);
      touched.add('location');
    }
    // "It's outside number 11" when asked the lamp post's number: where the problem is, not the number.
    const beside = moved ? undefined : this.parts.houseBeside.amend(state, text);
    if (beside) {
      if ('changed' in beside) changed.push(beside.changed);
      else await sendReply(dc.context, beside.noted);
      touched.add('location');
    }
    if (changed.length) await sendReply(dc.context, this.deps.responses.changed(changed));
    // A bare "No thanks." at a summary that also invites contact details may decline the updates or the sending: asked
    // once more in plain words, rather than a report the resident wanted being dropped.
    if (
      step?.kind === 'confirm' &&
      !touched.size &&
      NO_THANKS_ONLY.test(message) &&
      state.config.contact === 'optional' &&
      state.contact === undefined &&
      !state.noThanksAsked
    ) {
      state.noThanksAsked = true;
      await offer(dc, this.deps.responses.withSummary(this.deps.responses.confirmNoThanks(), this.parts.questions.question(state, CONFIRM)));
      await sendPromptTrace(dc.context, promptField(state, CONFIRM));
      return Dialog.EndOfTurn;
    }
    // "No thank you, I don't need updates": a no to what the summary invites, not to sending it.
    if (step?.kind === 'confirm' && !touched.size && NOT_SENDING.test(message) && !this.deps.vocabulary.extras_declined.test(message)) {
      await offer(dc, this.deps.responses.notSent(state.serviceName));
      return dc.endDialog();
    }
    // A correction is never a yes (the summary is shown again); a message that was about other
    // fields is not the answer to a free-text question (asked again).
    let problem: Reply | 'submitted' | undefined;
    // Only contact details or a name, with more words ("They'll be in the front garden. My email is…"): those words answer a free-text question.
    const freeTextAnswered = isFreeText(state, step) && touched.size > 0 && !(ownOnly && text);
    const answered = (step?.kind === 'confirm' && touched.size > 0) || (step?.kind === 'attribute' && touched.has(step.code)) || freeTextAnswered;
    if (!answered && step) {
      // At the contact question, its reader finds the details in the whole message ("My number is 01632 960456, and my name
      // is Edna Marsh": the name's clause is left out of `text`, and the number's with it when they share a sentence).
      problem = await this.parts.accept(dc, state, step, step.kind === 'contact' ? message : text, entities);
      // The contact question's reader asks the name again for new details: not when it was said in the same message.
      if (step.kind === 'contact' && said.name && state.contact && state.name === undefined) state.name = said.name;
      // Details were taken from it: the question is asked again rather than called not understood.
      if (problem && problem !== 'submitted' && touched.size) problem = undefined;
    }
    if (problem === 'submitted') return dc.endDialog(); // no result: MainDialog's waterfall reads results as clarify outcomes
    if (problem && step?.kind === 'confirm' && state.current?.kind === 'confirm')
      problem = this.deps.responses.withSummary(problem, this.parts.questions.question(state, CONFIRM));
    if (problem) {
      // A reply that moves on (an item added to a list, a postcode's addresses offered) is no miss.
      state.misses = progressOf(state) === before ? (state.misses ?? 0) + 1 : 0;
      await offer(dc, state.misses >= MISSES_BEFORE_PERSON ? this.deps.responses.withPersonOffer(problem) : problem);
      await sendPromptTrace(dc.context, promptField(state, state.current ?? CONFIRM));
      return Dialog.EndOfTurn;
    }
    state.misses = 0;
    if (state.current?.kind === 'change' && touched.size) state.current = CONFIRM;
    return this.next(dc, state);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state[REQUEST_STATE] ? loadSlotState(instance.state[REQUEST_STATE]) : undefined;
    if (!state?.current) return;
    await sendReply(context, this.parts.questions.question(state, state.current));
    await sendPromptTrace(context, promptField(state, state.current));
  }

  /** Urgent advice, a refusal or the missed-bin pre-check; else the first question not yet answered (the summary when none). */
  private async next(dc: DialogContext, state: SlotState): Promise<DialogTurnResult> {
    const said = (state.urgentSaid ??= []);
    for (const [i, rule] of state.config.urgent.entries()) {
      if (said.includes(i) || !ruleHolds(rule, state)) continue;
      said.push(i);
      await sendReply(dc.context, this.deps.responses.urgent(rule.say));
    }
    const refusal = state.config.refuse.find((rule) => ruleHolds(rule, state));
    const refused = refusal ? this.deps.responses.precheckRefused(this.deps.responses.withCouncilNumbers(refusal.say)) : this.parts.precheck.refusal(state);
    if (refused) {
      setRefusedAnswers(dc.context, { intent: state.intent, answers: state.answers, location: state.location });
      await offer(dc, refused);
      return dc.endDialog();
    }
    const open: Step = slotOrder(state).find((f) => !isDone(state, f)) ?? CONFIRM;
    state.current = open;
    const question = this.parts.questions.question(state, open);
    await offer(dc, state.personAsked ? this.deps.responses.withPersonButton(question) : question);
    await sendPromptTrace(dc.context, promptField(state, open));
    return Dialog.EndOfTurn;
  }
}
