import type { Vocabulary } from '../knowledge/vocabulary';
import { isContextQuestion } from './followUp';
import type { Route } from './router';

/** A message whose best article is this far ahead of the next (on either scale) names a topic of its own. */
const OWN_TOPIC_LEAD = 0.3;

/** What this needs of the router. */
export interface LeadRetrieval {
  articleLead(text: string): number;
  rankLead(text: string): number;
}

/** What the conversation remembers that this reads. */
export interface FiledRequestMemory {
  /** The article last answered: a question after it is about that article (FollowUpTopic). */
  topic?: string;
  /** The request or case check last started. */
  lastIntent?: string;
  /** The request last filed in this chat. */
  filedIntent?: string;
}

/**
 * A question right after a request was filed (or checked on) that names no topic of its own: "how long will it take to
 * fix?" after a pothole report, "what if it's not fixed by next week?" after a case check, "is it safe for the kids to play
 * near it?" after fly-tipping. Read alone, its few words match pages that happen to share them (council home repairs,
 * street cleaning, trading standards); it is about the report, so the report's own notice answers it (what happens next,
 * how soon, what to do meanwhile) with a person on offer (issue 16: follow-ups in context).
 */
export class FiledRequestFollowUp {
  constructor(
    private readonly router: LeadRetrieval,
    /** The vocabulary: how a question opens (see isContextQuestion). */
    private readonly vocabulary: Vocabulary,
    /** The case check's intent: a question after it is about the report it checked. */
    private readonly caseCheck: string,
  ) {}

  /** The filed request the message asks about, or undefined. `route` is what the message was routed to. */
  requestAsked(text: string, route: Route, memory: FiledRequestMemory): string | undefined {
    const { topic, lastIntent, filedIntent } = memory;
    // An article answered since is the topic; a request started since is another matter. A case check of a report made
    // elsewhere ("what I can do if nobody is come?" after it) is about that report: the case check stands for it.
    const about = lastIntent === this.caseCheck && !filedIntent ? this.caseCheck : filedIntent;
    if (topic || !about || (lastIntent !== about && lastIntent !== this.caseCheck)) return undefined;
    if (!isContextQuestion(text, this.vocabulary) || !this.unsure(route)) return undefined;
    // "how do I pay my council tax?" names its own topic.
    if (this.router.articleLead(text) >= OWN_TOPIC_LEAD || this.router.rankLead(text) >= OWN_TOPIC_LEAD) return undefined;
    return about;
  }

  /** Nothing answered it clearly: no route, a "Did you mean…?", or an article that is not exactly what was asked. */
  private unsure(route: Route): boolean {
    return route.kind === 'none' || route.kind === 'clarify' || (route.kind === 'kb' && route.score < 1);
  }
}
