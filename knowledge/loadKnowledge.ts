import path from 'node:path';
import type { Logger } from '../platform/logger';
import type { IntentDefinition } from '../intents/trainingData';
import { loadArticles } from './articleLoader';
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
}

/** Intents that are not matched as alternatives to articles: "none" is used as out-of-scope examples; safeguarding has its own detector. */
const NOT_COMPARED = new Set(['none', 'safeguarding']);

/**
 * Builds the knowledge base. An article that cannot be read is logged with its file and left
 * out; every other article still loads.
 */
export function buildKnowledgeBase(sources: KnowledgeSources, logger?: Logger): MiniSearchKnowledgeBase {
  const { articles, problems } = loadArticles(sources.articlesDir);
  for (const p of problems) {
    logger?.warn(
      { file: path.relative(process.cwd(), p.file), line: p.line, problem: p.message },
      'knowledge article problem: left out (run npm run validate)',
    );
  }
  const drafts = articles.filter((a) => a.status === 'draft').length;
  if (drafts) logger?.info({ drafts }, 'draft knowledge articles are not answered from until reviewed (npm run validate lists them)');
  const analyser = new TextAnalyser(loadSynonyms(sources.synonymsPath), sources.analysis);
  return new MiniSearchKnowledgeBase(articles, analyser, {
    intents: sources.intents.filter((d) => !NOT_COMPARED.has(d.intent)).map((d) => ({ intent: d.intent, examples: d.examples.map((e) => e.text) })),
    outOfScope: sources.intents.find((d) => d.intent === 'none')?.examples.map((e) => e.text) ?? [],
  });
}
