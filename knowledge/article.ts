export type ArticleStatus = 'draft' | 'published';

/** One knowledge article: a Markdown file in knowledge/articles/ with YAML front matter (see knowledge/README.md). */
export interface Article {
  id: string;
  title: string;
  /** Alternative phrasings residents use. */
  questions: string[];
  /**
   * Questions this article must not answer (`notFor:`), typically a neighbouring article's kind: a message closer to one
   * of these than to the article's own title and questions is not answered with it straight away (knowledge/knowledgeBase.ts).
   */
  notFor?: string[];
  /** Local Government Service List code, when there is one. */
  lgsl?: number;
  /** The council page the answer comes from. */
  url: string;
  /** YYYY-MM-DD. */
  lastReviewed: string;
  /** The team that keeps it correct. */
  owner: string;
  tags: string[];
  /**
   * The request this answer offers to start (an intent name such as `book_bulky_waste`): a button
   * under the answer, and "ok, book it then" right after it starts that request.
   */
  request?: string;
  /** A draft (for example from `npm run kb:import`) is checked but never answered from until a content designer publishes it. */
  status: ArticleStatus;
  /** The answer, Markdown. */
  body: string;
  /** Where it was read from. */
  file: string;
}
