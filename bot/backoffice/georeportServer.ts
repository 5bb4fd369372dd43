import type { Kysely } from 'kysely';
import type { Request, Response, Server } from 'restify';
import type { RouteModule } from '../server';
import { clientAddress } from '../directline/httpHelpers';
import { RateLimiter } from '../directline/rateLimiter';
import type { Logger } from '../logger';
import { redactContactDetails } from '../redact';
import type { DatabaseSchema } from '../storage/schema';
import { RequestStore, type StoredRequest, type StoredUpdate } from './requestStore';
import { addWorkingDays, RequestError, validateNewRequest } from './requestValidation';
import type { ServiceCatalogue, ServiceFile } from './serviceCatalogue';
import { parseExtendedStatus } from './statuses';

export const GEOREPORT_BASE_PATH = '/open311/v2';
const DAY = 24 * 3600 * 1000;
/** The spec's default and largest date window for GET requests.json. */
export const MAX_RANGE_DAYS = 90;
export const MAX_RESULTS = 1000;
/** Reads without an api_key, per client address: this many at once, then this many a minute. */
export const PUBLIC_READS_PER_MINUTE = 60;

export interface GeoReportServerOptions {
  db: Kysely<DatabaseSchema>;
  catalogue: ServiceCatalogue;
  apiKey: string;
  jurisdictionId: string;
  logger: Logger;
  basePath?: string;
  agency?: string;
  now?: () => Date;
  /** Reads without an api_key allowed per client address per minute (also the burst). */
  publicReadsPerMinute?: number;
  /** Behind a trusted reverse proxy: the client address comes from X-Forwarded-For. */
  trustProxy?: boolean;
}

/** Who is reading: the public (contact details withheld, description redacted) or a holder of the api_key. */
type Reader = 'public' | 'keyed';

type Query = Record<string, unknown>;

function param(q: Query, key: string): string | undefined {
  const v = q[key];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  return typeof v === 'string' ? v : undefined;
}

