import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import { getConversationLocale, getRecognized } from '../dialogs/turnState';
import type { ContactCentreHours } from '../knowledge/contactCentre';
import type { HandoffEvents } from './events';
import type { HandoffRecorder } from './handoffMemory';
import type { HandoffStore } from './handoffStore';
import type { HandoffMemory } from './handoffMemory';
import {
  reasonLabel,
  type Handoff,
  type HandoffBrief,
  type HandoffContext,
  type HandoffReason,
  type RequestSoFar,
  type TranscriptEntry,
} from '../dialogs/handoffTypes';
import { MISSES_BEFORE_PERSON } from '../dialogs/misses';
import { handoffLocale } from '../dialogs/handoffLocale';
import type { Vocabulary } from '../knowledge/vocabulary';
import type { ConsoleTexts } from '../knowledge/messageFiles';

export type HandoffTarget = 'builtin' | 'external';

export interface HandoffRequest {
  reason?: HandoffReason;
  /** 1 is the most urgent; default 3. Safeguarding always makes it 1. */
  priority?: number;
  /** Fields a dialog captured (service request fields, address, reference numbers). */
  captured?: Record<string, string>;
  /** The service request in progress, stopped to hand over (dialogs/handoffStart.ts). */
  request?: RequestSoFar;
  /**
   * The conversation's language ('en-GB' or 'cy-GB'); without it, the turn's (setConversationLocale in
   * dialogs/turnState.ts), else the activity's `locale`. Either
   * way normalised (dialogs/handoffLocale.ts): any Welsh tag is 'cy-GB', anything else 'en-GB'.
   */
  locale?: string;
}

/** How many of the last messages the brief carries. */
export const LAST_MESSAGES = 6;
/** A request filed this many resident messages ago or fewer (the one asking for a person included) is "just made". */
const JUST_FILED = 3;

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
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): the bare answers to the offer of a person, which say nothing of the concern. */
    private readonly vocabulary: Vocabulary,
    /** Staff's words (knowledge/messages/<locale>/console.yaml): the reason's label in the brief and the queue's summary. */
    private readonly words: ConsoleTexts,
  ) {}

  async gather(context: TurnContext, request: HandoffRequest): Promise<HandoffContext> {
    const memory = await this.recorder.memory(context);
    const misses = this.recorder.missesAtTurnStart(context);
    const filed = justFiled(memory);
    const inRequest = request.request ?? filed;
    // Two answers in a row the request could not use, then "Talk to a person" (offered after the second): not understood.
    const missedInRequest = (request.request?.misses ?? 0) >= 2 && (request.reason ?? 'resident_asked') === 'resident_asked';
    const reason: HandoffReason = memory.safeguarding
      ? 'safeguarding'
      : missedInRequest
        ? 'not_understood'
        : (request.reason ?? (misses >= MISSES_BEFORE_PERSON ? 'not_understood' : 'resident_asked'));
    const priority = memory.safeguarding ? 1 : Math.max(1, Math.min(5, request.priority ?? DEFAULT_PRIORITY));
    const recognized = getRecognized(context);
    const handoffContext: HandoffContext = {
      reason,
      ...(reason === 'safeguarding' && memory.risk ? { risk: memory.risk } : {}),
      priority,
      language: handoffLocale(request.locale ?? getConversationLocale(context) ?? context.activity.locale),
      transcript: [...memory.transcript],
      captured: withoutUnused({ ...memory.captured, ...(request.captured ?? {}) }, inRequest),
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
    handoffContext.brief = brief(handoffContext, this.vocabulary, this.words, inRequest);
    return handoffContext;
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
      summary: summarise(handoffContext, this.vocabulary, this.words),
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
    {
      handoffId: handoff.id,
      reason: c.reason,
      priority: c.priority,
      language: c.language,
      summary: handoff.summary,
      brief: c.brief,
      captured: c.captured,
      recognizer: c.recognizer,
    },
    transcript,
  );
}

/** The request filed in this conversation, if the resident asked for a person right after it. */
function justFiled(memory: HandoffMemory): RequestSoFar | undefined {
  const last = memory.lastRequest;
  if (!last) return undefined;
  return (memory.residentLines ?? 0) - last.atLine <= JUST_FILED ? last.request : undefined;
}

