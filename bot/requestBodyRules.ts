import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'restify';

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
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!ACCEPTED_TYPES.some((t) => t.test(type)))
    return 'This address takes JSON (application/json) or a form (application/x-www-form-urlencoded), nothing else.';
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
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

/**
 * Before the body parser: 415 for a body type no route takes, 413 for one announced as larger
 * than `maxBodyBytes` (at once, rather than waiting for bytes that may never come), saying
 * `tooLarge` (the council's words, http.yaml).
 */
export function bodyGate(maxBodyBytes: number, tooLarge: string): RequestHandler {
  return (req, res, next) => {
    const problem = unsupportedBody(req);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!problem && !(declared > maxBodyBytes)) return next();
    res.header('Connection', 'close');
    if (problem) res.send(415, { error: problem });
    else res.send(413, { error: tooLarge });
    return next(false);
  };
}

/** After the body parser: 400 for JSON nested deeper than {@link MAX_JSON_DEPTH}, before any handler walks it. */
export function depthLimit(): RequestHandler {
  return (req, res, next) => {
    if (!nestedDeeperThan(req.body, MAX_JSON_DEPTH)) return next();
    res.send(400, { error: `The body nests objects or lists more than ${MAX_JSON_DEPTH} deep.` });
    return next(false);
  };
}
