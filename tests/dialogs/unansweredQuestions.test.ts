import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../bot/assistant';
import type { UnansweredOutcome, UnansweredRecorder } from '../../knowledge/unansweredStore';
import { testAssistant } from '../support/assistant';
import { TestConversation } from '../support/testConversation';

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

function conversation(): TestConversation {
  return new TestConversation(async (context) => assistant.bot.run(context), { id: `unanswered-${++conversations}`, traces: true });
}

const routeOf = (replies: Partial<Activity>[]) =>
  (replies.find((a) => a.type === ActivityTypes.Trace && a.name === 'council.route')?.value as { label?: string } | undefined)?.label;

describe('questions for the knowledge report', () => {
  it('records a question the assistant cannot help with, redacted before it leaves the dialog', async () => {
    recorded.rows.length = 0;
    const chat = conversation();
    const replies = await chat.say('do you sell second hand bicycles? my email is jo.bloggs@example.com');
    expect(routeOf(replies)).toBe('none');
    expect(replies.some((r) => r.type === ActivityTypes.Message && /can't help/.test(r.text ?? ''))).toBe(true);
    expect(recorded.rows).toEqual([{ question: 'do you sell second hand bicycles? my email is [email]', outcome: 'no_answer' }]);
  });

  it('records the second miss too (when a person is offered instead)', async () => {
    recorded.rows.length = 0;
    const chat = conversation();
    await chat.say('where can I buy cheap concert tickets');
    const second = await chat.say('is the weather nice in spain');
    expect(second.some((r) => /still didn't understand/.test(r.text ?? ''))).toBe(true);
    expect(recorded.rows.map((r) => [r.question, r.outcome])).toEqual([
      ['where can I buy cheap concert tickets', 'no_answer'],
      ['is the weather nice in spain', 'no_answer'],
    ]);
  });

  it('records the question whose article got a "No", with the article; a "Yes" records nothing', async () => {
    recorded.rows.length = 0;
    const no = conversation();
    expect(routeOf(await no.say('how do I pay my council tax, call me on 07700 900123'))).toBe('kb:council-tax-pay');
    expect(recorded.rows).toEqual([]);
    await no.say('No');
    expect(recorded.rows).toEqual([{ question: 'how do I pay my council tax, call me on [phone]', outcome: 'not_helpful', articleId: 'council-tax-pay' }]);

    const yes = conversation();
    await yes.say('how do I pay my council tax');
    await yes.say('Yes');
    expect(recorded.rows).toHaveLength(1);
  });

  it('records the question when none of the "Did you mean…?" choices was it, and the first question when a chosen article gets a "No"', async () => {
    recorded.rows.length = 0;
    const chat = conversation();
    const offered = await chat.say('toilets');
    expect(offered.some((r) => /Did you mean/.test(r.text ?? ''))).toBe(true);
    expect(recorded.rows).toEqual([]);
    await chat.say('Something else');
    expect(recorded.rows).toEqual([{ question: 'toilets', outcome: 'no_answer' }]);

    recorded.rows.length = 0;
    const chosen = conversation();
    const choices = (await chosen.say('toilets')).find((r) => r.suggestedActions)?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
    expect(choices.length).toBeGreaterThan(1);
    await chosen.say(choices[0]);
    await chosen.say('No');
    expect(recorded.rows).toEqual([{ question: 'toilets', outcome: 'not_helpful', articleId: expect.any(String) }]);
  });

  it('records nothing for a message that signals risk, or one that is answered', async () => {
    recorded.rows.length = 0;
    const chat = conversation();
    expect(routeOf(await chat.say('there is smoke pouring up the stairwell and people are still upstairs'))).toBe('safeguarding');
    const other = conversation();
    await other.say('report a broken street light');
    expect(recorded.rows).toEqual([]);
  });
});
