import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, newConversationId, PASSWORD, postSignIn, residentSays, signIn, startApp, type Harness } from './support/harness';
import type { Json } from './support/harness';

async function queueOne(h: Harness): Promise<{ conv: string; id: string }> {
  const conv = newConversationId();
  await residentSays(h.url, h.channel.url, conv, 'Talk to a person');
  const handoff = await eventually(() => h.app.handoff.store.openFor(conv));
  return { conv, id: handoff.id };
}

describe('agent console API: auth, CSRF, accept race, transfer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    for (const [u, n] of [
      ['sam', 'Sam'],
      ['alex', 'Alex'],
      ['lee', 'Lee'],
      ['kim', 'Kim'],
    ])
      await h.app.handoff.staff.addAccount(u, n, PASSWORD);
  });
  afterAll(async () => h?.close());

  it('refuses every /agent/api/ route without a staff session (401), and the console page redirects to sign-in', async () => {
    for (const [method, route] of [
      ['GET', '/agent/api/me'],
      ['GET', '/agent/api/queue'],
      ['GET', '/agent/api/canned'],
      ['GET', '/agent/api/deliveries'],
      ['GET', '/agent/api/conversations/x'],
      ['POST', '/agent/api/conversations/x/accept'],
      ['POST', '/agent/api/conversations/x/messages'],
      ['POST', '/agent/api/conversations/x/transfer'],
      ['POST', '/agent/api/conversations/x/end'],
      ['POST', '/agent/api/cases'],
      ['POST', '/agent/api/callbacks/x/done'],
      ['POST', '/agent/api/sign-out'],
      ['GET', '/agent/api/anything-else'],
    ]) {
      const res = await fetch(`${h.url}${route}`, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: 'ca_staff=forged' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(res.status, `${method} ${route}`).toBe(401);
    }
    const page = await fetch(`${h.url}/agent`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/agent/sign-in');
    // The WebSocket too.
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/agent/api/ws`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });

  it('signs in with an HttpOnly SameSite cookie; wrong passwords lock the username out, with no hint whether it exists', async () => {
    const ok = await postSignIn(h.url, 'sam', PASSWORD);
    expect(ok.status).toBe(303);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('ca_staff='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const wrongUser = await postSignIn(h.url, 'nobody-here', 'wrong password 1');
    const wrongPass = await postSignIn(h.url, 'kim', 'wrong password 1');
    expect(wrongUser.status).toBe(401);
    expect(wrongPass.status).toBe(401);
    const errorOf = async (r: Response) => /<p>([^<]*)<\/p><\/div>/.exec(await r.text())?.[1];
    expect(await errorOf(wrongUser)).toBe(await errorOf(wrongPass));

    for (let i = 2; i <= 5; i++) {
      await postSignIn(h.url, 'kim', `wrong password ${i}`);
      await postSignIn(h.url, 'nobody-here', `wrong password ${i}`);
    }
    const locked = await postSignIn(h.url, 'kim', PASSWORD);
    const lockedUnknown = await postSignIn(h.url, 'nobody-here', PASSWORD);
    expect(locked.status).toBe(429);
    expect(lockedUnknown.status).toBe(429);
    expect(await errorOf(locked)).toBe(await errorOf(lockedUnknown));
    // Another account is unaffected.
    expect((await postSignIn(h.url, 'lee', PASSWORD)).status).toBe(303);
  });

  it('refuses a sign-in form without its token, and API changes without the CSRF token (403)', async () => {
    const res = await fetch(`${h.url}/agent/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=sam&password=' + encodeURIComponent(PASSWORD),
    });
    expect(res.status).toBe(403);
    const sam = await signIn(h.url, 'sam');
    const { id } = await queueOne(h);
    expect((await sam.api('POST', `/agent/api/conversations/${id}/accept`, {}, { csrf: null })).status).toBe(403);
    expect((await sam.api('POST', `/agent/api/conversations/${id}/accept`, {}, { csrf: 'not-the-token' })).status).toBe(403);
    expect((await h.app.handoff.store.get(id))!.status).toBe('queued');
    // Cross-site WebSocket: refused by Origin.
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/agent/api/ws`, { headers: { Cookie: sam.cookie, Origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0)));
    expect(status).toBe(403);
    await residentSays(h.url, h.channel.url, (await h.app.handoff.store.get(id))!.conversationId, 'Stop waiting');
  });

  it('lets only one of two agents accepting at once win; the other is told', async () => {
    const [sam, alex] = await Promise.all([signIn(h.url, 'sam'), signIn(h.url, 'alex')]);
    for (let round = 0; round < 5; round++) {
      const { id, conv } = await queueOne(h);
      const results = await Promise.all([sam.api('POST', `/agent/api/conversations/${id}/accept`), alex.api('POST', `/agent/api/conversations/${id}/accept`)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.error).toMatch(/already accepted/);
      const winner = results[0].status === 200 ? sam : alex;
      const d = await winner.api('GET', `/agent/api/conversations/${id}`);
      expect(d.body.mine).toBe(true);
      // Exactly one "connected" message reached the resident.
      await h.channel.waitFor((a) => a.conversation?.id === conv && /You're now talking to/.test(a.text ?? ''));
      expect(h.channel.texts(conv).filter((t) => /You're now talking to/.test(t))).toHaveLength(1);
      await winner.api('POST', `/agent/api/conversations/${id}/end`);
    }
  });

  it('transfers back to the queue (resident told); only the accepting agent can talk, transfer or end', async () => {
    const [sam, alex] = await Promise.all([signIn(h.url, 'sam'), signIn(h.url, 'alex')]);
    const { id, conv } = await queueOne(h);
    await sam.api('POST', `/agent/api/conversations/${id}/accept`);
    expect((await alex.api('POST', `/agent/api/conversations/${id}/messages`, { text: 'hi' })).status).toBe(409);
    expect((await alex.api('POST', `/agent/api/conversations/${id}/end`)).status).toBe(409);
    expect((await sam.api('POST', `/agent/api/conversations/${id}/messages`, { text: '' })).status).toBe(400);
    expect((await sam.api('POST', `/agent/api/conversations/${id}/transfer`)).status).toBe(200);
    await h.channel.waitFor((a) => a.conversation?.id === conv && /passed back to the queue/.test(a.text ?? ''));
    const q = await alex.api('GET', '/agent/api/queue');
    expect(q.body.waiting.some((w: { id: string }) => w.id === id)).toBe(true);
    expect((await alex.api('POST', `/agent/api/conversations/${id}/accept`)).status).toBe(200);
    expect((await alex.api('POST', `/agent/api/conversations/${id}/end`)).status).toBe(200);
    const trail = await h.app.handoff.staff.auditTrail();
    expect(trail.some((t) => t.action === 'transfer' && t.subject === id)).toBe(true);
  });

  it("pushes the resident's messages to the agent over the WebSocket, and takes the agent's replies", async () => {
    const sam = await signIn(h.url, 'sam');
    const { id, conv } = await queueOne(h);
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/agent/api/ws`, { headers: { Cookie: sam.cookie, Origin: h.url } });
    const inbox: Json[] = [];
    ws.on('message', (d) => inbox.push(JSON.parse(d.toString())));
    await eventually(() => inbox.some((m) => m.type === 'hello'));
    await sam.api('POST', `/agent/api/conversations/${id}/accept`);
    await residentSays(h.url, h.channel.url, conv, 'I have a question about my bin');
    const pushed = await eventually(() => inbox.find((m) => m.type === 'message' && m.message.text === 'I have a question about my bin'));
    expect(pushed.handoffId).toBe(id);
    ws.send(JSON.stringify({ type: 'send', handoffId: id, text: 'Happy to help.', ref: 'r1' }));
    const ack = await eventually(() => inbox.find((m) => m.type === 'sent' && m.ref === 'r1'));
    expect(ack.ok).toBe(true);
    await h.channel.waitFor((a) => a.conversation?.id === conv && a.text === 'Happy to help.');
    await sam.api('POST', `/agent/api/conversations/${id}/end`);
    ws.close();
  });

  it('alerts staff to service requests the back office refuses to take from the assistant (e.g. a rotated API key)', async () => {
    const lee = await signIn(h.url, 'lee');
    expect((await lee.api('GET', '/agent/api/deliveries')).body).toEqual({ heldBack: { count: 0, oldest: null, lastStatus: null } });
    const outbox = h.app.services.outbox;
    const row = await outbox.add({ service_code: 'pothole', attributes: {} }, null);
    await outbox.markRetry(row.reference, 1, new Date(Date.now() + 30 * 60_000), 'api_key is not valid', 401);
    const other = await outbox.add({ service_code: 'pothole', attributes: {} }, null);
    await outbox.markRetry(other.reference, 1, new Date(Date.now() + 60_000), 'the back office answered 503', 503);
    const alert = await lee.api('GET', '/agent/api/deliveries');
    expect(alert).toMatchObject({ status: 200, body: { heldBack: { count: 1, oldest: row.created_at, lastStatus: 401 } } });
    await outbox.markDelivered(row.reference, 'SR-1', '');
    expect((await lee.api('GET', '/agent/api/deliveries')).body).toMatchObject({ heldBack: { count: 0 } });
  });

  it('creates a case from the console and signs out (the session then stops working)', async () => {
    const sam = await signIn(h.url, 'sam');
    expect((await sam.api('POST', '/agent/api/cases', { fields: { summary: '' } })).status).toBe(400);
    const created = await sam.api('POST', '/agent/api/cases', { handoffId: null, fields: { summary: 'Missed green bin', location: 'AT1 1AA' } });
    expect(created.status).toBe(201);
    expect(created.body.reference).toMatch(/^CC-[A-Z0-9]{8}$/);
    expect((await sam.api('POST', '/agent/api/sign-out')).status).toBe(200);
    expect((await sam.api('GET', '/agent/api/queue')).status).toBe(401);
  });
});

