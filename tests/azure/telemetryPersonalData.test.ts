import type { ConversationAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedactingTelemetryClient } from '../../bot/hosting/telemetry/redactingTelemetryClient';
import { activities, openConversation, post } from '../directline/harness';
import { IngestionSink } from './ingestionSink';
import { messageActivity, send, startApp, type RunningApp } from './support';
import { eventually } from '../support/eventually';

/**
 * The whole path with the real Application Insights SDK: a conversation full of personal
 * data goes through the assistant; neither the JSON logs nor anything that reaches the
 * (local) ingestion endpoint may contain any of it.
 */
const PERSONAL = {
  name: 'Jane Smithson',
  email: 'jane.smithson@example.com',
  mobile: '07700 900123',
  landline: '01632 960471',
  postcode: 'AT3 4QX',
  street: '27 Acacia Avenue',
  aadObjectId: '6f1c2d3e-aaaa-4bbb-8ccc-0123456789ab',
};
const FORBIDDEN = ['Jane', 'Smithson', 'jane.smithson', 'example.com', '07700', '900123', '960471', 'AT3 4QX', 'AT34QX', 'Acacia', PERSONAL.aadObjectId];

const conversation = [
  `hello, my name is ${PERSONAL.name}`,
  `I'm ${PERSONAL.name} and my bin was not collected`,
  `my email is ${PERSONAL.email} and my mobile is ${PERSONAL.mobile}`,
  `you missed my bin at ${PERSONAL.street}, ${PERSONAL.postcode}, call me on ${PERSONAL.landline}`,
  `${PERSONAL.postcode.replace(' ', '')}`,
  'help',
];

let sink: IngestionSink;
let running: RunningApp;
/** Environment this test changes, restored afterwards. */
const saved = Object.fromEntries(
  ['NODE_TLS_REJECT_UNAUTHORIZED', 'WEBSITE_SITE_NAME', 'APPLICATIONINSIGHTS_STATSBEAT_DISABLED'].map((k) => [k, process.env[k]]),
);

beforeAll(async () => {
  sink = new IngestionSink();
  await sink.start();
  // The sink's certificate is self-signed; this test process alone accepts it.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  // Off Azure, the SDK probes the Azure VM metadata address (169.254.169.254) and reports its own
  // health to Microsoft (statsbeat). Tests talk to loopback only: look like App Service, no statsbeat.
  process.env.WEBSITE_SITE_NAME = 'council-assistant-test';
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true';
  running = await startApp({ APPLICATIONINSIGHTS_CONNECTION_STRING: sink.connectionString() }, 'trace');
});

