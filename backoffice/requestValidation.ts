import type { ServiceFile } from './serviceCatalogue';
import type { NewRequest } from './requestStore';

export const MAX_DESCRIPTION = 4000;
const MAX_FIELD = 500;
/** Attributes the definition does not list (FixMyStreet's uprn, easting, …): kept, within these limits. */
export const MAX_EXTRA_ATTRIBUTES = 50;
const EXTRA_CODE = /^[A-Za-z0-9_.:-]{1,64}$/;
export const MAX_MEDIA_URLS = 10;
const MAX_URL = 2048;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;

function one(value: unknown): string | undefined {
  if (Array.isArray(value)) return one(value[0]);
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : undefined;
}

function text(body: Body, key: string, max = MAX_FIELD): string | null {
  const v = one(body[key])?.trim();
  if (!v) return null;
  if (v.length > max)
    throw new RequestError(400, `${key} must be ${max.toLocaleString('en-GB')} characters or fewer (it has ${v.length.toLocaleString('en-GB')}).`);
  return v;
}

/**
 * Reads `attribute[code]` fields whether the form parser nested them ({attribute: {code}})
 * or left them flat ("attribute[code]", "attribute[code][]").
 */
export function readAttributes(body: Body): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const put = (code: string, value: unknown) => {
    const values = (Array.isArray(value) ? value : [value]).map(one).filter((v): v is string => v !== undefined);
    if (!values.length) return;
    const prev = out[code];
    const merged = prev === undefined ? values : [...(Array.isArray(prev) ? prev : [prev]), ...values];
    out[code] = merged.length === 1 ? merged[0] : merged;
  };
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [code, value] of Object.entries(nested as Body)) put(code, value);
  }
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](?:\[\])?$/.exec(key);
    if (m) put(m[1], value);
  }
  return out;
}

function coordinate(body: Body, key: 'lat' | 'long', min: number, max: number): number | null {
  const raw = one(body[key])?.trim();
  if (!raw) return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new RequestError(400, `${key} must be a number between ${min} and ${max}.`);
  return n;
}

/** Validates a POST requests.json body against the service definition (GeoReport v2 rules). */
export function validateNewRequest(body: Body, service: ServiceFile): Omit<NewRequest, 'service_notice' | 'expected_datetime'> {
  const lat = coordinate(body, 'lat', -90, 90);
  const long = coordinate(body, 'long', -180, 180);
  if ((lat === null) !== (long === null)) throw new RequestError(400, 'lat and long must be given together.');
  const address_string = text(body, 'address_string', 1000);
  const address_id = text(body, 'address_id', 64);
  if (lat === null && !address_string && !address_id) {
    throw new RequestError(400, 'A location is required: lat and long, address_string or address_id.');
  }
  const email = text(body, 'email', 320);
  if (email && !EMAIL.test(email)) throw new RequestError(400, 'email is not a valid email address.');
  const phone = text(body, 'phone', 40);
  if (phone && !/^[0-9 +()-]{6,40}$/.test(phone)) throw new RequestError(400, 'phone is not a valid phone number.');

  const given = readAttributes(body);
  const client_reference = (one(given.client_reference) ?? one(body.client_reference) ?? '').trim() || null;
  delete given.client_reference;
  if (client_reference && client_reference.length > 128) throw new RequestError(400, 'client_reference must be 128 characters or fewer.');

  const attributes: Record<string, string | string[]> = {};
  for (const a of service.attributes) {
    const value = given[a.code];
    const values = (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
    if (!values.length) {
      if (a.required && a.variable) throw new RequestError(400, `attribute[${a.code}] is required: ${a.description}`);
      continue;
    }
    if (a.datatype !== 'multivaluelist' && values.length > 1) throw new RequestError(400, `attribute[${a.code}] takes one value.`);
    const keys = new Set((a.values ?? []).map((v) => v.key));
    for (const v of values) {
      if (v.length > MAX_FIELD && a.datatype !== 'text') throw new RequestError(400, `attribute[${a.code}] is too long.`);
      if (a.datatype === 'text' && v.length > MAX_DESCRIPTION)
        throw new RequestError(400, `attribute[${a.code}] must be ${MAX_DESCRIPTION.toLocaleString('en-GB')} characters or fewer.`);
      if ((a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') && !keys.has(v)) {
        throw new RequestError(400, `attribute[${a.code}] must be one of: ${[...keys].join(', ')}.`);
      }
      if (a.datatype === 'number' && !Number.isFinite(Number(v))) throw new RequestError(400, `attribute[${a.code}] must be a number.`);
      if (a.datatype === 'datetime' && Number.isNaN(Date.parse(v))) throw new RequestError(400, `attribute[${a.code}] must be a date and time (ISO 8601).`);
    }
    attributes[a.code] = a.datatype === 'multivaluelist' ? values : values[0];
  }
  const extra = Object.keys(given).filter((code) => !service.attributes.some((a) => a.code === code));
  if (extra.length > MAX_EXTRA_ATTRIBUTES)
    throw new RequestError(400, `At most ${MAX_EXTRA_ATTRIBUTES} attributes beyond the service definition's may be given.`);
  for (const code of extra) {
    if (!EXTRA_CODE.test(code)) throw new RequestError(400, 'An attribute code must be 1 to 64 letters, digits, _ . : or -.');
    const values = (Array.isArray(given[code]) ? given[code] : [given[code]]).map((v) => v.trim());
    if (values.length > 20 || values.some((v) => v.length > MAX_DESCRIPTION)) throw new RequestError(400, `attribute[${code}] is too long.`);
    attributes[code] = values.length === 1 ? values[0] : values;
  }

  return {
    service_code: service.service_code,
    description: text(body, 'description', MAX_DESCRIPTION),
    lat,
    long,
    address_string,
    address_id,
    attributes,
    email,
    first_name: text(body, 'first_name', 200),
    last_name: text(body, 'last_name', 200),
    phone,
    client_reference,
    media_url: readMediaUrls(body),
  };
}

/** `media_url`, once or repeated (FixMyStreet's multi_photos): absolute http(s) URLs. */
export function readMediaUrls(body: Body): string[] {
  const raw = body.media_url;
  const values = (Array.isArray(raw) ? raw : [raw])
    .map(one)
    .map((v) => v?.trim() ?? '')
    .filter(Boolean);
  if (values.length > MAX_MEDIA_URLS) throw new RequestError(400, `At most ${MAX_MEDIA_URLS} media_url values may be given.`);
  for (const v of values) {
    let url: URL | undefined;
    try {
      url = new URL(v);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || v.length > MAX_URL) {
      throw new RequestError(400, `media_url must be an http or https address of at most ${MAX_URL.toLocaleString('en-GB')} characters.`);
    }
  }
  return values;
}

/** `days` working days (Monday–Friday) after `from`. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}
