import type { Request } from 'restify';
import { RequestError } from './requestValidation';

/** A GeoReport v2 query or form body, as restify's parsers give it. */
export type Query = Record<string, unknown>;

const DAY = 24 * 3600 * 1000;

export function param(q: Query, key: string): string | undefined {
  const v = q[key];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** A comma-separated parameter ("SR-1,SR-2"), or undefined when empty. */
export function list(q: Query, key: string): string[] | undefined {
  const v = param(q, key);
  if (!v) return undefined;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

export function body(req: Request): Query {
  const b = req.body as unknown;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Query) : {};
}

/**
 * `start_date`/`end_date` as the spec reads them: W3C dates, at most `maxDays` apart; without
 * them the last `maxDays` days up to `now`.
 */
export function dateRange(q: Query, now: Date, maxDays: number): { start: string; end: string } {
  const read = (key: string): number | undefined => {
    const v = param(q, key);
    if (!v) return undefined;
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new RequestError(400, `${key} must be a W3C date and time, e.g. 2026-11-01T00:00:00Z.`);
    return t;
  };
  let start = read('start_date');
  let end = read('end_date');
  if (end === undefined) end = start === undefined ? now.getTime() : Math.min(start + maxDays * DAY, now.getTime());
  if (start === undefined) start = end - maxDays * DAY;
  if (start > end) throw new RequestError(400, 'start_date must be before end_date.');
  if (end - start > maxDays * DAY) throw new RequestError(400, `start_date and end_date may be at most ${maxDays} days apart.`);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}
