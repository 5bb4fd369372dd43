import fs from 'node:fs';
import path from 'node:path';
import { UserState, type ActivityHandler, type BotTelemetryClient, type ConversationState, type Storage } from 'botbuilder';
import { loadOrTrainWithInfo, type IntentClassifier } from '../intents/classifier';
import { EntityExtractor, loadBinTypes } from '../intents/entities';
import { localeBinTypesFile } from '../intents/entities/binTypes';
import { LocalRecognizer } from '../intents/localRecognizer';
import type { Recognizer } from '../intents/recognizer';
import { loadRiskClassifier, RiskClassifier } from '../intents/riskClassifier';
import { loadRiskTaxonomy, type RiskTaxonomy } from '../intents/riskTaxonomy';
import { stringify } from 'yaml';
import { localeDir, OVERLAYS, overlayFile } from '../knowledge/localeContent';
import { readWithOverlay } from '../knowledge/overlay';
import { LANGUAGE_NAMES, type Locale } from '../knowledge/locales';
import { WELSH_ANALYSIS } from '../knowledge/textAnalyser';
import { ENGLISH_CLAUSE_GATE, SafeguardingDetector, type GlossedDetector } from '../intents/safeguardingDetector';
import { loadRiskGloss, RISK_GLOSS_FILE } from '../intents/riskGloss';
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
import {
  DEFAULT_LOCALE,
  intentMessagesFile,
  intentMessagesProblems,
  loadIntentMessages,
  shippedIntentMessages,
  type IntentMessages,
} from '../knowledge/intentMessages';
import { loadReplyWords, replyTextsFile, shippedReplyWords } from '../knowledge/replyTexts';
import { BUTTON_MESSAGES } from '../knowledge/messageFiles';
import { loadVocabularyOrShipped } from '../knowledge/vocabulary';
import { BASE_LOCALE, loadNumberWordsOrShipped } from '../intents/entities/numberWords';
import { loadDateWordsOrShipped } from '../intents/entities/dateWords';
import type { FeedbackRecorder } from '../knowledge/feedbackStore';
import type { UnansweredRecorder } from '../knowledge/unansweredStore';
import { UnansweredQuestions } from '../dialogs/unansweredQuestions';
import { buildKnowledgeBase } from '../knowledge/loadKnowledge';
import { CouncilBot } from './councilBot';
import { BilingualBot } from './bilingualBot';
import { LanguageIdentifier } from '../intents/languageIdentifier';
import { languageTexts } from '../knowledge/languageTexts';
import type { HandoffRelay } from '../handoff/handoffRelay';
import type { Logger } from '../platform/logger';
import { TrackedConversationState } from '../platform/storage/trackedConversationState';
import { TelemetryRecognizer } from './hosting';
import type { AssistantParts } from '../dialogs/assistantParts';

export interface AssistantOptions {
  storage: Storage;
  /** The clock dates are read against ("yesterday", "on Tuesday"); default: the system clock. */
  now?: () => Date;
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
  /** Intents whose conversation is set in data (the service requests, knowledge/service-requests.yaml): they need no reply. */
  conversationIntents?: readonly string[];
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
  /**
   * The language this assistant speaks (en-GB by default). Another reads its own content where
   * knowledge/localeContent.ts puts it (articles, training data, cue rules in a `<locale>` folder; the
   * words of mixed files as overlays) and its model cache in `<modelDir>/<locale>`.
   */
  locale?: Locale;
  /** The state every language's assistant shares (one conversation may change language). */
  state?: { conversationState: ConversationState; userState: UserState };
  /** Another language's safeguarding detector, also asked when this one finds no risk (see SafeguardingDetector). */
  alongside?: SafeguardingDetector;
  /**
   * Another language's whole detector (rules and classifier), asked on a gloss of the message into its language when this
   * language has a word list (`<locale>/risk-gloss.yaml` beside the rules: intents/riskGloss.ts) and nothing else found a risk.
   */
  glossTo?: SafeguardingDetector;
}

export type { AssistantParts };

