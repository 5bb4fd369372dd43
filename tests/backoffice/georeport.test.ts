/* eslint-disable @typescript-eslint/no-explicit-any -- the spec's JSON responses, checked field by field */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneGeoReport } from '../../backoffice/standaloneServer';
import { createLogger } from '../../platform/logger';

const KEY = 'test-key-123456';
let server: Awaited<ReturnType<typeof startStandaloneGeoReport>>;
let dir: string;

async function get(p: string) {
  const res = await fetch(`${server.baseUrl}/${p}`);
  return { status: res.status, body: await res.json() };
}
async function post(p: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const res = await fetch(`${server.baseUrl}/${p}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return { status: res.status, body: await res.json() };
}
const pothole = (extra: Record<string, string | string[]> = {}) => ({
  api_key: KEY,
  service_code: 'pothole',
  lat: '51.5',
  long: '-0.1',
  'attribute[surface]': 'road',
  'attribute[width_cm]': '30',
  'attribute[depth_cm]': '5',
  'attribute[danger]': 'no',
  ...extra,
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'georeport-'));
  server = await startStandaloneGeoReport({
    dataDir: dir,
    servicesDir: path.resolve('services'),
    apiKey: KEY,
    jurisdictionId: 'anytown.example',
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GeoReport v2 services', () => {
  it('lists the five services with LGSL codes in keywords', async () => {
    const { status, body } = await get('services.json');
    expect(status).toBe(200);
    const codes = body.map((s: any) => s.service_code).sort();
    expect(codes).toEqual(['bulky_waste', 'flytipping', 'missed_bin', 'pothole', 'streetlight']);
    for (const s of body) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort());
      expect(s.keywords).toMatch(/LGSL \d+/);
      expect(s.metadata).toBe(true);
    }
  });

  it('gives a definition with ordered attributes and values', async () => {
    const { status, body } = await get('services/missed_bin.json');
    expect(status).toBe(200);
    expect(body.service_code).toBe('missed_bin');
    expect(body.attributes.map((a: any) => a.order)).toEqual([1, 2, 3]);
    const container = body.attributes[0];
    expect(container).toMatchObject({ variable: true, code: 'container', datatype: 'singlevaluelist', required: true, order: 1 });
    expect(container.values.map((v: any) => v.key)).toEqual(['general', 'recycling', 'garden', 'food']);
  });

  it('answers 404 with a spec error array for an unknown service, and for a format it does not speak', async () => {
    const { status, body } = await get('services/nope.json');
    expect(status).toBe(404);
    expect(body).toEqual([{ code: 404, description: expect.stringContaining('nope') }]);
    const csv = await get('services/pothole.csv');
    expect(csv.status).toBe(404);
    expect(csv.body).toEqual([{ code: 404, description: expect.stringMatching(/\.json or \.xml/) }]);
  });

  it('refuses an unknown jurisdiction', async () => {
    expect((await get('services.json?jurisdiction_id=elsewhere.example')).status).toBe(404);
    expect((await get('services.json?jurisdiction_id=anytown.example')).status).toBe(200);
  });
});

describe('GeoReport v2 requests', () => {
  it('creates a request, returns it by id and in lists, without personal data', async () => {
    const created = await post('requests.json', pothole({ email: 'resident@example.com', first_name: 'Ann', description: 'Deep hole' }));
    expect(created.status).toBe(201);
    const [{ service_request_id, service_notice }] = created.body;
    expect(service_request_id).toMatch(/^SR-\d+$/);
    expect(service_notice).toMatch(/inspector/);
    const one = await get(`requests/${service_request_id}.json`);
    expect(one.status).toBe(200);
    expect(one.body[0]).toMatchObject({ service_request_id, status: 'open', service_code: 'pothole', description: 'Deep hole', lat: 51.5, long: -0.1 });
    expect(JSON.stringify(one.body)).not.toContain('resident@example.com');
    expect(one.body[0].expected_datetime > one.body[0].requested_datetime).toBe(true);
    const listed = await get(`requests.json?service_request_id=${service_request_id},SR-1`);
    expect(listed.body.map((r: any) => r.service_request_id)).toEqual([service_request_id]);
  });

  it('returns the same request for the same client_reference', async () => {
    const a = await post('requests.json', pothole({ 'attribute[client_reference]': 'AT-11112222' }));
    const b = await post('requests.json', pothole({ 'attribute[client_reference]': 'AT-11112222' }));
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body[0].service_request_id).toBe(a.body[0].service_request_id);
  });

  it('takes multivaluelist values and stores HTML as text', async () => {
    const res = await post('requests.json', {
      api_key: KEY,
      service_code: 'flytipping',
      address_string: '<script>alert(1)</script> behind the shops',
      'attribute[waste_type][]': ['furniture', 'tyres'],
      'attribute[amount]': 'car_boot',
      'attribute[hazardous]': 'no',
    });
    expect(res.status).toBe(201);
    const one = await get(`requests/${res.body[0].service_request_id}.json`);
    expect(one.body[0].address).toBe('<script>alert(1)</script> behind the shops');
  });

  it.each([
    [{ api_key: 'wrong-key-000' }, 403, /api_key/],
    [{ api_key: '' }, 403, /api_key/],
    [{ service_code: 'unknown_service' }, 404, /unknown_service/],
    [{ lat: '', long: '' }, 400, /location/],
    [{ 'attribute[danger]': 'maybe' }, 400, /danger/],
    [{ 'attribute[width_cm]': 'wide' }, 400, /number/],
    [{ 'attribute[bad code!]': 'red' }, 400, /attribute code/],
    [{ media_url: 'javascript:alert(1)' }, 400, /media_url/],
    [{ description: 'x'.repeat(5000) }, 400, /4,000 characters/],
    [{ email: 'not-an-email' }, 400, /email/],
  ])('refuses bad input %j with %i', async (change, code, message) => {
    const form = pothole(change);
    const res = await post('requests.json', form);
    expect(res.status).toBe(code);
    expect(res.body).toEqual([{ code, description: expect.stringMatching(message) }]);
  });

  it('refuses a missing required attribute', async () => {
    const form = pothole();
    delete (form as Record<string, string>)['attribute[danger]'];
    const res = await post('requests.json', form);
    expect(res.status).toBe(400);
    expect(res.body[0].description).toMatch(/danger/);
  });

  it('answers 404 for a request that does not exist', async () => {
    const res = await get('requests/SR-999999.json');
    expect(res.status).toBe(404);
    expect(res.body[0].code).toBe(404);
  });

  it('filters by service_code, status and dates, and limits the window to 90 days', async () => {
    await post('requests.json', pothole());
    const potholes = await get('requests.json?service_code=pothole');
    expect(potholes.body.length).toBeGreaterThan(0);
    expect(potholes.body.every((r: any) => r.service_code === 'pothole')).toBe(true);
    expect((await get('requests.json?service_code=pothole&status=closed')).body).toEqual([]);
    expect((await get('requests.json?status=pending')).status).toBe(400);
    const past = await get('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z');
    expect(past.body).toEqual([]);
    const tooWide = await get('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z');
    expect(tooWide.status).toBe(400);
    expect(tooWide.body[0].description).toMatch(/90 days/);
    expect((await get('requests.json?start_date=yesterday')).status).toBe(400);
    expect((await get('requests.json?start_date=2020-02-01T00:00:00Z&end_date=2020-01-01T00:00:00Z')).status).toBe(400);
  });
});

describe('mySociety servicerequestupdates', () => {
  it('posts an extended status update that closes the request, and lists it', async () => {
    const created = await post('requests.json', pothole());
    const id = created.body[0].service_request_id;
    const upd = await post('servicerequestupdates.json', { api_key: KEY, service_request_id: id, status: 'ACTION_SCHEDULED', description: 'Repair booked' });
    expect(upd.status).toBe(200);
    expect(upd.body[0].update_id).toBeTruthy();
    expect((await get(`requests/${id}.json`)).body[0]).toMatchObject({ status: 'open', status_notes: 'Repair booked' });
    await post('servicerequestupdates.json', { api_key: KEY, service_request_id: id, status: 'FIXED', description: 'Filled' });
    expect((await get(`requests/${id}.json`)).body[0].status).toBe('closed');
    const updates = await get(`servicerequestupdates.json?api_key=${KEY}`);
    const mine = updates.body.filter((u: any) => u.service_request_id === id);
    expect(mine.map((u: any) => u.status)).toEqual(['ACTION_SCHEDULED', 'FIXED']);
    expect((await post('servicerequestupdates.json', { api_key: KEY, service_request_id: id, status: 'SOMETHING' })).status).toBe(400);
    expect((await post('servicerequestupdates.json', { api_key: 'bad-key-0000', service_request_id: id, status: 'FIXED' })).status).toBe(403);
    expect((await post('servicerequestupdates.json', { api_key: KEY, service_request_id: 'SR-1', status: 'FIXED' })).status).toBe(404);
  });
});

describe("residents' comments (JSON)", () => {
  it('stores a comment with its photo and leaves the status and notes; reading updates needs the api_key', async () => {
    const id = (await post('requests.json', pothole())).body[0].service_request_id;
    await post('servicerequestupdates.json', { api_key: KEY, service_request_id: id, status: 'FIXED', description: 'Filled in' });
    const c = await post('servicerequestupdates.json', {
      api_key: KEY,
      service_request_id: id,
      status: 'REOPEN',
      description: 'It has sunk again',
      first_name: 'Ann',
      last_name: 'Lee',
      email: 'ann@example.com',
      update_id: '77',
      media_url: 'https://photos.example/77.jpeg',
    });
    expect(c.status).toBe(200);
    expect((await get(`requests/${id}.json`)).body[0]).toMatchObject({ status: 'closed', status_notes: 'Filled in' });
    const all = (await get(`servicerequestupdates.json?api_key=${KEY}`)).body.filter((u: any) => u.service_request_id === id);
    expect(all.map((u: any) => [u.status, u.origin])).toEqual([
      ['FIXED', 'council'],
      ['REOPEN', 'resident'],
    ]);
    expect(all[1]).toMatchObject({ update_id: c.body[0].update_id, description: 'It has sunk again', media_url: 'https://photos.example/77.jpeg' });
    expect(JSON.stringify(all)).not.toMatch(/ann@example\.com|Lee/);
    expect((await get('servicerequestupdates.json')).status).toBe(403);
    expect((await get(`servicerequestupdates.json?api_key=${KEY}&origin=someone`)).status).toBe(400);
  });
});

describe('publishing: what the public may read', () => {
  const typed =
    'Hole by the bus stop. My name is Priya Raman, call me on 07700 900123 or priya.r@example.com. ' +
    "I'm Sam Okafor's neighbour, Okafor said it was reported. Thanks, Priya";

  it('withholds contact fields and removes names, emails and phone numbers from the description; the api_key sees everything', async () => {
    const created = await post(
      'requests.json',
      pothole({ first_name: 'Sam', last_name: 'Okafor', email: 'sam.okafor@example.com', phone: '01632 960123', description: typed }),
    );
    const id = created.body[0].service_request_id;
    const personal = ['Priya', 'Raman', 'Sam', 'Okafor', '07700 900123', 'priya.r@example.com', 'sam.okafor@example.com', '01632 960123'];
    for (const read of [await get(`requests/${id}.json`), await get(`requests.json?service_request_id=${id}`), await get('requests.json')]) {
      expect(read.status).toBe(200);
      const mine = read.body.find((r: any) => r.service_request_id === id);
      expect(mine.description).toMatch(/^Hole by the bus stop\. My name is \[name\], call me on \[phone\] or \[email\]\./);
      for (const field of ['first_name', 'last_name', 'email', 'phone', 'attributes']) expect(mine).not.toHaveProperty(field);
      const published = JSON.stringify(mine);
      for (const p of personal) expect(published).not.toContain(p);
    }

    const keyed = await get(`requests/${id}.json?api_key=${KEY}`);
    expect(keyed.body[0]).toMatchObject({
      description: typed,
      first_name: 'Sam',
      last_name: 'Okafor',
      email: 'sam.okafor@example.com',
      phone: '01632 960123',
      attributes: { surface: 'road' },
    });
    const keyedList = await get(`requests.json?service_request_id=${id}&api_key=${KEY}`);
    expect(keyedList.body[0].email).toBe('sam.okafor@example.com');
    expect((await get(`requests/${id}.json?api_key=not-the-key`)).status).toBe(403);
  });

  it("leaves a resident's home out of public reads for services whose place is one (publish_location: false)", async () => {
    const home = { address_string: '7 Mill Lane, Anytown, AT3 2CD', address_id: '100000000777', lat: '51.52', long: '-0.12' };
    const bin = await post('requests.json', {
      api_key: KEY,
      service_code: 'missed_bin',
      'attribute[container]': 'general',
      'attribute[collection_date]': new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      'attribute[bin_out_by_7am]': 'yes',
      ...home,
    });
    expect(bin.status).toBe(201);
    const id = bin.body[0].service_request_id;
    const pub = (await get(`requests/${id}.json`)).body[0];
    expect(pub).toMatchObject({ service_code: 'missed_bin', address: '', address_id: '', lat: null, long: null });
    expect(JSON.stringify(pub)).not.toMatch(/Mill Lane|100000000777|51\.52/);
    expect((await get(`requests/${id}.json?api_key=${KEY}`)).body[0]).toMatchObject({
      address: home.address_string,
      address_id: home.address_id,
      lat: 51.52,
      long: -0.12,
    });
    // A pothole's place is the point of the report: it stays public.
    const hole = await post('requests.json', pothole({ address_string: 'Station Road by the library' }));
    expect((await get(`requests/${hole.body[0].service_request_id}.json`)).body[0]).toMatchObject({ address: 'Station Road by the library', lat: 51.5 });
  });

  it('limits reads without the api_key per address: 429 with Retry-After, and the api_key is not limited', async () => {
    const limited = await startStandaloneGeoReport({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'georeport-limit-')),
      servicesDir: path.resolve('services'),
      apiKey: KEY,
      jurisdictionId: 'anytown.example',
      logger: createLogger('silent'),
      publicReadsPerMinute: 3,
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${limited.baseUrl}/requests.json`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await fetch(`${limited.baseUrl}/requests/SR-100001.json`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await refused.json())[0]).toMatchObject({ code: 429, description: expect.stringMatching(/Too many requests/) });
      expect((await fetch(`${limited.baseUrl}/requests.json?api_key=${KEY}`)).status).toBe(200);
      // Guessing keys is limited like any other public read.
      expect((await fetch(`${limited.baseUrl}/requests.json?api_key=guess-1`)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
