import restify from 'restify';
import type { Logger } from '../platform/logger';
import { AppDatabase } from '../platform/storage/database';
import { GeoReportServer } from './georeportServer';
import { ServiceCatalogue } from './serviceCatalogue';

export interface StandaloneOptions {
  dataDir: string;
  databaseUrl?: string;
  servicesDir: string;
  apiKey: string;
  jurisdictionId: string;
  logger: Logger;
  publicReadsPerMinute?: number;
}

/** The GeoReport v2 back office on its own (no bot): `npm run open311` and the tests' second server. */
export async function startStandaloneGeoReport(options: StandaloneOptions, port = 0, host = '127.0.0.1') {
  const catalogue = ServiceCatalogue.load(options.servicesDir);
  if (catalogue.problems.length) throw new Error(catalogue.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  const database = await AppDatabase.open({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, fileName: 'open311.sqlite' });
  const server = restify.createServer({ name: 'open311', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  new GeoReportServer({
    db: database.db,
    catalogue,
    apiKey: options.apiKey,
    jurisdictionId: options.jurisdictionId,
    logger: options.logger,
    publicReadsPerMinute: options.publicReadsPerMinute,
  }).register(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = server.address().port;
  return {
    port: actual,
    baseUrl: `http://${host}:${actual}/open311/v2`,
    database,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
