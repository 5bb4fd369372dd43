import { XMLParser } from 'fast-xml-parser';
import type { RequestFields, ServiceDefinition, ServiceRequest, ServiceRequestUpdate, ServiceSummary } from './types';

/**
 * Why a call failed. `unavailable`: down, slow, 5xx or 429 — try again later, nothing lost.
 * `rejected`: the back office refused the request (400/403/404…) with a description to show.
 */
export class Open311Error extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected',
    message: string,
    readonly status?: number,
    /**
     * The request may have reached the back office and been acted on (a timeout, a connection
     * dropped after sending, a 5xx, an answer that could not be read): a POST must not simply be
     * sent again. False when it certainly was not (refused connection, 4xx, 429).
     */
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = 'Open311Error';
  }
}

/** What a POST requests answered: the request at once, or a token to follow (asynchronous creation). */
export type PostOutcome = { service_request_id: string; service_notice: string; token?: undefined } | { token: string; service_request_id?: undefined };

/** The search parameters of a look-up (`GET requests`): one service, a time window. */
export interface RequestSearch {
  service_code: string;
  start: Date;
  end: Date;
}

/** Connection errors that mean nothing was sent: the request cannot have been acted on. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

export interface Open311ClientOptions {
  /** e.g. https://council.example/open311/v2 — a function when the port is known only after listen. */
  baseUrl: string | (() => string);
  apiKey?: string;
  /**
   * Send the api_key with GETs too (the built-in back office then answers in full and does not
   * count the assistant against its public rate limit). Off for other back offices, which may
   * refuse a key on a read, e.g. while a rotated key is being replaced.
   */
  apiKeyOnReads?: boolean;
  jurisdictionId?: string;
  /** GeoReport v2 format of the routes used (`requests.json` or `requests.xml`); json by default. */
  format?: 'json' | 'xml';
  /**
   * Send `attribute[client_reference]` (default true); false for back offices that refuse unknown
   * attributes; 'auto': send it until a back office refuses it by name (a 400 naming
   * client_reference), then send the report again at once without it, and never again.
   */
  sendClientReference?: boolean | 'auto';
  timeoutMs?: number;
  /** How long the service list and definitions are kept before they are read again. */
  cacheTtlMs?: number;
  now?: () => number;
}

interface Cached<T> {
  at: number;
  value: T;
}

/** An Open311 GeoReport v2 client (JSON or XML), for any endpoint that follows the spec. */
export class Open311Client {
  private servicesCache?: Cached<ServiceSummary[]>;
  private readonly definitions = new Map<string, Cached<ServiceDefinition>>();
  private readonly now: () => number;

  constructor(private readonly options: Open311ClientOptions) {
    this.now = options.now ?? Date.now;
  }

  get baseUrl(): string {
    const b = this.options.baseUrl;
    return (typeof b === 'function' ? b() : b).replace(/\/+$/, '');
  }

  /** Forgets cached services and definitions, so the next read asks the back office. */
  refresh(): void {
    this.servicesCache = undefined;
    this.definitions.clear();
  }

  async services(): Promise<ServiceSummary[]> {
    if (this.fresh(this.servicesCache)) return this.servicesCache!.value;
    const value = await this.getJson<ServiceSummary[]>(`services.${this.fmt}`);
    if (!Array.isArray(value)) throw new Open311Error('unavailable', 'the service list was not a list');
    this.servicesCache = { at: this.now(), value };
    return value;
  }

  async definition(code: string): Promise<ServiceDefinition> {
    const cached = this.definitions.get(code);
    if (this.fresh(cached)) return cached!.value;
    const raw = await this.getJson<ServiceDefinition>(`services/${encodeURIComponent(code)}.${this.fmt}`);
    const value: ServiceDefinition = {
      service_code: raw.service_code ?? code,
      attributes: (raw.attributes ?? [])
        .map((a) => ({
          ...a,
          variable: a.variable !== false && String(a.variable) !== 'false',
          required: a.required === true || String(a.required) === 'true',
          order: Number(a.order) || 0,
        }))
        .sort((a, b) => a.order - b.order),
    };
    this.definitions.set(code, { at: this.now(), value });
    return value;
  }

  /** POSTs a request and needs its id at once: a token answer (asynchronous creation) is an error here. */
  async postRequest(fields: RequestFields, clientReference: string): Promise<{ service_request_id: string; service_notice: string }> {
    const outcome = await this.submitRequest(fields, clientReference);
    if (outcome.token !== undefined) throw new Open311Error('unavailable', 'the back office answered with a token, not a service_request_id', undefined, true);
    return outcome;
  }

