import { TelemetryLoggerMiddleware, type CloudAdapter, type TurnContext } from 'botbuilder';
import { ConversationEventsMiddleware } from './conversationEventsMiddleware';
import type { Telemetry } from './telemetry';

/**
 * Bot Framework telemetry on the adapter: message received/sent events (with
 * logPersonalInformation off), handoffs and `council.*` milestones, and unhandled turn
 * errors as exceptions (redacted). Does nothing when telemetry is off.
 */
export function instrumentAdapter(adapter: CloudAdapter, telemetry: Telemetry): void {
  if (!telemetry.enabled) return;
  const logPersonalInformation = false;
  adapter.use(new TelemetryLoggerMiddleware(telemetry.client, logPersonalInformation));
  adapter.use(new ConversationEventsMiddleware(telemetry.client));
  const handleError = adapter.onTurnError;
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    telemetry.client.trackException({
      exception: error instanceof Error ? error : new Error(String(error)),
      handledAt: 'onTurnError',
      properties: { channelId: context.activity?.channelId ?? '', activityType: context.activity?.type ?? '' },
    });
    await handleError?.(context, error);
  };
}
