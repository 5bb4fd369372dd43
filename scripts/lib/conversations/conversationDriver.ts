import { ActivityTypes, TestAdapter, type Activity, type ActivityHandler, type Storage } from 'botbuilder';

/** What one turn produced: the replies residents see, the traces they don't, and the dialogs waiting afterwards. */
export interface TurnOutcome {
  /** Messages (and other non-trace activities) the bot sent, in order. */
  replies: Partial<Activity>[];
  /** The bot's trace activities this turn (council.route, council.knowledge, council.prompt, …), in order. */
  traces: Partial<Activity>[];
  /** The last `council.route` label this turn (intent, kb:<id>, none, safeguarding), if the message was routed. */
  route?: string;
  /** Dialog ids on the stack after the turn, outermost first. */
  dialogs: string[];
}

/** Dialog ids on the stack, outermost first, read back from storage as a restart would see them. */
export async function activeDialogs(storage: Storage, channelId: string, conversationId: string): Promise<string[]> {
  const key = `${channelId}/conversations/${conversationId}/`;
  const state = (await storage.read([key]))[key] as { DialogState?: { dialogStack?: DialogInstance[] } } | undefined;
  const ids: string[] = [];
  let stack = state?.DialogState?.dialogStack;
  while (stack?.length) {
    const top = stack[stack.length - 1];
    ids.push(top.id);
    stack = top.state?.dialogs?.dialogStack;
  }
  return ids;
}
interface DialogInstance {
  id: string;
  state?: { dialogs?: { dialogStack?: DialogInstance[] } };
}

/**
 * Drives one conversation through the whole bot, turn by turn, like a channel would. Shared by
 * the scripted conversation tests and `npm run eval:conversations`.
 */
export class ConversationDriver {
  readonly adapter: TestAdapter;
  private traces: Partial<Activity>[] = [];

  constructor(
    private readonly bot: ActivityHandler,
    private readonly storage: Storage,
    conversationId = `conv-${Math.random().toString(36).slice(2)}`,
    /** The language the resident's page declares on every message (Web Chat sends the page's). */
    private readonly locale = 'en-GB',
  ) {
    this.adapter = new TestAdapter(async (context) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) if (a.type === ActivityTypes.Trace) this.traces.push(a);
        return next();
      });
      await this.bot.run(context);
    });
    this.adapter.conversation.conversation.id = conversationId;
  }

  async send(activity: Partial<Activity>): Promise<TurnOutcome> {
    this.traces = [];
    await this.adapter.receiveActivity(activity);
    const replies = this.adapter.activeQueue.splice(0).filter((a) => a.type !== ActivityTypes.Trace);
    const traces = this.traces;
    const route = traces
      .filter((t) => t.name === 'council.route')
      .map((t) => (t.value as { label: string }).label)
      .at(-1);
    const ref = this.adapter.conversation;
    return { replies, traces, route, dialogs: await activeDialogs(this.storage, ref.channelId, ref.conversation.id) };
  }

  say(text: string): Promise<TurnOutcome> {
    return this.send({ type: ActivityTypes.Message, text, locale: this.locale });
  }

  join(): Promise<TurnOutcome> {
    const ref = this.adapter.conversation;
    return this.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [ref.user!, ref.bot] });
  }
}

export function replyText(outcome: Pick<TurnOutcome, 'replies'>): string {
  // A hero card's text is read as any other reply ("I'm sorry this has been frustrating…").
  const cardText = (r: TurnOutcome['replies'][number]) =>
    (r.attachments ?? []).map((a) => (a.content as { text?: string } | undefined)?.text ?? '').filter(Boolean);
  return outcome.replies.flatMap((r) => [r.text ?? '', ...cardText(r)].filter(Boolean)).join('\n');
}

export function choicesOf(outcome: Pick<TurnOutcome, 'replies'>): string[] {
  return outcome.replies.flatMap((r) => [
    ...(r.suggestedActions?.actions.map((a) => String(a.title ?? a.value)) ?? []),
    // Buttons on hero cards ("Talk to a person" after a frustrated message, a second need).
    ...(r.attachments ?? []).flatMap((a) =>
      ((a.content as { buttons?: { title?: string; value?: unknown }[] } | undefined)?.buttons ?? []).map((b) => String(b.title ?? b.value)),
    ),
  ]);
}
