import type { Activity, TestFlow } from 'botbuilder';

/** What a reply is checked against: its text (and that it is a message), or a function that checks it. */
export type ExpectedReply = string | ((reply: Partial<Activity>) => void);

/**
 * A scripted exchange with the bot, step by step: `send` a resident's message, `assertReply` the
 * next reply not yet read (waiting a little for it), and `await` the whole. The SDK's TestFlow
 * does the work (botbuilder's, today); the tests see only this, so a move to another SDK changes
 * this file, not theirs.
 */
export class ReplyFlow implements PromiseLike<void> {
  constructor(private readonly flow: TestFlow) {}

  send(activity: string | Partial<Activity>): ReplyFlow {
    return new ReplyFlow(this.flow.send(activity));
  }

  assertReply(expected: ExpectedReply): ReplyFlow {
    return new ReplyFlow(this.flow.assertReply(expected));
  }

  then<Fulfilled = void, Rejected = never>(
    onFulfilled?: ((value: void) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.flow.startTest().then(onFulfilled, onRejected);
  }
}
