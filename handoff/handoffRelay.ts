import { EventFactory, type TurnContext } from 'botbuilder';
import type { HandoffResponses } from './handoffResponses';
import { sendReply, sendTrace } from '../dialogs/replies';
import type { Router } from '../dialogs/router';
import { getRecognized } from '../dialogs/turnState';
import type { ContactCentreHours } from '../knowledge/contactCentre';
import type { HandoffEvents } from './events';
import type { HandoffRecorder } from './handoffMemory';
import type { HandoffStore } from './handoffStore';
import type { Handoff } from '../dialogs/handoffTypes';
import type { Vocabulary } from '../knowledge/vocabulary';
import type { Logger } from '../platform/logger';

/** The resident's page says they are leaving ("End chat" while with a person, "Start again"): an event, no words in the transcript. */
export const LEAVE_EVENT = 'council.handoff.leave';

/**
 * The contact-centre handoff's hook into every turn of CouncilBot (HandoffRelayService below). Checked
 * before the dialogs: while a person is handling the conversation the resident's messages
 * go to them instead, and the assistant stays quiet (except for safeguarding).
 */
export interface HandoffRelay {
  /** True when the message was relayed to a person (the dialogs then do not run). */
  interceptMessage(context: TurnContext): Promise<boolean>;
  /** Event activities, e.g. `handoff.status` from an external contact centre. */
  onEvent(context: TurnContext): Promise<void>;
  /** The resident left (endOfConversation, or removed from the conversation). */
  onResidentLeft(context: TurnContext): Promise<void>;
}

/**
 * The resident's side of a live handoff, checked before any dialog runs: while queued or
 * talking to a person, the resident's messages go to the contact centre and the assistant
 * stays quiet (except for safeguarding signposting). Also records every turn so that a
 * later handoff carries the whole conversation.
 */
export class HandoffRelayService implements HandoffRelay {
  constructor(
    private readonly store: HandoffStore,
    private readonly events: HandoffEvents,
    private readonly hours: ContactCentreHours,
    private readonly recorder: HandoffRecorder,
    private readonly router: Router,
    private readonly wording: HandoffResponses,
    /**
     * The vocabulary of this assistant's language (knowledge/messages/<locale>/vocabulary.yaml): leaving the
     * queue (`leave_queue`) or the chat (`leave_chat`). Each language's assistant has its own relay, and a turn
     * goes to the conversation's language (bot/bilingualBot.ts); the Welsh words keep the English ones.
     */
    private readonly vocabulary: Vocabulary,
    /** Where a channel that refused the goodbye is noted (personal data redacted by the logger). */
    private readonly logger: Logger,
  ) {}

  async interceptMessage(context: TurnContext): Promise<boolean> {
    const open = await this.store.openFor(context.activity.conversation.id);
    if (!open) {
      await this.recorder.observe(context);
      return false;
    }
    const text = context.activity.text ?? '';
    const route = this.router.interruption(text, getRecognized(context));
    const safeguarding = route?.kind === 'safeguarding';
    // The flag the agent console shows on the message: the concern and its category.
    const flag = route?.kind === 'safeguarding' ? (route.category ? `safeguarding:${route.category}` : 'safeguarding') : null;

    if (open.status === 'external') {
      // The external contact centre holds the conversation; only a request to leave is ours.
      if (this.vocabulary.leave_chat.test(text) || this.vocabulary.leave_queue.test(text)) {
        await this.endByResident(context, open);
        return true;
      }
      if (safeguarding) await sendReply(context, this.wording.safeguardingWhileWithPerson());
      return true;
    }

    const leaving =
      open.status === 'queued'
        ? this.vocabulary.leave_queue.test(text) || text === this.wording.buttons.stop_waiting
        : this.vocabulary.leave_chat.test(text) || text === this.wording.buttons.end_chat;
    if (leaving && !safeguarding) {
      await this.endByResident(context, open);
      return true;
    }

    const message = await this.store.addMessage(open.id, 'resident', text || '(an attachment the chat could not show)', null, flag);
    if (safeguarding) {
      await this.store.setPriority(open.id, 1);
      await this.events.publish({ kind: 'queue' });
    }
    await this.events.publish({ kind: 'message', handoffId: open.id, messageId: message.id });
    // For tests and telemetry: this message went to the contact centre (no words, no ids).
    await sendTrace(context, 'council.handoff', { status: open.status });

    if (safeguarding) {
      await sendReply(context, this.wording.safeguardingWhileWithPerson());
    } else if (open.status === 'queued') {
      const position = (await this.store.position(open)) ?? 1;
      await sendReply(context, this.wording.stillWaiting(position, this.hours.expectedWaitMinutes(position)));
    }
    // While a person is talking, the assistant says nothing.
    return true;
  }

