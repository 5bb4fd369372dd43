import path from 'node:path';
import { CluRecognizer } from '../intents/cluRecognizer';
import { EntityExtractor } from '../intents/entities';
import { buildAssistant, type Assistant } from './assistant';
import { createAdapter } from './adapter';
import type { Config } from './config';
import type { Logger } from './logger';
import { BotServer } from './server';
import { AppDatabase } from './storage/database';
import { KyselyStorage } from './storage/kyselyStorage';

export interface App {
  server: BotServer;
  database: AppDatabase;
  assistant: Assistant;
  /** Finishes requests in flight, then closes everything. */
  close(): Promise<void>;
}

/** Project paths, relative to the repository root (where package.json is). */
export const ROOT = path.resolve(__dirname, '..');

/** Wires config → database → recognizer → dialogs → bot → server. Used by bot/index.ts and the HTTP tests. */
export async function createApp(config: Config, logger: Logger, version: string): Promise<App> {
  const database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const clu = config.clu;
    const assistant = buildAssistant({
      storage: new KyselyStorage(database.db),
      councilProfilePath: config.councilProfilePath,
      intentsDir: config.intentsDir,
      safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
      modelDir: path.join(config.dataDir, 'models'),
      logger,
      recognizer: clu ? (local) => new CluRecognizer({ settings: clu, fallback: local, entities: new EntityExtractor(), logger }) : undefined,
    });
    if (clu) logger.info({ project: clu.projectName, deployment: clu.deploymentName }, 'recognising with Azure CLU (offline classifier as fallback)');
    const adapter = createAdapter(config.botFramework, logger, assistant.responses.technicalProblem().text);
    const server = new BotServer({ adapter, bot: assistant.bot, database, logger, version, webDir: path.join(ROOT, 'web') });
    return {
      server,
      database,
      assistant,
      async close() {
        await server.close(config.shutdownGraceMs);
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
