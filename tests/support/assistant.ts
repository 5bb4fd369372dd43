import os from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { buildAssistant, buildAssistants, type Assistant, type AssistantOptions } from '../../bot/assistant';
import type { Locale } from '../../knowledge/locales';
import { createLogger } from '../../platform/logger';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Trained models are cached here across test files (keyed by the training data's hash). */
export const TEST_MODEL_DIR = path.join(os.tmpdir(), 'council-assistant-test-models');

/** What every test assistant is built from: the shipped content, the shared model cache, no logs. */
function shipped(storage: Storage): AssistantOptions {
  return {
    storage,
    councilProfilePath: path.join(ROOT, 'knowledge', 'council.yaml'),
    intentsDir: path.join(ROOT, 'intents', 'data'),
    safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
    modelDir: TEST_MODEL_DIR,
    logger: createLogger('silent'),
  };
}

export function testAssistant(storage: Storage = new MemoryStorage(), extra: Partial<AssistantOptions> = {}): Assistant {
  return buildAssistant({ ...shipped(storage), ...extra });
}

/** The assistant in every language the shipped council declares (English and Welsh): its `bot` hands each turn to the resident's language. */
export function testAssistants(storage: Storage = new MemoryStorage()): Assistant & { byLocale: ReadonlyMap<Locale, Assistant> } {
  return buildAssistants(shipped(storage));
}
