import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { buildAssistants, type Assistant } from '../../bot/assistant';
import type { Locale } from '../../knowledge/locales';
import { loadConfig } from '../../bot/config';
import { loadDotEnv } from '../../bot/dotEnv';
import { createLogger } from '../../platform/logger';

/**
 * The assistant residents talk to, as the evaluation scripts build it: the configured content, in-memory state, no logs.
 * `locale`: that language's assistant (its bot answers in it whatever the message; English by default), which the council must declare.
 */
export function buildEvalAssistant(locale: Locale = 'en-GB'): Assistant {
  loadDotEnv();
  const config = loadConfig(process.env);
  const root = path.resolve(__dirname, '..', '..');
  const all = buildAssistants({
    storage: new MemoryStorage(),
    councilProfilePath: config.councilProfilePath,
    intentsDir: config.intentsDir,
    safeguardingRulesPath: path.join(root, 'intents', 'safeguarding-rules.yaml'),
    modelDir: path.join(config.dataDir, 'models'),
    logger: createLogger('silent'),
  });
  // That language's own bot, not the one that changes language by the message: a set is scored in its language.
  const chosen = all.byLocale.get(locale);
  if (!chosen) throw new Error(`${config.councilProfilePath} does not declare ${locale} (languages:)`);
  return chosen;
}