/**
 * The recognizer's readings kept per message include answers a request refused ("ZZ9 9ZZ" at a
 * yes-or-no question, a postcode outside the area): with a request, a postcode other than the
 * one its place was resolved to is left out, so staff never take it for the location.
 */
function withoutUnused(captured: Record<string, string>, request: RequestSoFar | undefined): Record<string, string> {
  if (!request || captured.postcode === undefined) return captured;
  const kept = request.location && 'postcode' in request.location ? request.location.postcode : undefined;
  if (kept && kept.replace(/\s+/g, '').toUpperCase() === captured.postcode.replace(/\s+/g, '').toUpperCase()) return captured;
  const { postcode: _unused, ...rest } = captured;
  return rest;
}

const quote = (text: string, max = 90) => {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > max ? `${words.slice(0, max - 1)}…` : words;
};

/**
 * The resident's words that raised the handoff: for a safeguarding concern the line that raised it;
 * asked for a person, the message that asked (unless it is only the button or a "yes" to the offer);
 * not understood, the last line the assistant could not use. Resident lines that say nothing on
 * their own (answers to "Would you like to talk to a person?", the button itself) are the
 * vocabulary's `bare_answer_to_person`, and a request for a person and nothing more ("can I speak to someone",
 * "ga i siarad â rhywun plis": `bare_ask_for_person`): it says why, not what about.
 */
function concernWords(c: HandoffContext, vocabulary: Vocabulary): string | undefined {
  const bareAnswer = vocabulary.bare_answer_to_person;
  const resident = [...c.transcript].reverse().filter((t) => t.from === 'resident');
  const meaningful = resident.filter((t) => t.intent !== 'human_handoff' && !bareAnswer.test(t.text) && !vocabulary.bare_ask_for_person.test(t.text));
  if (c.reason === 'safeguarding') return (resident.find((t) => t.risk) ?? meaningful.find((t) => t.intent === 'safeguarding'))?.text;
  if (c.reason === 'resident_asked') {
    // The handoff starts in the turn that asked: its message is the last resident line. (The button,
    // or "yes" to the offer of a person, says nothing more than the reason.)
    const ask = resident[0];
    return ask && !bareAnswer.test(ask.text) ? ask.text : undefined;
  }
  if (c.reason === 'not_understood') return meaningful[0]?.text;
  return undefined;
}

/** The structured summary: the concern, the request so far (in progress or just filed) and the last messages. */
export function brief(c: HandoffContext, vocabulary: Vocabulary, words: ConsoleTexts, request?: RequestSoFar): HandoffBrief {
  const said = concernWords(c, vocabulary);
  return {
    concern: { label: reasonLabel(c, words), ...(said ? { words: quote(said, 500) } : {}) },
    ...(request ? { request } : {}),
    lastMessages: c.transcript.slice(-LAST_MESSAGES).map((t) => ({ ...t })),
  };
}

/**
 * One line for the queue: why, in the resident's words that raised it (or, when those say no more
 * than the reason, the message that started the request; with none, the resident's last words
 * before asking), and the request in progress or just filed. Never an answer to another question.
 */
export function summarise(c: HandoffContext, vocabulary: Vocabulary, labels: ConsoleTexts): string {
  const b = c.brief ?? brief(c, vocabulary, labels);
  const request = b.request;
  const about = !request
    ? undefined
    : request.status !== 'filed'
      ? labels.say('request_not_finished', { service: request.serviceName })
      : request.reference
        ? labels.say('request_sent_as', { service: request.serviceName, reference: request.reference })
        : labels.say('request_sent', { service: request.serviceName });
  let words = b.concern.words;
  // What it is about: the message that started the request…
  if (!words && request && c.reason !== 'not_understood') words = request.openedWith;
  if (!words && !request && c.reason !== 'not_understood') {
    // …or, with none, the resident's last words before asking (not a bare "yes" or the ask itself).
    const lines = [...c.transcript]
      .reverse()
      .filter(
        (t: TranscriptEntry) =>
          t.from === 'resident' &&
          t.intent !== 'human_handoff' &&
          !vocabulary.bare_answer_to_person.test(t.text) &&
          !vocabulary.bare_ask_for_person.test(t.text),
      );
    words = lines[0]?.text;
  }
  const line = words ? labels.say('summary_with_words', { label: b.concern.label, words: quote(words) }) : b.concern.label;
  return about ? labels.say('summary_with_request', { line, about }) : line;
}
