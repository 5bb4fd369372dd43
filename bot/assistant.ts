import fs from 'node:fs';
import path from 'node:path';
import { UserState, type BotTelemetryClient, type ConversationState, type Storage } from 'botbuilder';
import { loadOrTrainWithInfo, type IntentClassifier } from '../intents/classifier';
import { EntityExtractor } from '../intents/entities';
import { LocalRecognizer } from '../intents/localRecognizer';
import type { Recognizer } from '../intents/recognizer';
import { loadRiskClassifier, RiskClassifier } from '../intents/riskClassifier';
import { loadRiskTaxonomy } from '../intents/riskTaxonomy';
import { SafeguardingDetector } from '../intents/safeguardingDetector';
import { loadSafeguardingRuleSet } from '../intents/safeguardingRules';
import { FrustrationDetector, loadToneVocabulary } from '../intents/frustration';
import { loadTrainingData } from '../intents/trainingData';
import { MainDialog, type IntentDialog, type RoutingState } from '../dialogs/mainDialog';
import { Responses } from '../dialogs/responses';
import { Router } from '../dialogs/router';
import { KnowledgeDialog } from '../dialogs/knowledgeDialog';
import { KnowledgeResponses } from '../dialogs/knowledgeResponses';
import { loadCouncilProfile, type CouncilProfile } from '../knowledge/councilProfile';
import { declaredLocalesProblems } from '../knowledge/localeProblems';
import { intentMessagesFile, intentMessagesProblems, loadIntentMessages, shippedIntentMessages, type IntentMessages } from '../knowledge/intentMessages';
import { loadReplyWords, replyTextsFile, shippedReplyWords } from '../knowledge/replyTexts';
import { BUTTON_MESSAGES } from '../knowledge/messageFiles';
import { loadVocabularyOrShipped } from '../knowledge/vocabulary';
import type { FeedbackRecorder } from '../knowledge/feedbackStore';
import type { UnansweredRecorder } from '../knowledge/unansweredStore';
import { UnansweredQuestions } from '../dialogs/unansweredQuestions';
import { buildKnowledgeBase } from '../knowledge/loadKnowledge';
import { CouncilBot } from './councilBot';
import type { HandoffRelay } from '../handoff/handoffRelay';
import type { Logger } from '../platform/logger';
import { TrackedConversationState } from '../platform/storage/trackedConversationState';
import { TelemetryRecognizer } from './telemetry/telemetryRecognizer';
import type { AssistantParts } from '../dialogs/assistantParts';

export interface AssistantOptions {
  storage: Storage;
  councilProfilePath: string;
  intentsDir: string;
  safeguardingRulesPath: string;
  /** The risk taxonomy and the risk classifier's training data; defaults sit next to the rules (intents/risk-taxonomy.yaml, intents/risk). */
  riskTaxonomyPath?: string;
  riskDataDir?: string;
  /** Signs of frustration (intents/tone.yaml); default: next to the rules. */
  tonePath?: string;
  /** Where trained models are cached. */
  modelDir: string;
  logger: Logger;
  /** Replaces the offline recognizer (e.g. Azure CLU with offline fallback). */
  recognizer?: (local: LocalRecognizer) => Recognizer;
  intentDialogs?: (parts: AssistantParts) => IntentDialog[];
  /** Knowledge articles (knowledge/articles) and search synonyms (knowledge/synonyms.yaml); defaults sit next to the council profile. */
  knowledgeDir?: string;
  synonymsPath?: string;
  /** Where "Did this answer your question?" answers are stored; without it they are not kept. */
  feedback?: FeedbackRecorder;
  /** Where questions the assistant could not answer (or whose answer got a "No") go, redacted, for the knowledge report; without it they are not kept. */
  unanswered?: UnansweredRecorder;
  /** The contact-centre handoff's hook, checked before the dialogs (handoff/). */
  handoffRelay?: (parts: AssistantParts) => HandoffRelay;
  /** Application Insights (through the redacting client): dialog steps and recognizer results, without utterances. */
  telemetryClient?: BotTelemetryClient;
  /** What residents see (<messagesDir>/en-GB/intents.yaml: the intents' labels and replies; replies.yaml: everything else the assistant says; buttons.yaml: the buttons' titles; vocabulary.yaml: what answers mean); default: knowledge/messages next to the council profile; a file it lacks is the project's own. */
  messagesDir?: string;
  /** The contact centre's settings (knowledge/contact-centre.yaml, next to the council profile by default): every reply states its opening hours. */
  contactCentrePath?: string;
}

