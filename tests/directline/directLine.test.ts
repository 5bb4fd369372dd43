import { TurnContext, type Activity } from 'botbuilder';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, botMessages, openConversation, post, startAssistant, type Running } from './harness';

describe('local Direct Line 3.0', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startAssistant();
  });
  afterAll(async () => run?.stop());

  it('starts a conversation with the welcome and suggested actions', async () => {
    const c = await openConversation(run.base);
    const set = await activities(run.base, c);
    const [welcome] = botMessages(set);
    expect(welcome.text).toMatch(/I'm the Anytown Council assistant/);
    expect(welcome.suggestedActions.actions.map((a: { title: string }) => a.title)).toContain('Talk to a person');
    expect(welcome.id).toBe(`${c.conversationId}|0000001`);
    expect(welcome).not.toHaveProperty('serviceUrl');
    expect(set.watermark).toBe('1');
  });

  it("echoes the resident's message with an id and its clientActivityID, then the bot's reply, in order", async () => {
    const c = await openConversation(run.base);
    const res = await post(run.base, c, { type: 'message', text: 'help', from: { id: 'spoofed', role: 'bot' }, channelData: { clientActivityID: 'client-1' } });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const set = await activities(run.base, c, '1');
    const echo = set.activities.find((a) => a.id === id)!;
    expect(echo.text).toBe('help');
    expect(echo.channelData.clientActivityID).toBe('client-1');
    expect(echo.from.role).toBe('user');
    expect(echo.from.id).toMatch(/^dl_/); // the token's user, not what the client claimed
    const types = set.activities.map((a) => `${a.from.role}:${a.type}`);
    // Typing goes to open streams only; the stored conversation is what was said.
    expect(types).toEqual(['user:message', 'bot:message']);
    expect(botMessages(set)[0].text).toMatch(/You can ask me a question in your own words/);
    // A later poll from the last watermark has nothing new.
    expect((await activities(run.base, c, set.watermark)).activities).toEqual([]);
  });

  it('refreshes a token for the same conversation', async () => {
    const c = await openConversation(run.base);
    const res = await fetch(`${run.base}/v3/directline/tokens/refresh`, { method: 'POST', headers: c.headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { conversationId: string; token: string; expires_in: number };
    expect(body.conversationId).toBe(c.conversationId);
    expect(body.expires_in).toBe(1800);
    const again = await fetch(`${run.base}/v3/directline/conversations/${c.conversationId}/activities`, { headers: { Authorization: `Bearer ${body.token}` } });
    expect(again.status).toBe(200);
  });

  it('refuses forged and expired tokens (403)', async () => {
    const c = await openConversation(run.base);
    const [payload, sig] = c.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 99999 })).toString('base64url')}.${sig}`;
    for (const token of [forged, 'not-a-token', `${payload}.${'A'.repeat(43)}`]) {
      const res = await fetch(`${run.base}/v3/directline/conversations/${c.conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
    }
    const expired = run.app.webChat.tokens.issue('conversation', c.conversationId, claims.userId, -5);
    const res = await fetch(`${run.base}/v3/directline/conversations/${c.conversationId}/activities`, { headers: { Authorization: `Bearer ${expired}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    const refresh = await fetch(`${run.base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${expired}` } });
    expect(refresh.status).toBe(403);
  });

  it("never lets one resident read or post into another's conversation (403)", async () => {
    const alice = await openConversation(run.base);
    const bob = await openConversation(run.base);
    await post(run.base, alice, { type: 'message', text: 'my address is 1 Secret Street' });
    const read = await fetch(`${run.base}/v3/directline/conversations/${alice.conversationId}/activities`, { headers: bob.headers });
    expect(read.status).toBe(403);
    expect(await read.text()).not.toContain('Secret Street');
    expect((await post(run.base, bob, { type: 'message', text: 'hello' }, alice.conversationId)).status).toBe(403);
    const resume = await fetch(`${run.base}/v3/directline/conversations/${alice.conversationId}`, { headers: bob.headers });
    expect(resume.status).toBe(403);
    // Nor open its stream with Bob's stream URL pointed at Alice's conversation.
    const bobStream = (await (await fetch(`${run.base}/v3/directline/conversations/${bob.conversationId}`, { headers: bob.headers })).json()) as {
      streamUrl: string;
    };
    const hijack = bobStream.streamUrl.replace(bob.conversationId, alice.conversationId);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(hijack);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('refuses 1 MB activities (413) and keeps the conversation working', async () => {
    const c = await openConversation(run.base);
    const res = await post(run.base, c, { type: 'message', text: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    const big = await post(run.base, c, { type: 'message', text: 'y'.repeat(100 * 1024) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/larger than 64 KB/);
    expect((await post(run.base, c, { type: 'message', text: 'help' })).status).toBe(200);
  });

  it('refuses activity types and bodies a client may not send (400)', async () => {
    const c = await openConversation(run.base);
    expect((await post(run.base, c, { type: 'conversationUpdate' })).status).toBe(400);
    expect((await post(run.base, c, { text: 'no type' })).status).toBe(400);
    expect((await post(run.base, c, { type: 'message', text: 42 })).status).toBe(400);
  });

  it('rate-limits a conversation that sends 100 messages at once, with a clear message, and leaves others alone', async () => {
    const flood = await openConversation(run.base);
    const other = await openConversation(run.base);
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => post(run.base, flood, { type: 'message', text: `thanks ${i}` })));
    const seconds = (Date.now() - started) / 1000;
    const statuses = results.map((r) => r.status);
    const accepted = statuses.filter((s) => s === 200).length;
    expect(accepted).toBeGreaterThanOrEqual(8);
    // A burst of 8, then 2 a second however long the flood took on this machine.
    expect(accepted).toBeLessThanOrEqual(8 + Math.ceil(seconds * 2) + 1);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Too many messages at once\. Please wait \d+ seconds?/);
    const ok = await post(run.base, other, { type: 'message', text: 'help' });
    expect(ok.status).toBe(200);
  });

  it('keeps markup in a message as text', async () => {
    const c = await openConversation(run.base);
    const text = '<script>alert(1)</script> **bold** <img src=x onerror=alert(2)>';
    await post(run.base, c, { type: 'message', text });
    const set = await activities(run.base, c, '1');
    expect(set.activities.find((a) => a.from.role === 'user')!.text).toBe(text);
  });

  it('delivers proactive messages (outbox, contact-centre agent) through the adapter into the stream', async () => {
    const c = await openConversation(run.base);
    await post(run.base, c, { type: 'message', text: 'hello' });
    const echo = (await activities(run.base, c)).activities.find((a) => a.from.role === 'user')!;
    const reference = TurnContext.getConversationReference({
      ...echo,
      serviceUrl: run.app.webChat.directLine!.serviceUrl,
      recipient: { id: 'council-assistant', role: 'bot' },
    } as Partial<Activity>);
    await run.app.adapter.continueConversationAsync('', reference, async (ctx) => {
      await ctx.sendActivity('Your report AT-123 has been updated.');
    });
    const set = await activities(run.base, c);
    expect(botMessages(set).map((a) => a.text)).toContain('Your report AT-123 has been updated.');
  });

  it('refuses the connector endpoints without the server key', async () => {
    const c = await openConversation(run.base);
    const res = await fetch(`${run.base}/connector/guess/v3/conversations/${c.conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'phishing' }),
    });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await activities(run.base, c))).not.toContain('phishing');
  });

  it('streams over WebSocket and survives clients that vanish mid-stream', async () => {
    const hub = run.app.webChat.hub!;
    const before = hub.size;
    const c = await openConversation(run.base);
    const { streamUrl } = (await (await fetch(`${run.base}/v3/directline/conversations/${c.conversationId}`, { headers: c.headers })).json()) as {
      streamUrl: string;
    };
    // A client that connects, gets its first message, then drops the TCP connection without closing.
    const first = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(streamUrl);
      ws.once('message', (data) => {
        resolve(String(data));
        (ws as unknown as { _socket: { destroy(): void } })._socket.destroy();
      });
      ws.on('error', reject);
    });
    expect(JSON.parse(first).activities[0].text).toMatch(/Anytown Council assistant/);
    await post(run.base, c, { type: 'message', text: 'help' });
    await expect.poll(() => hub.size, { timeout: 5000 }).toBe(before);
    // The conversation and the server carry on: a new stream picks up from the watermark.
    const { streamUrl: again } = (await (
      await fetch(`${run.base}/v3/directline/conversations/${c.conversationId}?watermark=1`, { headers: c.headers })
    ).json()) as { streamUrl: string };
    const next = await new Promise<{ activities: Array<{ text?: string; type: string }> }>((resolve, reject) => {
      const ws = new WebSocket(again);
      ws.once('message', (data) => {
        resolve(JSON.parse(String(data)));
        ws.close();
      });
      ws.on('error', reject);
    });
    expect(next.activities[0].text).toBe('help');
  });

  it('sends a quick turn as one frame, the message and the reply, with no typing indicator stored or shown', async () => {
    const c = await openConversation(run.base);
    const { streamUrl } = (await (await fetch(`${run.base}/v3/directline/conversations/${c.conversationId}?watermark=1`, { headers: c.headers })).json()) as {
      streamUrl: string;
    };
    const ws = new WebSocket(streamUrl);
    const frames: Array<{ activities: Array<{ type: string; text?: string; from: { role: string } }>; watermark?: string }> = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      await post(run.base, c, { type: 'message', text: 'help' });
      await expect
        .poll(() => frames.flatMap((f) => f.activities).filter((a) => a.type === 'message' && a.from.role === 'bot').length, { timeout: 5000 })
        .toBe(1);
      // The turn's activities are committed together (issue 23): one frame, and the typing it would have shown is moot.
      expect(frames.map((f) => f.activities.map((a) => `${a.from.role}:${a.type}`))).toEqual([['user:message', 'bot:message']]);
      expect(frames.at(-1)!.watermark).toBe('3');
      const stored = await activities(run.base, c, '1');
      expect(stored.activities.map((a) => a.type)).toEqual(['message', 'message']);
    } finally {
      ws.close();
    }
  });

  it('refuses token generation without the secret when DIRECT_LINE_SECRET is set, and accepts it with', async () => {
    const secret = 'local-direct-line-secret-123';
    const guarded = await startAssistant({ DIRECT_LINE_SECRET: secret });
    try {
      expect((await fetch(`${guarded.base}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(403);
      expect((await fetch(`${guarded.base}/v3/directline/conversations`, { method: 'POST' })).status).toBe(403);
      const wrong = await fetch(`${guarded.base}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: 'Bearer wrong-secret-wrong-secret' },
      });
      expect(wrong.status).toBe(403);
      const res = await fetch(`${guarded.base}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: 'dl_resident1' } }),
      });
      expect(res.status).toBe(200);
      const { token, conversationId } = (await res.json()) as { token: string; conversationId: string };
      const started = await fetch(`${guarded.base}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      expect(started.status).toBe(201);
      expect(((await started.json()) as { conversationId: string }).conversationId).toBe(conversationId);
      // Starting again with the same token resumes rather than starting afresh (a reload without conversationId).
      const resumed = await fetch(`${guarded.base}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      expect(resumed.status).toBe(200);
      // The page's own token endpoint still works: the secret never goes to the browser.
      const page = await fetch(`${guarded.base}/api/directline/token`, { method: 'POST' });
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain(secret);
    } finally {
      await guarded.stop();
    }
  });
});

describe('durability', () => {
  it('keeps conversations, tokens and watermarks across a restart', async () => {
    const first = await startAssistant();
    const c = await openConversation(first.base);
    await post(first.base, c, { type: 'message', text: 'help' });
    const before = await activities(first.base, c);
    await first.stop();
    const second = await startAssistant({}, first.dataDir);
    try {
      const after = await activities(second.base, c);
      expect(after.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));
      const res = await post(second.base, c, { type: 'message', text: 'thanks' });
      expect(res.status).toBe(200);
      const more = await activities(second.base, c, before.watermark);
      expect(more.activities[0].text).toBe('thanks');
      expect(botMessages(more).length).toBe(1);
    } finally {
      await second.stop();
    }
  });
});

describe('page token endpoint', () => {
  it('behind a trusted proxy, limits each resident rather than the proxy', async () => {
    const run = await startAssistant({ TRUST_PROXY: 'true' });
    try {
      const from = (ip: string) => fetch(`${run.base}/api/directline/token`, { method: 'POST', headers: { 'X-Forwarded-For': `203.0.113.9, ${ip}` } });
      const first: number[] = [];
      for (let i = 0; i < 35; i++) first.push((await from('198.51.100.1')).status);
      expect(first).toContain(429);
      // Another resident behind the same proxy (and the same spoofed first entry) is unaffected.
      expect((await from('198.51.100.2')).status).toBe(200);
      // App Service's front end adds the client's port, new for each connection: still one resident.
      const ported: number[] = [];
      for (let i = 0; i < 35; i++) ported.push((await from(`198.51.100.3:${50_000 + i}`)).status);
      expect(ported).toContain(429);
      expect((await from('[2001:db8::7]:50001')).status).toBe(200);
    } finally {
      await run.stop();
    }
  }, 30_000);

  it('gives the browser a conversation token (never a secret) and rate-limits one address', async () => {
    const run = await startAssistant({ DIRECT_LINE_SECRET: 'local-direct-line-secret-456' });
    try {
      const statuses: number[] = [];
      const started = Date.now();
      let first: Record<string, unknown> | undefined;
      for (let i = 0; i < 40; i++) {
        const res = await fetch(`${run.base}/api/directline/token`, { method: 'POST' });
        statuses.push(res.status);
        const body = (await res.json()) as Record<string, unknown>;
        first ??= body;
        if (res.status === 429) expect((body.error as { message: string }).message).toMatch(/Too many new conversations/);
      }
      expect(first).toMatchObject({ domain: `${run.base}/v3/directline`, expires_in: 1800 });
      expect(JSON.stringify(first)).not.toContain('local-direct-line-secret-456');
      const seconds = (Date.now() - started) / 1000;
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      // A burst of 30, then 30 a minute however long the loop took on this machine.
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30 + Math.ceil(seconds / 2) + 1);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    } finally {
      await run.stop();
    }
  });
});
