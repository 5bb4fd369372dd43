import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { offer, REQUEST_STATE } from '../offered';
import { sendPromptTrace, sendReply } from '../replies';
import { getRecognized, setKnownPlace, setRefusedAnswers } from '../turnState';
import type { ServiceRequestConfig } from './serviceRequestConfig';
import { CONFIRM, type Step } from './slots/fields';
import { serviceDefinition, startingState, type DefinitionSource, type RequestStartOptions } from './slots/requestStart';
import { SlotParts, type SlotPartsDeps } from './slots/slotParts';
import { isDone, slotOrder } from './slots/slotOrder';
import { promptField } from './slots/slotQuestions';
import { loadSlotState, progressOf, type SlotState } from './slots/slotState';

export type { SlotState } from './slots/slotState';

/** What the request needs: its parts' needs, and where the service's definition comes from. */
export interface RequestSlotsDeps extends SlotPartsDeps, DefinitionSource {}

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
    const service = await serviceDefinition(this.deps, this.config.service_code);
    if (!service.ok) {
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
    // "ok, send it without my name": sent as it stands, before any word of it is read as a correction.
    if (step?.kind === 'confirm' && (await this.parts.confirmStep.sendAnonymously(dc, state, message))) return dc.endDialog();
    const entities = getRecognized(dc.context)?.entities ?? [];
    const read = this.parts.reading.read(state, message, step, entities);
    for (const reply of read.replies) await sendReply(dc.context, reply);
    // A no to the summary ("nah leave it", a bare "No thanks." where contact details are invited): slots/confirmStep.ts.
    const declined = step?.kind === 'confirm' && !read.touched.size ? this.parts.confirmStep.declined(state, message) : undefined;
    if (declined) {
      await offer(dc, declined.reply);
      if (declined.end) return dc.endDialog();
      await sendPromptTrace(dc.context, promptField(state, CONFIRM));
      return Dialog.EndOfTurn;
    }
    const problem = await this.parts.answer(dc, state, step, read, entities);
    if (problem === 'submitted') return dc.endDialog(); // no result: MainDialog's waterfall reads results as clarify outcomes
    if (problem) {
      await offer(dc, this.parts.missed(state, before, problem));
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
      // "Not due" at a home address found in the gazetteer: "so when does the blue one go?" next is about the same home.
      if (state.location?.kind === 'address') setKnownPlace(dc.context, state.location);
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
