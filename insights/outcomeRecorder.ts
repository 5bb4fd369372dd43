import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../platform/logger';
import { TurnWrites } from '../platform/storage/turnWrites';
import { conversationKey, type Channel, type EventKind, type InsightEvent, type InsightEventRecorder } from './insightEventStore';

/** Requests' questions are every field but these (feedback, carry on, the summary's change…). */
const NOT_A_REQUEST_QUESTION = new Set(['feedback', 'carry_on']);

/**
 * Records what happens in each conversation for insight (issue 22), from what the assistant already
 * sends in a turn: its trace activities (which carry no personal data) — never the messages'
 * words. Added to the adapter by the composition root; a failure to record is logged and the
 * conversation goes on.
 */
export class OutcomeRecorder implements Middleware {
  constructor(
    private readonly store: InsightEventRecorder,
    private readonly salt: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const seen: Array<Partial<Activity>> = [];
    // In a web-chat turn whose writes are committed together (issue 23), each trace's events are
    // held as it is sent, so that they go in the turn's one transaction with its state.
    let written = 0;
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const traces = activities.filter((a) => a.type === 'trace');
      const turn = TurnWrites.of(context); // attached by the bridge once the middleware has run
      if (turn && traces.length) {
        const events = this.events(context, traces);
        const firstSeq = written;
        written += events.length;
        if (events.length)
          turn.hold({
            write: (trx) => this.store.record(events, trx, firstSeq),
            committed: () => undefined,
            // Insight is not worth a resident's turn: a failure is logged, and the turn's other writes go on.
            optional: (err) => this.logger.warn({ err: err.message, events: events.length }, 'could not record insight events'),
          });
      } else seen.push(...traces);
      return sendNext();
    });
    await next();
    const events = this.events(context, seen);
    if (!events.length) return;
    try {
      await this.store.record(events, undefined, written);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, events: events.length }, 'could not record insight events');
    }
  }

  private events(context: TurnContext, traces: Array<Partial<Activity>>): InsightEvent[] {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId || !traces.length) return [];
    const base = { conversation: conversationKey(conversationId, this.salt), channel: channelOf(context.activity), at: this.now().toISOString() };
    return traces.flatMap((trace): InsightEvent[] => eventsOf(trace).map(([kind, detail]) => ({ ...base, kind, detail })));
  }
}

/** The insight events one trace activity stands for. */
export function eventsOf(trace: Partial<Activity>): Array<[EventKind, string | null]> {
  const value = (trace.value ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? value[key] : null);
  switch (trace.name) {
    case 'council.route': {
      // Every routed message counts the conversation, a greeting alone too; the route's kind and intent say nothing of the resident.
      const routed: [EventKind, string | null] = ['routed', value.kind === 'intent' ? `intent:${text('label') ?? ''}` : text('kind')];
      if (value.kind === 'safeguarding') return [routed, ['safeguarding', text('category')]];
      if (value.kind === 'none') return [routed, ['out_of_scope', null]];
      return [routed];
    }
    case 'council.interruption':
      return value.route === 'safeguarding' ? [['safeguarding', text('category')]] : [];
    case 'council.knowledge':
      return [['answered', text('articleId')]];
    case 'council.feedback':
      return [[value.helpful === true ? 'helpful' : 'unhelpful', text('articleId')]];
    case 'council.request.submitted':
      return [['filed', text('serviceCode')]];
    case 'council.person':
      return [[text('how') === 'callback' ? 'callback' : 'person', text('how')]];
    case 'council.prompt': {
      const field = text('field');
      return field && !NOT_A_REQUEST_QUESTION.has(field) ? [['prompt', field]] : [];
    }
    default:
      return [];
  }
}

/** web (the council's page, Web Chat), teams, directline (another Direct Line client), other. */
export function channelOf(activity: Partial<Activity>): Channel {
  const id = String(activity.channelId ?? '').toLowerCase();
  if (id === 'msteams') return 'teams';
  if (id === 'webchat') return 'web';
  if (id === 'directline') return (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID ? 'web' : 'directline';
  return 'other';
}
