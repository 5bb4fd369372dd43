import path from 'node:path';
import { buildAssistant, type Assistant } from './assistant';
import { createAdapter } from './adapter';
import type { Config } from './config';
import type { Logger } from './logger';
import { BotServer } from './server';
import { AppDatabase } from './storage/database';
import { ServiceFeature } from './serviceFeature';
import { ServiceResponses } from '../dialogs/services/serviceResponses';
import type { AddressInfo } from 'node:net';
import { KyselyStorage } from './storage/kyselyStorage';

export interface App {
  server: BotServer;
  database: AppDatabase;
  assistant: Assistant;
  services: ServiceFeature;
  /** Finishes requests in flight, then closes everything. */
  close(): Promise<void>;
}

/** Project paths, relative to the repository root (where package.json is). */
export const ROOT = path.resolve(__dirname, '..');

export interface AppOverrides {
  /** The clock the service dialogs and back office use (tests set it). */
  now?: () => Date;
}

/** Wires config → database → recognizer → dialogs → bot → server. Used by bot/index.ts and the HTTP tests. */
export async function createApp(config: Config, logger: Logger, version: string, overrides: AppOverrides = {}): Promise<App> {
  const database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const serverRef: { current?: BotServer } = {};
    const services = new ServiceFeature({
      config: config.services,
      requestConfigPath: path.join(ROOT, 'knowledge', 'service-requests.yaml'),
      database,
      logger,
      now: overrides.now,
      selfUrl: () => `http://127.0.0.1:${(serverRef.current?.server.address() as AddressInfo | null)?.port ?? config.port}`,
    });
    const assistant = buildAssistant({
      storage: new KyselyStorage(database.db),
      councilProfilePath: config.councilProfilePath,
      intentsDir: config.intentsDir,
      safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
      modelDir: path.join(config.dataDir, 'models'),
      logger,
      intentDialogs: (parts) => services.intentDialogs(parts),
    });
    const adapter = createAdapter(config.botFramework, logger, assistant.responses.technicalProblem().text);
    services.start(adapter, config.botFramework.MicrosoftAppId ?? '', new ServiceResponses(assistant.council));
    const server = new BotServer({ adapter, bot: assistant.bot, database, logger, version, webDir: path.join(ROOT, 'web'), modules: services.modules() });
    serverRef.current = server;
    return {
      server,
      database,
      assistant,
      services,
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