export interface Assistant extends AssistantParts {
  /** The bot residents talk to: this language's, or for a council with several languages the one that hands each turn to the resident's (BilingualBot). */
  bot: ActivityHandler;
  recognizer: Recognizer;
  classifier: IntentClassifier;
  detector: SafeguardingDetector;
  /** The same cue rules without the classifiers: what another language asks alongside its own (a classifier learnt on English misreads Welsh). */
  rulesOnly: SafeguardingDetector;
}

/** A safeguarding classifier threshold no score reaches: the cue rules alone. */
const RULES_ONLY = 2;

/** Builds the conversational part of the assistant (no HTTP): used by the server, `npm run chat` and `npm run eval`. */
export function buildAssistant(options: AssistantOptions): Assistant {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const other = locale !== DEFAULT_LOCALE;
  // A language's own content: in a `<locale>` folder beside the English (a file: the same name in that folder).
  const own = (dirOrFile: string, kind: 'dir' | 'file') =>
    !other ? dirOrFile : kind === 'dir' ? localeDir(dirOrFile, locale) : overlayFile(dirOrFile, locale);
  const knowledgeRoot = path.dirname(options.councilProfilePath);
  const messagesDir = options.messagesDir ?? path.join(knowledgeRoot, 'messages');
  const council = loadCouncilProfile(options.councilProfilePath, options.contactCentrePath, locale, messagesDir);
  if (!other) refuseUntranslated(council, options);
  // A council's own intents folder without this language's training data: the English data trains it (a warning; validate reports the gap).
  const intentsDir = !other || fs.existsSync(own(options.intentsDir, 'dir')) ? own(options.intentsDir, 'dir') : options.intentsDir;
  if (intentsDir === options.intentsDir && other)
    options.logger.warn({ locale, intentsDir }, 'no training data in this language: it is recognised with the English (run npm run validate)');
  const modelDir = own(options.modelDir, 'dir');
  const training = loadTrainingData(intentsDir);
  for (const p of training.problems.filter((p) => p.severity === 'error')) {
    options.logger.warn({ file: path.relative(process.cwd(), p.file), line: p.line, problem: p.message }, 'intent data problem (run npm run validate)');
  }
  const examples = training.intents.flatMap((def) => def.examples.map((e) => ({ text: e.text, intent: def.intent })));
  const started = Date.now();
  // Welsh: a mutated word is its radical in the classifier's features ("dwll" is "twll"), as it is in retrieval.
  const welsh = locale === 'cy-GB' ? { unmutate: true } : {};
  const { classifier, fromCache: cached } = loadOrTrainWithInfo(modelDir, examples, { outOfScopeLabel: 'none', seed: 1, ...welsh });
  options.logger.info({ locale, intents: training.intents.length, examples: examples.length, cached, ms: Date.now() - started }, 'intent classifier ready');

  // Welsh days, dates, streets and bin words as well as English ones: residents switch languages mid-sentence.
  const now = options.now;
  const entities = other ? new EntityExtractor({ locale, localeBinTypes: loadBinTypes(localeBinTypesFile(locale)), now }) : new EntityExtractor({ now });
  const local = new LocalRecognizer(classifier, entities);
  const chosen = options.recognizer && !other ? options.recognizer(local) : local;
  const recognizer = options.telemetryClient ? new TelemetryRecognizer(chosen, options.telemetryClient) : chosen;
  const knowledge = buildKnowledgeBase(
    {
      articlesDir: own(options.knowledgeDir ?? path.join(knowledgeRoot, 'articles'), 'dir'),
      synonymsPath: own(options.synonymsPath ?? path.join(knowledgeRoot, 'synonyms.yaml'), 'file'),
      intents: training.intents,
      analysis: other ? WELSH_ANALYSIS : undefined,
      cacheDir: modelDir,
    },
    options.logger,
  );
  options.logger.info({ locale, articles: knowledge.size }, 'knowledge base ready');
  const rulesDir = path.dirname(options.safeguardingRulesPath);
  const taxonomy = riskTaxonomy(options.riskTaxonomyPath ?? path.join(rulesDir, 'risk-taxonomy.yaml'), locale);
  // The rules file's gates (idioms, spellings, a danger long past or over, a risk as a subject or topic, a person fine now), for both detectors.
  const { rules, ...gates } = loadSafeguardingRuleSet(own(options.safeguardingRulesPath, 'file'));
  const riskStarted = Date.now();
  // Its negatives are its own (intents/risk/none*.yaml) plus the ordinary requests' examples: the configured
  // intents and the project's own next to the rules. Never the knowledge articles' questions nor routing's
  // out-of-scope examples (it has its own copy), so that editing content does not move the safeguarding figures.
  const ordinaryDirs = [intentsDir, own(path.join(rulesDir, 'data'), 'dir')].filter((d, i, all) => fs.existsSync(d) && all.indexOf(d) === i);
  const riskDir = options.riskDataDir ?? path.join(rulesDir, 'risk');
  const risk = loadRiskClassifier(modelDir, fs.existsSync(own(riskDir, 'dir')) ? own(riskDir, 'dir') : riskDir, ordinaryDirs);
  options.logger.info({ locale, examples: risk.examples, cached: risk.fromCache, ms: Date.now() - riskStarted }, 'risk classifier ready');
  const detector = new SafeguardingDetector(rules, {
    riskClassifier: new RiskClassifier(risk.classifier),
    taxonomy,
    ...gates,
    // A clause of the English classifier decides alone only when the whole message leans to a risk too (see ENGLISH_CLAUSE_GATE); Welsh has no floor.
    ...(other ? {} : ENGLISH_CLAUSE_GATE),
    alongside: options.alongside,
    glossed: glossedDetector(overlayFile(path.join(rulesDir, RISK_GLOSS_FILE), locale), options.glossTo, other),
  });
  // A classifier threshold above 1 turns the classifiers off: the rules alone.
  const rulesOnly = new SafeguardingDetector(rules, { taxonomy, ...gates, classifierThreshold: RULES_ONLY });
  const intentWords = intentMessages(
    messagesDir,
    training.intents.map((i) => i.intent),
    locale,
    options.conversationIntents,
  );
  const replyWords = fs.existsSync(replyTextsFile(messagesDir, locale)) ? loadReplyWords(replyTextsFile(messagesDir, locale)) : shippedReplyWords();
  const buttons = BUTTON_MESSAGES.loadOrShipped(messagesDir, locale);
  const vocabulary = loadVocabularyOrShipped(messagesDir, locale);
  // Numbers said in words (knowledge/messages/<locale>/numbers.yaml): read now, so that a mistake stops the start naming file and line.
  for (const l of new Set([BASE_LOCALE, locale])) loadNumberWordsOrShipped(messagesDir, l);
  // The words of days and dates (knowledge/messages/<locale>/dates.yaml), the same way.
  for (const l of new Set([BASE_LOCALE, locale])) loadDateWordsOrShipped(messagesDir, l);
  const router = new Router(detector, buttons, vocabulary, undefined, knowledge, intentWords);
  const languageChoices = council.languages.filter((l) => l !== locale).map((l) => LANGUAGE_NAMES[l]);
  const responses = new Responses(council, buttons, taxonomy, intentWords, replyWords, languageChoices);
  const knowledgeResponses = new KnowledgeResponses(council, buttons, intentWords, replyWords);
  const unanswered = new UnansweredQuestions(options.logger, options.unanswered);
  const knowledgeDialog = new KnowledgeDialog(knowledge, knowledgeResponses, vocabulary, options.logger, options.feedback, unanswered);
  const conversationState: ConversationState = options.state?.conversationState ?? new TrackedConversationState(options.storage);
  const userState = options.state?.userState ?? new UserState(options.storage);
  const parts: AssistantParts = { council, taxonomy, responses, router, knowledge, conversationState, userState, messagesDir, buttons, vocabulary, locale };
  const dialog = new MainDialog(
    router,
    responses,
    vocabulary,
    conversationState.createProperty<RoutingState>('routing'),
    options.intentDialogs?.(parts) ?? [],
    { dialog: knowledgeDialog, responses: knowledgeResponses },
    unanswered,
    tone(own(options.tonePath ?? path.join(rulesDir, 'tone.yaml'), 'file')),
    options.now,
  );
  if (options.telemetryClient) dialog.telemetryClient = options.telemetryClient;
  const bot = new CouncilBot(conversationState, userState, dialog, recognizer, responses, options.handoffRelay?.(parts));
  return { ...parts, bot, recognizer, classifier, detector, rulesOnly };
}

