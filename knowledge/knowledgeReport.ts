import type { QuestionGrouper } from './questionGrouper';
import type { UnansweredQuestion } from './unansweredStore';

/** Where the report's questions come from (UnansweredStore). */
export interface UnansweredSource {
  since(since: Date): Promise<UnansweredQuestion[]>;
}

export interface OfferedArticle {
  id: string;
  /** The article's title, or null when it is no longer in the knowledge base. */
  title: string | null;
  /** How many of the group's questions were answered with it and got a "No". */
  count: number;
}

export interface QuestionGroup {
  /** Questions in the group. */
  count: number;
  /** Of them, the assistant could not help with this many… */
  noAnswer: number;
  /** …and this many got an article and a "No" to "Did this answer your question?". */
  notHelpful: number;
  /** Up to `examples` distinct wordings (redacted), the most often asked first. */
  examples: string[];
  /** The articles offered, the most often first. */
  articles: OfferedArticle[];
  lastAsked: string;
}

export interface KnowledgeReportData {
  days: number;
  from: string;
  to: string;
  /** Questions in the window. */
  total: number;
  /** Biggest first. */
  groups: QuestionGroup[];
}

export const DEFAULT_REPORT_DAYS = 30;
export const MAX_REPORT_DAYS = 3650;
const DAY_MS = 86_400_000;
/** The redaction's placeholders ("[email]", "[phone]") say nothing about what was asked. */
const PLACEHOLDER = /\[(?:email|phone|postcode|address|name|number)\]/g;

/**
 * The knowledge report: what residents asked that the assistant could not answer, or answered
 * unhelpfully, in the last `days` days, grouped by similar wording, biggest groups first. For
 * content designers (`npm run kb:report`, and the console for staff with the content role).
 */
export class KnowledgeReport {
  constructor(
    private readonly source: UnansweredSource,
    private readonly grouper: QuestionGrouper,
    /** An article's title by id (undefined when there is no such article). */
    private readonly title: (articleId: string) => string | undefined,
    private readonly now: () => Date = () => new Date(),
    private readonly examples = 3,
  ) {}

  async build(days = DEFAULT_REPORT_DAYS): Promise<KnowledgeReportData> {
    const to = this.now();
    const from = new Date(to.getTime() - days * DAY_MS);
    const questions = await this.source.since(from);
    const groups = this.grouper
      .group(questions, (q) => q.question.replace(PLACEHOLDER, ' '))
      .map((g) => this.summarise(g.members))
      .sort((a, b) => b.count - a.count || (a.lastAsked < b.lastAsked ? 1 : a.lastAsked > b.lastAsked ? -1 : 0));
    return { days, from: from.toISOString(), to: to.toISOString(), total: questions.length, groups };
  }

  private summarise(members: UnansweredQuestion[]): QuestionGroup {
    const wordings = new Map<string, { text: string; count: number }>();
    const articles = new Map<string, number>();
    let notHelpful = 0;
    let lastAsked = '';
    for (const q of members) {
      const key = q.question.toLowerCase();
      const w = wordings.get(key) ?? { text: q.question, count: 0 };
      w.count++;
      wordings.set(key, w);
      if (q.outcome === 'not_helpful') notHelpful++;
      if (q.articleId) articles.set(q.articleId, (articles.get(q.articleId) ?? 0) + 1);
      if (q.createdAt > lastAsked) lastAsked = q.createdAt;
    }
    return {
      count: members.length,
      noAnswer: members.length - notHelpful,
      notHelpful,
      examples: [...wordings.values()]
        .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
        .slice(0, this.examples)
        .map((w) => w.text),
      articles: [...articles.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([id, count]) => ({ id, title: this.title(id) ?? null, count })),
      lastAsked,
    };
  }
}
