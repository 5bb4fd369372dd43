import fs from 'node:fs';
import { ActivityTypes, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ActivityHandler } from 'botbuilder';

/**
 * Scripted conversations as data (tests/conversations/*.yaml):
 *   name: …
 *   steps:
 *     - join: true                       # the resident opens the chat (conversationUpdate)
 *     - user: "my bin wasn't collected"  # the resident says…
 *       bot:
 *         contains: "missed bin"         # a reply contains this (case-insensitive); a list means all of them
 *         notContains: "…"               # no reply contains this
 *         choices: ["Talk to a person"]  # these suggested actions are offered
 *         route: report_missed_bin       # the route taken (intent, kb:<id>, none, safeguarding)
 *         dialog: clarifyDialog          # innermost active dialog after the turn, "none", or "any" (some dialog waits)
 */
const expectation = z.object({
  contains: z.union([z.string(), z.array(z.string())]).optional(),
  notContains: z.union([z.string(), z.array(z.string())]).optional(),
  choices: z.array(z.string()).optional(),
  route: z.string().optional(),
  dialog: z.string().optional(),
});
const step = z.object({ join: z.boolean().optional(), user: z.string().optional(), attachment: z.boolean().optional(), bot: expectation.optional() });
export const conversationSchema = z.object({ name: z.string(), steps: z.array(step).min(1) });
export type ScriptedConversation = z.infer<typeof conversationSchema>;
export type Step = z.infer<typeof step>;

export function loadConversation(file: string): ScriptedConversation {
  return conversationSchema.parse(parse(fs.readFileSync(file, 'utf8')));
}

export interface TurnOutcome {
  replies: Partial<Activity>[];
  route?: string;
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

/** Drives one conversation through the whole bot, turn by turn, like a channel would. */
export class ConversationDriver {
  readonly adapter: TestAdapter;
  private lastRoute?: string;

  constructor(
    private readonly bot: ActivityHandler,
    private readonly storage: Storage,
    conversationId = `conv-${Math.random().toString(36).slice(2)}`,
  ) {
    this.adapter = new TestAdapter(async (context) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) if (a.type === ActivityTypes.Trace && a.name === 'council.route') this.lastRoute = (a.value as { label: string }).label;
        return next();
      });
      await this.bot.run(context);
    });
    this.adapter.conversation.conversation.id = conversationId;
  }

  async send(activity: Partial<Activity>): Promise<TurnOutcome> {
    this.lastRoute = undefined;
    await this.adapter.receiveActivity(activity);
    const replies = (this.adapter.activeQueue.splice(0) as Partial<Activity>[]).filter((a) => a.type !== ActivityTypes.Trace);
    const ref = this.adapter.conversation;
    return { replies, route: this.lastRoute, dialogs: await activeDialogs(this.storage, ref.channelId!, ref.conversation!.id) };
  }

  say(text: string): Promise<TurnOutcome> {
    return this.send({ type: ActivityTypes.Message, text, locale: 'en-GB' });
  }

  join(): Promise<TurnOutcome> {
    const ref = this.adapter.conversation;
    return this.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [ref.user!, ref.bot!] });
  }
}

export function replyText(outcome: TurnOutcome): string {
  return outcome.replies.map((r) => r.text ?? '').join('\n');
}

export function choicesOf(outcome: TurnOutcome): string[] {
  return outcome.replies.flatMap((r) => r.suggestedActions?.actions.map((a) => String(a.title ?? a.value)) ?? []);
}