/**
 * The assistant in every language the council declares (knowledge/council.yaml `languages`): English first,
 * then each other language built the same way from its own content, sharing the conversation and user state
 * and asking English's safeguarding cue rules too (not its classifiers: learnt on English, they misread Welsh). With more than one, `bot` hands each turn to the resident's
 * language (BilingualBot); the other parts are English's, and `byLocale` has each language's.
 */
export function buildAssistants(options: AssistantOptions): Assistant & { byLocale: ReadonlyMap<Locale, Assistant> } {
  const first = buildAssistant({ ...options, locale: DEFAULT_LOCALE });
  const byLocale = new Map<Locale, Assistant>([[DEFAULT_LOCALE, first]]);
  for (const locale of first.council.languages.filter((l) => l !== DEFAULT_LOCALE)) {
    const state = { conversationState: first.conversationState, userState: first.userState };
    byLocale.set(locale, buildAssistant({ ...options, locale, state, alongside: first.rulesOnly, glossTo: first.detector }));
  }
  if (byLocale.size < 2) return { ...first, byLocale };
  const knowledgeRoot = path.dirname(options.councilProfilePath);
  const identifier = LanguageIdentifier.train(
    languageTexts({
      intentsDir: options.intentsDir,
      articlesDir: options.knowledgeDir ?? path.join(knowledgeRoot, 'articles'),
      messagesDir: options.messagesDir ?? path.join(knowledgeRoot, 'messages'),
    }),
  );
  return { ...first, byLocale, bot: new BilingualBot(byLocale, identifier, first.conversationState, first.userState) };
}

