import { ActivityTypes, type Activity, type BotTelemetryClient, type Middleware, type TurnContext } from 'botbuilder';

/** Custom event names the assistant sends besides Bot Framework's own. */
export const TelemetryEvents = {
  handoffInitiated: 'CouncilHandoffInitiated',
  handoffStatus: 'CouncilHandoffStatus',
} as const;

/** Trace activities whose name starts with this become telemetry events (e.g. council.route, council.case). */
export const FEATURE_TRACE_PREFIX = 'council.';

/**
 * Records conversation milestones without their content: handoffs (the Bot Framework
 * handoff.initiate / handoff.status events) and the assistant's own `council.*` traces —
 * routing decisions, case submissions and whatever features add — as custom events with
 * their fields redacted by the telemetry client.
 */
export class ConversationEventsMiddleware implements Middleware {
  constructor(private readonly telemetry: BotTelemetryClient) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const incoming = context.activity;
    const base = { channelId: incoming.channelId ?? '', conversationId: incoming.conversation?.id ?? '' };
    if (incoming.type === ActivityTypes.Event && incoming.name === 'handoff.status') {
      const state = (incoming.value as { state?: unknown } | undefined)?.state;
      this.telemetry.trackEvent({ name: TelemetryEvents.handoffStatus, properties: { ...base, state: typeof state === 'string' ? state : '' } });
    }
    context.onSendActivities(async (_ctx, activities: Partial<Activity>[], sendNext) => {
      for (const a of activities) this.record(a, base);
      return sendNext();
    });
    await next();
  }

  private record(activity: Partial<Activity>, base: Record<string, string>): void {
    if (activity.type === ActivityTypes.Event && activity.name === 'handoff.initiate') {
      this.telemetry.trackEvent({
        name: TelemetryEvents.handoffInitiated,
        properties: { ...base, withHistory: String(Boolean(activity.attachments?.length)) },
      });
    } else if (activity.type === ActivityTypes.Trace && activity.name?.startsWith(FEATURE_TRACE_PREFIX)) {
      this.telemetry.trackEvent({ name: activity.name, properties: { ...base, ...scalarFields(activity.value) } });
    }
  }
}

/** Top-level scalar fields only; nested objects (entities, transcripts, form data) are left out. */
function scalarFields(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}
