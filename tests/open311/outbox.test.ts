import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandaloneGeoReport } from '../../backoffice/standaloneServer';
import { createLogger } from '../../platform/logger';
import { Open311Client } from '../../servicerequests/open311/open311Client';
import { Outbox, type OutboxRow } from '../../servicerequests/open311/outbox';
import { OutboxWorker } from '../../servicerequests/open311/outboxWorker';
import type { RequestFields } from '../../servicerequests/open311/types';
import { AppDatabase } from '../../platform/storage/database';
import { eventually } from '../support/eventually';

const KEY = 'outbox-test-key';
const logger = createLogger('silent');
let backOffice: Awaited<ReturnType<typeof startStandaloneGeoReport>>;
let botDb: AppDatabase;
const dirs: string[] = [];
let proxy: http.Server;
let proxyUrl: string;
/** What the proxy does with the next requests, in order; then it passes requests through. */
let faults: Array<'500' | '401' | 'hang-after-forward' | 'reset-after-forward' | 'reset-before-forward'> = [];

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  dirs.push(d);
  return d;
}

async function forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; text: string }> {
  const res = await fetch(`${backOffice.baseUrl}${req.url!.replace(/^\/open311\/v2/, '')}`, {
    method: req.method,
    headers: { 'content-type': String(req.headers['content-type'] ?? 'application/x-www-form-urlencoded') },
    body: req.method === 'POST' ? new Uint8Array(body) : undefined,
  });
  return { status: res.status, text: await res.text() };
}

const pothole = (extra: Partial<RequestFields> = {}): RequestFields => ({
  service_code: 'pothole',
  address_string: 'Outside 12 High Street',
  attributes: { surface: 'road', width_cm: '30', depth_cm: '5', danger: 'no' },
  ...extra,
});

async function backOfficeRows() {
  return backOffice.database.db.selectFrom('open311_requests').selectAll().execute();
}

const until = (check: () => Promise<boolean>, what: string): Promise<true> => eventually(check, { what });

