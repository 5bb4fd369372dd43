import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

/** The e2e project's shared models (see seedDataFolder.ts), or undefined where its global setup did not run. */
function sharedModels(): string | undefined {
  const seed = inject('seedDataDir');
  return seed ? path.join(seed, 'models') : undefined;
}

/** Models and kept knowledge bases are written whole under a temporary name first: never copy one half written. */
const whole = (file: string) => !file.endsWith('.tmp');

/**
 * A new, throwaway data folder (`prefix` names it in the temporary folder) holding a copy of the models the e2e tests have
 * trained so far (see seedDataFolder.ts): the assistant started on it reads back those its content needs, as a restart
 * does, instead of training them again. Its database and everything else start empty.
 */
export function freshDataFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const shared = sharedModels();
  if (shared && fs.existsSync(shared)) fs.cpSync(shared, path.join(dir, 'models'), { recursive: true, filter: whole });
  return dir;
}

/**
 * Adds the models an assistant just trained in `dataDir` (for content of a test's own: fixture intents change the risk
 * classifier's negatives, and it trains for 10 – 20 s) to the shared ones, so that the next test on the same content
 * reads them back. Each model's file is named by the hash of its training data, so files never clash; each is copied under
 * a temporary name and renamed, so another test never reads one half written.
 */
export function shareTrainedModels(dataDir: string): void {
  const shared = sharedModels();
  const own = path.join(dataDir, 'models');
  if (!shared || !fs.existsSync(own)) return;
  for (const name of fs.readdirSync(own, { recursive: true, encoding: 'utf8' })) {
    const from = path.join(own, name);
    const to = path.join(shared, name);
    if (!whole(name) || fs.existsSync(to) || !fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const tmp = `${to}.${process.pid}.tmp`;
    fs.copyFileSync(from, tmp);
    fs.renameSync(tmp, to);
  }
}