export type { AssistantParts };

export interface Assistant extends AssistantParts {
  bot: CouncilBot;
  recognizer: Recognizer;
  classifier: IntentClassifier;
}

/** Builds the conversational part of the assistant (no HTTP): used by the server, `npm run chat` and `npm run eval`. */
export function buildAssistant(options: AssistantOptions): Assistant {
  const council = loadCouncilProfile(options.councilProfilePath, options.contactCentrePath);
  refuseUntranslated(council, options);
  const training = loadTrainingData(options.intentsDir);
  for (const p of training.problems.filter((p) => p.severity === 'error')) {
    options.logger.warn({ file: path.relative(process.cwd(), p.file), line: p.line, problem: p.message }, 'intent data problem (run npm run validate)');
  }
  const examples = training.intents.flatMap((def) => def.examples.map((e) => ({ text: e.text, intent: def.intent })));
  const started = Date.now();
  const { classifier, fromCache: cached } = loadOrTrainWithInfo(options.modelDir, examples, { outOfScopeLabel: 'none', seed: 1 });
  options.logger.info({ intents: training.intents.length, examples: examples.length, cached, ms: Date.now() - started }, 'intent classifier ready');

  const local = new LocalRecognizer(classifier, new EntityExtractor());
  const chosen = options.recognizer ? options.recognizer(local) : local;
  const recognizer = options.telemetryClient ? new TelemetryRecognizer(chosen, options.telemetryClient) : chosen;
  const knowledgeRoot = path.dirname(options.councilProfilePath);
  const knowledge = buildKnowledgeBase(
    {
      articlesDir: options.knowledgeDir ?? path.join(knowledgeRoot, 'articles'),
      synonymsPath: options.synonymsPath ?? path.join(knowledgeRoot, 'synonyms.yaml'),
      intents: training.intents,
    },
    options.logger,
  );
  options.logger.info({ articles: knowledge.size }, 'knowledge base ready');
  const rulesDir = path.dirname(options.safeguardingRulesPath);
  const taxonomy = loadRiskTaxonomy(options.riskTaxonomyPath ?? path.join(rulesDir, 'risk-taxonomy.yaml'));
  const { rules, idioms, spellings, past, subject } = loadSafeguardingRuleSet(options.safeguardingRulesPath);
  const riskStarted = Date.now();
  // Its negatives are its own (intents/risk/none*.yaml) plus the ordinary intents' examples: the configured
  // intents and the project's own next to the rules. Never the knowledge articles' questions, so that
  // editing content does not move the safeguarding figures.
  const ordinaryDirs = [options.intentsDir, path.join(rulesDir, 'data')].filter((d) => fs.existsSync(d));
  const risk = loadRiskClassifier(options.modelDir, options.riskDataDir ?? path.join(rulesDir, 'risk'), ordinaryDirs);
  options.logger.info({ examples: risk.examples, cached: risk.fromCache, ms: Date.now() - riskStarted }, 'risk classifier ready');
  const detector = new SafeguardingDetector(rules, { riskClassifier: new RiskClassifier(risk.classifier), taxonomy, idioms, spellings, past, subject });
  const messagesDir = options.messagesDir ?? path.join(knowledgeRoot, 'messages');
  const intentWords = intentMessages(
    messagesDir,
    training.intents.map((i) => i.intent),
  );
  const replyWords = fs.existsSync(replyTextsFile(messagesDir)) ? loadReplyWords(replyTextsFile(messagesDir)) : shippedReplyWords();
  const buttons = BUTTON_MESSAGES.loadOrShipped(messagesDir);
  const vocabulary = loadVocabularyOrShipped(messagesDir);
  const router = new Router(detector, buttons, vocabulary, undefined, knowledge, intentWords);
  const responses = new Responses(council, buttons, taxonomy, intentWords, replyWords);
  const knowledgeResponses = new KnowledgeResponses(council, buttons, intentWords, replyWords);
  const unanswered = new UnansweredQuestions(options.logger, options.unanswered);
  const knowledgeDialog = new KnowledgeDialog(knowledge, knowledgeResponses, vocabulary, options.logger, options.feedback, unanswered);
  const conversationState: ConversationState = new TrackedConversationState(options.storage);
  const userState = new UserState(options.storage);
  const parts: AssistantParts = { council, taxonomy, responses, router, knowledge, conversationState, userState, messagesDir, buttons, vocabulary };
  const dialog = new MainDialog(
    router,
    responses,
    vocabulary,
    conversationState.createProperty<RoutingState>('routing'),
    options.intentDialogs?.(parts) ?? [],
    { dialog: knowledgeDialog, responses: knowledgeResponses },
    unanswered,
    tone(options.tonePath ?? path.join(rulesDir, 'tone.yaml')),
  );
  if (options.telemetryClient) dialog.telemetryClient = options.telemetryClient;
  const bot = new CouncilBot(conversationState, userState, dialog, recognizer, responses, options.handoffRelay?.(parts));
  return { ...parts, bot, recognizer, classifier };
}

