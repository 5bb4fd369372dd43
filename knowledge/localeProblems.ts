import fs from 'node:fs';
import path from 'node:path';
import { binTypesProblems } from '../intents/entities/binTypes';
import { readToneVocabulary } from '../intents/frustration';
import { riskTrainingData } from '../intents/riskClassifier';
import { loadSafeguardingRules } from '../intents/safeguardingRules';
import { RISK_GLOSS_FILE, riskGlossProblems } from '../intents/riskGloss';
import { loadTrainingData, type ContentProblem } from '../intents/trainingData';
import type { Article } from './article';
import { loadArticles } from './articleLoader';
import { answerWordsIn } from './councilProfile';
import { SUPPORTED_LOCALES, type Locale } from './locales';
import { ENGLISH_ANALYSIS, WELSH_ANALYSIS, type AnalyserLanguage } from './textAnalyser';
import { DEFAULT_LOCALE } from './intentMessages';
import { localeDir, OVERLAYS, overlayFile } from './localeContent';
import { overlayProblems } from './overlay';
import { webChatStringsFile, webChatStringsProblems } from './webChatStrings';
import { loadSynonyms } from './synonyms';
import { validateKnowledge } from './validateKnowledge';

/** Where the English content is; each locale's is found from it (knowledge/localeContent.ts). */
export interface LocaleContentPaths {
  /** knowledge/council.yaml: its folder holds chat-page.yaml, delivery-messages.yaml, service-requests.yaml, contact-centre.yaml, synonyms.yaml. */
  councilProfile: string;
  intentsDir: string;
  safeguardingRules: string;
  riskTaxonomy: string;
  riskDataDir: string;
  tone: string;
  binTypes: string;
  articlesDir: string;
  messagesDir: string;
  /** services/*.yaml (the built-in back office's service definitions); left out when absent. */
  servicesDir?: string;
  /** deploymentTemplates/teams (manifest.json and its localisation files); left out when absent. */
  teamsDir?: string;
  /** The English articles as already read from `articlesDir` (`npm run validate` reads them once); read here when not given. */
  englishArticles?: readonly Article[];
  /** Where the questions' check is kept between runs (knowledge/validateKnowledge.ts), each language in its own folder below; none: not kept. */
  cacheDir?: string;
}

const error = (file: string, message: string, line?: number): ContentProblem => ({ severity: 'error', file, ...(line ? { line } : {}), message });

function attempt(file: string, fn: () => unknown): ContentProblem[] {
  if (!fs.existsSync(file)) return [error(file, 'missing')];
  try {
    fn();
    return [];
  } catch (err) {
    return [error(file, (err as Error).message.replace(`${file}: `, ''))];
  }
}

/**
 * The checks of a declared locale other than English (`languages` in knowledge/council.yaml), for
 * `npm run validate` and start-up: every word residents see must have its translation, and a
 * missing one is an error, not a fallback to English. Each problem names the file and, where it
 * can, the line. The locale's files are also checked as the English ones are (their format).
 */