function list(q: Query, key: string): string[] | undefined {
  const v = param(q, key);
  if (!v) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

/**
 * The built-in back office: Open311 GeoReport v2 (JSON) at /open311/v2, with mySociety's
 * servicerequestupdates extension, over the project database. Services come from data files.
 */
export class GeoReportServer implements RouteModule {
  private readonly store: RequestStore;
  private readonly base: string;
  private readonly now: () => Date;
  private readonly publicReads: RateLimiter;

  constructor(private readonly options: GeoReportServerOptions) {
    this.now = options.now ?? (() => new Date());
    const perMinute = options.publicReadsPerMinute ?? PUBLIC_READS_PER_MINUTE;
    this.publicReads = new RateLimiter(perMinute, perMinute / 60);
    this.store = new RequestStore(options.db, this.now);
    this.base = options.basePath ?? GEOREPORT_BASE_PATH;
  }

  register(server: Server): void {
    const wrap = (handler: (req: Request, reader: Reader) => Promise<[number, unknown]>) => async (req: Request, res: Response) => {
      try {
        this.checkJurisdiction(req);
        const reader = req.method === 'GET' ? this.reader(req, res) : 'keyed';
        if (!reader) return;
        const [status, body] = await handler(req, reader);
        res.send(status, body);
      } catch (err) {
        if (err instanceof RequestError) {
          res.send(err.status, [{ code: err.status, description: err.message }]);
          return;
        }
        this.options.logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'open311 request failed');
        res.send(500, [{ code: 500, description: 'The back office could not handle the request. Please try again.' }]);
      }
    };
    server.get(`${this.base}/services.json`, wrap(async () => [200, this.options.catalogue.services.map((s) => this.serviceSummary(s))]));
    server.get(`${this.base}/services/:file`, wrap(async (req) => [200, this.serviceDefinition(this.service(jsonName(req.params.file), 404))]));
    server.post(`${this.base}/requests.json`, wrap(async (req) => this.createRequest(body(req))));
    server.get(`${this.base}/requests.json`, wrap(async (req, reader) => [200, await this.listRequests(req.query as Query, reader)]));
    server.get(`${this.base}/requests/:file`, wrap(async (req, reader) => [200, await this.oneRequest(jsonName(req.params.file), reader)]));
    server.get(`${this.base}/servicerequestupdates.json`, wrap(async (req, reader) => [200, await this.listUpdates(req.query as Query, reader)]));
    server.post(`${this.base}/servicerequestupdates.json`, wrap(async (req) => [200, await this.postUpdate(body(req))]));
  }

  private checkJurisdiction(req: Request): void {
    const given = param((req.query ?? {}) as Query, 'jurisdiction_id') ?? (req.body && typeof req.body === 'object' ? param(req.body as Query, 'jurisdiction_id') : undefined);
    if (given && given !== this.options.jurisdictionId) throw new RequestError(404, `jurisdiction_id ${given} is not served here.`);
  }

  /**
   * A GET's reader: 'keyed' with a valid api_key (no limit), 'public' without one, within the
   * per-address limit. A wrong key counts against the limit too (no free guessing), then is 403.
   * Over the limit: answers 429 with Retry-After itself and returns undefined.
   */
  private reader(req: Request, res: Response): Reader | undefined {
    const q = (req.query ?? {}) as Query;
    const key = param(q, 'api_key');
    if (key !== undefined && key === this.options.apiKey) return 'keyed';
    const who = clientAddress(req, this.options.trustProxy);
    if (!this.publicReads.take(who)) {
      const wait = this.publicReads.retryAfter(who);
      res.header('Retry-After', String(wait));
      res.send(429, [{ code: 429, description: `Too many requests from your address. Please wait ${wait} seconds and try again.` }]);
      return undefined;
    }
    if (key !== undefined) this.checkKey(q);
    return 'public';
  }

  private checkKey(b: Query): void {
    const key = param(b, 'api_key');
    if (!key || key !== this.options.apiKey) throw new RequestError(403, 'api_key is missing or not valid.');
  }

  private service(code: string, status: number): ServiceFile {
    const s = this.options.catalogue.find(code);
    if (!s) throw new RequestError(status, `service_code ${code} was not found.`);
    return s;
  }

  private serviceSummary(s: ServiceFile) {
    return {
      service_code: s.service_code,
      service_name: s.service_name,
      description: s.description,
      metadata: s.attributes.length > 0,
      type: s.type,
      keywords: s.keywords.join(','),
      group: s.group,
    };
  }

  private serviceDefinition(s: ServiceFile) {
    return {
      service_code: s.service_code,
      attributes: s.attributes.map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: a.order,
        description: a.description,
        ...(a.values ? { values: a.values } : {}),
      })),
    };
  }

  private async createRequest(b: Query): Promise<[number, unknown]> {
    this.checkKey(b);
    const code = param(b, 'service_code');
    if (!code) throw new RequestError(400, 'service_code is required.');
    const service = this.service(code, 400);
    const fields = validateNewRequest(b, service);
    const { request, created } = await this.store.create({
      ...fields,
      service_notice: service.service_notice || null,
      expected_datetime: addWorkingDays(this.now(), service.expected_days).toISOString(),
    });
    this.options.logger.info({ serviceCode: code, serviceRequestId: request.service_request_id, created }, 'open311 request received');
    return [created ? 201 : 200, [{ service_request_id: request.service_request_id, service_notice: request.service_notice ?? '', account_id: null }]];
  }

  private range(q: Query): { start: string; end: string } {
    const read = (key: string): number | undefined => {
      const v = param(q, key);
      if (!v) return undefined;
      const t = Date.parse(v);
      if (Number.isNaN(t)) throw new RequestError(400, `${key} must be a W3C date and time, e.g. 2026-11-01T00:00:00Z.`);
      return t;
    };
    let start = read('start_date');
    let end = read('end_date');
    if (end === undefined) end = start === undefined ? this.now().getTime() : Math.min(start + MAX_RANGE_DAYS * DAY, this.now().getTime());
    if (start === undefined) start = end - MAX_RANGE_DAYS * DAY;
    if (start > end) throw new RequestError(400, 'start_date must be before end_date.');
    if (end - start > MAX_RANGE_DAYS * DAY) throw new RequestError(400, `start_date and end_date may be at most ${MAX_RANGE_DAYS} days apart.`);
    return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
  }

  private async listRequests(q: Query, reader: Reader) {
    const ids = list(q, 'service_request_id');
    const statuses = list(q, 'status')?.map((s) => s.toLowerCase());
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new RequestError(400, 'status must be open or closed.');
    const { start, end } = ids ? { start: '', end: '' } : this.range(q);
    const rows = await this.store.query({ ids, serviceCodes: list(q, 'service_code'), statuses, start, end, limit: MAX_RESULTS });
    return rows.map((r) => this.requestJson(r, reader));
  }

  private async oneRequest(id: string, reader: Reader) {
    const row = await this.store.get(id);
    if (!row) throw new RequestError(404, `service_request_id ${id} was not found.`);
    return [this.requestJson(row, reader)];
  }

  /**
   * The spec's fields; the contact fields and the description as typed only for a holder of the
   * api_key, and a resident's home (services with `publish_location: false`) not to the public.
   */
  private requestJson(r: StoredRequest, reader: Reader) {
    const service = this.options.catalogue.find(r.service_code);
    const names = [r.first_name, r.last_name];
    const text = (value: string | null) => (reader === 'keyed' ? (value ?? '') : redactContactDetails(value ?? '', names));
    return {
      service_request_id: r.service_request_id,
      status: r.status,
      status_notes: text(r.status_notes),
      service_name: service?.service_name ?? r.service_code,
      service_code: r.service_code,
      description: text(r.description),
      agency_responsible: this.options.agency ?? '',
      service_notice: r.service_notice ?? '',
      requested_datetime: r.requested_datetime,
      updated_datetime: r.updated_datetime,
      expected_datetime: r.expected_datetime ?? '',
      ...(reader === 'keyed' || service?.publish_location !== false
        ? { address: r.address_string ?? '', address_id: r.address_id ?? '', lat: r.lat, long: r.long }
        : { address: '', address_id: '', lat: null, long: null }),
      zipcode: '',
      media_url: '',
      ...(reader === 'keyed'
        ? { first_name: r.first_name ?? '', last_name: r.last_name ?? '', email: r.email ?? '', phone: r.phone ?? '', attributes: JSON.parse(r.attributes) as unknown }
        : {}),
    };
  }

  private async listUpdates(q: Query, reader: Reader) {
    const { start, end } = this.range(q);
    const rows = await this.store.updates(start, end, MAX_RESULTS);
    return rows.map((u) => updateJson(reader === 'keyed' ? u : { ...u, description: u.description && redactContactDetails(u.description) }));
  }

  private async postUpdate(b: Query) {
    this.checkKey(b);
    const id = param(b, 'service_request_id');
    if (!id) throw new RequestError(400, 'service_request_id is required.');
    const statusText = param(b, 'status');
    const status = statusText ? parseExtendedStatus(statusText) : undefined;
    if (!status) throw new RequestError(400, 'status must be one of the extended statuses, e.g. OPEN, IN_PROGRESS, ACTION_SCHEDULED, FIXED, CLOSED.');
    if (!(await this.store.get(id))) throw new RequestError(404, `service_request_id ${id} was not found.`);
    const description = param(b, 'description')?.trim() || null;
    if (description && description.length > 4000) throw new RequestError(400, 'description must be 4,000 characters or fewer.');
    const at = param(b, 'updated_datetime');
    if (at && Number.isNaN(Date.parse(at))) throw new RequestError(400, 'updated_datetime must be a W3C date and time.');
    const update = await this.store.addUpdate(id, status, description, param(b, 'external_status_code') ?? null, at ? new Date(at).toISOString() : undefined);
    return [{ update_id: update.update_id }];
  }
}

function updateJson(u: StoredUpdate) {
  return {
    update_id: u.update_id,
    service_request_id: u.service_request_id,
    status: u.status,
    updated_datetime: u.updated_datetime,
    description: u.description ?? '',
    media_url: '',
    external_status_code: u.external_status_code ?? '',
  };
}

function body(req: Request): Query {
  const b = req.body as unknown;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Query) : {};
}

/** "missed_bin.json" → "missed_bin"; other formats are refused. */
function jsonName(file: unknown): string {
  const f = String(file ?? '');
  if (!f.endsWith('.json')) throw new RequestError(400, 'Only the JSON format (.json) is supported.');
  return f.slice(0, -5);
}
