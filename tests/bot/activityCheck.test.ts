import { describe, expect, it } from 'vitest';
import { activityProblem } from '../../bot/activityCheck';
import { cleanText } from '../../bot/councilBot';

const good = {
  type: 'message',
  text: 'hello',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  conversation: { id: 'c1' },
  from: { id: 'u1' },
  recipient: { id: 'bot' },
};

describe('activityProblem', () => {
  it('accepts activities the Bot Framework sends', () => {
    expect(activityProblem(good)).toBeUndefined();
    expect(activityProblem({ ...good, text: undefined, value: { action: 'submit' } })).toBeUndefined();
    expect(activityProblem({ ...good, text: null })).toBeUndefined();
    expect(
      activityProblem({
        type: 'conversationUpdate',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        conversation: { id: 'c1' },
        membersAdded: [{ id: 'u1' }],
      }),
    ).toBeUndefined();
    expect(activityProblem({ ...good, serviceUrl: undefined, deliveryMode: 'expectReplies' })).toBeUndefined();
    expect(activityProblem({ ...good, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }], entities: [] })).toBeUndefined();
  });

  it.each([
    ['an array', [], /JSON object/],
    ['null', null, /JSON object/],
    ['no type', { ...good, type: undefined }, /"type"/],
    ['an empty type', { ...good, type: '' }, /"type"/],
    ['no conversation', { ...good, conversation: undefined }, /"conversation"/],
    ['a conversation without an id', { ...good, conversation: {} }, /"conversation"/],
    ['a conversation id that is a number', { ...good, conversation: { id: 7 } }, /"conversation"/],
    ['a sender without an id', { ...good, from: {} }, /"from"/],
    ['text that is a number', { ...good, text: 12345 }, /"text"/],
    ['text that is an object', { ...good, text: { a: 1 } }, /"text"/],
    ['a serviceUrl that is an object', { ...good, serviceUrl: { toString: 1 } }, /"serviceUrl"/],
    ['a channelId that is a number', { ...good, channelId: 5 }, /"channelId"/],
    ['a deliveryMode that is a list', { ...good, deliveryMode: ['expectReplies'] }, /"deliveryMode"/],
    ['a recipient that is a string', { ...good, recipient: 'bot' }, /"recipient"/],
    ['a recipient that is null', { ...good, recipient: null }, /"recipient"/],
    ['no serviceUrl with normal delivery (the replies would have nowhere to go)', { ...good, serviceUrl: null }, /"serviceUrl" is required/],
    ['entities that are null (botbuilder reads their length in Teams)', { ...good, entities: null }, /"entities"/],
    ['membersAdded that is not a list', { ...good, type: 'conversationUpdate', membersAdded: 'x' }, /"membersAdded"/],
    ['attachments that are not objects', { ...good, attachments: ['x'] }, /"attachments"/],
  ])('refuses %s, saying why', (_name, body, reason) => {
    expect(activityProblem(body)).toMatch(reason);
  });
});

describe('cleanText', () => {
  it('treats anything but a string as no text', () => {
    expect(cleanText(12345)).toBe('');
    expect(cleanText({ text: 'x' })).toBe('');
    expect(cleanText(undefined)).toBe('');
  });

  it('removes control and format characters, keeps right-to-left text', () => {
    expect(cleanText('\u0000 bin\u200B day \u0007')).toBe('bin day');
    expect(cleanText('مرحبا')).toBe('مرحبا');
  });
});
