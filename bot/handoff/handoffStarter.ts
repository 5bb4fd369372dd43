import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import { getRecognized } from '../../dialogs/turnState';
import type { ContactCentreHours } from './contactCentre';
import type { HandoffEvents } from './events';
import type { HandoffRecorder } from './handoffMemory';
import type { HandoffStore } from './handoffStore';
import { reasonLabel, type Handoff, type HandoffContext, type HandoffReason } from './types';

export type HandoffTarget = 'builtin' | 'external';

export interface HandoffRequest {
  reason?: HandoffReason;
  /** 1 is the most urgent; default 3. Safeguarding always makes it 1. */
  priority?: number;
  /** Fields a dialog captured (service request fields, address, reference numbers). */
  captured?: Record<string, string>;
}

export type HandoffStart =
  | { kind: 'queued'; handoff: Handoff; position: number; minutes: number }
  | { kind: 'external'; handoff: Handoff }
  | { kind: 'closed'; context: HandoffContext };

export const DEFAULT_PRIORITY = 3;

/**
 * Starts a handoff from a turn: gathers what travels (reason, priority, language, the
 * transcript so far, everything captured, the recognizer's view), sends the Bot Framework
 * `handoff.initiate` event, and queues the conversation in the built-in hub unless an
 * external contact centre (e.g. Dynamics 365 Omnichannel) is configured to take it.
 */
export class HandoffStarter {
  constructor(
    private readonly store: HandoffStore,
    private readonly events: HandoffEvents,
    private readonly hours: ContactCentreHours,
    private readonly recorder: HandoffRecorder,
    private readonly target: HandoffTarget,
  ) {}

  async gather(context: TurnContext, request: HandoffRequest): Promise<HandoffContext> {
    const memory = await this.recorder.memory(context);
    const misses = this.recorder.missesAtTurnStart(context);
    const reason: HandoffReason = memory.safeguarding ? 'safeguarding' : (request.reason ?? (misses >= 2 ? 'not_understood' : 'resident_asked'));
    const priority = memory.safeguarding ? 1 : Math.max(1, Math.min(5, request.priority ?? DEFAULT_PRIORITY));
    const recognized = getRecognized(context);
    return {
      reason,
      ...(reason === 'safeguarding' && memory.risk ? { risk: memory.risk } : {}),
      priority,
      language: context.activity.locale ?? 'en-GB',
      transcript: [...memory.transcript],
      captured: { ...memory.captured, ...(request.captured ?? {}) },
      recognizer: recognized
        ? {
            intent: recognized.intent,
            score: recognized.score,
            source: recognized.source,
            alternatives: recognized.alternatives.slice(0, 5),
            entities: recognized.entities.map((e) => ({ type: e.type, value: e.value })),
          }
        : undefined,
    };
  }

  isOpen(): boolean {
    return this.target === 'external' || this.hours.isOpen();
  }

  async start(context: TurnContext, request: HandoffRequest): Promise<HandoffStart> {
    const conversationId = context.activity.conversation.id;
    const existing = await this.store.openFor(conversationId);
    if (existing?.status === 'queued') {
      const position = (await this.store.position(existing)) ?? 1;
      return { kind: 'queued', handoff: existing, position, minutes: this.hours.expectedWaitMinutes(position) };
    }
    const handoffContext = await this.gather(context, request);
    if (!this.isOpen()) return { kind: 'closed', context: handoffContext };

    const handoff = await this.store.create({
      conversationId,
      reference: TurnContext.getConversationReference(context.activity),
      status: this.target === 'external' ? 'external' : 'queued',
      priority: handoffContext.priority,
      reason: handoffContext.reason,
      language: handoffContext.language,
      summary: summarise(handoffContext),
      context: handoffContext,
    });
    await context.sendActivity(initiationEvent(context, handoff, handoffContext));
    if (handoff.status === 'external') return { kind: 'external', handoff };
    await this.events.publish({ kind: 'queue' });
    const position = (await this.store.position(handoff)) ?? 1;
    return { kind: 'queued', handoff, position, minutes: this.hours.expectedWaitMinutes(position) };
  }
}

/** `handoff.initiate` with the transcript attached, as Azure contact-centre integrations expect. */
export function initiationEvent(context: TurnContext, handoff: Handoff, c: HandoffContext): Partial<Activity> {
  const bot = context.activity.recipient;
  const user = context.activity.from;
  const transcript = {
    activities: c.transcript.map(
      (t) =>
        ({
          type: 'message',
          text: t.text,
          timestamp: new Date(t.at),
          from: t.from === 'resident' ? user : bot,
          recipient: t.from === 'resident' ? bot : user,
          conversation: context.activity.conversation,
        }) as Activity,
    ),
  };
  return EventFactory.createHandoffInitiation(
    context,
    { handoffId: handoff.id, reason: c.reason, priority: c.priority, language: c.language, summary: handoff.summary, captured: c.captured, recognizer: c.recognizer },
    transcript,
  );
}

/** Resident lines that say nothing on their own: answers to "Would you like to talk to a person?". */
const BARE_ANSWER = /^\s*(yes|yeah|yep|yup|y|ok|okay|please|yes please|no|nope|go on( then)?|talk to a person)\s*[.!]*\s*$/i;

/** One line for the queue: why, and the resident's last words before asking (for a safeguarding concern, the words that raised it). */
export function summarise(c: HandoffContext): string {
  const label = reasonLabel(c);
  const lines = [...c.transcript].reverse().filter((t) => t.from === 'resident' && t.intent !== 'human_handoff' && !BARE_ANSWER.test(t.text));
  const last = (c.reason === 'safeguarding' ? lines.find((t) => t.risk || t.intent === 'safeguarding') : undefined) ?? lines[0];
  if (!last) return label;
  const words = last.text.replace(/\s+/g, ' ').trim();
  return `${label}: "${words.length > 90 ? `${words.slice(0, 89)}…` : words}"`;
}
