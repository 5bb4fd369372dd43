/**
 * `npm run validate`: checks the council's content (intents, safeguarding rules, the risk
 * taxonomy and the risk classifier's data, council profile; knowledge articles when present) and says exactly what is wrong and where.
 * Exits 1 when there are errors; warnings alone do not fail, unless `--fail-on-warnings` is given.
 */
import fs from 'node:fs';
import path from 'node:path';
import { INTENT_NAMES } from '../intents/catalogue';
import { riskTrainingData } from '../intents/riskClassifier';
import { readRiskTaxonomy } from '../intents/riskTaxonomy';
import { readToneVocabulary } from '../intents/frustration';
import { loadSafeguardingRules } from '../intents/safeguardingRules';
import { loadTrainingData, type ContentProblem, type TrainingData } from '../intents/trainingData';
import { answerWordsIn, loadCouncilProfile } from '../knowledge/councilProfile';
import { loadPageText, pageTextOverlayProblems } from '../channels/web/pageText';
import { contactCentreProblems } from '../knowledge/contactCentre';
import { BIN_TYPES_FILE, binTypesProblems, localeBinTypesProblems } from '../intents/entities/binTypes';
import { caseReferenceWordsProblems } from '../intents/entities/caseReferences';
import { loadDeliveryTexts } from '../knowledge/deliveryMessages';
import type { Article } from '../knowledge/article';
import { loadArticles, offerableRequests } from '../knowledge/articleLoader';
import { listDrafts, startValidateKnowledge } from '../knowledge/validateKnowledge';
import { intentMessagesProblems } from '../knowledge/intentMessages';
import { REPLY_MESSAGES } from '../knowledge/replyTexts';
import { CONSOLE_PAGE_MESSAGES, MESSAGE_FILES } from '../knowledge/messageFiles';
import { consolePageProblems } from '../handoff/consolePages';
import { vocabularyProblems } from '../knowledge/vocabulary';
import { numberWordsProblems } from '../intents/entities/numberWords';
import { dateWordsProblems } from '../intents/entities/dateWords';
import { declaredLocalesProblems } from '../knowledge/localeProblems';
import { loadServiceRequestConfig } from '../dialogs/services/serviceRequestConfig';

const root = path.resolve(__dirname, '..');
const MIN_EXAMPLES = 30;

function checkIntents(dir: string, training: TrainingData): ContentProblem[] {
  const { intents } = training;
  const problems = [...training.problems];
  const found = new Set(intents.map((i) => i.intent));
  for (const name of INTENT_NAMES) {
    // A file that is there but could not be read has its own problem, with its line, above.
    if (!found.has(name) && !fs.existsSync(path.join(dir, `${name}.yaml`)))
      problems.push({
        severity: 'error',
        file: path.join(dir, `${name}.yaml`),
        message: `the catalogue intent "${name}" has no training file`,
      });
  }
  for (const def of intents) {
    if (def.examples.length < MIN_EXAMPLES) {
      problems.push({
        severity: def.examples.length === 0 ? 'error' : 'warning',
        file: def.file,
        message: `only ${def.examples.length} examples; ${MIN_EXAMPLES} or more make recognition reliable`,
      });
    }
  }
  if (!found.has('none'))
    problems.push({
      severity: 'error',
      file: path.join(dir, 'none.yaml'),
      message: 'the out-of-scope examples (intent: none) are missing',
    });
  return problems;
}

function attempt(file: string, fn: () => unknown): ContentProblem[] {
  try {
    fn();
    return [];
  } catch (err) {
    return [
      {
        severity: 'error',
        file,
        message: (err as Error).message.replace(`${file}: `, ''),
      },
    ];
  }
}

