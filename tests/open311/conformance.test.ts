import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStandaloneGeoReport } from '../../backoffice/standaloneServer';
import { createLogger } from '../../platform/logger';
import { Open311Client, type Open311ClientOptions } from '../../servicerequests/open311/open311Client';
import { Outbox, type OutboxRow } from '../../servicerequests/open311/outbox';
import { OutboxWorker, type ResidentNotifier } from '../../servicerequests/open311/outboxWorker';
import type { RequestFields } from '../../servicerequests/open311/types';
import { AppDatabase } from '../../platform/storage/database';
import { startFaultyProxy } from './fakes/faultyProxy';
import { startSpecBackOffice, type SpecBackOffice, type SpecBackOfficeOptions } from './fakes/specBackOffice';
import { eventually } from '../support/eventually';

/**
 * Conformance: the real outbox (a real SQLite file) delivering N reports to back offices that
 * follow the spec in different ways and misbehave, then recover. Every report must arrive exactly
 * once (counted in the back office) and every outbox row end delivered with that report's id.
 */
const N = 50;
const KEY = 'conformance-key-1';
const logger = createLogger('silent');
const dirs: string[] = [];
/** Small timeouts and back-off, as the configuration allows (OPEN311_TIMEOUT_MS, OUTBOX_RETRY_*). */
const CLIENT_TIMEOUT_MS = 120;
const LATE_MS = 350;
const WORKER = { pollMs: 10, baseDelayMs: 5, maxDelayMs: 50, batch: N, heldBackRetryMs: 20 };

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
  dirs.push(d);
  return d;
}

/** N reports, each different, except the last two, made alike (the same hole reported twice). */
function reports(name: string): RequestFields[] {
  const list: RequestFields[] = [];
  for (let i = 0; i < N; i++) {
    const j = i === N - 1 ? N - 2 : i;
    list.push({
      service_code: 'pothole',
      description: `${name}: a hole ${10 + j} cm across by number ${j}`,
      address_string: `${j + 1} High Street, Anytown`,
      ...(j % 2 ? { lat: 51.5 + j / 1000, long: -0.1 - j / 1000 } : {}),
      attributes: { surface: 'road', width_cm: String(10 + j), depth_cm: '5', danger: 'no' },
    });
  }
  return list;
}

function recorder(): ResidentNotifier & { told: Array<{ kind: string; reference: string; id: string }> } {
  const told: Array<{ kind: string; reference: string; id: string }> = [];
  return {
    told,
    delivered: (row: OutboxRow, id: string) => (told.push({ kind: 'delivered', reference: row.reference, id }), Promise.resolve(true)),
    rejected: (row: OutboxRow) => (told.push({ kind: 'rejected', reference: row.reference, id: '' }), Promise.resolve(true)),
  };
}

const until = (check: () => Promise<boolean>, what: string): Promise<true> => eventually(check, { what, timeoutMs: 60_000 });

interface Delivery {
  rows: OutboxRow[];
  told: Array<{ kind: string; reference: string; id: string }>;
}

/**
 * Adds N reports to a fresh outbox, runs the worker while the back office misbehaves until every
 * report has been tried and it has had `calls` calls (or all are delivered), optionally restarts
 * (a new process: the database reopened, a new client and worker), then lets it recover.
 */