  /**
   * POSTs a request (with `attribute[client_reference]` where allowed, so that a back office that
   * keeps it returns the same request for a repeat). Answers the id, or the token of an
   * asynchronous creation to follow with tokenRequestId.
   */
  async submitRequest(fields: RequestFields, clientReference: string): Promise<PostOutcome> {
    try {
      return await this.post(fields, this.sendsClientReference ? clientReference : undefined);
    } catch (err) {
      if (!(this.options.sendClientReference === 'auto' && this.sendsClientReference && refusesClientReference(err))) throw err;
      // Refused before anything was created: the same report without it, now and from now on.
      this.clientReferenceRefused = true;
      return this.post(fields, undefined);
    }
  }

  /** The id of a request created from a token, or undefined while the back office has not made it yet (404 or no id). */
  async tokenRequestId(token: string): Promise<string | undefined> {
    try {
      const body = await this.getJson<Array<{ service_request_id?: unknown; token?: unknown }>>(`tokens/${encodeURIComponent(token)}.${this.fmt}`);
      const list = Array.isArray(body) ? body : [body];
      const id = list.map((t) => t?.service_request_id).find((v) => v !== undefined && v !== null && String(v).trim() !== '');
      return id === undefined ? undefined : String(id).trim();
    } catch (err) {
      if (err instanceof Open311Error && err.status === 404) return undefined;
      throw err;
    }
  }

  /** GET requests with the spec's search parameters: one service, requested within a window. */
  async findRequests(search: RequestSearch): Promise<ServiceRequest[]> {
    const q = new URLSearchParams({ service_code: search.service_code, start_date: search.start.toISOString(), end_date: search.end.toISOString() });
    const body = await this.getJson<ServiceRequest[] | ServiceRequest>(`requests.${this.fmt}?${q}`);
    if (body && typeof body === 'object' && !Array.isArray(body) && !('service_request_id' in body)) return [];
    return Array.isArray(body) ? body : [body];
  }

  private clientReferenceRefused = false;

  private get sendsClientReference(): boolean {
    return this.options.sendClientReference !== false && !this.clientReferenceRefused;
  }

