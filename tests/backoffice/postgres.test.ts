import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStandaloneGeoReport } from '../../backoffice/standaloneServer';
import { createLogger } from '../../platform/logger';
import { Open311Client } from '../../servicerequests/open311/open311Client';
import { Outbox } from '../../servicerequests/open311/outbox';
import { OutboxWorker } from '../../servicerequests/open311/outboxWorker';
import { AppDatabase } from '../../platform/storage/database';
import { createTestPostgres, type TestPostgres } from '../support/postgres';

describe('Open311 on PostgreSQL', async () => {
  const pgdb: TestPostgres = await createTestPostgres();
  afterAll(async () => pgdb.drop());

  describe.skipIf(!!pgdb.skipReason)(pgdb.skipReason ?? 'back office and outbox on PostgreSQL', () => {
    it('stores requests, de-duplicates by client_reference and delivers the outbox exactly once', async () => {
      const logger = createLogger('silent');
      const backOffice = await startStandaloneGeoReport({
        dataDir: '/nonexistent',
        databaseUrl: pgdb.url,
        servicesDir: path.resolve('services'),
        apiKey: 'pg-key-1234',
        jurisdictionId: 'anytown.example',
        logger,
      });
      const bot = await AppDatabase.open({ dataDir: '/nonexistent', databaseUrl: pgdb.url });
      try {
        const outbox = new Outbox(bot.db);
        const client = new Open311Client({ baseUrl: backOffice.baseUrl, apiKey: 'pg-key-1234', jurisdictionId: 'anytown.example' });
        const fields = { service_code: 'streetlight', address_string: 'Mill Lane', attributes: { fault_type: 'out' } };
        const row = await outbox.add(fields, null);
        // The back office already has it (as after a crash between POST and record).
        const first = await client.postRequest(fields, row.reference);
        const worker = new OutboxWorker(outbox, client, { delivered: () => Promise.resolve(true), rejected: () => Promise.resolve(true) }, logger, {
          pollMs: 1000,
        });
        // Two workers (two instances) racing over the same outbox.
        await Promise.all([worker.runOnce(), worker.runOnce()]);
        expect(await outbox.get(row.reference)).toMatchObject({ state: 'delivered', service_request_id: first.service_request_id });
        const rows = await backOffice.database.db.selectFrom('open311_requests').selectAll().where('client_reference', '=', row.reference).execute();
        expect(rows).toHaveLength(1);
        expect(await client.getRequest(first.service_request_id)).toMatchObject({ status: 'open', service_code: 'streetlight' });
      } finally {
        await bot.close();
        await backOffice.close();
      }
    });
  });
});