export function localeProblems(paths: LocaleContentPaths, locale: string, wordsOnly = false): ContentProblem[] {
  if (locale === DEFAULT_LOCALE) return [];
  const knowledgeDir = path.dirname(paths.councilProfile);
  const intentsRoot = path.dirname(paths.safeguardingRules);
  const words = [
    ...messageFolder(paths.messagesDir, locale),
    ...webChatStringsProblems(webChatStringsFile(paths.messagesDir, locale)),
    ...articles(paths, locale, wordsOnly),
    ...overlay(path.join(knowledgeDir, 'chat-page.yaml'), locale, OVERLAYS.chatPage),
    ...overlay(path.join(knowledgeDir, 'delivery-messages.yaml'), locale, OVERLAYS.deliveryMessages),
    ...overlay(path.join(knowledgeDir, 'service-requests.yaml'), locale, OVERLAYS.serviceRequests),
    ...overlay(path.join(knowledgeDir, 'contact-centre.yaml'), locale, OVERLAYS.contactCentre),
    ...overlay(paths.councilProfile, locale, OVERLAYS.council),
    ...overlay(paths.riskTaxonomy, locale, OVERLAYS.riskTaxonomy),
  ];
  // Start-up refuses only missing words; what the language understands (training data, cue rules, whether each
  // question finds its own article) is validate's to report, as for English.
  if (wordsOnly) return words;
  return [
    ...words,
    ...intents(paths.intentsDir, locale),
    ...riskTrainingData(localeDir(paths.riskDataDir, locale), localeDir(paths.intentsDir, locale)).problems.filter((p) => !/no intent files/.test(p.message)),
    ...ownFile(path.join(paths.riskDataDir, locale, 'none.yaml'), () => []),
    ...attempt(path.join(intentsRoot, locale, path.basename(paths.safeguardingRules)), () =>
      loadSafeguardingRules(path.join(intentsRoot, locale, path.basename(paths.safeguardingRules))),
    ),
    ...ownFile(path.join(intentsRoot, locale, path.basename(paths.tone)), (f) => readToneVocabulary(f).problems),
    // The word list that lets the English detector read this language's messages (optional: without it, no gloss).
    ...(fs.existsSync(path.join(intentsRoot, locale, RISK_GLOSS_FILE)) ? riskGlossProblems(path.join(intentsRoot, locale, RISK_GLOSS_FILE)) : []),
    ...attempt(path.join(knowledgeDir, locale, 'synonyms.yaml'), () => loadSynonyms(path.join(knowledgeDir, locale, 'synonyms.yaml'))),
    ...ownFile(localeDir(path.dirname(paths.binTypes), locale) + path.sep + path.basename(paths.binTypes), (f) => binTypesProblems(f)),
    ...services(paths.servicesDir, locale),
    ...teams(paths.teamsDir, locale),
  ];
}

function ownFile(file: string, check: (file: string) => ContentProblem[]): ContentProblem[] {
  return fs.existsSync(file) ? check(file) : [error(file, 'missing')];
}

function overlay(englishFile: string, locale: string, spec: (typeof OVERLAYS)[keyof typeof OVERLAYS]): ContentProblem[] {
  return fs.existsSync(englishFile) ? overlayProblems(englishFile, overlayFile(englishFile, locale), spec) : [];
}

/** Every English message file has its twin (the files' ids and placeholders are checked by their own checks, for every locale folder). */
function messageFolder(messagesDir: string, locale: string): ContentProblem[] {
  const english = localeDir(messagesDir, DEFAULT_LOCALE);
  if (!fs.existsSync(english)) return [];
  return fs
    .readdirSync(english)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .filter((f) => !fs.existsSync(path.join(messagesDir, locale, f)))
    .map((f) => error(path.join(messagesDir, locale, f), `missing: the ${locale} words of ${DEFAULT_LOCALE}/${f}`));
}

/**
 * Each published English article has its twin of the same id in `articles/<locale>/`, and no twin
 * is without its English. The twins are checked as the English articles are (links, a question
 * under two articles, each question finding its own article), searched as the locale is searched.
 */
