import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

/**
 * Reads `.env` from the working directory into the environment when there is one (values already
 * set in the environment win), so that `npm start` and the command-line tools (chat, eval,
 * staff:add, teams:package) run with the same settings. Called first by each entry point.
 */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = path.join(cwd, '.env');
  if (fs.existsSync(file)) dotenv.config({ path: file, quiet: true });
}