export interface ContentPaths {
  intentsDir: string;
  safeguardingRules: string;
  councilProfile: string;
  /** The risk taxonomy and the risk classifier's training data; default: next to the safeguarding rules. */
  riskTaxonomy?: string;
  riskDataDir?: string;
  /** Signs of frustration (intents/tone.yaml); default: next to the safeguarding rules. */
  tone?: string;
  /** The phrases residents use for each kind of bin (intents/entities/bin-types.yaml); default: intents/entities next to the safeguarding rules, when there. */
  binTypes?: string;
  /** Knowledge articles and search synonyms; default: next to the council profile. */
  articlesDir?: string;
  synonyms?: string;
  /** Which intents a service request answers (knowledge/service-requests.yaml); default: next to the council profile. */
  serviceRequests?: string;
  /** Every locale's words (<messagesDir>/<locale>/intents.yaml, replies.yaml, services.yaml…); default: knowledge/messages next to the council profile. */
  messagesDir?: string;
  /** What residents are told about a report on its way (knowledge/delivery-messages.yaml); default: next to the council profile. */
  deliveryMessages?: string;
  /** The built-in back office's service definitions, whose words each declared language needs; default: none checked. */
  servicesDir?: string;
  /** The agent console's pages and scripts, whose words are console-pages.yaml's (web/agent/); default: none checked. */
  consolePagesDir?: string;
  /** The Teams manifest and its localisation files; default: none checked. */
  teamsDir?: string;
  /**
   * Where the articles' questions' check (the longest of the checks: each question must find its own
   * article) is kept between runs, keyed by the articles, synonyms, intents and code it depends on
   * (knowledge/validateKnowledge.ts); default: not kept. `npm run validate` keeps it in the data folder's
   * models/ (DATA_DIR, ./data by default), beside what the server keeps.
   */
  cacheDir?: string;
}

export const DEFAULT_PATHS: ContentPaths = {
  intentsDir: path.join(root, 'intents', 'data'),
  safeguardingRules: path.join(root, 'intents', 'safeguarding-rules.yaml'),
  riskTaxonomy: path.join(root, 'intents', 'risk-taxonomy.yaml'),
  riskDataDir: path.join(root, 'intents', 'risk'),
  tone: path.join(root, 'intents', 'tone.yaml'),
  councilProfile: path.join(root, 'knowledge', 'council.yaml'),
  articlesDir: path.join(root, 'knowledge', 'articles'),
  synonyms: path.join(root, 'knowledge', 'synonyms.yaml'),
  servicesDir: path.join(root, 'services'),
  teamsDir: path.join(root, 'deploymentTemplates', 'teams'),
  consolePagesDir: path.join(root, 'web', 'agent'),
};

/** The intents a service request answers: each has a conversation of its own (a mistake in the file is validate:services'). */
function requestIntents(file: string): string[] {
  try {
    return fs.existsSync(file) ? Object.keys(loadServiceRequestConfig(file)) : [];
  } catch {
    return [];
  }
}

export function validateAll(paths: ContentPaths = DEFAULT_PATHS): ContentProblem[] {
  return validateContent(paths).problems;
}

