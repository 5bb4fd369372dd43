/**
 * Runs the GeoReport v2 back office on its own, without the bot:
 *   PORT=4311 DATA_DIR=./data SERVICES_DIR=./services OPEN311_API_KEY=... npx tsx scripts/open311-server.ts
 * Prints "open311 listening on <base url>" once ready.
 */
import path from 'node:path';
import { startStandaloneGeoReport } from '../backoffice/standaloneServer';
import { createLogger } from '../platform/logger';

async function main(): Promise<void> {
  const env = process.env;
  const apiKey = env.OPEN311_API_KEY;
  if (!apiKey) {
    process.stderr.write('open311-server: OPEN311_API_KEY is required\n');
    process.exit(78);
  }
  const logger = createLogger((env.LOG_LEVEL as 'info') ?? 'info');
  const server = await startStandaloneGeoReport(
    {
      dataDir: path.resolve(env.DATA_DIR ?? './data'),
      databaseUrl: env.DATABASE_URL || undefined,
      servicesDir: path.resolve(env.SERVICES_DIR ?? './services'),
      apiKey,
      jurisdictionId: env.OPEN311_JURISDICTION_ID ?? 'anytown.example',
      logger,
    },
    Number(env.PORT ?? 4311),
  );
  process.stdout.write(`open311 listening on ${server.baseUrl}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
