import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Logger } from '../../platform/logger';
import type { Open311Client } from '../../servicerequests/open311/open311Client';
import { MISSES_BEFORE_PERSON } from '../misses';
import { offer, REQUEST_STATE } from '../offered';
import { sendPromptTrace, sendReply } from '../replies';
import { getRecognized, setRefusedAnswers } from '../turnState';
import { NOT_SENDING } from './answers';

import type { ServiceRequestConfig } from './serviceRequestConfig';
import type { ServiceWords } from './serviceWords';
import { CONFIRM, type Step } from './slots/fields';
import { serviceDefinition, startingState, type RequestStartOptions } from './slots/requestStart';
import { SlotParts, type SlotPartsDeps } from './slots/slotParts';
import { isDone, slotOrder } from './slots/slotOrder';
import { promptField } from './slots/slotQuestions';
import { loadSlotState, progressOf, type SlotState } from './slots/slotState';

/** "No thanks.", "no thank you", "dim diolch": nothing else. */
const NO_THANKS_ONLY = /^\s*(?:no|nope|nah|na|dim)[,\s]+(?:thanks|thank you|ta|diolch)[.!\s]*$/i;

export type { SlotState } from './slots/slotState';

export interface RequestSlotsDeps extends SlotPartsDeps {
  client: Open311Client;
  /** Where a back office that cannot give the service's definition is told to staff (the resident is told it is unavailable). */
  logger?: Logger;
  /** The resident's language's words for the service (its name, questions and choices); the back office's as they are without it. */
  serviceWords?: ServiceWords;
}

/**
 * The generic service-request conversation, generated from the GeoReport service definition: a slot
 * loop. Each message is read for every field (slots/messageReading.ts), the open question takes what
 * is left (SlotParts.answer), then pre-checks (slots/preChecks.ts) and the first field not yet done
 * (slots/slotOrder.ts; the summary when none). Reading answers, the place, the summary and filing are in `slots/`.
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

  override async beginDialog(dc: DialogContext, options?: RequestStartOptions): Promise<DialogTurnResult> {
    const service = await serviceDefinition(this.deps.client, this.config.service_code, this.deps.serviceWords);
    if (!service.ok) {
      this.deps.logger?.warn(
        { serviceCode: this.config.service_code, err: service.error.message },
        'service definition unavailable: the request was not started',
      );
      await offer(dc, this.deps.responses.unavailable(service.serviceName));
      return dc.endDialog();
    }
    const state = startingState(this.intent, this.config, service, options);
    dc.activeDialog!.state[REQUEST_STATE] = state;
    await offer(dc, this.deps.responses.starting(service.serviceName));
    // Every field the message that started it holds (the place, contact details too) is taken before the first question.
    const first = this.parts.firstMessage.read(state, options?.recognized);
    if (first) await ('send' in first ? sendReply(dc.context, first.send) : offer(dc, first.offer));
    return this.next(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = loadSlotState(dc.activeDialog!.state[REQUEST_STATE]);
    const message = (dc.context.activity.text ?? '').trim();
    if (!message) return Dialog.EndOfTurn;
    const before = progressOf(state);
    const step = state.current;
    const entities = getRecognized(dc.context)?.entities ?? [];
    const read = this.parts.reading.read(state, message, step, entities);
    for (const reply of read.replies) await sendReply(dc.context, reply);
    // A bare "No thanks." at a summary that also invites contact details may decline the updates or the sending: asked
    // once more in plain words, rather than a report the resident wanted being dropped.
    if (
      step?.kind === 'confirm' &&
      !read.touched.size &&
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
    if (step?.kind === 'confirm' && !read.touched.size && NOT_SENDING.test(message) && !this.deps.vocabulary.extras_declined.test(message)) {
      await offer(dc, this.deps.responses.notSent(state.serviceName));
      return dc.endDialog();
    }
    const problem = await this.parts.answer(dc, state, step, read, entities);
    if (problem === 'submitted') return dc.endDialog(); // no result: MainDialog's waterfall reads results as clarify outcomes
    if (problem) {
      // A reply that moves on (an item added to a list, a postcode's addresses offered) is no miss.
      state.misses = progressOf(state) === before ? (state.misses ?? 0) + 1 : 0;
      await offer(dc, state.misses >= MISSES_BEFORE_PERSON ? this.deps.responses.withPersonOffer(problem) : problem);
      await sendPromptTrace(dc.context, promptField(state, state.current ?? CONFIRM));
      return Dialog.EndOfTurn;
    }
    state.misses = 0;
    if (state.current?.kind === 'change' && read.touched.size) state.current = CONFIRM;
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
    const { urgent, refused } = this.parts.preChecks.run(state);
    for (const reply of urgent) await sendReply(dc.context, reply);
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
