import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

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

export function loadConversation(file: string): ScriptedConversation {
  return conversationSchema.parse(parse(fs.readFileSync(file, 'utf8')));
}

export { choicesOf, ConversationDriver, replyText } from '../../scripts/lib/conversations/conversationDriver';
