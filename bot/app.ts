import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EntityExtractor } from '../intents/entities';
import type { LocalRecognizer } from '../intents/localRecognizer';
import type { Recognizer } from '../intents/recognizer';
import { buildAssistants, type Assistant } from './assistant';
import type { Locale } from '../knowledge/locales';
import { createWebChat, type WebChatParts } from '../channels/directline';
import { openInProduction, type Config } from './config';
import type { Logger } from '../platform/logger';
import { HandoffFeature } from '../handoff';
import { appReadinessChecks } from './appReadiness';
import type { ReadinessCheck } from '../platform/http/readiness';
import { BotServer, type RouteModule } from './server';
import { SecurityHeaders } from './securityHeaders';
import { TeamsMiddleware } from '../channels/teams/teamsMiddleware';
import {
  createAdapter,
  createTelemetry,
  DirectLineBridge,
  instrumentAdapter,
  RequestTelemetryModule,
  type CouncilAdapter,
  type LogForwarder,
  type Telemetry,
} from './hosting';
import { AppDatabase } from '../platform/storage/database';
import { ServiceFeature } from './serviceFeature';
import { ServiceResponses } from '../dialogs/services/serviceResponses';
import { CONSOLE_MESSAGES, CONSOLE_PAGE_MESSAGES, HTTP_MESSAGES, INSIGHTS_MESSAGES, SERVICE_MESSAGES } from '../knowledge/messageFiles';
import { MessageTexts } from '../knowledge/messageFile';
import { DEFAULT_LOCALE } from '../knowledge/intentMessages';
import type { AddressInfo } from 'node:net';
import { KyselyStorage } from '../platform/storage/kyselyStorage';
import { loadCouncilProfile } from '../knowledge/councilProfile';
import { FeedbackStore } from '../knowledge/feedbackStore';
import { loadKnowledgeReport } from '../knowledge/loadKnowledgeReport';
import { UnansweredStore } from '../knowledge/unansweredStore';
import { InsightEventStore } from '../insights/insightEventStore';
import { OutcomeRecorder } from '../insights/outcomeRecorder';
import { loadInsights } from '../insights/loadInsights';
import { OpenDataModule } from '../insights/openData';
import type { Granularity } from '../insights/insightsReport';
import { packageRoot } from '../platform/packageRoot';
import { RetentionPurge } from './privacy/retentionPurge';
import { RetentionSchedule, type RetentionScheduleOptions } from './privacy/retentionSchedule';
import { whileStarting } from '../platform/yamlDocuments';

export interface App {
  server: BotServer;
  database: AppDatabase;
  /** English's parts and the bot residents talk to; `byLocale`: each declared language's assistant. */
  assistant: Assistant & { byLocale: ReadonlyMap<Locale, Assistant> };
  handoff: HandoffFeature;
  telemetry: Telemetry;
  adapter: CouncilAdapter;
  /** Web page, page tokens and (local mode) Direct Line. */
  webChat: WebChatParts;
  services: ServiceFeature;
  /** Finishes requests in flight, then closes everything. */
  close(): Promise<void>;
}

/** Project paths, relative to the repository root (where package.json is). */
export const ROOT = packageRoot(__dirname);

/** Optional parts the composition root (or a test) hands in. */
export interface AppExtras {
  /** The logger's destination; when telemetry is on, log lines are also sent as traces. */
  logForwarder?: LogForwarder;
  /** More named /readyz checks (feature modules can also bring their own through RouteModule.readinessChecks). */
  readinessChecks?: ReadinessCheck[];
  modules?: RouteModule[];
  /** The clock the service dialogs and back office use (tests set it). */
  now?: () => Date;
  /** When the retention purge first runs and how often (default: a minute after start, then hourly). */
  retentionSchedule?: RetentionScheduleOptions;
}

/**
 * Wires config → database → recognizer → dialogs → bot → server. Used by bot/index.ts and the HTTP tests. Content YAML
 * is parsed once per text while it builds (platform/yamlDocuments.ts): several loaders read the same files.
 */
