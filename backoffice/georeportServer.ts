import type { Kysely } from 'kysely';
import type { Request, Response, Server } from 'restify';
import type { RouteModule } from '../platform/http/routeModule';
import { clientAddress } from '../channels/directline/httpHelpers';
import { RateLimiter } from '../channels/directline/rateLimiter';
import type { Logger } from '../platform/logger';
import { redactContactDetails } from '../platform/redact';
import type { DatabaseSchema } from '../platform/storage/schema';
import { FORMATS, formatOfPath, render, splitFormat, type DocumentKind, type Format, type GeoReportDocument } from './georeportFormat';
import { body, dateRange, list, param, type Query } from './queryParams';
import { mediaFields, RequestStore, type StoredRequest } from './requestStore';
import { RequestUpdates } from './requestUpdates';
import { addWorkingDays, RequestError, validateNewRequest } from './requestValidation';
import type { ServiceCatalogue, ServiceFile } from './serviceCatalogue';
import { MAX_RANGE_DAYS, MAX_RESULTS } from './limits';

export const GEOREPORT_BASE_PATH = '/open311/v2';
/** Reads without an api_key, per client address: this many at once, then this many a minute. */
export const PUBLIC_READS_PER_MINUTE = 60;
/** When this server's GeoReport v2 interface last changed (discovery's changeset). */
export const CHANGESET = '2026-12-04T00:00:00Z';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** restify's events for the errors its body parser gives (the error's name without "Error"). */
const BODY_ERROR_EVENTS = ['BadRequest', 'InvalidContent', 'PayloadTooLarge', 'RequestEntityTooLarge', 'UnsupportedMediaType', 'BadDigest'];

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
  /** discovery's contact and key_service texts (who to ask, how to get an api_key). */
  contact?: string;
  keyService?: string;
}

/** Who is reading: the public (contact details withheld, description redacted) or a holder of the api_key. */
type Reader = 'public' | 'keyed';

/**
 * The built-in back office: Open311 GeoReport v2 (JSON and XML) at /open311/v2, with discovery
 * and mySociety's servicerequestupdates extension, over the project database. Services come from
 * data files. Every answer, errors included, is in the format the route's extension names.
 */
export class GeoReportServer implements RouteModule {
  private readonly store: RequestStore;
  private readonly updates: RequestUpdates;
  private readonly base: string;
  private readonly now: () => Date;
  private readonly publicReads: RateLimiter;

  constructor(private readonly options: GeoReportServerOptions) {
    this.now = options.now ?? (() => new Date());
    const perMinute = options.publicReadsPerMinute ?? PUBLIC_READS_PER_MINUTE;
    this.publicReads = new RateLimiter(perMinute, perMinute / 60);
    this.store = new RequestStore(options.db, this.now);
    this.updates = new RequestUpdates(this.store, options.apiKey, options.logger, this.now);
    this.base = options.basePath ?? GEOREPORT_BASE_PATH;
  }

