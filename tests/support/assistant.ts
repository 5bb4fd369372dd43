import os from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { buildAssistant, type Assistant, type AssistantOptions } from '../../bot/assistant';
import { createLogger } from '../../platform/logger';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Trained models are cached here across test files (keyed by the training data's hash). */
export const TEST_MODEL_DIR = path.join(os.tmpdir(), 'council-assistant-test-models');

export function testAssistant(storage: Storage = new MemoryStorage(), extra: Partial<AssistantOptions> = {}): Assistant {
  return buildAssistant({
    storage,
    councilProfilePath: path.join(ROOT, 'knowledge', 'council.yaml'),
    intentsDir: path.join(ROOT, 'intents', 'data'),
    safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
    modelDir: TEST_MODEL_DIR,
    logger: createLogger('silent'),
    ...extra,
  });
}
