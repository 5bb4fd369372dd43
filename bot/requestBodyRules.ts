import type { IncomingMessage } from 'node:http';

/** Deeper JSON than any Bot Framework activity or form needs; far shallower than would overflow a recursive walk. */
export const MAX_JSON_DEPTH = 64;

/** The only body types any route takes: JSON (Bot Framework, Direct Line, the console API) and forms (sign-in, Open311). */
const ACCEPTED_TYPES = [/^application\/json$/, /^application\/[a-z0-9.+-]*\+json$/, /^application\/x-www-form-urlencoded$/];

export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Why a request body is refused before it is read (415), or undefined. Anything but JSON or a
 * URL-encoded form — multipart uploads above all, which the parser would otherwise spool to
 * temporary files — and any Content-Encoding (a small gzip body can inflate to gigabytes).
 */
export function unsupportedBody(req: IncomingMessage): string | undefined {
  if (!hasBody(req)) return undefined;
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!ACCEPTED_TYPES.some((t) => t.test(type))) return 'This address takes JSON (application/json) or a form (application/x-www-form-urlencoded), nothing else.';
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return 'Compressed request bodies are not accepted.';
  return undefined;
}

/** True when objects and arrays nest more than `max` deep. Iterative, so it cannot itself overflow the stack. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(item as Record<string, unknown>)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
