import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { buildAssistant, type Assistant } from '../../bot/assistant';
import { loadConfig } from '../../bot/config';
import { loadDotEnv } from '../../bot/dotEnv';
import { createLogger } from '../../platform/logger';

/** The assistant residents talk to, as the evaluation scripts build it: the configured content, in-memory state, no logs. */
export function buildEvalAssistant(): Assistant {
  loadDotEnv();
  const config = loadConfig(process.env);
  const root = path.resolve(__dirname, '..', '..');
  return buildAssistant({
    storage: new MemoryStorage(),
    councilProfilePath: config.councilProfilePath,
    intentsDir: config.intentsDir,
    safeguardingRulesPath: path.join(root, 'intents', 'safeguarding-rules.yaml'),
    modelDir: path.join(config.dataDir, 'models'),
    logger: createLogger('silent'),
  });
}
