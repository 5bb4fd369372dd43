import type { Vocabulary } from '../knowledge/vocabulary';
import { isShortQuestion } from './followUp';
import type { Route } from './router';

/** An answer below this confidence is a weak match. */
const WEAK_MATCH = 0.7;
/** A message whose best article is this far ahead of the next names a topic of its own. */
const OWN_TOPIC_LEAD = 0.3;

/** What this needs of the router. */
export interface TopicRetrieval {
  articleLead(text: string): number;
  rankLead(text: string): number;
  bestInContext(text: string, topicWords: string): string | undefined;
  articleInContext(text: string, topicWords: string): Route | undefined;
}

/**
 * A short question right after an answer that nothing answers, or that another article matches only weakly and not clearly
 * ("Will my name be made public?" after the planning consultations: street naming shares "name"; "Does my name go on the
 * website?": a "Did you mean…?" of unrelated pages), which read with the topic's title is clearly
 * the topic's own article: a follow-up about the topic. Retrieval within the topic first, then everywhere (issue 16).
 */
export class FollowUpTopic {
  constructor(
    private readonly router: TopicRetrieval,
    private readonly titleOf: (articleId: string) => string | undefined,
    /** The vocabulary: how a follow-up question opens (see isShortQuestion). */
    private readonly vocabulary: Vocabulary,
  ) {}

  /** Whether the message, routed to `route`, is about `topic` instead. */
  leansOnTopic(text: string, topic: string | undefined, route: Route): boolean {
    // Unanswered ("Did you mean…?", or nothing), or answered weakly from another article.
    const weak = route.kind === 'none' || route.kind === 'clarify' || (route.kind === 'kb' && route.articleId !== topic && route.score < WEAK_MATCH);
    if (!topic || !weak) return false;
    const title = this.titleOf(topic);
    // "is there anywhere that can help me with debts" after council tax arrears names its own topic: well ahead on either scale.
    if (!title || !isShortQuestion(text, this.vocabulary)) return false;
    if (this.router.articleLead(text) >= OWN_TOPIC_LEAD || this.router.rankLead(text) >= OWN_TOPIC_LEAD) return false;
    // "what's the transfer thing then?" after the housing register: a neighbouring article its own words reach answers it.
    const neighbour = this.router.articleInContext(text, title);
    if (neighbour?.kind === 'kb' && neighbour.articleId !== topic) return false;
    return this.router.bestInContext(text, title) === topic;
  }
}
