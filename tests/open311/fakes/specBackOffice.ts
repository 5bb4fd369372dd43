import http from 'node:http';
import { SeededRandom } from '../../../intents/classifier/SeededRandom';
import { listenOnFreePort } from './listen';

/**
 * A local GeoReport v2 back office that follows the spec and nothing more (it ignores
 * `client_reference` as standard servers do, unless told to echo it), for the conformance suite.
 * It offers one format only (`.json` or `.xml`; the other answers 404), and while `misbehaving`:
 * - `flaky`: seeded random 5xx and dropped connections, some after it has created the report,
 *   and some answers after the client has given up;
 * - `slow`: every POST creates the report, then answers after the client has given up;
 * - with `tokens`, POSTs always answer `[{"token": …}]` (asynchronous creation) and the request is
 *   made only once the back office recovers: until then `GET tokens/{token}` says "not yet".
 * `strict`: attributes its service definition does not list (e.g. client_reference) → 400.
 * It records every report it accepted, so a test can count each report's copies.
 */
export interface SpecBackOfficeOptions {
  format: 'json' | 'xml';
  apiKey: string;
  seed: number;
  misbehaviour?: 'flaky' | 'slow' | 'none';
  tokens?: boolean;
  strict?: boolean;
  echoClientReference?: boolean;
  /** How late a slow or late answer comes (longer than the client's timeout). */
  lateMs?: number;
}

export interface AcceptedReport {
  /** Null while a token's request is still being made. */
  id: string | null;
  token: string | null;
  form: URLSearchParams;
  requestedAt: string;
}

export interface SpecBackOffice {
  baseUrl: string;
  accepted: AcceptedReport[];
  stats: { requests: number; posts: number; lookups: number; tokenReads: number; faults: number; refusedAttributes: number; lateAnswers: number };
  misbehaving: boolean;
  close(): Promise<void>;
}

const CODES = ['surface', 'width_cm', 'depth_cm', 'danger'];
const DEFINITION = {
  service_code: 'pothole',
  attributes: CODES.map((code, i) => ({ variable: true, code, datatype: 'string', required: false, order: i + 1, description: code })),
};

type Fault = 'fail-before' | 'fail-after' | 'reset-before' | 'reset-after' | 'late-after' | 'none';

