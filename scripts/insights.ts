/**
 * npm run insights -- --from YYYY-MM-DD --to YYYY-MM-DD [--by day|week|month]
 *
 * What the assistant resolved, handed over and missed in those days (both included), as one JSON
 * object (the aggregates of the insights page; definitions in docs/insights.md). No personal data
 * is stored, so none can be printed. Uses the same database settings as the assistant
 * (DATABASE_URL or DATA_DIR, read from .env too).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../bot/config';
import { loadDotEnv } from '../bot/dotEnv';
import { loadInsights } from '../insights/loadInsights';
import type { Granularity } from '../insights/insightsReport';
import { loadCouncilProfile } from '../knowledge/councilProfile';
import { MessageTexts } from '../knowledge/messageFile';
import { INSIGHTS_MESSAGES } from '../knowledge/messageFiles';
import { AppDatabase } from '../platform/storage/database';

const USAGE = 'Usage: npm run insights -- --from YYYY-MM-DD --to YYYY-MM-DD [--by day|week|month]\n';

async function main(): Promise<number> {
  let values: { from?: string; to?: string; by?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`insights: ${(err as Error).message}\n${USAGE}`);
    return 64;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.from || !values.to) {
    process.stderr.write(`insights: --from and --to are needed.\n${USAGE}`);
    return 64;
  }
  const by = (values.by ?? 'day') as Granularity;
  if (!['day', 'week', 'month'].includes(by)) {
    process.stderr.write(`insights: --by must be day, week or month.\n${USAGE}`);
    return 64;
  }
  loadDotEnv();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`insights: ${err.message}\n`);
      return 78;
    }
    throw err;
  }
  const council = loadCouncilProfile(config.councilProfilePath, config.handoff.contactCentrePath);
  // The savings' method in the council's words (insights.yaml beside its profile, else the project's).
  const words = new MessageTexts(INSIGHTS_MESSAGES.loadOrShipped(path.join(path.dirname(config.councilProfilePath), 'messages')), council);
  const database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await loadInsights(database.db, council, values.from, values.to, by, words.say('savings_method'));
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`insights: ${(err as Error).message}\n${USAGE}`);
    return 64;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`insights: ${err.message}\n`);
    process.exit(1);
  },
);
