import path from 'node:path';
import { buildAssistant, type Assistant } from './assistant';
import { createAdapter } from './adapter';
import type { Config } from './config';
import type { Logger } from './logger';
import { HandoffFeature } from './handoff';
import { BotServer } from './server';
import { AppDatabase } from './storage/database';
import { KyselyStorage } from './storage/kyselyStorage';

export interface App {
  server: BotServer;
  database: AppDatabase;
  assistant: Assistant;
  handoff: HandoffFeature;
  /** Finishes requests in flight, then closes everything. */
  close(): Promise<void>;
}

/** Project paths, relative to the repository root (where package.json is). */
export const ROOT = path.resolve(__dirname, '..');

/** Wires config → database → recognizer → dialogs → bot → server. Used by bot/index.ts and the HTTP tests. */
export async function createApp(config: Config, logger: Logger, version: string): Promise<App> {
  const database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let handoff: HandoffFeature | undefined;
  try {
    handoff = await HandoffFeature.create({ database, databaseUrl: config.databaseUrl, ...config.handoff, webDir: path.join(ROOT, 'web'), logger });
    const feature = handoff;
    const assistant = buildAssistant({
      storage: new KyselyStorage(database.db),
      councilProfilePath: config.councilProfilePath,
      intentsDir: config.intentsDir,
      safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
      modelDir: path.join(config.dataDir, 'models'),
      logger,
      intentDialogs: (parts) => [feature.dialog(parts)],
      handoffRelay: (parts) => feature.relay(parts),
    });
    const adapter = createAdapter(config.botFramework, logger, assistant.responses.technicalProblem().text);
    const agentConsole = feature.console(adapter, config.botFramework.MicrosoftAppId ?? '', assistant);
    const server = new BotServer({ adapter, bot: assistant.bot, database, logger, version, webDir: path.join(ROOT, 'web'), modules: [agentConsole] });
    return {
      server,
      database,
      assistant,
      handoff: feature,
      async close() {
        await server.close(config.shutdownGraceMs);
        await feature.close();
        await database.close();
      },
    };
  } catch (err) {
    await handoff?.close();
    await database.close();
    throw err;
  }
}