export async function startSpecBackOffice(options: SpecBackOfficeOptions): Promise<SpecBackOffice> {
  const seeded = new SeededRandom(options.seed);
  const random = () => seeded.next();
  const lateMs = options.lateMs ?? 300;
  const fmt = options.format;
  const state: SpecBackOffice = {
    baseUrl: '',
    accepted: [],
    stats: { requests: 0, posts: 0, lookups: 0, tokenReads: 0, faults: 0, refusedAttributes: 0, lateAnswers: 0 },
    misbehaving: false,
    close: () => Promise.resolve(),
  };
  let nextId = 1000;
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: http.ServerResponse, status: number, body: unknown, root?: string, item?: string) => {
    if (res.destroyed) return;
    if (fmt === 'json') {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(`<?xml version="1.0" encoding="utf-8"?>\n${toXml(body, root!, item!)}`);
  };
  const error = (res: http.ServerResponse, status: number, description: string) => send(res, status, [{ code: status, description }], 'errors', 'error');
  const later = (fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, lateMs);
    timers.add(t);
  };

  const fault = (): Fault => {
    if (!state.misbehaving) return 'none';
    if (options.misbehaviour === 'slow') return 'late-after';
    if (options.misbehaviour !== 'flaky') return 'none';
    const r = random();
    if (r < 0.12) return 'fail-before';
    if (r < 0.24) return 'fail-after';
    if (r < 0.32) return 'reset-before';
    if (r < 0.42) return 'reset-after';
    if (r < 0.5) return 'late-after';
    return 'none';
  };

  const requestShape = (a: AcceptedReport) => ({
    service_request_id: a.id,
    status: 'open',
    service_code: a.form.get('service_code'),
    service_name: 'Pothole',
    description: a.form.get('description') ?? '',
    address: a.form.get('address_string') ?? '',
    lat: a.form.get('lat') ?? '',
    long: a.form.get('long') ?? '',
    requested_datetime: a.requestedAt,
    ...(options.echoClientReference && a.form.get('attribute[client_reference]') ? { client_reference: a.form.get('attribute[client_reference]') } : {}),
  });

  /** Runs `act` (what the route does), then answers as the fault says. */
  const withFault = (res: http.ServerResponse, act: () => () => void, acts: boolean) => {
    const f = fault();
    if (f !== 'none') state.stats.faults++;
    if (f === 'fail-before') return error(res, 503, 'Service temporarily unavailable');
    if (f === 'reset-before') return res.socket?.destroy();
    const answer = act();
    if (f === 'fail-after') return acts ? error(res, 500, 'Internal error after commit') : error(res, 502, 'Bad gateway');
    if (f === 'reset-after') return res.socket?.destroy();
    if (f === 'late-after') {
      state.stats.lateAnswers++;
      return later(answer);
    }
    answer();
  };

  const resolveTokens = () => {
    for (const a of state.accepted) if (a.id === null) a.id = `FMS-${nextId++}`;
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      state.stats.requests++;
      if (!state.misbehaving && options.tokens) resolveTokens();
      const p = url.pathname.replace(/^\/open311\/v2/, '');
      const m = /^\/(.+)\.(json|xml)$/.exec(p);
      if (!m || m[2] !== fmt) return error(res, 404, 'Not found');
      const route = m[1];
      if (req.method === 'GET' && route === 'services')
        return send(res, 200, [{ service_code: 'pothole', service_name: 'Pothole', metadata: true, type: 'realtime' }], 'services', 'service');
      if (req.method === 'GET' && route === 'services/pothole') {
        if (fmt === 'json') return send(res, 200, DEFINITION);
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        return res.end(
          `<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>pothole</service_code><attributes>${DEFINITION.attributes.map((a) => `<attribute>${fields(a)}</attribute>`).join('')}</attributes></service_definition>`,
        );
      }
      if (req.method === 'POST' && route === 'requests') {
        state.stats.posts++;
        const form = new URLSearchParams(raw);
        if (form.get('api_key') !== options.apiKey) return error(res, 403, 'api_key is not valid');
        if (form.get('service_code') !== 'pothole') return error(res, 404, 'No such service');
        const unknown = [...form.keys()].map((k) => /^attribute\[([^\]]+)\]/.exec(k)?.[1]).filter((c): c is string => !!c && !CODES.includes(c));
        if (options.strict && unknown.length) {
          state.stats.refusedAttributes++;
          return error(res, 400, `Unknown attribute(s) for pothole: ${unknown.join(', ')}`);
        }
        return withFault(
          res,
          () => {
            const accepted: AcceptedReport = {
              id: options.tokens ? null : `FMS-${nextId++}`,
              token: options.tokens ? `tok-${state.accepted.length + 1}-${Math.floor(random() * 1e9)}` : null,
              form,
              requestedAt: new Date().toISOString(),
            };
            state.accepted.push(accepted);
            return () =>
              send(
                res,
                options.tokens ? 202 : 201,
                [options.tokens ? { token: accepted.token } : { service_request_id: accepted.id, service_notice: 'Thank you' }],
                'service_requests',
                'request',
              );
          },
          true,
        );
      }
      if (req.method === 'GET' && route === 'requests') {
        state.stats.lookups++;
        return withFault(
          res,
          () => {
            const code = url.searchParams.get('service_code');
            const start = url.searchParams.get('start_date');
            const end = url.searchParams.get('end_date');
            const list = state.accepted
              .filter((a) => a.id !== null && (!code || a.form.get('service_code') === code))
              .filter((a) => (!start || a.requestedAt >= new Date(start).toISOString()) && (!end || a.requestedAt <= new Date(end).toISOString()))
              .map(requestShape);
            return () => send(res, 200, list, 'service_requests', 'request');
          },
          false,
        );
      }
      const token = /^tokens\/(.+)$/.exec(route);
      if (req.method === 'GET' && token) {
        state.stats.tokenReads++;
        const found = state.accepted.find((a) => a.token === decodeURIComponent(token[1]));
        if (!found) return error(res, 404, 'No such token');
        // Not made yet: some servers say 404, others give the token without an id.
        if (found.id === null)
          return state.stats.tokenReads % 2
            ? error(res, 404, 'Not processed yet')
            : send(res, 200, [{ token: found.token, service_request_id: '' }], 'service_requests', 'request');
        return send(res, 200, [{ token: found.token, service_request_id: found.id }], 'service_requests', 'request');
      }
      const one = /^requests\/(.+)$/.exec(route);
      if (req.method === 'GET' && one) {
        const found = state.accepted.find((a) => a.id === decodeURIComponent(one[1]));
        if (!found) return error(res, 404, 'No such request');
        return send(res, 200, [requestShape(found)], 'service_requests', 'request');
      }
      return error(res, 404, 'Not found');
    });
  });
  Object.assign(state, await listenOnFreePort(server, timers));
  return state;
}

function escape(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function fields(o: Record<string, unknown>): string {
  return Object.entries(o)
    .map(([k, v]) => `<${k}>${escape(v)}</${k}>`)
    .join('');
}

/** The spec's XML shape for a list: <root><item>…</item></root>. */
function toXml(body: unknown, root: string, item: string): string {
  const list = Array.isArray(body) ? body : [body];
  return `<${root}>${list.map((o) => `<${item}>${fields(o as Record<string, unknown>)}</${item}>`).join('')}</${root}>`;
}