  private async endByResident(context: TurnContext, open: Handoff): Promise<void> {
    const wasQueued = open.status === 'queued';
    if (!(await this.store.end(open.id, wasQueued ? 'resident_left_queue' : 'resident_ended'))) return;
    await this.store.addMessage(open.id, 'system', this.wording.staffNote(wasQueued ? 'note_resident_left_queue' : 'note_resident_ended'));
    await this.events.publish({ kind: 'status', handoffId: open.id, status: 'ended', endReason: wasQueued ? 'resident_left_queue' : 'resident_ended' });
    await this.events.publish({ kind: 'queue' });
    await context.sendActivity(EventFactory.createHandoffStatus(context.activity.conversation, 'completed'));
    await sendReply(context, wasQueued ? this.wording.leftQueue() : this.wording.residentEnded());
  }

  /** `handoff.status` from an external contact centre (accepted / failed / completed), and the page's LEAVE_EVENT. */
  async onEvent(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.name === LEAVE_EVENT) {
      const open = await this.store.openFor(activity.conversation.id);
      if (open) await this.endByResident(context, open);
      return;
    }
    if (activity.name !== 'handoff.status') return;
    const state = (activity.value as { state?: string } | undefined)?.state;
    const open = await this.store.openFor(activity.conversation.id);
    if (!open) return;
    if (state === 'accepted') {
      await this.store.addMessage(open.id, 'system', this.wording.staffNote('note_external_accepted'));
    } else if (state === 'failed') {
      await this.store.end(open.id, 'external_failed');
      await sendReply(context, this.wording.externalFailed());
      await this.events.publish({ kind: 'queue' });
    } else if (state === 'completed') {
      await this.store.end(open.id, 'external_completed');
      await sendReply(context, this.wording.ended());
      await this.events.publish({ kind: 'queue' });
    }
  }

  /**
   * The resident went away: endOfConversation, removed from the conversation, or (local Direct
   * Line) their page closed and did not come back. A queued handoff leaves the queue, a live one
   * ends; the agent is told. Should the resident come back to this conversation, a reply says so.
   */
  async onResidentLeft(context: TurnContext): Promise<void> {
    const open = await this.store.openFor(context.activity.conversation.id);
    if (!open) return;
    if (!(await this.store.end(open.id, 'resident_left'))) return;
    await this.store.addMessage(open.id, 'system', this.wording.staffNote('note_resident_left'));
    await this.events.publish({ kind: 'status', handoffId: open.id, status: 'ended', endReason: 'resident_left' });
    await this.events.publish({ kind: 'queue' });
    try {
      await context.sendActivity(EventFactory.createHandoffStatus(context.activity.conversation, 'completed'));
      await sendReply(context, this.wording.residentLeft(open.status === 'queued'));
    } catch (err) {
      // A channel whose conversation has ended may refuse replies: the handoff has ended all the same.
      this.logger.info(
        { handoffId: open.id, err: { type: (err as Error).name, message: (err as Error).message } },
        'the channel refused the goodbye to a resident who left',
      );
    }
  }
}
