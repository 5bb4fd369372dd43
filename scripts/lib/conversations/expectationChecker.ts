import type { Expectation } from './conversationFile';
import type { RequestCatalogue } from './requestCatalogue';
import type { TurnObservation } from './turnObservation';

export interface CheckerDeps {
  requests: RequestCatalogue;
  /** An article's title by id (knowledge base), for `offers`. */
  articleTitle(id: string): string | undefined;
  /** The assistant's own "can't help" / "didn't understand" replies, word for word (dialogs/responses.ts). */
  fallbackTexts: string[];
  /** Labels of the button that offers a person (buttons.yaml `talk_to_person`). */
  personLabels: string[];
  /** Intents and dialog ids that mean "handing over to a person". */
  handoffIntent: string;
  handoffDialogId: string;
}

/** What `asks` / `notAsks` values also accept: a question about where it is comes in three kinds; contact details include the name. */
const ALSO: Record<string, string[]> = {
  location: ['location', 'postcode', 'address'],
  contact: ['contact', 'name'],
};

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const normal = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/**
 * Checks one step's `expect` against what the turn did. Each failed key comes back as one line
 * saying what was expected and what the check saw; an empty list means the step passed.
 */
export class ExpectationChecker {
  constructor(private readonly deps: CheckerDeps) {}

  check(expect: Expectation, turn: TurnObservation): string[] {
    const problems: string[] = [];
    const fail = (p: string) => problems.push(p);
    if (expect.answers !== undefined && !this.answers(turn, expect.answers)) fail(`answers ${expect.answers}: saw ${this.sawAnswer(turn)}`);
    if (expect.request !== undefined) {
      const entry = this.deps.requests.find(expect.request);
      if (!entry) fail(`request ${expect.request}: not a request name`);
      else if (!this.carriesOn(turn, entry.intent, entry.dialogIds)) fail(`request ${expect.request}: saw ${this.sawRequest(turn)}`);
    }
    if (expect.asks !== undefined) {
      const wanted = list(expect.asks).flatMap((f) => ALSO[f] ?? [f]);
      if (!turn.lastPrompt || !wanted.includes(turn.lastPrompt))
        fail(`asks ${list(expect.asks).join('|')}: saw ${turn.lastPrompt ? `a question about ${turn.lastPrompt}` : 'no question'}`);
    }
    if (expect.notAsks !== undefined) {
      const banned = list(expect.notAsks).flatMap((f) => ALSO[f] ?? [f]);
      const asked = turn.prompts.filter((p) => banned.includes(p));
      if (asked.length) fail(`notAsks ${list(expect.notAsks).join('|')}: asked about ${[...new Set(asked)].join(', ')}`);
    }
    const text = normal(turn.text);
    for (const s of list(expect.shows)) if (!text.includes(normal(s))) fail(`shows "${s}": not in the reply`);
    for (const s of list(expect.notShows)) if (text.includes(normal(s))) fail(`notShows "${s}": in the reply`);
    if (expect.sent !== undefined) {
      const sent = turn.submitted.length > 0;
      if (sent !== expect.sent) fail(expect.sent ? 'sent: nothing was submitted this turn' : `sent false: submitted ${turn.submitted.join(', ')}`);
    }
    if (expect.person !== undefined) {
      const offered = this.offersPerson(turn);
      if (offered !== expect.person)
        fail(expect.person ? `person: no offer of a person (buttons: ${this.buttons(turn)})` : 'person false: a person was offered');
    }
    if (expect.offers !== undefined) {
      const names = this.namesOf(expect.offers);
      if (!names.length) fail(`offers ${expect.offers}: not a topic id or request name`);
      else if (!turn.choices.some((c) => names.some((n) => this.matches(c.title, n) || this.matches(c.value, n))))
        fail(`offers ${expect.offers} ("${names.join('" or "')}"): buttons were ${this.buttons(turn)}`);
    }
    if (expect.helpful !== undefined) {
      const fallback = this.isFallback(turn);
      if (fallback === expect.helpful)
        fail(expect.helpful ? 'helpful: the reply is the "can\'t help" fallback' : 'helpful false: the reply was not the fallback');
    }
    return problems;
  }

  private answers(turn: TurnObservation, id: string): boolean {
    return turn.routes.some((r) => r.label === `kb:${id}`) || turn.articles.includes(id);
  }

  private sawAnswer(turn: TurnObservation): string {
    const seen = [...turn.routes.map((r) => r.label), ...turn.articles.map((a) => `article ${a}`)];
    return seen.length ? seen.join(', ') : 'no route and no article';
  }

  /**
   * The turn starts or carries on the request: routed to its intent (or started by interrupting
   * another request), its dialog waits after the turn, it was filed this turn, or its dialog was waiting and took this message (no new route,
   * no interruption) and finished.
   */
  private carriesOn(turn: TurnObservation, intent: string, dialogIds: string[]): boolean {
    if (turn.routes.some((r) => r.label === intent)) return true;
    if (turn.interruptions.some((i) => i.route === 'intent' && i.intent === intent)) return true;
    if (turn.dialogsAfter.some((d) => dialogIds.includes(d))) return true;
    if (turn.submitted.includes(intent)) return true;
    const wasWaiting = turn.dialogsBefore.some((d) => dialogIds.includes(d));
    return wasWaiting && !turn.routes.length && !turn.interruptions.length;
  }

  private sawRequest(turn: TurnObservation): string {
    const route = turn.routes.map((r) => r.label).join(', ') || 'no route';
    return `${route}; dialogs ${turn.dialogsAfter.join(' > ') || 'none'}`;
  }

  private offersPerson(turn: TurnObservation): boolean {
    const labels = this.deps.personLabels.map(normal);
    if (turn.choices.some((c) => labels.includes(normal(c.title)) || labels.includes(normal(c.value)) || /\bperson\b/i.test(c.title))) return true;
    if (turn.routes.some((r) => r.label === this.deps.handoffIntent)) return true;
    if (turn.interruptions.some((i) => i.intent === this.deps.handoffIntent)) return true;
    if (turn.withPerson) return true;
    return turn.dialogsAfter.includes(this.deps.handoffDialogId);
  }

  private namesOf(topicOrRequest: string): string[] {
    const request = this.deps.requests.find(topicOrRequest);
    if (request) return request.names;
    const title = this.deps.articleTitle(topicOrRequest);
    return title ? [title] : [];
  }

  /** A button matches a name when it is that name or contains it ("Yes, report a missed bin"). */
  private matches(button: string, name: string): boolean {
    const b = normal(button);
    return !!b && b.includes(normal(name));
  }

  private buttons(turn: TurnObservation): string {
    return turn.choices.length ? turn.choices.map((c) => `"${c.title || c.value}"`).join(', ') : 'none';
  }

  /** The "can't help" reply: routed to nothing, or one of the fallback replies word for word. */
  private isFallback(turn: TurnObservation): boolean {
    if (turn.routes.some((r) => r.kind === 'none')) return true;
    const fallbacks = this.deps.fallbackTexts.map(normal);
    return turn.replyTexts.some((t) => fallbacks.includes(normal(t)));
  }
}
