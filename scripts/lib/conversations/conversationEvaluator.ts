import path from 'node:path';
import type { ActivityHandler, Storage } from 'botbuilder';
import { ConversationDriver } from './conversationDriver';
import type { ConversationFileReader } from './conversationFileReader';
import type { ExpectationChecker } from './expectationChecker';
import { TurnObservation } from './turnObservation';

/** One conversation's result; a failure names the first step that went wrong. */
export interface ConversationResult {
  file: string;
  name: string;
  passed: boolean;
  failure?: { turn: number; said: string; expected: string; reply: string; got: string; problems: string[] };
}

const GOT_CHARS = 300;

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Runs a conversation file through the bot, a fresh conversation (and resident) each time, and
 * checks every step's expectations. It stops at the first step that fails: what follows would
 * answer a different conversation.
 */
export class ConversationEvaluator {
  private count = 0;

  constructor(
    private readonly bot: ActivityHandler,
    private readonly storage: () => Storage,
    private readonly reader: ConversationFileReader,
    private readonly checker: ExpectationChecker,
    /** Called after every turn (`--turns` prints them). */
    private readonly onTurn?: (turn: number, said: string, seen: TurnObservation) => void,
    /** The language each resident's page declares (`--locale`). */
    private readonly locale = 'en-GB',
  ) {}

  async run(file: string): Promise<ConversationResult> {
    const base = path.basename(file);
    const read = this.reader.read(file);
    if (!read.ok)
      return {
        file: base,
        name: '(unreadable)',
        passed: false,
        failure: { turn: 0, said: '', expected: 'a valid conversation file', reply: '', got: read.error, problems: [read.error] },
      };
    const { conversation } = read;
    const id = `conveval-${++this.count}-${Date.now().toString(36)}`;
    const driver = new ConversationDriver(this.bot, this.storage(), id, this.locale);
    driver.adapter.conversation.user = { id: `resident-${id}`, name: 'Resident' };
    let before: string[] = [];
    for (const [i, step] of conversation.steps.entries()) {
      let outcome;
      try {
        outcome = await driver.say(step.user);
      } catch (err) {
        // The turn threw (a channel would get the technical-problem reply): this conversation fails, the run goes on.
        const got = `the turn failed: ${shorten((err as Error).message, GOT_CHARS)}`;
        return {
          file: base,
          name: conversation.name,
          passed: false,
          failure: { turn: i + 1, said: step.user, expected: 'a reply', reply: '', got, problems: [got] },
        };
      }
      const turn = new TurnObservation(outcome, before);
      before = outcome.dialogs;
      this.onTurn?.(i + 1, step.user, turn);
      const problems = step.expect ? this.checker.check(step.expect, turn) : [];
      if (problems.length) {
        const expected = Object.entries(step.expect ?? {})
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join(', ');
        const got = `${shorten(turn.text, GOT_CHARS) || '(no reply)'} [${problems.join('; ')}]`;
        return { file: base, name: conversation.name, passed: false, failure: { turn: i + 1, said: step.user, expected, reply: turn.text, got, problems } };
      }
    }
    return { file: base, name: conversation.name, passed: true };
  }
}