  register(server: Server): void {
    type Handler = (req: Request, reader: Reader, format: Format) => Promise<GeoReportDocument>;
    const wrap =
      (format: Format | ((req: Request) => Format), handler: Handler) =>
      async (req: Request, res: Response): Promise<void> => {
        const fmt = typeof format === 'function' ? format(req) : format;
        try {
          this.checkJurisdiction(req);
          const reader = req.method === 'GET' ? this.reader(req) : 'keyed';
          this.send(res, await handler(req, reader, fmt), fmt);
        } catch (err) {
          this.sendError(res, err, fmt);
        }
      };
    /** Routes named with .json/.xml; the format is the extension. */
    const both = (
      method: 'get' | 'post',
      name: string,
      kind: DocumentKind,
      handler: (req: Request, reader: Reader) => [number, unknown] | Promise<[number, unknown]>,
    ) => {
      for (const format of FORMATS) {
        server[method](
          `${this.base}/${name}.${format}`,
          wrap(format, async (req, reader) => doc(kind, await handler(req, reader))),
        );
      }
    };
    /** Routes with an id then .json/.xml ("services/pothole.xml"). */
    const named = (
      prefix: string,
      kind: DocumentKind,
      handler: (name: string, reader: Reader, req: Request) => [number, unknown] | Promise<[number, unknown]>,
    ) => {
      const formatOf = (req: Request) => splitFormat(String(req.params.file ?? ''))?.format ?? 'json';
      server.get(
        `${this.base}/${prefix}/:file`,
        wrap(formatOf, async (req, reader) => {
          const split = splitFormat(String(req.params.file ?? ''));
          if (!split) throw new RequestError(404, 'Not found: add .json or .xml to choose the format.');
          return doc(kind, await handler(split.name, reader, req));
        }),
      );
    };

    both('get', 'discovery', 'discovery', (req) => [200, this.discovery(req)]);
    both('get', 'services', 'services', () => [200, this.options.catalogue.services.map((s) => this.serviceSummary(s))]);
    named('services', 'service_definition', (code) => [200, this.serviceDefinition(this.service(code, 404))]);
    both('post', 'requests', 'service_requests', async (req) => this.createRequest(body(req)));
    both('get', 'requests', 'service_requests', async (req, reader) => [200, await this.listRequests(req.query as Query, reader)]);
    named('requests', 'service_requests', async (id, reader) => [200, await this.oneRequest(id, reader)]);
    named('tokens', 'service_requests', () => {
      throw new RequestError(404, 'This server creates requests at once and gives no tokens: the service_request_id is in the POST requests answer.');
    });
    both('get', 'servicerequestupdates', 'service_request_updates', async (req, reader) => [
      200,
      await this.updates.list(req.query as Query, reader === 'keyed'),
    ]);
    both('post', 'servicerequestupdates', 'service_request_updates', async (req) => this.updates.post(body(req)));

    // Anything else under the base answers in the Open311 error format too, not restify's.
    // eslint-disable-next-line @typescript-eslint/require-await -- restify takes a (req, res) handler only as an AsyncFunction
    const unknown = async (req: Request, res: Response) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const known = this.isRoute(path);
      const message = known ? `${req.method} is not allowed here.` : 'There is no such Open311 route. See discovery.json for this server.';
      if (known) res.setHeader('Allow', known);
      this.sendError(res, new RequestError(known ? 405 : 404, message), formatOfPath(path));
    };
    for (const method of ['get', 'post', 'put', 'patch', 'del'] as const) for (const route of [this.base, `${this.base}/*`]) server[method](route, unknown);
    // A body restify's parser could not read (bad JSON, too large, a type it does not take) is
    // answered here too. Restify hands every listener of one event the same callback, so these
    // listen to the errors' own events, not to the restifyError that bot/server.ts listens to.
    for (const event of BODY_ERROR_EVENTS) {
      server.on(event, (req: Request, res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!res.headersSent && (path === this.base || path.startsWith(`${this.base}/`))) {
          const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
          this.sendError(res, new RequestError(status, err.message || 'The request body could not be read.'), formatOfPath(path));
        }
        cb();
      });
    }
  }

  /** The methods a known route takes ("GET, POST"), or undefined. */
  private isRoute(path: string): string | undefined {
    const rest = path.startsWith(`${this.base}/`) ? path.slice(this.base.length + 1) : '';
    if (/^(requests|servicerequestupdates)\.(json|xml)$/.test(rest)) return 'GET, POST';
    if (/^(discovery|services)\.(json|xml)$/.test(rest) || /^(services|requests|tokens)\/[^/]+\.(json|xml)$/.test(rest)) return 'GET';
    return undefined;
  }

  private send(res: Response, document: GeoReportDocument, format: Format): void {
    const { contentType, text } = render(document, format);
    // sendRaw: no restify formatter, and restify knows the answer is sent (it then sends no error of its own).
    res.sendRaw(document.status, text, { 'Content-Type': contentType });
  }

  private sendError(res: Response, err: unknown, format: Format): void {
    if (err instanceof RequestError) {
      for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
      this.send(res, doc('errors', [err.status, [{ code: err.status, description: err.message }]]), format);
      return;
    }
    this.options.logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'open311 request failed');
    this.send(res, doc('errors', [500, [{ code: 500, description: 'The back office could not handle the request. Please try again.' }]]), format);
  }

  /** The spec's discovery document: where this endpoint is, which formats it speaks. */
  private discovery(req: Request) {
    const forwarded = this.options.trustProxy
      ? param(
          {
            p: String(req.headers['x-forwarded-proto'] ?? '')
              .split(',')[0]
              ?.trim(),
          },
          'p',
        )
      : undefined;
    const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const host = String(req.headers.host ?? 'localhost').replace(/[^A-Za-z0-9.:[\]-]/g, '');
    return {
      changeset: CHANGESET,
      contact: this.options.contact ?? '',
      key_service: this.options.keyService ?? '',
      endpoints: [
        {
          specification: SPECIFICATION,
          url: `${scheme}://${host}${this.base}`,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  private checkJurisdiction(req: Request): void {
    const given =
      param((req.query ?? {}) as Query, 'jurisdiction_id') ??
      (req.body && typeof req.body === 'object' ? param(req.body as Query, 'jurisdiction_id') : undefined);
    if (given && given !== this.options.jurisdictionId) throw new RequestError(404, `jurisdiction_id ${given} is not served here.`);
  }

  /**
   * A GET's reader: 'keyed' with a valid api_key (no limit), 'public' without one, within the
   * per-address limit. A wrong key counts against the limit too (no free guessing), then is 403.
   * Over the limit: 429 with Retry-After.
   */
  private reader(req: Request): Reader {
    const q = (req.query ?? {}) as Query;
    const key = param(q, 'api_key');
    if (key !== undefined && key === this.options.apiKey) return 'keyed';
    const who = clientAddress(req, this.options.trustProxy);
    if (!this.publicReads.take(who)) {
      const wait = this.publicReads.retryAfter(who);
      throw new RequestError(429, `Too many requests from your address. Please wait ${wait} seconds and try again.`, { 'Retry-After': String(wait) });
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
    const service = this.service(code, 404);
    const fields = validateNewRequest(b, service);
    const { request, created } = await this.store.create({
      ...fields,
      service_notice: service.service_notice || null,
      expected_datetime: addWorkingDays(this.now(), service.expected_days).toISOString(),
    });
    this.options.logger.info({ serviceCode: code, serviceRequestId: request.service_request_id, created }, 'open311 request received');
    return [created ? 201 : 200, [{ service_request_id: request.service_request_id, service_notice: request.service_notice ?? '', account_id: '' }]];
  }

  private async listRequests(q: Query, reader: Reader) {
    const ids = list(q, 'service_request_id');
    const statuses = list(q, 'status')?.map((s) => s.toLowerCase());
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new RequestError(400, 'status must be open or closed.');
    const { start, end } = ids ? { start: '', end: '' } : dateRange(q, this.now(), MAX_RANGE_DAYS);
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
      ...mediaFields(reader === 'keyed' || service?.publish_location !== false ? r.media_url : null),
      ...(reader === 'keyed'
        ? {
            first_name: r.first_name ?? '',
            last_name: r.last_name ?? '',
            email: r.email ?? '',
            phone: r.phone ?? '',
            attributes: JSON.parse(r.attributes) as unknown,
          }
        : {}),
    };
  }
}

function doc(kind: DocumentKind, [status, body]: [number, unknown]): GeoReportDocument {
  return { status, kind, body };
}