/**
 * The intents' labels and replies, checked as `npm run validate` checks them: content with a mistake
 * (an intent without a label, one with no conversation and no reply) is refused at start-up, naming
 * file and line. A council whose content has no messages folder gets the project's own words.
 */
function intentMessages(messagesDir: string, intentNames: string[]): IntentMessages {
  if (!fs.existsSync(intentMessagesFile(messagesDir))) return shippedIntentMessages();
  const errors = intentMessagesProblems(messagesDir, [...new Set(intentNames)]).filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n'));
  return loadIntentMessages(intentMessagesFile(messagesDir));
}

/**
 * Each language the council declares besides English must have every word residents see, as
 * `npm run validate` checks it (knowledge/localeProblems.ts): a gap is refused at start-up, naming
 * file and line, never filled with English. (The back office's service definitions and the Teams
 * localisation file are checked by validate only: they are not read here.)
 */
function refuseUntranslated(council: CouncilProfile, options: AssistantOptions): void {
  if (council.languages.length < 2) return;
  const knowledgeRoot = path.dirname(options.councilProfilePath);
  const rulesDir = path.dirname(options.safeguardingRulesPath);
  const errors = declaredLocalesProblems(
    {
      councilProfile: options.councilProfilePath,
      intentsDir: options.intentsDir,
      safeguardingRules: options.safeguardingRulesPath,
      riskTaxonomy: options.riskTaxonomyPath ?? path.join(rulesDir, 'risk-taxonomy.yaml'),
      riskDataDir: options.riskDataDir ?? path.join(rulesDir, 'risk'),
      tone: options.tonePath ?? path.join(rulesDir, 'tone.yaml'),
      binTypes: path.join(rulesDir, 'entities', 'bin-types.yaml'),
      articlesDir: options.knowledgeDir ?? path.join(knowledgeRoot, 'articles'),
      messagesDir: options.messagesDir ?? path.join(knowledgeRoot, 'messages'),
    },
    council.languages,
  ).filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n'));
}

/** The frustration detector, when its vocabulary is there (a council's own rules folder may not have one). */
function tone(file: string): FrustrationDetector | undefined {
  return fs.existsSync(file) ? new FrustrationDetector(loadToneVocabulary(file)) : undefined;
}
