import { Intents } from '../intents/catalogue';
import type { Vocabulary } from '../knowledge/vocabulary';
import { isContextQuestion } from './followUp';
import type { Route } from './router';

/** A message whose best article is this far ahead of the next (on either scale) names a topic of its own. */
const OWN_TOPIC_LEAD = 0.3;

/** What this needs of the router. */
export interface RequestTopicRetrieval {
  articleLead(text: string): number;
  rankLead(text: string): number;
  bestInContext(text: string, topicWords: string): string | undefined;
}

/**
 * A question asked in the middle of a request that names no topic of its own ("how much does it cost?", "is it free or
 * must I pay?", "wait how much will this cost me?" while booking a bulky collection): it is about the request, so it is
 * answered from the request's own article (knowledge/service-requests.yaml `article`), then the request carries on
 * (issue 16: "price/availability questions inside a booking are answered from the knowledge base and the booking resumes").
 * Read alone, such a question matches many articles alike (allotments, taxi licences, childcare: all have a price), or
 * looks like asking for help; read with the article's title, the request's article stands out.
 */
export class RequestTopicQuestion {
  constructor(
    private readonly router: RequestTopicRetrieval,
    private readonly titleOf: (articleId: string) => string | undefined,
    /** The vocabulary: how a question opens (see isContextQuestion). */
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * The request's article when the message, which the interruption check read as `route` (undefined: the dialog's
   * answer), is a question about the request; undefined otherwise (the message goes where it went).
   */
  articleFor(text: string, article: string | undefined, route: Route | undefined): string | undefined {
    if (!article || !isContextQuestion(text, this.vocabulary)) return undefined;
    const title = this.titleOf(article);
    if (!title || !this.namesNothingElse(route, article)) return undefined;
    // "how do I pay my council tax?" names its own topic: one article well ahead of the rest.
    if (this.router.articleLead(text) >= OWN_TOPIC_LEAD || this.router.rankLead(text) >= OWN_TOPIC_LEAD) return undefined;
    return this.router.bestInContext(text, title) === article ? article : undefined;
  }

  /** Nothing clear took the message: no route, a guess at help (not the word "help" itself), or another article. */
  private namesNothingElse(route: Route | undefined, article: string): boolean {
    if (!route) return true;
    if (route.kind === 'kb') return route.articleId !== article;
    return route.kind === 'intent' && route.intent === Intents.help && route.score < 1;
  }
}
