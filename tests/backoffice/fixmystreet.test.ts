/* eslint-disable @typescript-eslint/no-explicit-any -- parsed XML, checked field by field */
/**
 * Conformance with FixMyStreet's Open311 client (mySociety's perllib/Open311.pm), driven over real
 * HTTP the way it calls: XML routes, jurisdiction_id on every call, api_key on POSTs and on
 * GET servicerequestupdates, form-encoded bodies with attribute[…], media_url and the update
 * fields, answers read with the same repeated elements XML::Simple forces into lists.
 * scripts/fms-open311-check.pl runs the unmodified Perl client itself (docs/open311.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneGeoReport } from '../../backoffice/standaloneServer';
import { EXTENDED_STATUSES } from '../../backoffice/statuses';
import { createLogger } from '../../platform/logger';

const KEY = 'fms-conformance-key';
const JURISDICTION = 'anytown.example';
// The elements Open311.pm's XML::Simple always reads as lists (its GroupTags / ForceArray).
const LISTS = new Set(['service', 'attribute', 'value', 'request', 'error', 'request_update', 'group']);
const parser = new XMLParser({ isArray: (name) => LISTS.has(name), parseTagValue: false, trimValues: true });

let server: Awaited<ReturnType<typeof startStandaloneGeoReport>>;
let dir: string;

interface Answer {
  status: number;
  type: string;
  text: string;
  xml: any;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text,
    xml: res.headers.get('content-type')?.startsWith('text/xml') ? parser.parse(text) : undefined,
  };
}

/** Open311.pm's _get: jurisdiction_id added, parameters in the query. */
async function get(route: string, params: Record<string, string> = {}): Promise<Answer> {
  const query = new URLSearchParams({ ...params, jurisdiction_id: JURISDICTION });
  return answer(await fetch(`${server.baseUrl}/${route}?${query}`));
}

/** Open311.pm's _post: jurisdiction_id and api_key added, a form body (array values repeated). */
async function post(route: string, params: Record<string, string | string[]>, key = KEY): Promise<Answer> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, jurisdiction_id: JURISDICTION, api_key: key }))
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return answer(await fetch(`${server.baseUrl}/${route}`, { method: 'POST', body: form }));
}

/** A value for a required attribute, as FixMyStreet's form would have asked the resident. */
function valueFor(a: any): string {
  if (a.values) return a.values.value[0].key;
  if (a.datatype === 'number') return '25';
  if (a.datatype === 'datetime') return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return 'from FixMyStreet';
}

