import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Intents } from '../intents/catalogue';
import type { IntentDialog } from '../dialogs/mainDialog';
import { AddressLookup } from '../dialogs/services/addressLookup';
import { BinDaySlots } from '../dialogs/services/binDayDialog';
import { CaseStatusSlots } from '../dialogs/services/caseStatusDialog';
import { RequestSlotsDialog } from '../dialogs/services/requestSlotsDialog';
import { InterruptibleDialog } from '../dialogs/services/serviceRequestDialog';
import { ServiceWords } from '../dialogs/services/serviceWords';
import { DEFAULT_LOCALE } from '../knowledge/intentMessages';
import { loadServiceRequestConfig } from '../dialogs/services/serviceRequestConfig';
import { ServiceResponses } from '../dialogs/services/serviceResponses';
import { SERVICE_MESSAGES } from '../knowledge/messageFiles';
import { MessageTexts } from '../knowledge/messageFile';
import { DeliveryMessages, loadDeliveryTexts, type DeliveryTexts } from '../knowledge/deliveryMessages';
import type { CouncilProfile } from '../knowledge/councilProfile';
import type { Locale } from '../knowledge/locales';
import type { AssistantParts } from './assistant';
import { GEOREPORT_BASE_PATH, GeoReportServer } from '../backoffice/georeportServer';
import { ServiceCatalogue } from '../backoffice/serviceCatalogue';
import type { Config } from './config';
import { Gazetteer } from '../servicerequests/gazetteer/gazetteer';
import type { Logger } from '../platform/logger';
import type { ConversationContinuer } from '../platform/proactive';
import { Open311Client } from '../servicerequests/open311/open311Client';
import { Outbox } from '../servicerequests/open311/outbox';
import { refusalKind } from '../servicerequests/open311/deliveryState';
import { OutboxWorker } from '../servicerequests/open311/outboxWorker';
import { ProactiveNotifier } from './proactiveNotifier';
import type { RouteModule } from '../platform/http/routeModule';
import type { AppDatabase } from '../platform/storage/database';
import { CollectionEvents } from '../servicerequests/waste/collectionEvents';
import { MissedBinCheck } from '../servicerequests/waste/missedBinCheck';
import { WasteSchedule } from '../servicerequests/waste/wasteSchedule';

export interface ServiceFeatureOptions {
  config: Config['services'];
  /** knowledge/service-requests.yaml */
  requestConfigPath: string;
  /** knowledge/delivery-messages.yaml: what residents are told about a report on its way. */
  deliveryMessagesPath: string;
  database: AppDatabase;
  logger: Logger;
  /** The council's name, as the built-in back office states it as each request's agency (knowledge/council.yaml). */
  agency: string;
  /** The URL this server answers on once listening, for the built-in back office. */
  selfUrl: () => string;
  now?: () => Date;
}

export const SERVICE_DIALOG_IDS = {
  binDay: 'binCollectionDay',
  binDaySlots: 'binCollectionDay.slots',
  caseStatus: 'caseStatus',
  caseStatusSlots: 'caseStatus.slots',
  request: (intent: string) => `serviceRequest.${intent}`,
  requestSlots: (intent: string) => `serviceRequest.${intent}.slots`,
} as const;

/**
 * Service requests end to end: the built-in GeoReport v2 back office (unless OPEN311_BASE_URL
 * points elsewhere), the Open311 client, the outbox and its worker, the gazetteer and waste
 * data, and the dialogs that MainDialog starts for the service intents.
 */
export class ServiceFeature {
  readonly client: Open311Client;
  readonly outbox: Outbox;
  readonly gazetteer: Gazetteer;
  readonly schedule: WasteSchedule;
  readonly events: CollectionEvents;
  readonly backOffice?: GeoReportServer;
  /** What residents are told about a report on its way, by language (each loaded once). */
  private readonly deliveryTexts = new Map<string, DeliveryTexts>();
  worker?: OutboxWorker;
  private readonly now: () => Date;

