import { createHash, randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Outbox } from '../../../servicerequests/open311/outbox';
import { toRequestFields } from '../../../servicerequests/open311/requestFields';
import { offer } from '../../offered';
import { sendTrace } from '../../replies';
import { setFiledReference, setFiledRequest, setKnownPlace } from '../../turnState';
import { today } from '../answers';
import { requestSoFar } from '../requestSoFar';
import type { ServiceResponses } from '../serviceResponses';
import type { SlotState } from './slotState';

/** Files a confirmed request: into the outbox once (however often "yes" is said), then the reference to the resident. */
export class RequestSubmitter {
  constructor(
    private readonly outbox: Outbox,
    /** Called once a request is in the outbox (wakes the delivery worker). */
    private readonly onQueued: () => void,
    private readonly responses: ServiceResponses,
    private readonly now: () => Date,
  ) {}

  async submit(dc: DialogContext, state: SlotState): Promise<void> {
    const fields = toRequestFields(state);
    // (a dialog begun before instance ids existed gets one now: protected from here on)
    state.instanceId ??= randomUUID();
    const key = createHash('sha256')
      .update(`${dc.context.activity.conversation?.id ?? ''}\n${state.instanceId}`)
      .digest('hex');
    // The conversation's language with it (not the page's: the resident may have changed it), for the notices sent later.
    const reference = { ...TurnContext.getConversationReference(dc.context.activity), locale: this.responses.locale };
    const { row, created } = await this.outbox.addOnce(key, fields, reference);
    if (!created) {
      await offer(dc, this.responses.alreadySubmitted(row.reference));
      return;
    }
    this.onQueued();
    // What was filed, for a person the resident may ask for next (kept by the handoff memory, never traced).
    setFiledRequest(dc.context, requestSoFar(state, { status: 'filed', reference: row.reference, today: today(this.now()) }));
    await offer(dc, this.responses.submitted(row.reference, state.config.notice));
    // "What's the status of that?" later in this chat means this one; "same place" its location.
    setFiledReference(dc.context, row.reference);
    setKnownPlace(dc.context, state.location);
    // Which request was filed (no reference or answers: telemetry turns council.* traces into events).
    await sendTrace(dc.context, 'council.request.submitted', { intent: state.intent, serviceCode: state.serviceCode });
  }
}