const definitions = new Map<string, any>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'georeport-fms-'));
  server = await startStandaloneGeoReport({
    dataDir: dir,
    servicesDir: path.resolve('services'),
    apiKey: KEY,
    jurisdictionId: JURISDICTION,
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What Open311.pm sends for a report (send_service_request with extended_description, a UK cobrand). */
function report(code: string, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {
    description:
      'title: Pothole outside the library\n\ndetail: Deep & getting worse <really>\n\nurl: https://fms.example.org/report/1234\n\nSubmitted via FixMyStreet\n',
    service_code: code,
    first_name: 'Fixmy',
    last_name: 'Streetcheck',
    email: 'fms.resident@example.org',
    lat: '51.501',
    long: '-0.141',
    media_url: 'https://fms.example.org/photo/1234.0.full.jpeg',
    'attribute[uprn]': '100000000777',
    'attribute[easting]': '529000',
    'attribute[northing]': '179000',
    'attribute[fixmystreet_id]': '1234',
    ...extra,
  };
  for (const a of definitions.get(code)?.attributes?.attribute ?? []) {
    if (a.required === 'true' && a.variable === 'true') form[`attribute[${a.code}]`] = valueFor(a);
  }
  return form;
}

/** What Open311.pm sends for a comment (post_service_request_update with extended_statuses). */
function comment(id: string, status: string, n: number, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    updated_datetime: new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    service_request_id: id,
    status,
    description: `Comment ${n}: still there`,
    last_name: 'Streetcheck',
    first_name: 'Fixmy',
    email: 'fms.resident@example.org',
    update_id: String(9000 + n),
    ...extra,
  };
}

describe("FixMyStreet's Open311 client over XML", () => {
  it('lists services as <services><service> (get_service_list)', async () => {
    const res = await get('services.xml');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/xml; charset=utf-8');
    expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const services = res.xml.services.service;
    expect(services.map((s: any) => s.service_code).sort()).toEqual(['bulky_waste', 'flytipping', 'missed_bin', 'pothole', 'streetlight']);
    for (const s of services) {
      expect(s).toMatchObject({ metadata: 'true', type: 'realtime', service_name: expect.any(String), group: [expect.any(String)] });
      expect(s.keywords).toMatch(/LGSL \d+/);
    }
  });

  it('reads every definition as <service_definition> (get_service_meta_info)', async () => {
    const services = (await get('services.xml')).xml.services.service;
    for (const s of services) {
      const res = await get(`services/${s.service_code}.xml`);
      expect(res.status).toBe(200);
      const def = res.xml.service_definition;
      expect(def.service_code).toBe(s.service_code);
      const attributes = def.attributes.attribute;
      expect(attributes.length).toBeGreaterThan(0);
      for (const a of attributes) {
        expect(['true', 'false']).toContain(a.variable);
        expect(['true', 'false']).toContain(a.required);
        expect(Number(a.order)).toBeGreaterThan(0);
        expect(a.code).toMatch(/^[a-z_0-9]+$/);
        if (a.datatype.endsWith('valuelist')) expect(a.values.value.length).toBeGreaterThan(0);
      }
      definitions.set(s.service_code, def);
    }
    expect(definitions.size).toBe(5);
  });

  it('answers errors as <errors><error><code/><description/> with the HTTP status (_process_error)', async () => {
    const unknown = await get('services/no_such_service.xml');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toBe('text/xml; charset=utf-8');
    expect(unknown.xml.errors.error).toEqual([{ code: '404', description: 'service_code no_such_service was not found.' }]);
    const badKey = await post('requests.xml', report('pothole'), 'not-the-key');
    expect(badKey.status).toBe(403);
    expect(badKey.xml.errors.error[0]).toMatchObject({ code: '403', description: expect.stringMatching(/api_key/) });
    const unknownCode = await post('requests.xml', report('no_such_service'));
    expect(unknownCode.status).toBe(404);
    expect(unknownCode.xml.errors.error[0].code).toBe('404');
    const route = await get('no/such/route.xml');
    expect(route.status).toBe(404);
    expect(route.xml.errors.error[0].code).toBe('404');
  });

  it('takes a report with attribute[uprn] and media_url, and reads it back (send_service_request, get_service_requests)', async () => {
    const created = await post('requests.xml', report('pothole'));
    expect(created.status).toBe(201);
    const id = created.xml.service_requests.request[0].service_request_id;
    expect(id).toMatch(/^SR-\d+$/);

    const read = await get('requests.xml', { service_request_id: id });
    expect(read.status).toBe(200);
    const r = read.xml.service_requests.request[0];
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'pothole',
      lat: '51.501',
      long: '-0.141',
      media_url: 'https://fms.example.org/photo/1234.0.full.jpeg',
    });
    expect(r.description).toContain('Deep & getting worse <really>');
    expect(r.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    // The public read leaves out who reported it; the api_key holder sees it and every attribute.
    expect(read.text).not.toContain('fms.resident@example.org');
    const keyed = (await get(`requests/${id}.xml`, { api_key: KEY })).xml.service_requests.request[0];
    expect(keyed.email).toBe('fms.resident@example.org');
    const attrs = Object.fromEntries(keyed.attributes.attribute.map((a: any) => [a.code, a.value[0]]));
    expect(attrs).toMatchObject({ uprn: '100000000777', easting: '529000', northing: '179000', fixmystreet_id: '1234' });
  });

  it('keeps every photo of a report sent with multi_photos', async () => {
    const photos = ['https://fms.example.org/photo/1.0.full.jpeg', 'https://fms.example.org/photo/1.1.full.jpeg'];
    const created = await post('requests.xml', report('pothole', { media_url: photos }));
    const id = created.xml.service_requests.request[0].service_request_id;
    const r = (await get(`requests/${id}.xml`)).xml.service_requests.request[0];
    expect(r.media_url).toBe(photos[0]);
    expect(r.media_urls.media_url).toEqual(photos);
    const json = await (await fetch(`${server.baseUrl}/requests/${id}.json`)).json();
    expect(json[0]).toMatchObject({ media_url: photos[0], media_urls: photos });
  });

  it("posts residents' comments with every extended status, which leave the council's status and notes alone (post_service_request_update)", async () => {
    const id = (await post('requests.xml', report('streetlight'))).xml.service_requests.request[0].service_request_id;
    // The council's own update (no commenter): sets the status and the notes residents are told.
    const council = await post('servicerequestupdates.xml', {
      service_request_id: id,
      status: 'ACTION_SCHEDULED',
      description: 'Engineer booked for Thursday',
    });
    expect(council.status).toBe(200);
    const councilId = council.xml.service_request_updates.request_update[0].update_id;

    const ids: string[] = [];
    for (const [n, status] of EXTENDED_STATUSES.entries()) {
      const res = await post(
        'servicerequestupdates.xml',
        comment(id, status, n, n === 0 ? { media_url: 'https://fms.example.org/photo/c/9000.0.full.jpeg' } : {}),
      );
      expect(res.status, status).toBe(200);
      expect(res.type).toBe('text/xml; charset=utf-8');
      ids.push(res.xml.service_request_updates.request_update[0].update_id);
    }
    expect(new Set(ids).size).toBe(EXTENDED_STATUSES.length);
    const r = (await get(`requests/${id}.xml`)).xml.service_requests.request[0];
    expect(r).toMatchObject({ status: 'open', status_notes: 'Engineer booked for Thursday' });

    // FixMyStreet sends a comment again after a lost answer: the same update_id, stored once.
    const again = await post('servicerequestupdates.xml', comment(id, 'REOPEN', 0));
    expect(again.xml.service_request_updates.request_update[0].update_id).toBe(ids[0]);

    // Read back with the api_key and a date range (get_service_request_updates).
    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 60_000).toISOString();
    const updates = await get('servicerequestupdates.xml', { api_key: KEY, start_date: start, end_date: end });
    expect(updates.status).toBe(200);
    const mine = updates.xml.service_request_updates.request_update.filter((u: any) => u.service_request_id === id);
    expect(mine).toHaveLength(EXTENDED_STATUSES.length + 1);
    const byId = new Map(mine.map((u: any) => [u.update_id, u]));
    expect(byId.get(councilId)).toMatchObject({ status: 'ACTION_SCHEDULED', origin: 'council', description: 'Engineer booked for Thursday' });
    expect(byId.get(ids[0])).toMatchObject({
      status: 'OPEN',
      origin: 'resident',
      description: 'Comment 0: still there',
      media_url: 'https://fms.example.org/photo/c/9000.0.full.jpeg',
    });
    for (const [n, status] of EXTENDED_STATUSES.entries()) expect(byId.get(ids[n])).toMatchObject({ status, origin: 'resident' });
    const councilOnly = await get('servicerequestupdates.xml', { api_key: KEY, start_date: start, end_date: end, origin: 'council' });
    expect(councilOnly.xml.service_request_updates.request_update.filter((u: any) => u.service_request_id === id).map((u: any) => u.update_id)).toEqual([
      councilId,
    ]);
  });

  it('refuses GET servicerequestupdates without the api_key, or with a wrong one', async () => {
    for (const params of [{}, { api_key: 'not-the-key' }] as Array<Record<string, string>>) {
      const res = await get('servicerequestupdates.xml', params);
      expect(res.status).toBe(403);
      expect(res.xml.errors.error[0]).toMatchObject({ code: '403', description: expect.stringMatching(/api_key/) });
    }
    const json = await fetch(`${server.baseUrl}/servicerequestupdates.json`);
    expect(json.status).toBe(403);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual([{ code: 403, description: expect.stringMatching(/api_key/) }]);
  });

  it('refuses a comment on a request it does not have, or with an unknown status', async () => {
    const missing = await post('servicerequestupdates.xml', comment('SR-999999', 'REOPEN', 50));
    expect(missing.status).toBe(404);
    expect(missing.xml.errors.error[0].code).toBe('404');
    const id = (await post('requests.xml', report('pothole'))).xml.service_requests.request[0].service_request_id;
    const odd = await post('servicerequestupdates.xml', comment(id, 'MAYBE_LATER', 51));
    expect(odd.status).toBe(400);
    expect(odd.xml.errors.error[0].description).toMatch(/extended statuses/);
  });

  it('writes text XML cannot carry as well-formed XML', async () => {
    const created = await post('requests.xml', report('pothole', { description: 'Bell \u0007 here & <there> "quoted" \u{1F573}' }));
    const id = created.xml.service_requests.request[0].service_request_id;
    const read = await get(`requests/${id}.xml`);
    expect(read.xml.service_requests.request[0].description).toBe('Bell  here & <there> "quoted" \u{1F573}');
    // The JSON answer keeps what was typed.
    const json = await (await fetch(`${server.baseUrl}/requests/${id}.json`)).json();
    expect(json[0].description).toBe('Bell \u0007 here & <there> "quoted" \u{1F573}');
  });
});

