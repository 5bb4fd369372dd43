import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneGeoReport } from '../../backoffice/standaloneServer';
import { createLogger } from '../../platform/logger';
import { Open311Client, Open311Error } from '../../servicerequests/open311/open311Client';

let server: Awaited<ReturnType<typeof startStandaloneGeoReport>>;
let dir: string;
let requests = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-'));
  server = await startStandaloneGeoReport({
    dataDir: dir,
    servicesDir: path.resolve('services'),
    apiKey: 'client-key-1',
    jurisdictionId: 'anytown.example',
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function counting(baseUrl: string) {
  const original = globalThis.fetch;
  return async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    if (String(input).startsWith(baseUrl)) requests++;
    return original(input, init);
  };
}

describe('Open311Client', () => {
  it('caches the service list and definitions until refreshed or expired', async () => {
    let clock = 0;
    const original = globalThis.fetch;
    globalThis.fetch = counting(server.baseUrl);
    try {
      const client = new Open311Client({ baseUrl: server.baseUrl, jurisdictionId: 'anytown.example', cacheTtlMs: 1000, now: () => clock });
      requests = 0;
      expect((await client.services()).length).toBe(5);
      await client.services();
      const def = await client.definition('pothole');
      await client.definition('pothole');
      expect(requests).toBe(2);
      expect(def.attributes.map((a) => a.order)).toEqual([1, 2, 3, 4]);
      client.refresh();
      await client.services();
      expect(requests).toBe(3);
      clock = 5000;
      await client.definition('pothole');
      expect(requests).toBe(4);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('tells a refusal (404) from an outage', async () => {
    const client = new Open311Client({ baseUrl: server.baseUrl });
    await expect(client.definition('nope')).rejects.toMatchObject({ kind: 'rejected', status: 404 });
    const down = new Open311Client({ baseUrl: 'http://127.0.0.1:9/open311/v2', timeoutMs: 500 });
    const err = await down.services().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Open311Error);
    expect(err).toMatchObject({ kind: 'unavailable' });
    expect(await client.getRequest('SR-1')).toBeUndefined();
  });

  it('reads with its api_key only when told to (the built-in back office): then in full', async () => {
    const created = await new Open311Client({ baseUrl: server.baseUrl, apiKey: 'client-key-1' }).postRequest(
      {
        service_code: 'pothole',
        address_string: 'Gate Lane',
        first_name: 'Nia',
        email: 'nia@example.com',
        description: 'Nia here: hole by the gate',
        attributes: { surface: 'road', width_cm: '30', depth_cm: '5', danger: 'no' },
      },
      'AT-55554444',
    );
    const keyed = await new Open311Client({ baseUrl: server.baseUrl, apiKey: 'client-key-1', apiKeyOnReads: true }).getRequest(created.service_request_id);
    expect(keyed).toMatchObject({ first_name: 'Nia', description: 'Nia here: hole by the gate' });
    const keyless = await new Open311Client({ baseUrl: server.baseUrl, apiKey: 'client-key-1' }).getRequest(created.service_request_id);
    expect(keyless).toMatchObject({ description: '[name] here: hole by the gate' });
    expect(keyless).not.toHaveProperty('first_name');
  });
});