/** {@link validateAll}'s problems, and the drafts waiting for review ({@link draftsOf}), from one reading of the articles. */
export function validateContent(paths: ContentPaths = DEFAULT_PATHS): { problems: ContentProblem[]; drafts: Article[] } {
  const rules = paths.safeguardingRules;
  const council = paths.councilProfile;
  // Read once: the intents' checks, their messages and the articles' checks all need them; and the articles, which the
  // English checks, each other language's (their twins) and the list of drafts need.
  const training = loadTrainingData(paths.intentsDir);
  const articlesDir = paths.articlesDir ?? path.join(path.dirname(council), 'articles');
  const articles = loadArticles(articlesDir, offerableRequests(training.intents));
  // Started first: with many articles its questions' check runs partly on a second thread while the other checks run here.
  const knowledge = startValidateKnowledge({
    articlesDir,
    maxWords: answerWordsIn(council, 'en-GB'),
    synonymsPath: paths.synonyms ?? path.join(path.dirname(council), 'synonyms.yaml'),
    intents: training.intents,
    loaded: articles,
    cacheDir: paths.cacheDir,
  });
  const problems = [
    ...checkIntents(paths.intentsDir, training),
    ...attempt(rules, () => loadSafeguardingRules(rules)),
    ...readRiskTaxonomy(paths.riskTaxonomy ?? path.join(path.dirname(rules), 'risk-taxonomy.yaml')).problems,
    ...riskTrainingData(paths.riskDataDir ?? path.join(path.dirname(rules), 'risk'), paths.intentsDir).problems,
    ...readToneVocabulary(paths.tone ?? path.join(path.dirname(rules), 'tone.yaml')).problems,
    ...binTypes(paths.binTypes ?? path.join(path.dirname(rules), 'entities', 'bin-types.yaml')),
    ...welshBinTypes(paths.binTypes ?? path.join(path.dirname(rules), 'entities', 'bin-types.yaml')),
    ...caseReferenceWords(path.join(path.dirname(rules), 'entities', 'case-references.yaml')),
    ...councilAndContactCentre(council),
    ...intentMessagesProblems(
      paths.messagesDir ?? path.join(path.dirname(council), 'messages'),
      [...new Set(training.intents.map((i) => i.intent))],
      requestIntents(paths.serviceRequests ?? process.env.SERVICE_REQUESTS ?? path.join(path.dirname(council), 'service-requests.yaml')),
    ),
    ...REPLY_MESSAGES.problems(paths.messagesDir ?? path.join(path.dirname(council), 'messages')),
    ...MESSAGE_FILES.flatMap((m) => m.problems(paths.messagesDir ?? path.join(path.dirname(council), 'messages'))),
    ...vocabularyProblems(paths.messagesDir ?? path.join(path.dirname(council), 'messages')),
    ...numberWordsProblems(paths.messagesDir ?? path.join(path.dirname(council), 'messages')),
    ...dateWordsProblems(paths.messagesDir ?? path.join(path.dirname(council), 'messages')),
    ...consolePages(paths.consolePagesDir, paths.messagesDir ?? path.join(path.dirname(council), 'messages')),
    ...chatPageText(path.join(path.dirname(council), 'chat-page.yaml'), council),
    ...attempt(paths.deliveryMessages ?? path.join(path.dirname(council), 'delivery-messages.yaml'), () =>
      loadDeliveryTexts(paths.deliveryMessages ?? path.join(path.dirname(council), 'delivery-messages.yaml')),
    ),
    ...knowledge(),
    ...otherLanguages(paths, articles.articles),
  ];
  return { problems, drafts: articles.articles.filter((a) => a.status === 'draft') };
}

/** Each language the council declares besides English: every word residents see must have its translation (knowledge/localeProblems.ts). */
function otherLanguages(paths: ContentPaths, englishArticles: readonly Article[]): ContentProblem[] {
  let languages: readonly string[];
  try {
    languages = loadCouncilProfile(paths.councilProfile).languages;
  } catch {
    return []; // the profile's own problem is reported above
  }
  const rules = paths.safeguardingRules;
  const knowledge = path.dirname(paths.councilProfile);
  return declaredLocalesProblems(
    {
      councilProfile: paths.councilProfile,
      intentsDir: paths.intentsDir,
      safeguardingRules: rules,
      riskTaxonomy: paths.riskTaxonomy ?? path.join(path.dirname(rules), 'risk-taxonomy.yaml'),
      riskDataDir: paths.riskDataDir ?? path.join(path.dirname(rules), 'risk'),
      tone: paths.tone ?? path.join(path.dirname(rules), 'tone.yaml'),
      binTypes: paths.binTypes ?? path.join(path.dirname(rules), 'entities', 'bin-types.yaml'),
      articlesDir: paths.articlesDir ?? path.join(knowledge, 'articles'),
      messagesDir: paths.messagesDir ?? path.join(knowledge, 'messages'),
      servicesDir: paths.servicesDir,
      teamsDir: paths.teamsDir,
      englishArticles,
      cacheDir: paths.cacheDir,
    },
    languages,
  );
}

