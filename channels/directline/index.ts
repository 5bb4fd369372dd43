import fs from 'node:fs';
import path from 'node:path';
import type { WebChatSettings } from './directLineSettings';
import type { Logger } from '../../platform/logger';
import type { RouteModule } from '../../platform/http/routeModule';
import type { AppDatabase } from '../../platform/storage/database';
import type { HttpTexts } from '../../knowledge/messageFiles';
import { PostgresNotifier } from '../../platform/storage/postgresNotifier';
import type { CouncilProfile } from '../../knowledge/councilProfile';
import { LANGUAGE_NAMES, type Locale } from '../../knowledge/locales';
import { loadWebChatStrings, webChatStringsFile } from '../../knowledge/webChatStrings';
import { loadCouncilTheme, type CouncilTheme } from '../web/councilTheme';
import { loadPageText } from '../web/pageText';
import { WebModule, type PageLanguage } from '../web/webModule';
import type { BotBridge, BotIdentity } from './botBridge';
import { BotReplies } from './botReplies';
import { ConversationStore } from './conversationStore';
import { DirectLineModule } from './directLineModule';
import { directLineReadiness } from './directLineReadiness';
import { AzureTokenSource, LocalTokenSource, PageTokenModule } from './pageTokenModule';
import { StreamHub } from './streamHub';
import { StreamNotices } from './streamNotices';
import { TokenService } from './tokens';

export interface WebChatParts {
  modules: RouteModule[];
  /** The local Direct Line (undefined in azure mode). */
  directLine?: DirectLineModule;
  store: ConversationStore;
  tokens: TokenService;
  hub?: StreamHub;
}

export interface WebChatDeps {
  config: WebChatSettings;
  /** The CSP frame-ancestors directive the pages repeat in their own policies. */
  frameAncestors: string;
  root: string;
  database: AppDatabase;
  /** The PostgreSQL the database is on, for notices between instances (none on SQLite). */
  databaseUrl?: string;
  /** Hands residents' activities to the bot (the hosting module's Direct Line bridge on its adapter, bot/hosting). */
  bridge: (identity: BotIdentity, replies: BotReplies) => BotBridge;
  logger: Logger;
  botName: string;
  /** The languages the council declares, English first, each with the council's profile in it (its names and pages). */
  languages: ReadonlyArray<{ locale: Locale; council: CouncilProfile }>;
  /** Where the council's chat-page.yaml is (next to its council.yaml); the project's knowledge/chat-page.yaml when it has none. */
  knowledgeDir: string;
  /** The council's messages folder: Web Chat's own strings in each language but English (<locale>/webchat.yaml). */
  messagesDir: string;
  /** The council's words for a refused request (<messagesDir>/<locale>/http.yaml), loaded by the composition root. */
  words: HttpTexts;
}

/** The resident web page, the page-token endpoint and (in local mode) the Direct Line service. */
export async function createWebChat(deps: WebChatDeps): Promise<WebChatParts> {
  const { config, database, logger } = deps;
  const dl = config.directLine;
  const store = new ConversationStore(database.db);
  const tokens = new TokenService(await store.key('token-signing'));
  const theme = loadCouncilTheme(path.join(deps.root, 'web', 'council-theme.json'));
  const web = new WebModule({
    webDir: path.join(deps.root, 'web'),
    accessibilityStatement: path.join(deps.root, 'docs', 'accessibility.md'),
    webChatBundle: path.join(deps.root, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'),
    theme,
    languages: pageLanguages(deps, theme),
    mode: dl.mode,
    frameAncestors: deps.frameAncestors,
    connectOrigins: dl.mode === 'azure' ? [new URL(dl.azureEndpoint).origin, new URL(dl.azureEndpoint).origin.replace(/^http/, 'ws')] : [],
  });
  const readiness: RouteModule = { register: () => undefined, readinessChecks: [directLineReadiness(config)] };
  if (dl.mode === 'azure') {
    const source = new AzureTokenSource(dl.azureEndpoint, dl.azureSecret ?? '');
    return { modules: [web, new PageTokenModule(source, logger, deps.words, {}, dl.trustProxy), readiness], store, tokens };
  }
  if (!dl.secret) logger.warn('DIRECT_LINE_SECRET is not set: any Direct Line client may open conversations (fine for development)');
  // Several instances on one PostgreSQL: an append elsewhere is announced by NOTIFY; the re-read
  // every 30 s only covers a notice lost while the listening connection was down.
  const notifier =
    database.engine === 'postgres' && deps.databaseUrl ? await PostgresNotifier.connect(deps.databaseUrl, 'council_directline', logger) : undefined;
  const hub = new StreamHub(store, logger, { pollMs: database.engine === 'postgres' ? (notifier ? 30_000 : 3000) : 0, leaveGraceMs: dl.leaveGraceMs });
  if (notifier) {
    const notices = new StreamNotices(notifier, logger);
    store.on('activity', (conversationId: string) => notices.tell(conversationId));
    notices.listen(
      (conversationId) => hub.refresh(conversationId),
      () => hub.refreshAll(),
    );
  }
  const identity = { id: 'council-assistant', name: deps.botName };
  const replies = new BotReplies(store, identity);
  const bridge = deps.bridge(identity, replies);
  const directLine = new DirectLineModule({ store, tokens, hub, bridge, replies, logger, words: deps.words, secret: dl.secret });
  const pageTokens = new PageTokenModule(new LocalTokenSource(directLine), logger, deps.words, {}, dl.trustProxy);
  const purge = () =>
    store
      .purge(new Date(Date.now() - dl.retentionDays * 86_400_000))
      .catch((err: Error) =>
        logger.warn({ err: { type: err.name, message: err.message } }, 'old web chat conversations could not be deleted; the next hour tries again'),
      );
  const retention = setInterval(() => void purge(), 3_600_000);
  retention.unref();
  void purge();
  return {
    modules: [
      web,
      pageTokens,
      directLine,
      readiness,
      {
        register: () => undefined,
        close: async () => {
          clearInterval(retention);
          await notifier?.close();
        },
      },
    ],
    directLine,
    store,
    tokens,
    hub,
  };
}

/** The page in each declared language: its words, the council's names and pages in it, and Web Chat's own strings. */
function pageLanguages(deps: WebChatDeps, theme: CouncilTheme): PageLanguage[] {
  const own = path.join(deps.knowledgeDir, 'chat-page.yaml');
  const file = fs.existsSync(own) ? own : path.join(deps.root, 'knowledge', 'chat-page.yaml');
  const english = deps.languages[0]?.council;
  return deps.languages.map(({ locale, council }, i) => ({
    locale,
    name: LANGUAGE_NAMES[locale],
    text: loadPageText(file, locale),
    councilName: i === 0 ? deps.botName : council.shortName,
    // The theme's, unless this language's profile gives its own (knowledge/cy-GB/council.yaml: the Welsh name and pages).
    council: {
      name: english && council.name !== english.name ? council.name : theme.name,
      website: english && council.website !== english.website ? council.website : theme.website,
      privacyNotice: english && council.privacyNotice !== english.privacyNotice ? council.privacyNotice : theme.privacyNotice,
    },
    ...(i === 0 ? {} : { webChatStrings: loadWebChatStrings(webChatStringsFile(deps.messagesDir, locale)) }),
  }));
}
