import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { Open311Error, type Open311Client } from '../../servicerequests/open311/open311Client';
import type { Outbox, OutboxRow } from '../../servicerequests/open311/outbox';
import { redactContactDetails } from '../../platform/redact';
import type { ServiceRequest } from '../../servicerequests/open311/types';
import { councilDate } from '../../servicerequests/waste/calendar';
import type { RecognizerResult } from '../../intents/recognizer';
import { sendPromptTrace, sendReply } from '../replies';
import type { DeliveryMessages } from '../../knowledge/deliveryMessages';
import { pendingKind, refusalKind } from '../../servicerequests/open311/deliveryState';
import type { ServiceResponses } from './serviceResponses';
import type { Vocabulary } from '../../knowledge/vocabulary';
import type { Logger } from '../../platform/logger';

const REFERENCE = /\b([A-Za-z]{1,4})?([-/ –—]?)(\d{3,12})\b/g;

/** "What's happening with my report?": the reference (recognised or asked for) → status in plain words. */
export class CaseStatusSlots extends Dialog {
  constructor(
    id: string,
    private readonly client: Open311Client,
    private readonly outbox: Outbox,
    private readonly messages: DeliveryMessages,
    /** What it says itself (services.yaml): the questions, and a report's state in plain words. */
    private readonly responses: ServiceResponses,
    private readonly now: () => Date,
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): a case check that points at the report just made (`points_at_last`). */
    private readonly vocabulary: Vocabulary,
    /** Where a back office that would not give its updates is noted (personal data redacted by the logger). */
    private readonly logger: Logger,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: { recognized?: RecognizerResult; lastReference?: string }): Promise<DialogTurnResult> {
    const text = options?.recognized?.text ?? '';
    const ref = options?.recognized?.entities.find((e) => e.type === 'caseReference')?.value ?? readReference(text, this.vocabulary);
    if (ref) return this.answer(dc, ref);
    // "what's the status of that now?" right after a report in this chat: that report.
    if (options?.lastReference && this.vocabulary.points_at_last.test(text)) return this.answer(dc, options.lastReference);
    await this.ask(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const ref = readReference(dc.context.activity.text ?? '', this.vocabulary);
    if (!ref) {
      await sendReply(dc.context, this.responses.notAReference());
      await sendPromptTrace(dc.context, 'reference');
      return Dialog.EndOfTurn;
    }
    return this.answer(dc, ref);
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    await this.ask(context);
  }

  private async ask(context: TurnContext): Promise<void> {
    await sendReply(context, this.responses.askReference());
    await sendPromptTrace(context, 'reference');
  }

  private async answer(dc: DialogContext, ref: string): Promise<DialogTurnResult> {
    const text = await this.describe(canonicalReference(ref));
    await sendReply(dc.context, { text });
    return dc.endDialog();
  }

  /**
   * The report's state in words from knowledge/delivery-messages.yaml while it is not (or not
   * visibly) with the council's system: never "can't find" for a report this chat holds, and
   * never the council system's own error text.
   */
  private async describe(ref: string): Promise<string> {
    const local = (await this.outbox.get(ref)) ?? (await this.outbox.findByServiceRequestId(ref));
    if (local?.state === 'pending') return this.messages.status(pendingKind(local), local.reference);
    if (local?.state === 'rejected') return this.messages.status(refusalKind(local.last_status), local.reference);
    const id = local?.service_request_id ?? ref;
    let request: ServiceRequest | undefined;
    try {
      request = await this.client.getRequest(id);
    } catch (err) {
      if (err instanceof Open311Error) return this.messages.status('cannot_check', ref);
      throw err;
    }
    if (!request) return local ? this.messages.status('not_shown_yet', local.reference, id) : this.messages.status('not_found', ref);
    return this.words(request, local);
  }

  private async words(request: ServiceRequest, local?: OutboxRow): Promise<string> {
    const today = councilDate(this.now());
    const spoken = (datetime: string) => this.responses.spokenDate(councilDate(new Date(datetime)), today);
    const updates = await this.latestUpdate(request);
    const closed = request.status === 'closed';
    // Anyone may ask about any reference: staff notes are read out as the public would see them.
    const names = [request.first_name, request.last_name];
    return this.responses.caseStatus({
      service: request.service_name,
      reference: request.service_request_id,
      chatReference: local?.reference,
      status: updates?.status?.toUpperCase() ?? (closed ? 'CLOSED' : 'OPEN'),
      closed,
      notes: request.status_notes ? redactContactDetails(request.status_notes, names) : undefined,
      expected: request.expected_datetime && !closed ? spoken(request.expected_datetime) : undefined,
      update: updates
        ? {
            date: spoken(updates.updated_datetime),
            words: updates.description ? redactContactDetails(updates.description, names) : undefined,
            status: updates.status,
          }
        : undefined,
      lastChanged: request.updated_datetime ? spoken(request.updated_datetime) : undefined,
    });
  }

  /**
   * mySociety's updates for this request, newest last; none when the endpoint has no such extension
   * (a 404, noted at debug) or fails (noted as a warning): the resident is told the status without them.
   */
  private async latestUpdate(request: ServiceRequest) {
    if (!request.requested_datetime) return undefined;
    try {
      const all = await this.client.updates(new Date(request.requested_datetime), this.now());
      return all
        .filter((u) => u.service_request_id === request.service_request_id)
        .sort((a, b) => a.updated_datetime.localeCompare(b.updated_datetime))
        .at(-1);
    } catch (err) {
      // The kind and status only: a back office's own error text may quote the request.
      const e = err as Error;
      const status = e instanceof Open311Error ? e.status : undefined;
      const fields = { err: { type: e.name, ...(e instanceof Open311Error ? { kind: e.kind } : {}), ...(status ? { status } : {}) } };
      if (status === 404) this.logger.debug(fields, 'the back office has no request updates: the status is given without them');
      else this.logger.warn(fields, 'could not read the back office request updates: the status is given without them');
      return undefined;
    }
  }
}

/**
 * The first reference in an answer: letters (a prefix) and digits, or four digits or more. Letters that are a word of the
 * sentence ("it is 12345678", "it's 12345678": `not_reference_letters`) are not its prefix.
 */
function readReference(text: string, vocabulary: Vocabulary): string | undefined {
  for (const [, letters, joint, digits] of text.matchAll(REFERENCE)) {
    if (letters && !vocabulary.not_reference_letters.test(letters.toLowerCase())) return `${letters}${joint.replace(/[/ ]/, '-')}${digits}`.toUpperCase();
    if (digits.length >= 4) return digits;
  }
  return undefined;
}

/** "at10526874", "AT 10526874", "at/10526874" → "AT-10526874", as references are stored; longer shapes as given. */
function canonicalReference(ref: string): string {
  return ref
    .trim()
    .toUpperCase()
    .replace(/^([A-Z]{1,4})[-/ –—]?(\d+)$/, '$1-$2');
}
