import { TestAdapter, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { ReplyFlow } from './replyFlow';

/** What runs a turn: the bot (`(context) => bot.run(context)`) or a test's own logic. */
export type TurnLogic = (context: TurnContext) => Promise<unknown>;

export interface TestConversationOptions {
  /** The conversation's id. Without one, every such conversation has the SDK test adapter's default id (and so shares saved state). */
  id?: string;
  /** Queue the bot's trace activities (council.route and the like) with its replies, as the Emulator sees them; without, as a channel sees them. */
  traces?: boolean;
}

/**
 * One conversation with a bot in process, turn by turn, with no channel or HTTP: the SDK's test
 * adapter underneath (botbuilder's TestAdapter, today). Tests reach that adapter only through
 * here, so a move to another SDK changes tests/support/, not the tests (docs/agents-sdk.md).
 */
export class TestConversation {
  /** Every activity the bot sent in this conversation, traces included, in order. */
  readonly sent: Partial<Activity>[] = [];
  private readonly adapter: TestAdapter;

  constructor(logic: TurnLogic, options: TestConversationOptions = {}) {
    this.adapter = new TestAdapter(
      async (context) => {
        context.onSendActivities(async (_context, activities, next) => {
          this.sent.push(...activities);
          return next();
        });
        await logic(context);
      },
      undefined,
      options.traces ?? false,
    );
    if (options.id !== undefined) {
      const reference = this.adapter.conversation;
      this.adapter.conversation = { ...reference, conversation: { ...reference.conversation, id: options.id } };
    }
  }

  /** Adds middleware that runs before the turn's logic, as an adapter's middleware does. */
  use(...middleware: Middleware[]): this {
    this.adapter.use(...middleware);
    return this;
  }

  /** Starts a scripted exchange: the bot's replies wait in order until `assertReply` reads them. */
  send(activity: string | Partial<Activity>): ReplyFlow {
    return new ReplyFlow(this.adapter.send(activity));
  }

  /** Runs one turn and returns what it sent (traces too, when kept), taking it off the replies waiting to be read. */
  async say(activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const before = this.adapter.activeQueue.length;
    await this.adapter.receiveActivity(activity);
    return this.adapter.activeQueue.splice(before);
  }
}