export function createApp(config: Config, logger: Logger, version: string, extras: AppExtras = {}): Promise<App> {
  return whileStarting(() => buildApp(config, logger, version, extras));
}

async function buildApp(config: Config, logger: Logger, version: string, extras: AppExtras): Promise<App> {
  const telemetry = await createTelemetry(config.applicationInsightsConnectionString, logger);
  if (telemetry.enabled) extras.logForwarder?.attach((line) => telemetry.trackLogLine(line));
  const open = openInProduction(config);
  if (open.length) logger.error({ setting: 'ALLOW_UNAUTHENTICATED', open }, `ALLOW_UNAUTHENTICATED=true in production: ${open.join('; ')}`);
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
    const clu = config.clu;
    let cluRecognizer: ((local: LocalRecognizer) => Recognizer) | undefined;
    if (clu) {
      // The Azure client library is loaded only when CLU is configured (about 130 ms of start-up otherwise).
      const { CluRecognizer } = await import('../intents/cluRecognizer.js');
      cluRecognizer = (local) => new CluRecognizer({ settings: clu, fallback: local, entities: new EntityExtractor({ now: extras.now }), logger });
    }
    const serverRef: { current?: BotServer } = {};
    const services = new ServiceFeature({
      config: config.services,
      requestConfigPath: config.services.requestConfigPath,
      deliveryMessagesPath: path.join(ROOT, 'knowledge', 'delivery-messages.yaml'),
      database,
      logger,
      agency: loadCouncilProfile(config.councilProfilePath, config.handoff.contactCentrePath).name,
      now: extras.now,
      selfUrl: () => `http://127.0.0.1:${(serverRef.current?.server.address() as AddressInfo | null)?.port ?? config.port}`,
    });
    handoff = await HandoffFeature.create({
      database,
      databaseUrl: config.databaseUrl,
      ...config.handoff,
      webDir: path.join(ROOT, 'web'),
      trustProxy: config.directLine.trustProxy,
      logger,
    });
    const feature = handoff;
    const assistant = buildAssistants({
      storage: new KyselyStorage(database.db),
      now: extras.now,
      councilProfilePath: config.councilProfilePath,
      contactCentrePath: config.handoff.contactCentrePath,
      intentsDir: config.intentsDir,
      safeguardingRulesPath: path.join(ROOT, 'intents', 'safeguarding-rules.yaml'),
      modelDir: path.join(config.dataDir, 'models'),
      logger,
      recognizer: cluRecognizer,
      feedback: new FeedbackStore(database.db),
      unanswered: new UnansweredStore(database.db),
      telemetryClient: telemetry.enabled ? telemetry.client : undefined,
      intentDialogs: (parts) => [...services.intentDialogs(parts), feature.dialog(parts)],
      conversationIntents: services.requestIntents(),
      handoffRelay: (parts) => feature.relay(parts),
    });
    if (clu) logger.info({ project: clu.projectName, deployment: clu.deploymentName }, 'recognising with Azure CLU (offline classifier as fallback)');
    const adapter = createAdapter(config.botFramework, logger, assistant.responses.technicalProblem().text, { connectorTimeoutMs: config.connectorTimeoutMs });
    instrumentAdapter(adapter, telemetry);
    adapter.use(new TeamsMiddleware({ allowedTenants: config.teamsAllowedTenants, responses: assistant.responses, logger }));
    adapter.use(new OutcomeRecorder(new InsightEventStore(database.db), config.insightsSalt ?? insightsSalt(config.dataDir), logger));
    const securityHeaders = new SecurityHeaders({ allowedEmbedders: config.allowedEmbedders, trustProxy: config.directLine.trustProxy });
    // What a failed or refused request says (http.yaml) and what the agent console says (console.yaml):
    // the council's own files when its messages folder has them, else the project's.
    const httpWords = new MessageTexts(HTTP_MESSAGES.loadOrShipped(assistant.messagesDir), assistant.council);
    const consoleWords = new MessageTexts(CONSOLE_MESSAGES.loadOrShipped(assistant.messagesDir), assistant.council);
    // The console's pages, the insights' tables and sign-in's words in each language the council speaks whose messages folder has
    // them (staff choose with ?lang=, remembered; the default language first); what its scripts are refused, in the default's.
    const consolePages = [...assistant.byLocale]
      .filter(([locale]) => locale === DEFAULT_LOCALE || fs.existsSync(CONSOLE_PAGE_MESSAGES.file(assistant.messagesDir, locale)))
      .map(([locale, spoken]) => ({
        texts: new MessageTexts(CONSOLE_PAGE_MESSAGES.loadOrShipped(assistant.messagesDir, locale), spoken.council),
        insights: new MessageTexts(INSIGHTS_MESSAGES.loadOrShipped(assistant.messagesDir, locale), spoken.council),
        words: locale === DEFAULT_LOCALE ? consoleWords : new MessageTexts(CONSOLE_MESSAGES.loadOrShipped(assistant.messagesDir, locale), spoken.council),
        locale,
      }));
    const webChat = await createWebChat({
      config,
      frameAncestors: securityHeaders.frameAncestors,
      root: ROOT,
      database,
      databaseUrl: config.databaseUrl,
      bridge: (identity, replies) => new DirectLineBridge(adapter, assistant.bot, identity, replies),
      logger,
      botName: assistant.council.shortName,
      languages: [...assistant.byLocale].map(([locale, a]) => ({ locale, council: a.council })),
      knowledgeDir: path.dirname(config.councilProfilePath),
      messagesDir: assistant.messagesDir,
      words: httpWords,
    });
    // Grouped with the council's synonyms (next to the council profile, as buildAssistant reads them).
    const knowledgeReport = loadKnowledgeReport(
      database.db,
      path.join(path.dirname(config.councilProfilePath), 'synonyms.yaml'),
      (id) => assistant.knowledge.get(id)?.title,
      extras.now,
    );
    const insights = {
      build: (from: string, to: string, by: Granularity, method?: string) => loadInsights(database.db, assistant.council, from, to, by, method),
    };
    const agentConsole = feature.console(
      adapter,
      config.botFramework.MicrosoftAppId ?? '',
      assistant,
      consoleWords,
      consolePages,
      services.outbox,
      knowledgeReport,
      insights,
    );
    const server = new BotServer({
      adapter,
      bot: assistant.bot,
      database,
      logger,
      version,
      webDir: path.join(ROOT, 'web'),
      modules: [
        new RequestTelemetryModule(telemetry),
        agentConsole,
        ...webChat.modules,
        ...services.modules(),
        ...(config.insightsOpenData ? [new OpenDataModule(database.db, assistant.council)] : []),
        ...(extras.modules ?? []),
      ],
      readinessChecks: [...appReadinessChecks(database, assistant), ...(extras.readinessChecks ?? [])],
      securityHeaders,
      words: httpWords,
    });
    serverRef.current = server;
    services.start(
      adapter,
      config.botFramework.MicrosoftAppId ?? '',
      // Each language's words: a report's notices are in its conversation's language.
      [...assistant.byLocale].map(([locale, a]) => ({
        locale,
        council: a.council,
        responses: new ServiceResponses(a.council, a.buttons, SERVICE_MESSAGES.loadOrShipped(a.messagesDir, locale), locale),
      })),
    );
    const retention = new RetentionSchedule(new RetentionPurge(database.db, config.retention), logger, extras.retentionSchedule);
    retention.start();
    return {
      server,
      database,
      assistant,
      handoff: feature,
      telemetry,
      adapter,
      webChat,
      services,
      async close() {
        await server.close(config.shutdownGraceMs);
        await retention.stop();
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

/** This installation's salt for insight conversation hashes: made once, kept in DATA_DIR (INSIGHTS_SALT overrides it). */
function insightsSalt(dataDir: string): string {
  const file = path.join(dataDir, 'insights.salt');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process made it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
