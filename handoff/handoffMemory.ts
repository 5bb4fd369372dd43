import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { getFiledRequest, getRecognized } from '../dialogs/turnState';
import type { HandoffRisk, RequestSoFar, TranscriptEntry } from '../dialogs/handoffTypes';

/** Per-conversation memory kept so that a handoff carries everything (conversation state). */
export interface HandoffMemory {
  transcript: TranscriptEntry[];
  captured: Record<string, string>;
  /** A safeguarding concern was raised in this conversation: any handoff is priority 1. */
  safeguarding: boolean;
  /** The category of the first risk raised, for the queue. */
  risk?: HandoffRisk;
  /** Consecutive messages the assistant did not understand. */
  misses: number;
  /** Resident lines recorded in this conversation (the transcript keeps only the last ones). */
  residentLines?: number;
  /** The last service request filed in this conversation, and `residentLines` when it was filed. */
  lastRequest?: { request: RequestSoFar; atLine: number };
}

export const MAX_TRANSCRIPT = 60;
const MAX_LINE = 2000;
const MISSES_AT_TURN_START = Symbol('handoff.missesAtTurnStart');

export const emptyMemory = (): HandoffMemory => ({ transcript: [], captured: {}, safeguarding: false, misses: 0 });

/**
 * Records the conversation as it happens: the resident's lines with the recognizer's view,
 * the assistant's replies, and the routing traces (safeguarding raised, misses in a row).
 */
export class HandoffRecorder {
  constructor(private readonly accessor: StatePropertyAccessor<HandoffMemory>) {}

  async memory(context: TurnContext): Promise<HandoffMemory> {
    return this.accessor.get(context, emptyMemory());
  }

  /** Misses in a row before this turn's message (this turn's own routing resets the count). */
  missesAtTurnStart(context: TurnContext): number {
    return context.turnState.get<number | undefined>(MISSES_AT_TURN_START) ?? 0;
  }

  async observe(context: TurnContext): Promise<void> {
    const memory = await this.memory(context);
    context.turnState.set(MISSES_AT_TURN_START, memory.misses);
    const recognized = getRecognized(context);
    const text = context.activity.text ?? '';
    if (text)
      this.push(memory, {
        from: 'resident',
        text,
        at: new Date().toISOString(),
        intent: recognized?.intent,
        score: recognized ? Math.round(recognized.score * 1000) / 1000 : undefined,
      });
    for (const e of recognized?.entities ?? []) memory.captured[e.type] = e.value;

    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) this.seeOutgoing(memory, a, context);
      return next();
    });
  }

  private seeOutgoing(memory: HandoffMemory, a: Partial<Activity>, context: TurnContext): void {
    if (a.type === 'message' && a.text) {
      this.push(memory, { from: 'assistant', text: a.text, at: new Date().toISOString() });
      return;
    }
    if (a.type !== 'trace') return;
    const value = a.value as { kind?: string; route?: string; category?: string; categoryLabel?: string } | undefined;
    if (a.name === 'council.route') {
      if (value?.kind === 'safeguarding') this.raise(memory, value);
      memory.misses = value?.kind === 'clarify' || value?.kind === 'none' ? memory.misses + 1 : 0;
    } else if (a.name === 'council.interruption' && value?.route === 'safeguarding') {
      this.raise(memory, value);
    } else if (a.name === 'council.request.submitted') {
      // The trace names the service only; what was filed is in turn state (never in a trace or a log).
      const request = getFiledRequest(context);
      if (request) memory.lastRequest = { request, atLine: memory.residentLines ?? 0 };
    }
  }

  private raise(memory: HandoffMemory, value: { category?: string; categoryLabel?: string }): void {
    memory.safeguarding = true;
    if (!memory.risk && value.category) memory.risk = { category: value.category, label: value.categoryLabel };
    // The resident's line that raised it, so the queue quotes those words.
    const line = [...memory.transcript].reverse().find((t) => t.from === 'resident');
    if (line) line.risk = value.category ?? 'safeguarding';
  }

  private push(memory: HandoffMemory, entry: TranscriptEntry): void {
    if (entry.from === 'resident') memory.residentLines = (memory.residentLines ?? 0) + 1;
    memory.transcript.push({ ...entry, text: entry.text.slice(0, MAX_LINE) });
    if (memory.transcript.length > MAX_TRANSCRIPT) memory.transcript.splice(0, memory.transcript.length - MAX_TRANSCRIPT);
  }
}