describe('expired staff sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ STAFF_SESSION_MINUTES: '1' });
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  it('answers 401 once the session has expired', async () => {
    const sam = await signIn(h.url, 'sam');
    expect((await sam.api('GET', '/agent/api/queue')).status).toBe(200);
    // Age the session in the database rather than waiting a minute.
    await h.app.database.db
      .updateTable('staff_session')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const res = await sam.api('GET', '/agent/api/queue');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/sign in/i);
  });

  it('closes the console WebSocket when its session expires', async () => {
    const sam = await signIn(h.url, 'sam');
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/agent/api/ws`, { headers: { Cookie: sam.cookie, Origin: h.url } });
    await new Promise((resolve) => ws.once('message', resolve));
    await h.app.database.db
      .updateTable('staff_session')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ type: 'send', handoffId: 'x', text: 'hello' }));
    expect(await closed).toBe(4401);
  });
});

/** The handoff's agent timeout in the test below: a console gone this long gives its conversation back to the queue. */
const AGENT_TIMEOUT_MS = 600;

describe('an agent who closes the console mid-chat', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ HANDOFF_AGENT_TIMEOUT_MS: String(AGENT_TIMEOUT_MS) });
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  it('returns a conversation to the queue when the agent closes the console mid-chat, and tells the resident', async () => {
    const sam = await signIn(h.url, 'sam');
    const { id, conv } = await queueOne(h);
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/agent/api/ws`, { headers: { Cookie: sam.cookie, Origin: h.url } });
    await new Promise((resolve, reject) => {
      ws.on('message', resolve);
      ws.on('error', reject);
    });
    await sam.api('POST', `/agent/api/conversations/${id}/accept`);
    const accepted = Date.now();
    // While the console is open the conversation stays with the agent, well past the timeout: the heartbeat, which marks the
    // agent seen only on a conversation still active, sees them twice the timeout after the accept (a sweep ran between).
    await eventually(
      async () => {
        const row = await h.app.database.db.selectFrom('handoff').select('agent_seen_at').where('id', '=', id).executeTakeFirst();
        return !!row?.agent_seen_at && Date.parse(row.agent_seen_at) - accepted >= 2 * AGENT_TIMEOUT_MS;
      },
      { what: 'the agent seen by the heartbeat twice the timeout after the accept' },
    );
    expect((await h.app.handoff.store.get(id))!.status).toBe('active');
    ws.close();
    await h.channel.waitFor((a) => a.conversation?.id === conv && /has been disconnected/.test(a.text ?? ''));
    expect((await h.app.handoff.store.get(id))!.status).toBe('queued');
    await residentSays(h.url, h.channel.url, conv, 'Stop waiting');
  });
});