async function deliver(
  name: string,
  client: Partial<Open311ClientOptions> & { baseUrl: string },
  backOffice: { misbehaving: boolean; stats: { requests: number } },
  options: { restartWhen?: (rows: OutboxRow[]) => boolean } = {},
): Promise<Delivery> {
  const dataDir = tmp();
  let db = await AppDatabase.open({ dataDir });
  let outbox = new Outbox(db.db);
  const notifier = recorder();
  const added: OutboxRow[] = [];
  for (const fields of reports(name)) added.push(await outbox.add(fields, { conversation: { id: `c-${added.length}` }, serviceUrl: 'http://127.0.0.1:9' }));
  const start = () => {
    const worker = new OutboxWorker(
      outbox,
      new Open311Client({ apiKey: KEY, jurisdictionId: 'anytown.example', timeoutMs: CLIENT_TIMEOUT_MS, ...client }),
      notifier,
      logger,
      WORKER,
    );
    worker.start();
    return worker;
  };
  const rowsNow = async () => Promise.all(added.map(async (r) => (await outbox.get(r.reference))!));
  const pending = async () => (await outbox.counts()).pending ?? 0;

  backOffice.misbehaving = true;
  let worker = start();
  try {
    await until(async () => {
      const rows = await rowsNow();
      if (options.restartWhen) return options.restartWhen(rows);
      return (rows.every((r) => r.attempts > 0) && backOffice.stats.requests >= 2 * N) || (await pending()) === 0;
    }, `${name}: every report tried while the back office misbehaves`);
    if (options.restartWhen) {
      await worker.stop();
      await db.close();
      db = await AppDatabase.open({ dataDir });
      outbox = new Outbox(db.db);
      worker = start();
    }
    backOffice.misbehaving = false;
    await until(async () => {
      const counts = await outbox.counts();
      if (counts.rejected)
        throw new Error(`${name}: ${counts.rejected} report(s) rejected: ${(await rowsNow()).find((r) => r.state === 'rejected')?.last_error}`);
      return counts.delivered === N;
    }, `${name}: all ${N} reports delivered after the back office recovered`);
    await worker.stop();
    return { rows: await rowsNow(), told: notifier.told };
  } finally {
    await worker.stop();
    await db.close();
  }
}

/** Each report once in the back office, each row delivered with its own report's id, each resident told once. */
function expectExactlyOnce(delivery: Delivery, stored: Array<{ id: string | null; description: string; address: string }>): void {
  const { rows, told } = delivery;
  expect(rows.map((r) => r.state)).toEqual(Array(N).fill('delivered'));
  expect(stored).toHaveLength(N);
  const ids = stored.map((s) => s.id);
  expect(ids.every((id) => id !== null)).toBe(true);
  expect(new Set(ids).size).toBe(N);
  const byId = new Map(stored.map((s) => [s.id!, s]));
  const given = rows.map((r) => r.service_request_id);
  expect(new Set(given).size).toBe(N);
  for (const row of rows) {
    const fields = JSON.parse(row.payload) as RequestFields;
    const copy = byId.get(row.service_request_id!);
    expect(copy, `${row.reference} has a report in the back office`).toBeDefined();
    expect(copy).toMatchObject({ description: fields.description, address: fields.address_string });
  }
  // Counted per report: every description as many times as it was reported (the last two alike).
  const count = (list: string[]) => [...list.reduce((m, d) => m.set(d, (m.get(d) ?? 0) + 1), new Map<string, number>())].sort();
  expect(count(stored.map((s) => s.description))).toEqual(count(rows.map((r) => (JSON.parse(r.payload) as RequestFields).description!)));
  expect(
    told
      .filter((t) => t.kind === 'delivered')
      .map((t) => t.reference)
      .sort(),
  ).toEqual(rows.map((r) => r.reference).sort());
  expect(told.map((t) => t.id).sort()).toEqual(given.sort());
}

const storedIn = (fake: SpecBackOffice) =>
  fake.accepted.map((a) => ({ id: a.id, description: a.form.get('description') ?? '', address: a.form.get('address_string') ?? '' }));

async function withFake<T>(options: Omit<SpecBackOfficeOptions, 'apiKey' | 'lateMs'>, run: (fake: SpecBackOffice) => Promise<T>): Promise<T> {
  const fake = await startSpecBackOffice({ ...options, apiKey: KEY, lateMs: LATE_MS });
  try {
    return await run(fake);
  } finally {
    await fake.close();
  }
}

