import path from 'node:path';
import type { Logger } from '../platform/logger';
import type { ContentProblem, IntentDefinition } from '../intents/trainingData';
import type { Article } from './article';
import { loadArticles, offerableRequests } from './articleLoader';
import { KnowledgeCache, type CachedKnowledge } from './knowledgeCache';
import { MiniSearchKnowledgeBase } from './knowledgeBase';
import { loadSynonyms } from './synonyms';
import { TextAnalyser, type AnalyserLanguage } from './textAnalyser';

export interface KnowledgeSources {
  articlesDir: string;
  synonymsPath: string;
  /** The intents' training data: their examples are matched alongside articles so the router can compare. */
  intents: IntentDefinition[];
  /** The language's analysis (stop words, mutations, stemmer); English by default. */
  analysis?: AnalyserLanguage;
  /**
   * Where the knowledge base is kept between starts (knowledge/knowledgeCache.ts), beside the intent
   * models: a start with the same content reads it back instead of reading and analysing every
   * article again. None: built every time.
   */
  cacheDir?: string;
}

/** Intents that are not matched as alternatives to articles: "none" is used as out-of-scope examples; safeguarding has its own detector. */
const NOT_COMPARED = new Set(['none', 'safeguarding']);

/**
 * Builds the knowledge base, or reads it back from `cacheDir` when built there from the same
 * content. An article that cannot be read is logged with its file and left out; every other
 * article still loads.
 */
export function buildKnowledgeBase(sources: KnowledgeSources, logger?: Logger): MiniSearchKnowledgeBase {
  const intents = sources.intents.filter((d) => !NOT_COMPARED.has(d.intent)).map((d) => ({ intent: d.intent, examples: d.examples.map((e) => e.text) }));
  const outOfScope = sources.intents.find((d) => d.intent === 'none')?.examples.map((e) => e.text) ?? [];
  const cache = sources.cacheDir ? new KnowledgeCache(sources.cacheDir) : undefined;
  const key = cache?.key({
    articlesDir: sources.articlesDir,
    synonymsPath: sources.synonymsPath,
    other: { analysis: describe(sources.analysis), intents, outOfScope },
  });
  const analyser = new TextAnalyser(loadSynonyms(sources.synonymsPath), sources.analysis);
  const kept = key ? cache?.read(key) : undefined;
  if (kept) {
    try {
      const knowledge = new MiniSearchKnowledgeBase(kept.articles, analyser, { intents, outOfScope, prepared: kept.index });
      report(kept, logger);
      return knowledge;
    } catch (err) {
      logger?.warn({ err: (err as Error).message }, 'the kept knowledge base could not be used: building it again');
    }
  }
  const loaded = loadArticles(sources.articlesDir, offerableRequests(sources.intents));
  report(loaded, logger);
  const knowledge = new MiniSearchKnowledgeBase(loaded.articles, analyser, { intents, outOfScope });
  if (cache && key) keep(cache, key, { ...loaded, index: knowledge.analysedIndex() }, logger);
  return knowledge;
}

/** Logs the articles left out (with their files) and how many drafts wait for review. */
function report({ articles, problems }: { articles: readonly Article[]; problems: readonly ContentProblem[] }, logger?: Logger): void {
  for (const p of problems) {
    logger?.warn(
      { file: path.relative(process.cwd(), p.file), line: p.line, problem: p.message },
      'knowledge article problem: left out (run npm run validate)',
    );
  }
  const drafts = articles.filter((a) => a.status === 'draft').length;
  if (drafts) logger?.info({ drafts }, 'draft knowledge articles are not answered from until reviewed (npm run validate lists them)');
}

function keep(cache: KnowledgeCache, key: string, knowledge: CachedKnowledge, logger?: Logger): void {
  try {
    cache.write(key, knowledge);
  } catch (err) {
    logger?.warn({ err: (err as Error).message }, 'the knowledge base could not be kept for the next start');
  }
}

/** The analysis as part of the cache's key: its stop words and the source of its functions. */
function describe(analysis: AnalyserLanguage | undefined): unknown {
  if (!analysis) return 'default';
  return { stopWords: [...analysis.stopWords].sort(), fold: analysis.fold?.toString(), stem: analysis.stem.toString(), split: analysis.split?.toString() };
}