function articles(paths: LocaleContentPaths, locale: string, wordsOnly = false): ContentProblem[] {
  const dir = localeDir(paths.articlesDir, locale);
  const englishIds = new Set((paths.englishArticles ?? loadArticles(paths.articlesDir).articles).filter((a) => a.status !== 'draft').map((a) => a.id));
  if (!fs.existsSync(dir)) return [...englishIds].sort().map((id) => error(path.join(dir, `${id}.md`), `missing: the ${locale} article ${id}`));
  const own = loadArticles(dir).articles;
  const seen = new Set(own.map((a) => a.id));
  return [
    ...(wordsOnly
      ? []
      : validateKnowledge({
          articlesDir: dir,
          synonymsPath: path.join(path.dirname(paths.councilProfile), locale, 'synonyms.yaml'),
          intents: loadTrainingData(localeDir(paths.intentsDir, locale)).intents,
          analysis: ANALYSIS[locale] ?? ENGLISH_ANALYSIS,
          cacheDir: paths.cacheDir && path.join(paths.cacheDir, locale),
          maxWords: (SUPPORTED_LOCALES as readonly string[]).includes(locale) ? answerWordsIn(paths.councilProfile, locale as Locale) : undefined,
        }).filter((p) => !(p.file === path.join(path.dirname(paths.councilProfile), locale, 'synonyms.yaml')))),
    ...own
      .filter((a) => !englishIds.has(a.id))
      .map((a) =>
        error(
          a.file,
          `id "${a.id}": no published English article has this id (${path.relative(process.cwd(), path.join(paths.articlesDir, path.basename(a.file)))})`,
        ),
      ),
    ...[...englishIds]
      .sort()
      .filter((id) => !seen.has(id))
      .map((id) => error(path.join(dir, `${id}.md`), `missing: the ${locale} article ${id}`)),
  ];
}

const ANALYSIS: Record<string, AnalyserLanguage> = { 'cy-GB': WELSH_ANALYSIS };

/** Each intent of the English training data has its own training data in `intents/data/<locale>/`, and no other. */
function intents(intentsDir: string, locale: string): ContentProblem[] {
  const dir = localeDir(intentsDir, locale);
  const english = new Set(loadTrainingData(intentsDir).intents.map((d) => d.intent));
  const own = loadTrainingData(dir);
  const found = new Set(own.intents.map((d) => d.intent));
  return [
    ...own.problems.filter((p) => !/no intent files/.test(p.message)),
    ...own.intents
      .filter((d) => !english.has(d.intent))
      .map((d) => error(d.file, `the intent "${d.intent}" has no English training data in ${path.relative(process.cwd(), intentsDir)}`, 1)),
    ...[...english]
      .sort()
      .filter((i) => !found.has(i))
      .map((i) => error(path.join(dir, `${i}.yaml`), `missing: the ${locale} training data of the intent "${i}"`)),
  ];
}

function services(servicesDir: string | undefined, locale: string): ContentProblem[] {
  if (!servicesDir || !fs.existsSync(servicesDir)) return [];
  return fs
    .readdirSync(servicesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => overlay(path.join(servicesDir, f), locale, OVERLAYS.service));
}

/** The Teams manifest's localisation file (Teams' localization schema): every text of the manifest residents see. */
function teams(teamsDir: string | undefined, locale: string): ContentProblem[] {
  const manifestFile = teamsDir && path.join(teamsDir, 'manifest.json');
  if (!teamsDir || !manifestFile || !fs.existsSync(manifestFile)) return [];
  const tag = locale.split('-')[0];
  const file = path.join(teamsDir, `${tag}.json`);
  if (!fs.existsSync(file)) return [error(file, `missing: the Teams app's ${locale} words (Teams' localization file)`)];
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
    name: { short: string; full: string };
    description: { short: string; full: string };
    bots?: Array<{ commandLists?: Array<{ commands: Array<{ title: string; description: string }> }> }>;
  };
  let words: Record<string, unknown>;
  try {
    words = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    return [error(file, `not JSON: ${(err as Error).message}`)];
  }
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  (manifest.bots ?? []).forEach((b, i) =>
    (b.commandLists ?? []).forEach((l, j) =>
      l.commands.forEach((_, k) => keys.push(`bots[${i}].commandLists[${j}].commands[${k}].title`, `bots[${i}].commandLists[${j}].commands[${k}].description`)),
    ),
  );
  // manifest.json's localizationInfo is added by npm run teams:package when the file is there.
  return keys.filter((k) => typeof words[k] !== 'string' || !words[k].trim()).map((k) => error(file, `${k}: missing`));
}

/** Every declared locale's problems. */
export function declaredLocalesProblems(paths: LocaleContentPaths, languages: readonly string[], wordsOnly = false): ContentProblem[] {
  return languages.flatMap((l) => localeProblems(paths, l, wordsOnly));
}