beforeAll(async () => {
  backOffice = await startStandaloneGeoReport({
    dataDir: tmp(),
    servicesDir: path.resolve('services'),
    apiKey: KEY,
    jurisdictionId: 'anytown.example',
    logger,
  });
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fault = faults.shift();
      const body = Buffer.concat(chunks);
      if (fault === '500') {
        res.statusCode = 500;
        res.end(JSON.stringify([{ code: 500, description: 'database unavailable' }]));
      } else if (fault === '401') {
        res.statusCode = 401;
        res.end(JSON.stringify([{ code: 401, description: 'api_key is not valid' }]));
      } else if (fault === 'reset-before-forward') {
        req.socket.destroy();
      } else if (fault === 'hang-after-forward') {
        void forward(req, body); // the back office records it; the answer never comes back
      } else if (fault === 'reset-after-forward') {
        void forward(req, body).then(() => req.socket.destroy());
      } else {
        void forward(req, body).then(({ status, text }) => {
          res.statusCode = status;
          res.setHeader('content-type', 'application/json');
          res.end(text);
        });
      }
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/open311/v2`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await backOffice.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

beforeEach(async () => {
  if (botDb) await botDb.close();
  botDb = await AppDatabase.open({ dataDir: tmp() });
  faults = [];
});

function recorder() {
  const told: Array<{ kind: string; reference: string; detail: string }> = [];
  return {
    told,
    delivered: (row: OutboxRow, id: string) => (told.push({ kind: 'delivered', reference: row.reference, detail: id }), Promise.resolve(true)),
    rejected: (row: OutboxRow, description: string) => (told.push({ kind: 'rejected', reference: row.reference, detail: description }), Promise.resolve(true)),
  };
}

describe('one confirmation, one row', () => {
  it('adds a request once per idempotency key, even when the same key arrives twice at once', async () => {
    const outbox = new Outbox(botDb.db);
    const [a, b] = await Promise.all([outbox.addOnce('conv-1/dialog-1', pothole(), null), outbox.addOnce('conv-1/dialog-1', pothole(), null)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.row.reference).toBe(b.row.reference);
    const again = await outbox.addOnce('conv-1/dialog-1', pothole({ description: 'changed' }), null);
    expect(again).toMatchObject({ created: false, row: { reference: a.row.reference } });
    const other = await outbox.addOnce('conv-1/dialog-2', pothole(), null);
    expect(other.created).toBe(true);
    await outbox.add(pothole(), null);
    await outbox.add(pothole(), null);
    expect((await outbox.counts()).pending).toBe(4);
  });

  it("finds a row by its reference, in any case, or by the reference's digits alone", async () => {
    const outbox = new Outbox(botDb.db);
    const { row } = await outbox.addOnce('conv-2/dialog-1', pothole(), null);
    const digits = row.reference.replace(/^AT-/, '');
    expect(digits).toMatch(/^\d{8}$/);
    expect((await outbox.get(row.reference.toLowerCase()))?.reference).toBe(row.reference);
    expect((await outbox.get(digits))?.reference).toBe(row.reference);
    expect(await outbox.get(`XY-${digits}`)).toBeUndefined();
  });
});

describe('outbox delivery with faults', () => {
  it('delivers every confirmed request exactly once through 500s, timeouts and dropped connections', async () => {
    const outbox = new Outbox(botDb.db);
    const client = new Open311Client({ baseUrl: proxyUrl, apiKey: KEY, jurisdictionId: 'anytown.example', timeoutMs: 400 });
    const notifier = recorder();
    const worker = new OutboxWorker(outbox, client, notifier, logger, { pollMs: 20, baseDelayMs: 10, maxDelayMs: 40 });
    const before = (await backOfficeRows()).length;
    const rows: OutboxRow[] = [];
    for (let i = 0; i < 5; i++)
      rows.push(await outbox.add(pothole({ description: `defect ${i}` }), { conversation: { id: 'c1' }, serviceUrl: 'http://127.0.0.1:9' }));
    faults = ['500', 'hang-after-forward', 'reset-after-forward', 'reset-before-forward', '500', 'hang-after-forward', '500'];
    worker.start();
    await until(async () => (await outbox.counts()).delivered === 5, 'all five delivered');
    await worker.stop();

    expect(faults).toEqual([]);
    const after = await backOfficeRows();
    expect(after.length - before).toBe(5);
    const byRef = new Map(after.map((r) => [r.client_reference, r.service_request_id]));
    for (const row of rows) {
      const stored = await outbox.get(row.reference);
      expect(stored?.state).toBe('delivered');
      expect(stored?.service_request_id).toBe(byRef.get(row.reference));
    }
    expect(new Set(notifier.told.map((t) => t.reference)).size).toBe(5);
    expect(notifier.told.every((t) => t.kind === 'delivered')).toBe(true);
    const retried = await Promise.all(rows.map((r) => outbox.get(r.reference)));
    expect(retried.some((r) => (r?.attempts ?? 0) > 1)).toBe(true);
  });

  it('keeps the request while the back office refuses connections, then delivers it', async () => {
    const outbox = new Outbox(botDb.db);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    let base = `http://127.0.0.1:${deadPort}/open311/v2`;
    const client = new Open311Client({ baseUrl: () => base, apiKey: KEY, jurisdictionId: 'anytown.example', timeoutMs: 400 });
    const worker = new OutboxWorker(outbox, client, recorder(), logger, { pollMs: 1000, baseDelayMs: 1, maxDelayMs: 1 });
    const row = await outbox.add(pothole(), null);
    await worker.runOnce();
    const waiting = await outbox.get(row.reference);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting?.last_error).toMatch(/could not be reached/);
    base = backOffice.baseUrl;
    // Tried again once its (1 ms) back-off is over.
    await eventually(
      async () => {
        await worker.runOnce();
        return (await outbox.get(row.reference))?.state === 'delivered';
      },
      { what: 'the request delivered once the back office answers' },
    );
  });

  it('rejects at once on a 400, keeping its description for staff (the resident is told from knowledge/delivery-messages.yaml)', async () => {
    const outbox = new Outbox(botDb.db);
    const client = new Open311Client({ baseUrl: backOffice.baseUrl, apiKey: KEY, jurisdictionId: 'anytown.example' });
    const notifier = recorder();
    const worker = new OutboxWorker(outbox, client, notifier, logger, { pollMs: 1000 });
    const row = await outbox.add(pothole({ attributes: { surface: 'sky', width_cm: '1', depth_cm: '1', danger: 'no' } }), { conversation: { id: 'c' } });
    await worker.runOnce();
    const stored = await outbox.get(row.reference);
    expect(stored?.state).toBe('rejected');
    expect(stored?.last_error).toMatch(/surface/);
    expect(notifier.told).toEqual([{ kind: 'rejected', reference: row.reference, detail: expect.stringMatching(/surface\] must be one of/) }]);
  });

  it('keeps a request the back office refuses with 401, tries again slowly, and delivers it once when the key works again', async () => {
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const now = () => new Date(clock);
    const outbox = new Outbox(botDb.db, now);
    const client = new Open311Client({ baseUrl: proxyUrl, apiKey: KEY, jurisdictionId: 'anytown.example' });
    const notifier = recorder();
    const worker = new OutboxWorker(outbox, client, notifier, logger, { pollMs: 1000, heldBackRetryMs: 30 * 60_000, heldBackForMs: 48 * 3_600_000, now });
    const row = await outbox.add(pothole({ description: 'key rotated' }), { conversation: { id: 'c' } });
    faults = ['401'];

    await worker.runOnce();
    expect(await outbox.get(row.reference)).toMatchObject({ state: 'pending', attempts: 1, last_status: 401, next_attempt_at: '2026-12-01T09:30:00.000Z' });
    expect(await outbox.heldBack()).toEqual({ count: 1, oldest: row.created_at, lastStatus: 401 });
    expect(notifier.told).toEqual([]);

    // Not due before the slow retry; then the key works again.
    clock += 10 * 60_000;
    await worker.runOnce();
    expect((await outbox.get(row.reference))?.attempts).toBe(1);
    clock += 21 * 60_000;
    await worker.runOnce();
    const delivered = await outbox.get(row.reference);
    expect(delivered).toMatchObject({ state: 'delivered', last_status: null });
    expect((await backOfficeRows()).filter((r) => r.client_reference === row.reference)).toHaveLength(1);
    expect(notifier.told).toEqual([{ kind: 'delivered', reference: row.reference, detail: delivered!.service_request_id }]);
    expect((await outbox.heldBack()).count).toBe(0);
    expect(faults).toEqual([]);
  });

  it('a wrong api key holds the request back for the configured time, then it needs a person', async () => {
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const now = () => new Date(clock);
    const outbox = new Outbox(botDb.db, now);
    const client = new Open311Client({ baseUrl: backOffice.baseUrl, apiKey: 'not-the-key', jurisdictionId: 'anytown.example' });
    const notifier = recorder();
    const worker = new OutboxWorker(outbox, client, notifier, logger, { pollMs: 1000, heldBackRetryMs: 60 * 60_000, heldBackForMs: 3 * 3_600_000, now });
    const row = await outbox.add(pothole(), { conversation: { id: 'c' } });
    for (let hour = 0; hour < 3; hour++) {
      await worker.runOnce();
      expect(await outbox.get(row.reference)).toMatchObject({
        state: 'pending',
        attempts: hour + 1,
        last_status: 403,
        last_error: expect.stringMatching(/api_key/),
      });
      clock += 60 * 60_000;
    }
    expect(notifier.told).toEqual([]);
    await worker.runOnce();
    expect(await outbox.get(row.reference)).toMatchObject({ state: 'rejected', attempts: 4, last_error: expect.stringMatching(/api_key/) });
    expect(notifier.told.map((t) => t.kind)).toEqual(['rejected']);
    expect((await outbox.heldBack()).count).toBe(0);
  });

  it('held-back requests are tried at once when the worker starts again (e.g. after a restart with a new key)', async () => {
    const outbox = new Outbox(botDb.db);
    const row = await outbox.add(pothole(), null);
    await outbox.markRetry(row.reference, 1, new Date(Date.now() + 30 * 60_000), 'api_key is not valid', 401);
    const client = new Open311Client({ baseUrl: backOffice.baseUrl, apiKey: KEY, jurisdictionId: 'anytown.example' });
    const worker = new OutboxWorker(outbox, client, recorder(), logger, { pollMs: 60_000 });
    worker.start();
    await until(async () => (await outbox.get(row.reference))?.state === 'delivered', 'delivery after restart');
    await worker.stop();
  });

  it('a process killed between POST and record neither loses nor duplicates the request', async () => {
    const dataDir = tmp();
    const db = await AppDatabase.open({ dataDir });
    const row = await new Outbox(db.db).add(pothole({ description: 'killed' }), null);
    await db.close();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/open311/fixtures/killAfterPost.ts'), dataDir, backOffice.baseUrl, KEY], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, sig) => r(sig)));
    expect(out).toContain('posted');
    expect(signal).toBe('SIGKILL');

    const again = await AppDatabase.open({ dataDir });
    // The dead worker's lease (60 s) has to run out first: look at the outbox two minutes later.
    const outbox = new Outbox(again.db, () => new Date(Date.now() + 120_000));
    const stranded = await outbox.get(row.reference);
    expect(stranded?.state).toBe('pending');
    expect(stranded?.locked_until).not.toBeNull();
    expect(await new Outbox(again.db).claimDue(10, 60_000)).toEqual([]);
    const first = (await backOfficeRows()).filter((r) => r.client_reference === row.reference);
    expect(first).toHaveLength(1);

    const client = new Open311Client({ baseUrl: backOffice.baseUrl, apiKey: KEY, jurisdictionId: 'anytown.example' });
    await new OutboxWorker(outbox, client, recorder(), logger, { pollMs: 1000, leaseMs: 60_000 }).runOnce();
    const delivered = await outbox.get(row.reference);
    expect(delivered?.state).toBe('delivered');
    const now = (await backOfficeRows()).filter((r) => r.client_reference === row.reference);
    expect(now).toHaveLength(1);
    expect(delivered?.service_request_id).toBe(now[0].service_request_id);
    await again.close();
  });
});