/** Each word the console's pages use must be in console-pages.yaml, and each there used (at the line of the council's own English file, else the project's). */
function consolePages(pagesDir: string | undefined, messagesDir: string): ContentProblem[] {
  if (!pagesDir) return [];
  const own = CONSOLE_PAGE_MESSAGES.file(messagesDir);
  return consolePageProblems(pagesDir, fs.existsSync(own) ? own : CONSOLE_PAGE_MESSAGES.file(path.join(root, 'knowledge', 'messages')));
}

/** The bin types, when the content has its own (else the shipped table is used). */
function binTypes(file: string): ContentProblem[] {
  return fs.existsSync(file) ? binTypesProblems(file) : [];
}

/** The words that name a case reference (entities/case-references.yaml beside the rules), when there. */
function caseReferenceWords(file: string): ContentProblem[] {
  return fs.existsSync(file) ? caseReferenceWordsProblems(file) : [];
}

/** The Welsh bin words (entities/cy-GB/bin-types.yaml beside the English), when there are any. */
function welshBinTypes(englishFile: string): ContentProblem[] {
  const file = path.join(path.dirname(englishFile), 'cy-GB', 'bin-types.yaml');
  return fs.existsSync(file) ? localeBinTypesProblems(file, fs.existsSync(englishFile) ? englishFile : BIN_TYPES_FILE) : [];
}

/**
 * The council profile, and the contact centre's settings beside it (opening hours, bank holidays,
 * canned replies) with the line of each mistake; a mistake there is not told twice (the profile
 * reads the settings for the hours it states).
 */
function councilAndContactCentre(council: string): ContentProblem[] {
  const centreFile = path.join(path.dirname(council), 'contact-centre.yaml');
  const centre = fs.existsSync(centreFile) ? contactCentreProblems(centreFile) : [];
  const profile = attempt(council, () => loadCouncilProfile(council)).filter((p) => !centre.length || !p.message.includes(centreFile));
  return [...centre, ...profile];
}

/** The chat page's words (knowledge/chat-page.yaml), when the content has them, and each declared language's overlay of them. */
function chatPageText(file: string, council: string): ContentProblem[] {
  if (!fs.existsSync(file)) return [];
  let languages: readonly string[] = [];
  try {
    languages = loadCouncilProfile(council).languages;
  } catch {
    // the profile's own problem is reported with it
  }
  return [...attempt(file, () => loadPageText(file)), ...languages.slice(1).flatMap((locale) => pageTextOverlayProblems(file, locale))];
}

/** Draft articles waiting for a content designer: a notice, never an error. */
export function draftsOf(paths: ContentPaths = DEFAULT_PATHS): Article[] {
  return listDrafts(paths.articlesDir ?? path.join(path.dirname(paths.councilProfile), 'articles'));
}

/** What `npm run validate` prints: each problem with its file and line, the drafts, then the totals. */
export function formatReport(problems: ContentProblem[], drafts: Article[], cwd = process.cwd()): string {
  const lines = problems.map((p) => `${path.relative(cwd, p.file)}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`);
  if (drafts.length) {
    lines.push(`Drafts, not answered from until reviewed (${drafts.length}): check each, set status: published and move it into knowledge/articles/`);
    for (const d of drafts) lines.push(`${path.relative(cwd, d.file)}: notice: draft "${d.title}" (${d.id}) from ${d.url}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  lines.push(`${errors === 0 ? 'Content is valid' : 'Content has errors'}: ${errors} error(s), ${warnings} warning(s), ${drafts.length} draft(s).`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const cacheDir = path.join(path.resolve(process.env.DATA_DIR ?? 'data'), 'models');
  const { problems, drafts } = validateContent({ ...DEFAULT_PATHS, cacheDir });
  process.stdout.write(formatReport(problems, drafts));
  const failOnWarnings = process.argv.includes('--fail-on-warnings');
  process.exitCode = problems.some((p) => p.severity === 'error' || failOnWarnings) ? 1 : 0;
  // `npm run validate`: then the services' checks (npm run validate:services) when the content passed, in this
  // process rather than a second one (starting Node and loading the code again cost as much as the checks).
  if (process.argv.includes('--services') && process.exitCode === 0) (await import('./validate-services.js')).reportServices();
}

if (require.main === module) void main();
