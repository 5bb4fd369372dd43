import pino, { type Logger, type DestinationStream } from 'pino';
import { redactText, redactValue } from './redact';

export type { Logger };

/**
 * Structured JSON logs with residents' personal data redacted from every field and
 * message before it is written (see redact.ts).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'council-assistant' },
      formatters: {
        log: (obj) => redactValue(obj) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // pino copies an Error's message into `msg` outside the formatter: redact it here.
          const [first, ...rest] = args as unknown[];
          const normalised = first instanceof Error ? [{ err: first }, redactText(first.message), ...rest] : args;
          const redacted = normalised.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>;
          return method.apply(this, redacted);
        },
      },
    },
    destination ?? pino.destination({ sync: false }),
  );
}
