import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../bot/assistant';
import type { FeedbackRecorder } from '../../knowledge/feedbackStore';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';
import { ROOT, testAssistant } from '../support/assistant';
import { TestConversation } from '../support/testConversation';

/**
 * Issue 20: a council's own buttons.yaml and vocabulary.yaml, in its messages folder, are what the
 * assistant offers and understands at runtime. Here the council calls the "Did this answer your
 * question?" Yes button "Spot on" and also takes "cracking" as a yes. Every check is made against
 * the project's own words as well, where it must not hold: were the council's files ignored, the
 * council's assistant would behave as the project's does and the test would fail.
 */
const OWN_TITLE = 'Spot on';
const OWN_YES = 'cracking';

/** Keeps feedback in memory, as the feedback table would (article id and yes/no only). */
class RecordedFeedback implements FeedbackRecorder {
  readonly rows: Array<{ articleId: string; helpful: boolean }> = [];
  record(articleId: string, helpful: boolean): Promise<void> {
    this.rows.push({ articleId, helpful });
    return Promise.resolve();
  }
}

/** A copy of the project's messages folder with one file's text changed. */
function changed(dir: string, file: string, change: (text: string) => string): void {
  const target = path.join(dir, 'en-GB', file);
  const before = fs.readFileSync(target, 'utf8');
  const after = change(before);
  expect(after, file).not.toBe(before);
  fs.writeFileSync(target, after);
}

let messagesDir: string;
/** The council's assistant (its own messages folder) and one with the project's own words. */
const councils = new Map<'own' | 'shipped', { assistant: Assistant; feedback: RecordedFeedback }>();

beforeAll(() => {
  messagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-council-words-'));
  fs.cpSync(path.join(ROOT, 'knowledge', 'messages'), messagesDir, { recursive: true });
  changed(messagesDir, 'buttons.yaml', (text) => text.replace(/^it_helped: .*$/m, `it_helped: ${OWN_TITLE}`));
  changed(messagesDir, 'vocabulary.yaml', (text) => text.replace(/^(article_helped:\n {2}phrases: \[)/m, `$1${OWN_YES}, `));
  for (const which of ['own', 'shipped'] as const) {
    const feedback = new RecordedFeedback();
    const assistant = testAssistant(new MemoryStorage(), { feedback, ...(which === 'own' ? { messagesDir } : {}) });
    councils.set(which, { assistant, feedback });
  }
}, 120_000);

let conversations = 0;

/** Asks how to pay council tax in a new conversation (the article and "Did this answer your question?"), then answers with `answer`. */
async function askThenAnswer(
  which: 'own' | 'shipped',
  answer: string,
): Promise<{ offered: string[]; feedback: Array<{ articleId: string; helpful: boolean }>; reply: string[] }> {
  const { assistant, feedback } = councils.get(which)!;
  const conversation = new TestConversation(async (context) => assistant.bot.run(context), { id: `council-words-${++conversations}`, traces: true });
  const messages = async (text: string): Promise<Partial<Activity>[]> => (await conversation.say(text)).filter((a) => a.type === ActivityTypes.Message);
  const asked = (await messages('how do I pay my council tax')).at(-1);
  expect(asked?.text).toBe('Did this answer your question?');
  const before = feedback.rows.length;
  const reply = await messages(answer);
  return {
    offered: asked?.suggestedActions?.actions.map((a) => String(a.title)) ?? [],
    feedback: feedback.rows.slice(before),
    reply: reply.map((a) => a.text ?? ''),
  };
}

describe("a council's own buttons.yaml and vocabulary.yaml", () => {
  it('are content npm run validate accepts', () => {
    expect(validateAll({ ...DEFAULT_PATHS, messagesDir }).filter((p) => p.severity === 'error' && p.file.startsWith(messagesDir))).toEqual([]);
  });

  it("offer the council's button title, and take it when pressed (the project's words do neither)", async () => {
    const own = await askThenAnswer('own', OWN_TITLE);
    expect(own.offered).toEqual([OWN_TITLE, 'No']);
    expect(own.feedback).toEqual([{ articleId: 'council-tax-pay', helpful: true }]);
    expect(own.reply[0]).toMatch(/^Thanks for letting us know/);

    const shipped = await askThenAnswer('shipped', OWN_TITLE);
    expect(shipped.offered).toEqual(['Yes', 'No']);
    expect(shipped.feedback).toEqual([]);
  });

  it("take the council's own yes word as a yes (the project's words do not)", async () => {
    const own = await askThenAnswer('own', OWN_YES);
    expect(own.feedback).toEqual([{ articleId: 'council-tax-pay', helpful: true }]);
    expect(own.reply[0]).toMatch(/^Thanks for letting us know/);

    const shipped = await askThenAnswer('shipped', OWN_YES);
    expect(shipped.feedback).toEqual([]);
    expect(shipped.reply[0]).not.toMatch(/^Thanks for letting us know/);
  });

  it('still understand the words the council kept ("Yes" typed is still a yes)', async () => {
    expect((await askThenAnswer('own', 'yes')).feedback).toEqual([{ articleId: 'council-tax-pay', helpful: true }]);
  });
});
