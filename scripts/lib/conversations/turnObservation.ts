import type { Activity } from 'botbuilder';
import type { TurnOutcome } from './conversationDriver';

/** Everything the checks read from one turn, gathered once from what the app sent. */
export class TurnObservation {
  /** All replies' text joined (card text included), as the resident reads it. */
  readonly text: string;
  /** Each reply's own text, to compare with whole canned replies. */
  readonly replyTexts: string[];
  /** Suggested actions (and card buttons): title and value of each. */
  readonly choices: { title: string; value: string }[];
  /** `council.route` traces: the label and kind of each routing decision this turn. */
  readonly routes: { label: string; kind: string }[];
  /** `council.knowledge` traces: articles answered this turn. */
  readonly articles: string[];
  /** `council.prompt` traces: what each question asked this turn was about, in order. */
  readonly prompts: string[];
  /** `council.request.submitted` traces: the intents of requests filed this turn. */
  readonly submitted: string[];
  /** `council.interruption` traces: routes and intents that interrupted a dialog. */
  readonly interruptions: { route?: string; intent?: string }[];
  /** Dialogs waiting after the turn, outermost first. */
  readonly dialogsAfter: string[];
  /** `council.handoff` traces: the message went to the contact centre (the resident is queued for or talking to a person). */
  readonly withPerson: boolean;

  constructor(
    outcome: TurnOutcome,
    /** Dialogs waiting before the turn, outermost first. */
    readonly dialogsBefore: string[],
  ) {
    this.dialogsAfter = outcome.dialogs;
    // What residents read: messages (an event such as handoff.initiate carries data for the contact centre, not for them).
    const messages = outcome.replies.filter((r) => r.type === 'message');
    this.replyTexts = messages.map((r) => [r.text ?? '', ...cardTexts(r)].filter(Boolean).join('\n'));
    this.text = this.replyTexts.filter(Boolean).join('\n');
    this.choices = messages.flatMap((r) => [
      ...(r.suggestedActions?.actions ?? []).map((a) => ({ title: String(a.title ?? ''), value: String(a.value ?? '') })),
      ...cardActions(r),
    ]);
    const traces = (name: string) => outcome.traces.filter((t) => t.name === name).map((t) => (t.value ?? {}) as Record<string, unknown>);
    this.routes = traces('council.route').map((v) => ({ label: String(v.label ?? ''), kind: String(v.kind ?? '') }));
    this.articles = traces('council.knowledge').map((v) => String(v.articleId ?? ''));
    this.prompts = traces('council.prompt').map((v) => String(v.field ?? ''));
    this.submitted = traces('council.request.submitted').map((v) => String(v.intent ?? ''));
    this.withPerson = traces('council.handoff').length > 0;
    this.interruptions = traces('council.interruption').map((v) => ({ route: v.route as string | undefined, intent: v.intent as string | undefined }));
  }

  /** The question left open at the end of the turn, if the turn asked one. */
  get lastPrompt(): string | undefined {
    return this.prompts.at(-1);
  }
}

/** Text blocks of Adaptive Cards and the titles/texts of hero cards. */
function cardTexts(reply: Partial<Activity>): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'subtitle') && typeof v === 'string') out.push(v);
        else if (k !== 'actions' && k !== 'buttons') walk(v);
      }
    }
  };
  for (const a of reply.attachments ?? []) walk(a.content);
  return out;
}

function cardActions(reply: Partial<Activity>): { title: string; value: string }[] {
  const out: { title: string; value: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'actions' || k === 'buttons') && Array.isArray(v)) {
          for (const b of v as Record<string, unknown>[])
            out.push({ title: String(b.title ?? ''), value: typeof b.value === 'string' ? b.value : typeof b.data === 'string' ? b.data : '' });
        } else walk(v);
      }
    }
  };
  for (const a of reply.attachments ?? []) walk(a.content);
  return out;
}
