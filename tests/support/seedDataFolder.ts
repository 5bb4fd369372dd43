import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../platform/logger';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder the shipped assistant has started on once: its `models` folder holds what a first start trains. */
    seedDataDir: string;
  }
}

/**
 * Global setup of the e2e project: starts the whole assistant once on the shipped content in a new data folder, as
 * `npm start` does on a fresh clone (it trains the intent and risk classifiers of each language and keeps the knowledge
 * base), and hands that folder to the test files. Tests that start the assistant in a throwaway data folder
 * (`freshDataFolder`) begin with a copy of its `models`, as a council's server does on every start after its first: a
 * start then took 2.5 s instead of 21 – 24 s, and some ninety tests start one. Models are keyed by the hash of their
 * training data, so a test that changes the content still trains its own; tests of the first start itself
 * (tests/bot/restart.test.ts) use folders of their own.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-seed-'));
  const app = await createApp(loadConfig({ PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'silent' }), createLogger('silent'), 'test');
  await app.close();
  project.provide('seedDataDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
