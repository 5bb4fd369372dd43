import { Severity, type BotTelemetryClient, type TelemetryDependency, type TelemetryEvent, type TelemetryException, type TelemetryTrace } from 'botbuilder';
import { redactText } from '../../../platform/redact';
import { Pseudonyms } from './pseudonyms';
import type { SinkSeverity, TelemetrySink } from './telemetrySink';

/**
 * Property names never sent, whatever they hold: message text and names (Bot Framework adds
 * them only with logPersonalInformation on, which we never turn on — this is the second lock),
 * identifiers of a person (channel user ids, Entra object ids) and anything that carries what a
 * resident typed or where they live.
 */
const DROPPED =
  /(text|utterance|speak|name|email|phone|address|postcode|street|house|description|details|comment|location|value|entit|attachment|aadobjectid|fromid|userid|transcript)/i;
/** Names that match the pattern above but only ever hold the assistant's own identifiers. */
const SAFE = new Set(['StepName', 'DialogName', 'DialogId', 'dialogId', 'eventName']);
/**
 * Identifiers sent only as pseudonyms: conversation ids (in the local Direct Line, knowing one is
 * enough to act in the conversation), the recipient (the resident, on replies) and activity ids
 * (the local Direct Line's are the conversation id and a number).
 */
const PSEUDONYMISED = /(conversation_?id|recipient_?id|activity_?id|reply_?to_?id)$/i;

const SEVERITIES: Record<number, SinkSeverity> = {
  [Severity.Verbose]: 'Verbose',
  [Severity.Information]: 'Information',
  [Severity.Warning]: 'Warning',
  [Severity.Error]: 'Error',
  [Severity.Critical]: 'Critical',
};

/** Properties safe to send: personal fields dropped, identifiers as pseudonyms, every other value through the redactor, flattened to strings. */
export function safeProperties(properties: Record<string, unknown> | undefined, pseudonyms: Pseudonyms): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if ((DROPPED.test(key) && !SAFE.has(key)) || value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    out[key] = PSEUDONYMISED.test(key) && text ? pseudonyms.of(text) : redactText(text).slice(0, 8192);
  }
  return out;
}

/** An exception with its message and stack redacted (the original is never passed on). */
export function safeException(error: Error): Error {
  const copy = new Error(redactText(error?.message ?? String(error)));
  copy.name = error?.name ?? 'Error';
  copy.stack = error?.stack ? redactText(error.stack) : `${copy.name}: ${copy.message}`;
  return copy;
}

/**
 * Bot Framework's telemetry interface over the Application Insights SDK, with the project's
 * redaction applied to everything before it leaves the process. Dialogs, the
 * TelemetryLoggerMiddleware and the assistant's own events all go through here.
 */
export class RedactingTelemetryClient implements BotTelemetryClient {
  constructor(
    private readonly sink: TelemetrySink,
    readonly pseudonyms: Pseudonyms = new Pseudonyms(),
  ) {}

  trackEvent(t: TelemetryEvent): void {
    this.sink.trackEvent({ name: redactText(t.name), properties: safeProperties(t.properties, this.pseudonyms), measurements: t.metrics });
  }

  trackTrace(t: TelemetryTrace): void {
    this.sink.trackTrace({
      message: redactText(t.message),
      severity: SEVERITIES[t.severityLevel ?? Severity.Information],
      properties: safeProperties(t.properties, this.pseudonyms),
    });
  }

  trackException(t: TelemetryException): void {
    this.sink.trackException({
      exception: safeException(t.exception),
      severity: SEVERITIES[t.severityLevel ?? Severity.Error],
      properties: safeProperties({ ...t.properties, handledAt: t.handledAt }, this.pseudonyms),
      measurements: t.measurements,
    });
  }

  trackDependency(t: TelemetryDependency): void {
    this.sink.trackDependency({
      name: redactText(t.name),
      data: redactText(t.data ?? ''),
      target: t.target,
      dependencyTypeName: t.dependencyTypeName,
      duration: t.duration,
      resultCode: t.resultCode,
      success: t.success,
    });
  }

  /** An HTTP request the server handled: path only (never the query string). */
  trackRequest(t: { name: string; path: string; durationMs: number; status: number }): void {
    this.sink.trackRequest({
      name: redactText(t.name),
      url: redactText(t.path),
      duration: t.durationMs,
      resultCode: String(t.status),
      success: t.status < 500,
    });
  }

  async flush(): Promise<void> {
    await this.sink.flush();
  }

  async shutdown(): Promise<void> {
    await this.sink.flush().catch(() => undefined);
    await this.sink.shutdown?.().catch(() => undefined);
  }
}
