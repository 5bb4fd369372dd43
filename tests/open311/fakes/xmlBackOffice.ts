import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A spec-following GeoReport v2 back office that offers only `.xml` routes (as the spec's
 * examples shape them) and, when strict, refuses attributes its definition does not list.
 * It counts the requests it creates.
 */
export interface XmlBackOffice {
  baseUrl: string;
  created: Array<{ id: string; form: URLSearchParams }>;
  seen: string[];
  close(): Promise<void>;
}

const DEFINITION_CODES = ['surface'];

export async function startXmlBackOffice(options: { strict: boolean; apiKey: string }): Promise<XmlBackOffice> {
  const created: XmlBackOffice['created'] = [];
  const seen: string[] = [];
  const send = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(`<?xml version="1.0" encoding="utf-8"?>\n${body}`);
  };
  const error = (res: http.ServerResponse, status: number, description: string) =>
    send(res, status, `<errors><error><code>${status}</code><description>${description}</description></error></errors>`);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const p = url.pathname.replace(/^\/v2/, '');
      if (!p.endsWith('.xml')) return error(res, 404, 'Not found');
      if (req.method === 'GET' && p === '/services.xml')
        return send(
          res,
          200,
          '<services><service><service_code>pothole</service_code><service_name>Pothole</service_name><metadata>true</metadata><type>realtime</type></service></services>',
        );
      if (req.method === 'GET' && p === '/services/pothole.xml')
        return send(
          res,
          200,
          '<service_definition><service_code>pothole</service_code><attributes><attribute><variable>true</variable><code>surface</code><datatype>singlevaluelist</datatype><required>true</required><order>1</order><description>Where?</description><values><value><key>road</key><name>Road</name></value><value><key>path</key><name>Path</name></value></values></attribute></attributes></service_definition>',
        );
      if (req.method === 'GET' && /^\/services\/.+\.xml$/.test(p)) return error(res, 404, 'No such service');
      if (req.method === 'POST' && p === '/requests.xml') {
        const form = new URLSearchParams(raw);
        if (form.get('api_key') !== options.apiKey) return error(res, 403, 'Bad key');
        const unknown = [...form.keys()].map((k) => /^attribute\[([^\]]+)\]/.exec(k)?.[1]).filter((c): c is string => !!c && !DEFINITION_CODES.includes(c));
        if (options.strict && unknown.length) return error(res, 400, `Unknown attribute(s): ${unknown.join(', ')}`);
        const id = `X-${created.length + 1}`;
        created.push({ id, form });
        return send(
          res,
          200,
          `<service_requests><request><service_request_id>${id}</service_request_id><service_notice>Thanks</service_notice></request></service_requests>`,
        );
      }
      const one = /^\/requests\/(.+)\.xml$/.exec(p);
      if (req.method === 'GET' && one) {
        const found = created.find((c) => c.id === decodeURIComponent(one[1]));
        if (!found) return error(res, 404, 'No such request');
        return send(
          res,
          200,
          `<service_requests><request><service_request_id>${found.id}</service_request_id><status>open</status><description>${found.form.get('description')}</description></request></service_requests>`,
        );
      }
      if (req.method === 'GET' && p === '/servicerequestupdates.xml') {
        if (url.searchParams.get('api_key') !== options.apiKey) return error(res, 403, 'api_key required');
        return send(
          res,
          200,
          '<service_requests_updates><request_update><update_id>U1</update_id><service_request_id>X-1</service_request_id><status>CLOSED</status><description>Filled</description><updated_datetime>2026-12-04T10:00:00Z</updated_datetime></request_update></service_requests_updates>',
        );
      }
      return error(res, 404, 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    created,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