  constructor(private readonly options: ServiceFeatureOptions) {
    const c = options.config;
    this.now = options.now ?? (() => new Date());
    const builtIn = !c.open311BaseUrl;
    const apiKey = c.open311ApiKey ?? (builtIn ? randomBytes(24).toString('hex') : undefined);
    if (!builtIn && !apiKey) options.logger.warn('OPEN311_BASE_URL is set without OPEN311_API_KEY: the back office will refuse new requests');
    if (builtIn) {
      const catalogue = ServiceCatalogue.load(c.servicesDir);
      for (const p of catalogue.problems) options.logger.warn({ file: path.relative(process.cwd(), p.file), problem: p.message }, 'service definition problem');
      this.backOffice = new GeoReportServer({
        db: options.database.db,
        catalogue,
        apiKey: apiKey!,
        jurisdictionId: c.jurisdictionId,
        logger: options.logger,
        agency: options.agency,
        now: this.now,
        publicReadsPerMinute: c.publicReadsPerMinute,
        trustProxy: c.trustProxy,
      });
    }
    this.client = new Open311Client({
      baseUrl: builtIn ? () => `${options.selfUrl()}${GEOREPORT_BASE_PATH}` : c.open311BaseUrl!,
      apiKey,
      apiKeyOnReads: builtIn,
      jurisdictionId: c.jurisdictionId,
      format: builtIn ? 'json' : c.open311Format,
      sendClientReference: builtIn || c.open311SendClientReference,
      timeoutMs: c.open311TimeoutMs,
    });
    this.outbox = new Outbox(options.database.db, this.now);
    this.gazetteer = Gazetteer.load(c.gazetteerDir);
    this.schedule = WasteSchedule.load(c.wasteDir);
    this.events = CollectionEvents.load(c.wasteDir);
    this.deliveryTextsIn(DEFAULT_LOCALE);
  }

  /** knowledge/delivery-messages.yaml, or for another language its words from knowledge/<locale>/delivery-messages.yaml. */
  private deliveryTextsIn(locale: string): DeliveryTexts {
    let texts = this.deliveryTexts.get(locale);
    if (!texts) this.deliveryTexts.set(locale, (texts = loadDeliveryTexts(this.options.deliveryMessagesPath, locale)));
    return texts;
  }

  /** The intents a service request answers (knowledge/service-requests.yaml): each has a conversation of its own. */
  requestIntents(): string[] {
    return Object.keys(loadServiceRequestConfig(this.options.requestConfigPath));
  }

  intentDialogs(parts: AssistantParts): IntentDialog[] {
    const words = SERVICE_MESSAGES.loadOrShipped(parts.messagesDir, parts.locale);
    const responses = new ServiceResponses(parts.council, parts.buttons, words, parts.locale);
    const addresses = new AddressLookup(this.gazetteer, responses, parts.vocabulary);
    const configs = loadServiceRequestConfig(this.options.requestConfigPath, parts.locale);
    const serviceWords = parts.locale === DEFAULT_LOCALE ? ServiceWords.none() : ServiceWords.load(this.options.config.servicesDir, parts.locale);
    // The waste data in the conversation's language (waste/<locale>/words.yaml): a bin's name, a holiday, a crew's event.
    const english = parts.locale === DEFAULT_LOCALE;
    const schedule = english ? this.schedule : this.schedule.inLanguage(this.options.config.wasteDir, parts.locale);
    const events = english ? this.events : this.events.inLanguage(this.options.config.wasteDir, parts.locale);
    const missedBin = new MissedBinCheck(schedule, events, this.options.config.missedBinReportDays, new MessageTexts(words, parts.council), parts.locale);
    const wrap = (id: string, inner: import('botbuilder-dialogs').Dialog) =>
      new InterruptibleDialog(id, parts.router, parts.responses, parts.vocabulary, inner, this.now);
    const dialogs: IntentDialog[] = Object.entries(configs).map(([intent, config]) => ({
      intents: [intent],
      article: config.article,
      notice: config.notice || undefined,
      dialog: wrap(
        SERVICE_DIALOG_IDS.request(intent),
        new RequestSlotsDialog(SERVICE_DIALOG_IDS.requestSlots(intent), intent, config, {
          client: this.client,
          addresses,
          responses,
          vocabulary: parts.vocabulary,
          outbox: this.outbox,
          onQueued: () => this.worker?.trigger(),
          missedBin,
          now: this.now,
          streets: [...new Set(this.gazetteer.addresses.map((a) => a.street))],
          houseNames: [...new Set(this.gazetteer.addresses.filter((a) => a.paon && !/^\d/.test(a.paon)).map((a) => a.paon))],
          logger: this.options.logger,
          serviceWords,
        }),
      ),
    }));
    dialogs.push({
      intents: [Intents.binCollectionDay],
      dialog: wrap(SERVICE_DIALOG_IDS.binDay, new BinDaySlots(SERVICE_DIALOG_IDS.binDaySlots, addresses, schedule, responses, this.now)),
    });
    dialogs.push({
      intents: [Intents.checkCaseStatus],
      dialog: wrap(
        SERVICE_DIALOG_IDS.caseStatus,
        new CaseStatusSlots(
          SERVICE_DIALOG_IDS.caseStatusSlots,
          this.client,
          this.outbox,
          new DeliveryMessages(this.deliveryTextsIn(parts.locale), parts.council),
          responses,
          this.now,
          parts.vocabulary,
          this.options.logger,
        ),
      ),
    });
    return dialogs;
  }

