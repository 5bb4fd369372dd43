import { NullTelemetryClient, type BotTelemetryClient } from 'botbuilder';
import type { Logger } from '../../../platform/logger';
import { checkConnectionString } from './connectionString';
import { RedactingTelemetryClient, safeProperties } from './redactingTelemetryClient';
import type { SinkSeverity, TelemetrySink } from './telemetrySink';

/** The assistant's telemetry: Application Insights when configured, nothing otherwise. */
export interface Telemetry {
  readonly enabled: boolean;
  /** Bot Framework's interface (dialogs, TelemetryLoggerMiddleware, recognizer events). */
  readonly client: BotTelemetryClient;
  trackRequest(t: { name: string; path: string; durationMs: number; status: number }): void;
  /** Sends one pino JSON line (info and above) as a trace. */
  trackLogLine(line: string): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

const LEVELS: Array<[number, SinkSeverity]> = [
  [60, 'Critical'],
  [50, 'Error'],
  [40, 'Warning'],
  [30, 'Information'],
];
const LOG_FIELDS_NOT_SENT = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'service']);

class NoTelemetry implements Telemetry {
  readonly enabled = false;
  readonly client = new NullTelemetryClient();
  trackRequest(): void {}
  trackLogLine(): void {}
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}

class AppInsightsTelemetry implements Telemetry {
  readonly enabled = true;
  readonly client: RedactingTelemetryClient;

  constructor(private readonly sink: TelemetrySink) {
    this.client = new RedactingTelemetryClient(sink);
  }

  trackRequest(t: { name: string; path: string; durationMs: number; status: number }): void {
    this.client.trackRequest(t);
  }

  trackLogLine(line: string): void {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const level = typeof entry.level === 'number' ? entry.level : 0;
    const severity = LEVELS.find(([min]) => level >= min)?.[1];
    if (!severity) return;
    const fields = Object.fromEntries(Object.entries(entry).filter(([k]) => !LOG_FIELDS_NOT_SENT.has(k)));
    this.sink.trackTrace({ message: String(entry.msg ?? ''), severity, properties: safeProperties(fields, this.client.pseudonyms) });
  }

  async flush(): Promise<void> {
    await this.client.flush();
  }

  async close(): Promise<void> {
    await this.client.shutdown();
  }
}

export interface TelemetryOptions {
  /** Replaces the Application Insights SDK (tests of the wiring, not of the wire). */
  sinkFactory?: (connectionString: string) => TelemetrySink | Promise<TelemetrySink>;
}

async function applicationInsightsSink(connectionString: string): Promise<TelemetrySink> {
  const ai = await import('applicationinsights');
  // An isolated client: no global OpenTelemetry providers, no monkey-patching of http, console
  // or database drivers, so nothing is collected that has not passed through the redactor.
  const client = new ai.TelemetryClient(connectionString, { useGlobalProviders: false });
  return client;
}

/**
 * Starts telemetry from APPLICATIONINSIGHTS_CONNECTION_STRING. Unset: none. Malformed, or the
 * SDK refuses it: a warning naming the setting (never its value), and the assistant runs on
 * without telemetry.
 */
export async function createTelemetry(connectionString: string | undefined, logger: Logger, options: TelemetryOptions = {}): Promise<Telemetry> {
  if (!connectionString) return new NoTelemetry();
  const checked = checkConnectionString(connectionString);
  if (!checked.ok) {
    logger.warn(
      { setting: 'APPLICATIONINSIGHTS_CONNECTION_STRING', problem: checked.problem },
      `APPLICATIONINSIGHTS_CONNECTION_STRING is malformed (${checked.problem}); telemetry is off, the assistant runs without it`,
    );
    return new NoTelemetry();
  }
  try {
    const sink = await (options.sinkFactory ?? applicationInsightsSink)(connectionString);
    logger.info(
      { ingestion: checked.value.ingestionEndpoint ? new URL(checked.value.ingestionEndpoint).host : 'default' },
      'Application Insights telemetry on',
    );
    return new AppInsightsTelemetry(sink);
  } catch (err) {
    logger.warn(
      { setting: 'APPLICATIONINSIGHTS_CONNECTION_STRING', problem: (err as Error)?.message },
      'Application Insights could not start; telemetry is off, the assistant runs without it',
    );
    return new NoTelemetry();
  }
}