afterAll(async () => {
  await running?.close();
  await sink?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const waitFor = (condition: () => boolean): Promise<true> =>
  eventually(condition, {
    what: 'telemetry to reach the fake ingestion endpoint',
    timeoutMs: 15_000,
    intervalMs: 250,
    between: () => running.app.telemetry.flush(),
  });

describe('telemetry and logs without personal data', () => {
  it('sends requests, traces and Bot Framework events to Application Insights, none of it personal', async () => {
    expect(running.app.telemetry.enabled).toBe(true);
    const from = { id: 'user-jane', name: PERSONAL.name, aadObjectId: PERSONAL.aadObjectId };
    for (const text of conversation) {
      const { status, activities } = await send(
        running.port,
        messageActivity(text, { from, conversation: { id: 'conv-pii', name: PERSONAL.name, isGroup: false } as ConversationAccount }),
      );
      expect(status).toBe(200);
      expect(activities.length).toBeGreaterThan(0);
    }
    // The same resident through Teams, with the identifiers Teams adds.
    await send(
      running.port,
      messageActivity(`<at>Council Assistant</at> my email is ${PERSONAL.email}`, {
        channelId: 'msteams',
        from,
        channelData: { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
        entities: [{ type: 'mention', mentioned: { id: 'bot-1', name: 'Council Assistant' }, text: '<at>Council Assistant</at>' }],
      }),
    );
    // A feature that carelessly logs what a resident said: the logger and telemetry must still mask it.
    running.logger.warn(
      { note: `resident wrote ${PERSONAL.email} / ${PERSONAL.mobile}`, text: conversation[0] },
      `could not process message from ${PERSONAL.street} ${PERSONAL.postcode}`,
    );

    await waitFor(() => {
      const events = sink.eventNames();
      const types = new Set(sink.envelopes().map((e) => e.data?.baseType));
      return (
        events.includes('BotMessageReceived') &&
        events.includes('CouncilRecognizerResult') &&
        types.has('RequestData') &&
        types.has('MessageData') &&
        sink.bodies.join('').includes('could not process message')
      );
    });

    // Something real arrived, so the absence checks below mean something.
    const events = sink.eventNames();
    expect(events).toContain('BotMessageReceived');
    expect(events).toContain('BotMessageSend');
    expect(events).toContain('CouncilRecognizerResult');
    expect(events).toContain('council.route');
    expect(events.some((e) => e.startsWith('Waterfall'))).toBe(true);
    const types = new Set(sink.envelopes().map((e) => e.data?.baseType));
    expect(types).toContain('RequestData');
    expect(types).toContain('MessageData');
    const recognizerEvent = sink.envelopes().find((e) => e.data?.baseData?.name === 'CouncilRecognizerResult');
    expect(Object.keys(recognizerEvent!.data!.baseData!.properties ?? {})).toEqual(expect.arrayContaining(['intent', 'source']));
    const request = sink.envelopes().find((e) => e.data?.baseType === 'RequestData');
    expect(request!.data!.baseData!.name).toBe('POST /api/messages');

    const payloads = sink.bodies.join('\n');
    const logs = running.logs.text();
    expect(logs).toContain('could not process message');
    expect(payloads).toContain('could not process message');
    for (const secret of FORBIDDEN) {
      expect(payloads, `telemetry contains "${secret}"`).not.toContain(secret);
      expect(logs, `logs contain "${secret}"`).not.toContain(secret);
    }
    // The utterances themselves never leave, not even redacted.
    expect(payloads).not.toContain('bin was not collected');
    // Nor the conversation and user ids: only pseudonyms, the same one for every event of a conversation.
    for (const id of ['conv-pii', 'user-jane']) expect(payloads, `telemetry contains "${id}"`).not.toContain(id);
    const received = sink.envelopes().filter((e) => e.data?.baseData?.name === 'BotMessageReceived');
    const pseudonyms = new Set(received.map((e) => (e.data!.baseData!.properties as Record<string, string>).conversationId));
    expect(pseudonyms.size).toBe(2); // conv-pii, and the Teams one
    for (const p of pseudonyms) expect(p).toMatch(/^h:[A-Za-z0-9_-]{22}$/);
  });

  it('sends no local Direct Line conversation id (in events, activity ids or request URLs), which would let anyone act in it', async () => {
    const base = `http://127.0.0.1:${running.port}`;
    const c = await openConversation(base);
    expect((await post(base, c, { type: 'message', text: 'help' })).status).toBe(200);
    await activities(base, c);
    const pseudonym = running.app.telemetry.enabled && (running.app.telemetry.client as RedactingTelemetryClient).pseudonyms.of(c.conversationId);
    await waitFor(
      () => sink.bodies.join('').includes(String(pseudonym)) && sink.bodies.join('').includes('/v3/directline/conversations/:conversationId/activities'),
    );
    const payloads = sink.bodies.join('\n');
    expect(payloads).toContain(String(pseudonym));
    expect(payloads).toContain('/v3/directline/conversations/:conversationId/activities');
    expect(payloads).not.toContain(c.conversationId);
    expect(payloads).not.toMatch(/\/connector\/[A-Za-z0-9_-]{32}\//);
  });
});
