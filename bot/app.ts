import path from 'node:path';
import { buildAssistant, type Assistant } from './assistant';
import { createAdapter } from './adapter';
import type { Config } from './config';
import type { Logger } from './logger';
import { HandoffFeature } from './handoff';
import { appReadinessChecks } from './appReadiness';
import type { ReadinessCheck } from './readiness';
import { BotServer, type RouteModule } from './server';
import { TeamsMiddleware } from './teams/teamsMiddleware';
import { instrumentAdapter } from './telemetry/instrumentAdapter';
import type { LogForwarder } from './telemetry/logForwarder';
import { RequestTelemetryModule } from './telemetry/requestTelemetryModule';
import { createTelemetry, type Telemetry } from './telemetry/telemetry';
import { AppDatabase } from './storage/database';
import { KyselyStorage } from './storage/kyselyStorage';

export interface App {
  server: BotServer;
  database: AppDatabase;
  assistant: Assistant;
  handoff: HandoffFeature;
  telemetry: Telemetry;
  /** Finishes requests in flight, then closes everything. */
  close(): Promise<void>;
}

/** Project paths, relative to the repository root (where package.json is). */
export const ROOT = path.resolve(__dirname, '..');

/** Optional parts the composition root (or a test) hands in. */
export interface AppExtras {
  /** The logger's destination; when telemetry is on, log lines are also sent as traces. */
  logForwarder?: LogForwarder;
  /** More named /readyz checks (feature modules can also bring their own through RouteModule.readinessChecks). */
  readinessChecks?: ReadinessCheck[];
  modules?: RouteModule[];
}

/** Wires config → database → recognizer → dialogs → bot → server. Used by bot/index.ts and the HTTP tests. */
export async function createApp(config: Config, logger: Logger, version: string, extras: AppExtras = {}): Promise<App> {
  const telemetry = await createTelemetry(config.applicationInsightsConnectionString, logger);
  if (telemetry.enabled) extras.logForwarder?.attach((line) => telemetry.trackLogLine(line));
  const stopTelemetry = async () => {
    extras.logForwarder?.detach();
    await telemetry.close();
  };
  let database: AppDatabase;
  try {
    database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    await stopTelemetry();
    throw err;
  }
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
      telemetryClient: telemetry.enabled ? telemetry.client : undefined,
      intentDialogs: (parts) => [feature.dialog(parts)],
      handoffRelay: (parts) => feature.relay(parts),
    });
    const adapter = createAdapter(config.botFramework, logger, assistant.responses.technicalProblem().text);
    instrumentAdapter(adapter, telemetry);
    adapter.use(new TeamsMiddleware({ allowedTenants: config.teamsAllowedTenants, responses: assistant.responses, logger }));
    const agentConsole = feature.console(adapter, config.botFramework.MicrosoftAppId ?? '', assistant);
    const server = new BotServer({
      adapter,
      bot: assistant.bot,
      database,
      logger,
      version,
      webDir: path.join(ROOT, 'web'),
      modules: [new RequestTelemetryModule(telemetry), agentConsole, ...(extras.modules ?? [])],
      readinessChecks: [...appReadinessChecks(database, assistant), ...(extras.readinessChecks ?? [])],
    });
    return {
      server,
      database,
      assistant,
      handoff: feature,
      telemetry,
      async close() {
        await server.close(config.shutdownGraceMs);
        await feature.close();
        await stopTelemetry();
        await database.close();
      },
    };
  } catch (err) {
    await handoff?.close();
    await stopTelemetry();
    await database.close();
    throw err;
  }
}