describe('discovery', () => {
  it('says where the endpoint is and which formats it speaks, in XML and JSON', async () => {
    const xml = await get('discovery.xml');
    expect(xml.status).toBe(200);
    const endpoint = xml.xml.discovery.endpoints.endpoint;
    expect(endpoint).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: server.baseUrl, type: 'production' });
    expect(endpoint.formats.format).toEqual(['text/xml', 'application/json']);
    const json = await (await fetch(`${server.baseUrl}/discovery.json`)).json();
    expect(json.endpoints[0]).toMatchObject({ url: server.baseUrl, formats: ['text/xml', 'application/json'] });
    expect(json.changeset).toBe(xml.xml.discovery.changeset);
  });
});

describe('one error format per route', () => {
  it.each([
    ['GET', 'services/pothole.csv', 404, 'json'],
    ['GET', 'nothing/here', 404, 'json'],
    ['GET', '', 404, 'json'],
    ['DELETE', 'requests.xml', 405, 'xml'],
    ['PUT', 'services.json', 405, 'json'],
    ['GET', 'tokens/abc.xml', 404, 'xml'],
  ])('%s %s answers %i in %s', async (method, route, status, format) => {
    const res = await fetch(route ? `${server.baseUrl}/${route}` : server.baseUrl, { method });
    expect(res.status).toBe(status);
    const text = await res.text();
    if (format === 'xml') {
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(parser.parse(text).errors.error[0].code).toBe(String(status));
    } else {
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(JSON.parse(text)).toEqual([{ code: status, description: expect.any(String) }]);
    }
  });

  it('answers a body it cannot read in the route format, not restify’s', async () => {
    const res = await fetch(`${server.baseUrl}/requests.xml`, { method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(parser.parse(await res.text()).errors.error[0].code).toBe('400');
  });
});