/** The English detector reading a gloss of the message, when the language has a word list. */
function glossedDetector(file: string, detector: SafeguardingDetector | undefined, other: boolean): GlossedDetector | undefined {
  if (!other || !detector || !fs.existsSync(file)) return undefined;
  const list = loadRiskGloss(file);
  return { gloss: (text) => list.gloss(text), detector };
}

/**
 * The risk taxonomy as a language reads it: its words (helpline names, replies) over the English
 * settings; who a message is about is told by that language's cues first, then the English ones.
 */
function riskTaxonomy(file: string, locale: Locale): RiskTaxonomy {
  const english = loadRiskTaxonomy(file);
  if (locale === DEFAULT_LOCALE) return english;
  const translated = loadRiskTaxonomy(file, stringify(readWithOverlay(file, overlayFile(file, locale), OVERLAYS.riskTaxonomy)));
  const cues = [...translated.aboutCues, ...english.aboutCues.filter((c) => !translated.aboutCues.some((t) => t.pattern.source === c.pattern.source))];
  return { ...translated, aboutCues: cues };
}

/**
 * The intents' labels and replies, checked as `npm run validate` checks them: content with a mistake
 * (an intent without a label, one with no conversation and no reply) is refused at start-up, naming
 * file and line. A council whose content has no messages folder gets the project's own words.
 */
function intentMessages(messagesDir: string, intentNames: string[], locale: Locale, withConversation: readonly string[] = []): IntentMessages {
  if (!fs.existsSync(intentMessagesFile(messagesDir, locale))) return shippedIntentMessages();
  const errors = intentMessagesProblems(messagesDir, [...new Set(intentNames)], withConversation).filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n'));
  return loadIntentMessages(intentMessagesFile(messagesDir, locale));
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
    true,
  ).filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n'));
}

/** The frustration detector, when its vocabulary is there (a council's own rules folder may not have one). */
function tone(file: string): FrustrationDetector | undefined {
  return fs.existsSync(file) ? new FrustrationDetector(loadToneVocabulary(file)) : undefined;
}