  private async post(fields: RequestFields, clientReference: string | undefined): Promise<PostOutcome> {
    const form = new URLSearchParams();
    if (this.options.apiKey) form.set('api_key', this.options.apiKey);
    if (this.options.jurisdictionId) form.set('jurisdiction_id', this.options.jurisdictionId);
    for (const key of ['service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'first_name', 'last_name', 'phone', 'description'] as const) {
      const v = fields[key];
      if (v !== undefined && v !== '') form.set(key, String(v));
    }
    for (const [code, value] of Object.entries(fields.attributes)) {
      if (Array.isArray(value)) for (const v of value) form.append(`attribute[${code}][]`, v);
      else form.set(`attribute[${code}]`, value);
    }
    if (clientReference !== undefined) form.set('attribute[client_reference]', clientReference);
    const body = await this.call<Array<{ service_request_id?: unknown; token?: unknown; service_notice?: string }>>(`requests.${this.fmt}`, {
      method: 'POST',
      body: form,
    });
    const first = Array.isArray(body) ? body[0] : undefined;
    const id = first?.service_request_id;
    if (id !== undefined && id !== null && String(id).trim() !== '')
      return { service_request_id: String(id).trim(), service_notice: first?.service_notice ?? '' };
    const token = first?.token;
    if (token !== undefined && token !== null && String(token).trim() !== '') return { token: String(token).trim() };
    // A 2xx without either: it may have been created.
    throw new Open311Error('unavailable', 'the back office did not return a service_request_id or a token', undefined, true);
  }

  /** The request, or undefined when the back office says 404. */
  async getRequest(id: string): Promise<ServiceRequest | undefined> {
    try {
      const body = await this.getJson<ServiceRequest[]>(`requests/${encodeURIComponent(id)}.${this.fmt}`);
      return Array.isArray(body) ? body[0] : undefined;
    } catch (err) {
      if (err instanceof Open311Error && err.status === 404) return undefined;
      throw err;
    }
  }

  /** mySociety's servicerequestupdates between two times, read with the api_key (the extension requires it). */
  async updates(start: Date, end: Date): Promise<ServiceRequestUpdate[]> {
    const body = await this.getJson<ServiceRequestUpdate[] | { service_requests_updates?: ServiceRequestUpdate[] }>(
      `servicerequestupdates.${this.fmt}?start_date=${encodeURIComponent(start.toISOString())}&end_date=${encodeURIComponent(end.toISOString())}`,
      true,
    );
    return Array.isArray(body) ? body : (body.service_requests_updates ?? []);
  }

  private get fmt(): 'json' | 'xml' {
    return this.options.format ?? 'json';
  }

  private fresh(c?: Cached<unknown>): boolean {
    return !!c && this.now() - c.at < (this.options.cacheTtlMs ?? 5 * 60_000);
  }

  private getJson<T>(path: string, withKey = false): Promise<T> {
    const query = new URLSearchParams();
    if (this.options.jurisdictionId) query.set('jurisdiction_id', this.options.jurisdictionId);
    if (this.options.apiKey && (withKey || this.options.apiKeyOnReads)) query.set('api_key', this.options.apiKey);
    const extra = query.size ? `${path.includes('?') ? '&' : '?'}${query}` : '';
    return this.call<T>(`${path}${extra}`, { method: 'GET' });
  }

  private async call<T>(path: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/${path}`, {
        ...init,
        headers: { accept: this.fmt === 'xml' ? 'text/xml, application/xml' : 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message);
      throw new Open311Error('unavailable', `the back office could not be reached (${why})`, undefined, !NOT_SENT.has(e.cause?.code ?? ''));
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      throw new Open311Error('unavailable', 'the back office connection broke while answering', res.status, true);
    }
    let body: unknown;
    try {
      body = !text ? undefined : this.fmt === 'xml' || /^\s*</.test(text) ? fromXml(text) : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (res.ok) {
      if (body === undefined) throw new Open311Error('unavailable', `the back office answered ${res.status} without a readable body`, res.status, true);
      return body as T;
    }
    const description = describeErrors(body) ?? `HTTP ${res.status}`;
    // A 5xx or 408 may come after the request was acted on; a 429 says it was not.
    if (res.status >= 500 || res.status === 408)
      throw new Open311Error('unavailable', `the back office answered ${res.status}: ${description}`, res.status, true);
    if (res.status === 429) throw new Open311Error('unavailable', `the back office answered ${res.status}: ${description}`, res.status);
    throw new Open311Error('rejected', description, res.status);
  }
}

/** A 400 that names client_reference: a back office that refuses attributes its definition does not list. */
function refusesClientReference(err: unknown): boolean {
  return err instanceof Open311Error && err.kind === 'rejected' && err.status === 400 && /client_reference/i.test(err.message);
}

/** GeoReport errors are `[{code, description}]`. */
function describeErrors(body: unknown): string | undefined {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
  const texts = list
    .map((e) => (e && typeof e === 'object' ? (e as { description?: unknown }).description : undefined))
    .filter((d): d is string => typeof d === 'string' && d.length > 0);
  return texts.length ? texts.join(' ') : undefined;
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => LIST_ITEMS.has(name) });
/** Elements that are list items in GeoReport v2 XML (the spec's examples), always read as arrays. */
const LIST_ITEMS = new Set(['service', 'request', 'error', 'attribute', 'value', 'request_update']);

/**
 * GeoReport v2 XML in the shape the JSON answers have: `<services><service>…` → `[{…}]`,
 * `<service_definition>` → `{service_code, attributes: […]}`, `<errors><error>…` → `[{code, description}]`.
 */
function fromXml(text: string): unknown {
  const doc = xml.parse(text) as Record<string, unknown>;
  const rootName = Object.keys(doc).find((k) => k !== '?xml');
  if (!rootName) return undefined;
  const root = doc[rootName];
  if (rootName === 'service_definition') {
    const def = (root ?? {}) as Record<string, unknown>;
    const attrs = (def.attributes as { attribute?: Record<string, unknown>[] } | undefined)?.attribute ?? [];
    return {
      ...def,
      attributes: attrs.map((a) => ({ ...a, values: (a.values as { value?: unknown[] } | undefined)?.value ?? undefined })),
    };
  }
  if (!root || typeof root !== 'object') return [];
  const children = Object.values(root as Record<string, unknown>);
  const list = children.find(Array.isArray);
  return list ?? (children.length ? children : []);
}
