import { ActivityTypes, EventFactory, type TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ConversationEventsMiddleware, TelemetryEvents } from '../../bot/hosting/telemetry/conversationEventsMiddleware';
import { RedactingTelemetryClient } from '../../bot/hosting/telemetry/redactingTelemetryClient';
import type { TelemetrySink } from '../../bot/hosting/telemetry/telemetrySink';
import { TestConversation } from '../support/testConversation';

/** Records what would be handed to the Application Insights SDK. */
class RecordingSink implements TelemetrySink {
  readonly items: Array<{ kind: string; item: Record<string, unknown> }> = [];
  trackEvent(t: Parameters<TelemetrySink['trackEvent']>[0]) {
    this.items.push({ kind: 'event', item: t });
  }
  trackTrace(t: Parameters<TelemetrySink['trackTrace']>[0]) {
    this.items.push({ kind: 'trace', item: t });
  }
  trackException(t: Parameters<TelemetrySink['trackException']>[0]) {
    this.items.push({ kind: 'exception', item: t });
  }
  trackDependency(t: Parameters<TelemetrySink['trackDependency']>[0]) {
    this.items.push({ kind: 'dependency', item: t });
  }
  trackRequest(t: Parameters<TelemetrySink['trackRequest']>[0]) {
    this.items.push({ kind: 'request', item: t });
  }
  async flush() {}
  events(): Array<{ name: string; properties?: Record<string, string> }> {
    return this.items.filter((i) => i.kind === 'event').map((i) => i.item as { name: string; properties?: Record<string, string> });
  }
}

describe('telemetry events', () => {
  it('records handoffs and council.* milestones (e.g. a case submission) with plain fields only', async () => {
    const sink = new RecordingSink();
    const conversation = new TestConversation(async (context: TurnContext) => {
      if (context.activity.type === ActivityTypes.Message) {
        await context.sendActivity({
          type: ActivityTypes.Trace,
          name: 'council.case',
          value: {
            service: 'report_missed_bin',
            status: 'submitted',
            reference: 'AT-123456',
            description: 'bin at 27 Acacia Avenue',
            location: { postcode: 'AT3 4QX' },
          },
        });
        await context.sendActivity(
          EventFactory.createHandoffInitiation(context, { skill: 'waste' }, {
            activities: [{ type: 'message', text: 'my email is jane@example.com' }],
          } as never),
        );
      } else if (context.activity.type === ActivityTypes.Event) {
        // handoff.status arrives from the contact centre
      }
    });
    conversation.use(new ConversationEventsMiddleware(new RedactingTelemetryClient(sink)));
    await conversation.send('my bin was missed');
    await conversation.send({ type: ActivityTypes.Event, name: 'handoff.status', value: { state: 'accepted', message: 'Agent Jane Smithson joined' } });

    const events = sink.events();
    const caseEvent = events.find((e) => e.name === 'council.case')!;
    expect(caseEvent.properties).toMatchObject({ service: 'report_missed_bin', status: 'submitted', reference: 'AT-123456' });
    expect(caseEvent.properties).not.toHaveProperty('description');
    expect(caseEvent.properties).not.toHaveProperty('location');
    expect(events.find((e) => e.name === TelemetryEvents.handoffInitiated)?.properties).toMatchObject({ withHistory: 'true' });
    expect(events.find((e) => e.name === TelemetryEvents.handoffStatus)?.properties).toMatchObject({ state: 'accepted' });
    const everything = JSON.stringify(sink.items);
    for (const secret of ['Acacia', 'AT3 4QX', 'jane@example.com', 'Smithson']) expect(everything).not.toContain(secret);
  });

  it('redacts exceptions, traces and dependency data before they reach the SDK', () => {
    const sink = new RecordingSink();
    const client = new RedactingTelemetryClient(sink);
    const error = new Error('could not geocode 27 Acacia Avenue, AT3 4QX for jane@example.com');
    client.trackException({ exception: error, properties: { utterance: 'my name is Jane Smithson', dialogId: 'mainWaterfall' } });
    client.trackTrace({ message: 'call back on 07700 900123', properties: { fromName: 'Jane Smithson', StepName: 'routeStep' } });
    client.trackDependency({
      dependencyTypeName: 'HTTP',
      target: 'open311.example',
      name: 'POST requests',
      data: 'email=jane@example.com',
      duration: 5,
      success: true,
      resultCode: 200,
    });
    const exception = sink.items.find((i) => i.kind === 'exception')!.item as { exception: Error; properties: Record<string, string> };
    expect(exception.exception).not.toBe(error);
    expect(exception.exception.message).toBe('could not geocode [address], [postcode] for [email]');
    expect(exception.properties).toEqual({ dialogId: 'mainWaterfall' });
    const trace = sink.items.find((i) => i.kind === 'trace')!.item as { message: string; properties: Record<string, string> };
    expect(trace.message).toBe('call back on [phone]');
    expect(trace.properties).toEqual({ StepName: 'routeStep' });
    expect(JSON.stringify(sink.items)).not.toMatch(/Acacia|AT3 4QX|jane@example\.com|Smithson|900123/);
  });
});
