import { ActivityHandler, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../../bot/hosting/adapter';
import { createLogger } from '../../../platform/logger';

describe('a turn that fails', () => {
  it.each(['emulator', 'test', 'directline'])('answers an expectReplies post on %s with the apology and no error text', async (channelId) => {
    const adapter = createAdapter({}, createLogger('silent'), 'Sorry, something went wrong.');
    const activity = {
      type: 'message',
      text: 'hello',
      channelId,
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: 'c1' },
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
    } as Activity;
    const answer = await adapter.processBody(activity, '', () => Promise.reject(new RangeError('Maximum call stack size exceeded at secret.ts:12')));
    const body = JSON.stringify(answer.body);
    expect(answer.status).toBe(200);
    expect(body).toContain('Sorry, something went wrong.');
    expect(body).not.toMatch(/RangeError|Maximum call stack|secret\.ts/);
  });
});

describe('an invoke the bot has no handler for', () => {
  it('is answered 400 with a clear message, not 501', async () => {
    const adapter = createAdapter({}, createLogger('silent'), 'Sorry.');
    const bot = new ActivityHandler();
    const activity = {
      type: 'invoke',
      name: 'task/fetch',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: 'c1' },
      from: { id: 'u1' },
      recipient: { id: 'bot' },
    } as Activity;
    const answer = await adapter.processBody(activity, '', (context) => bot.run(context));
    expect(answer).toEqual({ status: 400, body: { error: 'This assistant does not handle that invoke.' } });
  });
});
