import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postExpectReplies, startChannel, startTestApp, texts, type RunningApp } from '../support/http';

describe('the HTTP server', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => running?.app.close());

  it('reports health with the database engine and version', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite', version: 'test' });
  });

  it('serves a page at /', async () => {
    const res = await fetch(`${running.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<html lang="en-GB"');
  });

  it('answers a message with expectReplies in the HTTP response', async () => {
    const { status, replies } = await postExpectReplies(running.url, messageActivity('hello', 'conv-http-1'));
    expect(status).toBe(200);
    expect(texts(replies)).toMatch(/What can I help you with/);
  });

  it('sends replies to the serviceUrl when there is no expectReplies', async () => {
    const channel = await startChannel();
    try {
      const activity = messageActivity('help', 'conv-http-2', { serviceUrl: channel.url, deliveryMode: undefined });
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBeLessThan(300);
      expect(channel.received.map((a) => a.text ?? '').join('\n')).toMatch(/talk to a person/i);
    } finally {
      await channel.close();
    }
  });

  it('sends each conversation’s replies to its own serviceUrl (connector clients are reused per URL)', async () => {
    const channels = [await startChannel(), await startChannel()];
    try {
      for (const round of [1, 2]) {
        for (const [i, channel] of channels.entries()) {
          const activity = messageActivity('help', `conv-http-urls-${round}-${i}`, { serviceUrl: channel.url, deliveryMode: undefined, timestamp: new Date() });
          const res = await fetch(`${running.url}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(activity),
          });
          expect(res.status).toBeLessThan(300);
        }
      }
      for (const [i, channel] of channels.entries()) {
        const conversations = new Set(channel.received.map((a) => a.conversation?.id));
        expect([...conversations].sort()).toEqual([`conv-http-urls-1-${i}`, `conv-http-urls-2-${i}`]);
      }
    } finally {
      for (const channel of channels) await channel.close();
    }
  });

  it('welcomes a resident who joins', async () => {
    const { replies } = await postExpectReplies(running.url, {
      ...messageActivity('', 'conv-http-3'),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'resident-1', name: 'Resident' }],
    });
    expect(texts(replies)).toMatch(/privacy/);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(res.status).toBe(400);
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['an object without a type', '{"text":"hi"}'],
    ['null', 'null'],
  ])('refuses %s with 400', async (_name, body) => {
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(400);
  });

  it.each([
    ['text that is a number', { text: 12345 }, /"text"/],
    ['no conversation', { conversation: undefined }, /"conversation"/],
    ['membersAdded that is not a list', { type: 'conversationUpdate', membersAdded: 'x' }, /"membersAdded"/],
  ])('refuses an activity with %s with 400 and the reason', async (_name, change, reason) => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...messageActivity('hi', 'conv-http-bad'), ...change }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(reason);
  });

  it('answers a card submit (a value, no words) that nothing takes, and asks the question in progress again', async () => {
    const alone = await postExpectReplies(running.url, { ...messageActivity('', 'conv-http-value-1'), text: undefined, value: { action: 'unknown' } });
    expect(texts(alone.replies)).toMatch(/didn't get any words/);
    await postExpectReplies(running.url, messageActivity('my bin was not collected', 'conv-http-value-2'));
    const midDialog = await postExpectReplies(running.url, { ...messageActivity('', 'conv-http-value-2'), text: undefined, value: { action: 'unknown' } });
    expect(texts(midDialog.replies)).toMatch(/didn't get any words[\s\S]*postcode/);
  });

  it('refuses a form instead of a JSON activity with 400', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=hi',
    });
    expect(res.status).toBe(400);
  });

  it('acknowledges unknown activity types and typing without an error', async () => {
    for (const type of ['somethingNew', 'typing', 'messageReaction', 'endOfConversation']) {
      const res = await postExpectReplies(running.url, { ...messageActivity('', 'conv-http-4'), type, text: undefined });
      expect(res.status, type).toBeLessThan(300);
      expect(texts(res.replies)).not.toMatch(/went wrong/);
    }
  });

  it('reads a 10,000-character message without crashing and says it read only part', async () => {
    const { status, replies } = await postExpectReplies(running.url, messageActivity('pothole '.repeat(1250), 'conv-http-5'));
    expect(status).toBe(200);
    expect(texts(replies)).toMatch(/only read the first/);
  });

  it('keeps working after bad input', async () => {
    await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{{{{' });
    const { replies } = await postExpectReplies(running.url, messageActivity('thanks', 'conv-http-6'));
    expect(texts(replies)).toMatch(/welcome/i);
  });
});

describe('the HTTP server with a Microsoft App ID', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
  });
  afterAll(async () => running?.app.close());

  it('refuses unauthenticated requests with 401', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(messageActivity('hello', 'conv-auth')),
    });
    expect(res.status).toBe(401);
  });
});
