/**
 * npm run kb:report [-- --days N] [-- --json]
 *
 * What residents asked that the assistant could not answer, or answered with an article they
 * said did not help, in the last N days (30), grouped by similar wording, biggest groups first,
 * with a count, example wordings (personal data redacted before they were stored) and the
 * article offered. A table by default; --json prints the report as one JSON object.
 * Uses the same database settings as the assistant (DATABASE_URL or DATA_DIR, read from .env too).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../bot/config';
import { loadDotEnv } from '../bot/dotEnv';
import { AppDatabase } from '../platform/storage/database';
import { loadArticles } from '../knowledge/articleLoader';
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS } from '../knowledge/knowledgeReport';
import { loadKnowledgeReport } from '../knowledge/loadKnowledgeReport';
import { formatKnowledgeReport } from './lib/kbReportText';

const USAGE = `Usage: npm run kb:report [-- --days N] [-- --json]\n  --days N   the last N days (1 to ${MAX_REPORT_DAYS}; ${DEFAULT_REPORT_DAYS} when not given)\n  --json     the report as JSON instead of a table\n`;

async function main(): Promise<number> {
  let values: { days?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { days: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`kb:report: ${(err as Error).message}\n${USAGE}`);
    return 64;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const days = values.days === undefined ? DEFAULT_REPORT_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS) {
    process.stderr.write(`kb:report: --days must be a whole number from 1 to ${MAX_REPORT_DAYS}.\n${USAGE}`);
    return 64;
  }
  loadDotEnv();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`kb:report: ${err.message}\n`);
      return 78;
    }
    throw err;
  }
  // The knowledge files sit next to the council profile, as the assistant reads them.
  const knowledgeRoot = path.dirname(config.councilProfilePath);
  const titles = new Map(loadArticles(path.join(knowledgeRoot, 'articles')).articles.map((a) => [a.id, a.title]));
  const database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await loadKnowledgeReport(database.db, path.join(knowledgeRoot, 'synonyms.yaml'), (id) => titles.get(id)).build(days);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatKnowledgeReport(report)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`kb:report: ${err.message}\n`);
    process.exit(1);
  },
);
