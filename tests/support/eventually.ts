/**
 * The one polling helper of the tests: waits for state reached through another process, a socket
 * or a timer, and fails with what it was waiting for. A bound on the wait, never a timing
 * assertion: a slow machine takes longer, it does not fail sooner.
 */
export interface EventuallyOptions {
  /** Named in the error when the wait gives up. */
  what?: string;
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  /** Pause between checks (default 25 ms). */
  intervalMs?: number;
  /** Run before each pause (e.g. flush a buffer the check reads). */
  between?: () => unknown;
}

/** Resolves with the first value of `check` that is not undefined, null or false. */
export async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: EventuallyOptions = {},
): Promise<T> {
  const { what = 'a condition', timeoutMs = 15_000, intervalMs = 25, between } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await between?.();
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
