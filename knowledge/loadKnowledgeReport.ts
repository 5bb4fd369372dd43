import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../platform/storage/schema';
import { KnowledgeReport } from './knowledgeReport';
import { QuestionGrouper } from './questionGrouper';
import { loadSynonyms } from './synonyms';
import { TextAnalyser } from './textAnalyser';
import { UnansweredStore } from './unansweredStore';

/** The knowledge report over the project database, grouping with the council's own synonyms (as the assistant matches). */
export function loadKnowledgeReport(
  db: Kysely<DatabaseSchema>,
  synonymsPath: string,
  title: (articleId: string) => string | undefined,
  now?: () => Date,
): KnowledgeReport {
  return new KnowledgeReport(new UnansweredStore(db), new QuestionGrouper(new TextAnalyser(loadSynonyms(synonymsPath))), title, now);
}
