import type { Logger } from '../platform/logger';

/**
 * What the log keeps of an error nobody handled: its type, code and where it was thrown. The
 * message is left out (it may quote a resident's input), and so is the first line of the stack
 * (which repeats it).
 */
export function describeUnhandled(reason: unknown): { type: string; code?: string; at?: string } {
  if (!(reason instanceof Error)) return { type: typeof reason };
  const code = (reason as { code?: unknown }).code;
  const at = reason.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
  return { type: reason.name, ...(typeof code === 'string' ? { code } : {}), ...(at ? { at } : {}) };
}

/**
 * The process-level last resort (composition root only): an exception or rejection that every
 * handler missed is logged and the server keeps serving, rather than one request ending the
 * process for everyone. Each one is a bug to fix; the log line says where.
 */
export function installLastResort(target: NodeJS.EventEmitter, logger: Logger): void {
  target.on('uncaughtException', (err: unknown) => logger.error({ err: describeUnhandled(err) }, 'uncaught exception (still serving)'));
  target.on('unhandledRejection', (reason: unknown) => logger.error({ err: describeUnhandled(reason) }, 'unhandled promise rejection (still serving)'));
}
