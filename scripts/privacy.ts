/**
 * Residents' rights over what the assistant holds (UK GDPR articles 15 and 17):
 *
 *   npm run privacy:export -- --email sam@example.com      everything held about them, as JSON on stdout
 *   npm run privacy:export -- --phone "07700 900123"
 *   npm run privacy:export -- --reference AT-12345678
 *   npm run privacy:erase  -- --email sam@example.com      erases it (see docs/privacy.md), prints the counts
 *
 * Both write a row to privacy_audit (when, what, a hash of the selector, how many rows), never
 * the selector itself. Uses the same database settings as the assistant (DATABASE_URL or
 * DATA_DIR, read from .env too).
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../bot/config';
import { loadDotEnv } from '../bot/dotEnv';
import { ResidentPrivacy } from '../bot/privacy/residentPrivacy';
import { ResidentSelector, SELECTOR_KINDS, SelectorError } from '../bot/privacy/residentSelector';
import { AppDatabase } from '../platform/storage/database';
import { loadCouncilProfile } from '../knowledge/councilProfile';
import { MessageTexts } from '../knowledge/messageFile';
import { PRIVACY_MESSAGES, type PrivacyTexts } from '../knowledge/messageFiles';

const USAGE =
  'Usage: npm run privacy:export -- --email ADDRESS | --phone NUMBER | --reference REF\n       npm run privacy:erase  -- --email ADDRESS | --phone NUMBER | --reference REF\n';

/** The one selector given, as --kind value or --kind=value. */
function selectorFrom(args: string[]): ResidentSelector {
  const given: Array<[string, string | undefined]> = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) throw new SelectorError(`"${args[i]}" is not an option`);
    given.push([m[1], m[2] ?? args[++i]]);
  }
  if (given.length !== 1) throw new SelectorError(`give exactly one of ${SELECTOR_KINDS.map((k) => `--${k}`).join(', ')}`);
  const [kind, value] = given[0];
  if (!SELECTOR_KINDS.includes(kind as never))
    throw new SelectorError(`--${kind} is not a selector: use one of ${SELECTOR_KINDS.map((k) => `--${k}`).join(', ')}`);
  if (value === undefined || value.trim() === '') throw new SelectorError(`--${kind} needs a value`);
  return ResidentSelector.parse(kind, value);
}

function exportWords(councilProfilePath: string, contactCentrePath: string): PrivacyTexts {
  return new MessageTexts(
    PRIVACY_MESSAGES.loadOrShipped(path.join(path.dirname(councilProfilePath), 'messages')),
    loadCouncilProfile(councilProfilePath, contactCentrePath),
  );
}

async function main(): Promise<number> {
  loadDotEnv();
  const [action, ...args] = process.argv.slice(2);
  const name = `privacy:${action}`;
  if (args.includes('--help') || args.includes('-h') || (action !== 'export' && action !== 'erase')) {
    process.stdout.write(USAGE);
    return action === 'export' || action === 'erase' ? 0 : 64;
  }
  let selector: ResidentSelector;
  try {
    selector = selectorFrom(args);
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    process.stderr.write(`${name}: ${err.message}\n${USAGE}`);
    return 64;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${name}: ${err.message}\n`);
      return 78;
    }
    throw err;
  }
  // The export's notes in the council's words: privacy.yaml in the messages folder next to its
  // council profile (as the assistant reads its other message files), else the project's own.
  // Read before the database is opened, so that a mistake in them stops the export before it starts.
  const words = action === 'export' ? exportWords(config.councilProfilePath, config.handoff.contactCentrePath) : undefined;
  const database = await AppDatabase.open({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    const privacy = new ResidentPrivacy(database.db);
    if (words) {
      // (only an export has them)
      const { data } = await privacy.export(selector, words);
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    } else {
      const { counts } = await privacy.erase(selector);
      process.stdout.write(`${JSON.stringify({ erased: counts }, null, 2)}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`privacy: ${err.message}\n`);
    process.exit(1);
  },
);
