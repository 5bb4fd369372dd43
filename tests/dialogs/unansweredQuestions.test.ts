import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../bot/assistant';
import type { UnansweredOutcome, UnansweredRecorder } from '../../knowledge/unansweredStore';
import { testAssistant } from '../support/assistant';

/** Keeps what the dialogs hand to the knowledge report, as the store would receive it. */
class RecordedQuestions implements UnansweredRecorder {
  readonly rows: Array<{ question: string; outcome: UnansweredOutcome; articleId?: string }> = [];
  record(question: string, outcome: UnansweredOutcome, articleId?: string): Promise<void> {
    this.rows.push({ question, outcome, ...(articleId ? { articleId } : {}) });
    return Promise.resolve();
  }
}

let assistant: Assistant;
let recorded: RecordedQuestions;
let conversations = 0;

beforeAll(() => {
  recorded = new RecordedQuestions();
  assistant = testAssistant(new MemoryStorage(), { unanswered: recorded });
});

function conversation(): TestAdapter {
  const adapter = new TestAdapter(async (context) => assistant.bot.run(context), undefined, true);
  adapter.conversation = { ...adapter.conversation, conversation: { ...adapter.conversation.conversation, id: `unanswered-${++conversations}` } };
  return adapter;
}

async function say(adapter: TestAdapter, text: string): Promise<Partial<Activity>[]> {
  const before = adapter.activeQueue.length;
  await adapter.receiveActivity(text);
  return adapter.activeQueue.splice(before);
}

const routeOf = (replies: Partial<Activity>[]) => (replies.find((a) => a.type === ActivityTypes.Trace && a.name === 'council.route')?.value as { label?: string } | undefined)?.label;

describe('questions for the knowledge report', () => {
  it('records a question the assistant cannot help with, redacted before it leaves the dialog', async () => {
    recorded.rows.length = 0;
    const adapter = conversation();
    const replies = await say(adapter, 'do you sell second hand bicycles? my email is jo.bloggs@example.com');
    expect(routeOf(replies)).toBe('none');
    expect(replies.some((r) => r.type === ActivityTypes.Message && /can't help/.test(r.text ?? ''))).toBe(true);
    expect(recorded.rows).toEqual([{ question: 'do you sell second hand bicycles? my email is [email]', outcome: 'no_answer' }]);
  });

  it('records the second miss too (when a person is offered instead)', async () => {
    recorded.rows.length = 0;
    const adapter = conversation();
    await say(adapter, 'where can I buy cheap concert tickets');
    const second = await say(adapter, 'is the weather nice in spain');
    expect(second.some((r) => /still didn't understand/.test(r.text ?? ''))).toBe(true);
    expect(recorded.rows.map((r) => [r.question, r.outcome])).toEqual([
      ['where can I buy cheap concert tickets', 'no_answer'],
      ['is the weather nice in spain', 'no_answer'],
    ]);
  });

  it('records the question whose article got a "No", with the article; a "Yes" records nothing', async () => {
    recorded.rows.length = 0;
    const no = conversation();
    expect(routeOf(await say(no, 'how do I pay my council tax, call me on 07700 900123'))).toBe('kb:council-tax-pay');
    expect(recorded.rows).toEqual([]);
    await say(no, 'No');
    expect(recorded.rows).toEqual([{ question: 'how do I pay my council tax, call me on [phone]', outcome: 'not_helpful', articleId: 'council-tax-pay' }]);

    const yes = conversation();
    await say(yes, 'how do I pay my council tax');
    await say(yes, 'Yes');
    expect(recorded.rows).toHaveLength(1);
  });

  it('records the question when none of the "Did you mean…?" choices was it, and the first question when a chosen article gets a "No"', async () => {
    recorded.rows.length = 0;
    const adapter = conversation();
    const offered = await say(adapter, 'toilets');
    expect(offered.some((r) => /Did you mean/.test(r.text ?? ''))).toBe(true);
    expect(recorded.rows).toEqual([]);
    await say(adapter, 'Something else');
    expect(recorded.rows).toEqual([{ question: 'toilets', outcome: 'no_answer' }]);

    recorded.rows.length = 0;
    const chosen = conversation();
    const choices = (await say(chosen, 'toilets')).find((r) => r.suggestedActions)?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
    expect(choices.length).toBeGreaterThan(1);
    await say(chosen, choices[0]);
    await say(chosen, 'No');
    expect(recorded.rows).toEqual([{ question: 'toilets', outcome: 'not_helpful', articleId: expect.any(String) }]);
  });

  it('records nothing for a message that signals risk, or one that is answered', async () => {
    recorded.rows.length = 0;
    const adapter = conversation();
    expect(routeOf(await say(adapter, 'there is smoke pouring up the stairwell and people are still upstairs'))).toBe('safeguarding');
    const other = conversation();
    await say(other, 'report a broken street light');
    expect(recorded.rows).toEqual([]);
  });
});
