import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../platform/logger';
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
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      seen.push(...activities.filter((a) => a.type === 'trace'));
      return sendNext();
    });
    await next();
    const conversationId = context.activity.conversation?.id;
    if (!conversationId || !seen.length) return;
    const at = this.now().toISOString();
    const base = { conversation: conversationKey(conversationId, this.salt), channel: channelOf(context.activity), at };
    const events = seen.flatMap((trace): InsightEvent[] => eventsOf(trace).map(([kind, detail]) => ({ ...base, kind, detail })));
    try {
      await this.store.record(events);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, events: events.length }, 'could not record insight events');
    }
  }
}

/** The insight events one trace activity stands for. */
export function eventsOf(trace: Partial<Activity>): Array<[EventKind, string | null]> {
  const value = (trace.value ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key]) : null);
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