  /**
   * Starts delivery: the adapter is needed for proactive messages. `languages`: each language's
   * words and council profile; a resident is told in their conversation's language (the locale kept
   * with the report's conversation reference), else the first (English).
   */
  start(
    adapter: ConversationContinuer,
    botAppId: string,
    languages: ReadonlyArray<{ locale: Locale; responses: ServiceResponses; council: CouncilProfile }>,
  ): void {
    const byLocale = new Map(
      languages.map(({ locale, responses, council }) => [
        locale as string,
        {
          responses,
          messages: new DeliveryMessages(this.deliveryTextsIn(locale), council),
          words: locale === DEFAULT_LOCALE ? ServiceWords.none() : ServiceWords.load(this.options.config.servicesDir, locale),
        },
      ]),
    );
    const inLanguage = (locale: string | undefined) => byLocale.get(locale ?? '') ?? byLocale.get(DEFAULT_LOCALE) ?? [...byLocale.values()][0];
    const notifier = new ProactiveNotifier(
      adapter,
      botAppId,
      {
        delivered: (l, o, n, locale, code) => {
          const language = inLanguage(locale);
          return language.responses.officialReference(l, o, language.words.notice(code, n));
        },
        rejected: (l, status, locale) => inLanguage(locale).messages.told(refusalKind(status), l),
      },
      this.options.logger,
    );
    this.worker = new OutboxWorker(this.outbox, this.client, notifier, this.options.logger, {
      pollMs: this.options.config.outboxPollMs,
      baseDelayMs: this.options.config.outboxRetryBaseMs,
      maxDelayMs: this.options.config.outboxRetryMaxMs,
      heldBackRetryMs: this.options.config.outboxAuthRetryMs,
      heldBackForMs: this.options.config.outboxAuthRetryForMs,
      now: this.now,
    });
    this.worker.start();
  }

  /** HTTP routes (the built-in back office) and the worker's shutdown. */
  modules(): RouteModule[] {
    const modules: RouteModule[] = [];
    if (this.backOffice) modules.push(this.backOffice);
    modules.push({
      register: () => undefined,
      close: async () => this.worker?.stop(),
      // Ready when the back office answers, or when it does not but confirmed reports can still be queued.
      readinessChecks: [
        {
          name: 'backOffice',
          check: async () => {
            try {
              await this.client.services();
              return { ok: true, detail: 'reachable' };
            } catch {
              const counts = await this.outbox.counts();
              const waiting = Object.entries(counts)
                .filter(([status]) => status !== 'delivered' && status !== 'rejected')
                .reduce((n, [, c]) => n + c, 0);
              return { ok: true, detail: `not reachable: reports are queued (${waiting} waiting)` };
            }
          },
        },
      ],
    });
    return modules;
  }
}