describe(`conformance: ${N} reports to each kind of back office while it misbehaves, then recovers`, () => {
  it('JSON only, flaky (5xx and dropped connections, some after creating, late answers), echoing client_reference', async () => {
    await withFake({ format: 'json', seed: 1901, misbehaviour: 'flaky', echoClientReference: true }, async (fake) => {
      const delivery = await deliver('json-flaky', { baseUrl: fake.baseUrl, format: 'json' }, fake);
      expectExactlyOnce(delivery, storedIn(fake));
      expect(fake.stats.faults).toBeGreaterThan(0);
      expect(delivery.rows.some((r) => r.attempts > 1)).toBe(true);
      expect(fake.stats.lookups).toBeGreaterThan(0);
    });
  }, 120_000);

  it('XML only, flaky', async () => {
    await withFake({ format: 'xml', seed: 1902, misbehaviour: 'flaky' }, async (fake) => {
      const delivery = await deliver('xml-flaky', { baseUrl: fake.baseUrl, format: 'xml' }, fake);
      expectExactlyOnce(delivery, storedIn(fake));
      expect(fake.stats.faults).toBeGreaterThan(0);
      expect(fake.stats.lookups).toBeGreaterThan(0);
    });
  }, 120_000);

  it('slow: every POST creates the report and answers after the client has given up', async () => {
    await withFake({ format: 'json', seed: 1903, misbehaviour: 'slow' }, async (fake) => {
      const delivery = await deliver('json-slow', { baseUrl: fake.baseUrl, format: 'json' }, fake);
      expectExactlyOnce(delivery, storedIn(fake));
      expect(fake.stats.lateAnswers).toBeGreaterThanOrEqual(N);
      // Every late POST was found by a look-up, never sent again.
      expect(fake.stats.posts).toBe(N);
    });
  }, 120_000);

  it('token-returning (asynchronous creation), with a restart while the tokens are still pending', async () => {
    await withFake({ format: 'xml', seed: 1904, tokens: true }, async (fake) => {
      const delivery = await deliver('xml-tokens', { baseUrl: fake.baseUrl, format: 'xml' }, fake, {
        restartWhen: (rows) => rows.every((r) => r.delivery_token !== null && r.attempts > 1),
      });
      expectExactlyOnce(delivery, storedIn(fake));
      expect(fake.stats.posts).toBe(N);
      expect(fake.stats.tokenReads).toBeGreaterThan(N);
      expect(delivery.rows.every((r) => r.delivery_token !== null)).toBe(true);
    });
  }, 120_000);

  it('strict about attributes (refuses client_reference), flaky', async () => {
    await withFake({ format: 'json', seed: 1905, misbehaviour: 'flaky', strict: true }, async (fake) => {
      const delivery = await deliver('json-strict', { baseUrl: fake.baseUrl, format: 'json', sendClientReference: 'auto' }, fake);
      expectExactlyOnce(delivery, storedIn(fake));
      expect(fake.stats.refusedAttributes).toBe(1);
      expect(fake.accepted.every((a) => !a.form.has('attribute[client_reference]'))).toBe(true);
      expect(fake.stats.faults).toBeGreaterThan(0);
    });
  }, 120_000);

  it('the built-in back office behind a flaky connection', async () => {
    const backOffice = await startStandaloneGeoReport({
      dataDir: tmp(),
      servicesDir: path.resolve('services'),
      apiKey: KEY,
      jurisdictionId: 'anytown.example',
      logger,
    });
    const proxy = await startFaultyProxy(backOffice.baseUrl, 1906, LATE_MS);
    try {
      const delivery = await deliver('built-in', { baseUrl: proxy.baseUrl, format: 'json', apiKeyOnReads: true }, proxy);
      const stored = await backOffice.database.db.selectFrom('open311_requests').selectAll().execute();
      expectExactlyOnce(
        delivery,
        stored.map((s) => ({ id: s.service_request_id, description: s.description ?? '', address: s.address_string ?? '' })),
      );
      const byReference = new Map(stored.map((s) => [s.client_reference, s.service_request_id]));
      for (const row of delivery.rows) expect(byReference.get(row.reference)).toBe(row.service_request_id);
      expect(proxy.stats.faults).toBeGreaterThan(0);
    } finally {
      await proxy.close();
      await backOffice.close();
    }
  }, 120_000);
});
