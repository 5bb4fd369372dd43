import { HANDOFF_LOCALES, handoffLocale } from '../dialogs/handoffLocale';
import type { InsightsSource } from '../insights/loadInsights';
import path from 'node:path';
import { HandoffDialog } from './handoffDialog';
import { HandoffResponses } from './handoffResponses';
import { CONSOLE_MESSAGES, HANDOFF_MESSAGES, type ConsoleTexts } from '../knowledge/messageFiles';
import { MessageTexts } from '../knowledge/messageFile';
import type { IntentDialog } from '../dialogs/mainDialog';
import { Intents } from '../intents/catalogue';
import type { AssistantParts } from '../dialogs/assistantParts';
import type { Logger } from '../platform/logger';
import type { ConversationContinuer } from '../platform/proactive';
import type { AppDatabase } from '../platform/storage/database';
import { AgentConsole, type DeliveryAlerts, type KnowledgeReportSource, type StaffPageWords } from './agentConsole';
import { AgentHub } from './agentHub';
import { AgentSockets } from './agentSockets';
import { CallbackDesk } from './callbackDesk';
import { cannedRepliesIn, ContactCentreHours, loadContactCentre } from '../knowledge/contactCentre';
import { InProcessEvents, type HandoffEvents } from './events';
import { HandoffRecorder, type HandoffMemory } from './handoffMemory';
import { HandoffRelayService } from './handoffRelay';
import { HandoffStarter, type HandoffTarget } from './handoffStarter';
import { HandoffStore } from './handoffStore';
import { ResidentMessenger } from './residentMessenger';
import { StaffStore, DEFAULT_SIGN_IN_POLICY } from './staffStore';

export interface HandoffFeatureOptions {
  database: AppDatabase;
  /** The PostgreSQL URL when there is one: live events then go through LISTEN/NOTIFY. */
  databaseUrl?: string;
  contactCentrePath: string;
  target: HandoffTarget;
  agentTimeoutMs: number;
  /** How long a Welsh conversation is held for Welsh speakers (handoff/welshFirst.ts); default 2 minutes. */
  welshFirstMs?: number;
  staffSessionMinutes: number;
  webDir: string;
  /** TRUST_PROXY: client addresses (for sign-in limits) come from X-Forwarded-For. */
  trustProxy?: boolean;
  logger: Logger;
  now?: () => Date;
}

/**
 * The contact-centre handoff, wired: resident side (dialog + relay hook for CouncilBot),
 * staff side (agent console RouteModule), and the shared queue in the database.
 */
export class HandoffFeature {
  readonly store: HandoffStore;
  readonly staff: StaffStore;
  readonly hours: ContactCentreHours;
  private recorder?: HandoffRecorder;
  private readonly wordings = new Map<string, HandoffResponses>();
  /** Staff's words (console.yaml) for the brief and the queue's summary, read once. */
  private staffWords?: ConsoleTexts;

  private constructor(
    private readonly options: HandoffFeatureOptions,
    readonly events: HandoffEvents,
  ) {
    const now = options.now ?? (() => new Date());
    this.store = new HandoffStore(options.database.db, now);
    this.staff = new StaffStore(options.database.db, { ...DEFAULT_SIGN_IN_POLICY, sessionMs: options.staffSessionMinutes * 60_000 }, now);
    this.hours = new ContactCentreHours(loadContactCentre(options.contactCentrePath), now);
  }

  static async create(options: HandoffFeatureOptions): Promise<HandoffFeature> {
    // PostgreSQL LISTEN/NOTIFY (and the pg driver) only when several instances share PostgreSQL.
    const events = options.databaseUrl
      ? await (await import('./postgresEvents.js')).PostgresEvents.connect(options.databaseUrl, options.logger)
      : new InProcessEvents();
    return new HandoffFeature(options, events);
  }

  private parts(parts: AssistantParts): { recorder: HandoffRecorder; wording: HandoffResponses } {
    this.recorder ??= new HandoffRecorder(parts.conversationState.createProperty<HandoffMemory>('handoffMemory'));
    // Each language's words (the assistant is built once per language the council declares); one recorder for all.
    let wording = this.wordings.get(parts.locale);
    if (!wording) {
      wording = new HandoffResponses(parts.council, parts.buttons, parts.taxonomy, HANDOFF_MESSAGES.loadOrShipped(parts.messagesDir, parts.locale));
      this.wordings.set(parts.locale, wording);
    }
    return { recorder: this.recorder, wording };
  }

  /** For buildAssistant's intentDialogs: "talk to a person". */
  dialog(parts: AssistantParts): IntentDialog {
    const { recorder, wording } = this.parts(parts);
    // The brief and the queue's summary are staff's: in the console's words (the default language's console.yaml), whatever the resident speaks.
    this.staffWords ??= new MessageTexts(CONSOLE_MESSAGES.loadOrShipped(parts.messagesDir), parts.council);
    const starter = new HandoffStarter(this.store, this.events, this.hours, recorder, this.options.target, parts.vocabulary, this.staffWords);
    return {
      dialog: new HandoffDialog(parts.router, parts.responses, parts.vocabulary, starter, new CallbackDesk(this.store, this.events), wording, this.options.now),
      intents: [Intents.humanHandoff],
    };
  }

  /** For buildAssistant's handoffRelay: CouncilBot checks it before the dialogs. */
  relay(parts: AssistantParts): HandoffRelayService {
    const { recorder, wording } = this.parts(parts);
    return new HandoffRelayService(this.store, this.events, this.hours, recorder, parts.router, wording, parts.vocabulary, this.options.logger);
  }

  /**
   * The agent console (/agent, /agent/api/), once the adapter exists; `words` are what it tells staff
   * (console.yaml), `pages` its pages', the insights' and sign-in's words (console-pages.yaml, insights.yaml, console.yaml)
   * in each language staff may choose, the default first, all loaded by the composition root.
   */
  console(
    adapter: ConversationContinuer,
    appId: string,
    parts: AssistantParts,
    words: ConsoleTexts,
    pages: readonly StaffPageWords[],
    deliveries?: DeliveryAlerts,
    knowledgeReport?: KnowledgeReportSource,
    insights?: InsightsSource,
  ): AgentConsole {
    const { wording } = this.parts(parts);
    const messenger = new ResidentMessenger(adapter, appId, this.options.logger);
    // A resident is told in their conversation's language: each language's words, once its assistant is built (else the default's).
    const wordingIn = (language: string) => this.wordings.get(handoffLocale(language)) ?? wording;
    const hub = new AgentHub(
      this.store,
      this.staff,
      this.events,
      messenger,
      this.hours,
      wordingIn,
      words,
      this.options.logger,
      this.options.now,
      this.options.welshFirstMs,
    );
    const sockets = new AgentSockets(hub, this.store, this.staff, this.events, words, this.options.logger, this.options.agentTimeoutMs);
    // Canned replies in each language the handoff speaks (a language without its own is offered none, never English).
    const canned = Object.fromEntries(HANDOFF_LOCALES.map((locale) => [locale, cannedRepliesIn(this.hours.settings, this.options.contactCentrePath, locale)]));
    return new AgentConsole(
      hub,
      this.staff,
      sockets,
      canned,
      words,
      pages,
      path.join(this.options.webDir, 'agent'),
      this.options.staffSessionMinutes * 60,
      this.options.trustProxy ?? false,
      deliveries,
      knowledgeReport,
      insights,
    );
  }

  async close(): Promise<void> {
    await this.events.close();
  }
}
