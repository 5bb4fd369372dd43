/**
 * `npm run bench:handoff`: how live a live chat feels, measured as the resident's Web Chat sees
 * it. Starts the assistant in this process on 127.0.0.1 (temporary SQLite database, the contact
 * centre always open), signs an agent in through the real sign-in form, then for ROUNDS residents
 * one after another: a Direct Line conversation (page token, WebSocket stream), "Talk to a person",
 * and times
 *   queueMs            — the resident's POST → the item in the agent's queue (/agent/api/queue)
 *   acceptToResidentMs — the agent's accept POST → "You're now talking to …" on the resident's stream
 *   agentToResidentMs  — the agent's message POST → that message on the resident's stream
 * then ends the chat. Prints a table, then as the last line one JSON object with the medians:
 * {"queueMs","agentToResidentMs","acceptToResidentMs"}. Target: agent → resident ≤ 1500 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../platform/logger';
import { signInAgent } from '../scripts/lib/agentSignIn';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROOT = path.resolve(__dirname, '..');
const PASSWORD = 'bench password, not a real one';

interface StreamActivity {
  id?: string;
  type: string;
  text?: string;
  from: { role?: string };
  replyToId?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A resident's Direct Line conversation over the WebSocket stream, as Web Chat holds it. */
async function resident(base: string) {
  const { token, conversationId } = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
    token: string;
    conversationId: string;
  };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const { streamUrl } = (await (await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers })).json()) as { streamUrl: string };
  const ws = new WebSocket(streamUrl);
  const seen: StreamActivity[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    const text = String(data);
    if (!text) return;
    seen.push(...((JSON.parse(text) as { activities?: StreamActivity[] }).activities ?? []));
    for (const w of waiters) w();
  });
  const waitFor = (test: (a: StreamActivity) => boolean, from = 0) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting on the resident stream')), 20_000);
      const check = () => {
        if (seen.slice(from).some((a) => a.from.role === 'bot' && test(a))) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(performance.now());
        }
      };
      waiters.add(check);
      check();
    });
  const say = async (text: string) => {
    const res = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'message', from: { id: 'dl_bench' }, text }),
    });
    if (res.status !== 200) throw new Error(`send failed: ${res.status}`);
  };
  return { conversationId, seen, waitFor, say, close: () => ws.close() };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-handoff-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CONTACT_CENTRE_CONFIG: path.join(ROOT, 'tests', 'handoff', 'fixtures', 'always-open.yaml'),
  });
  const app = await createApp(config, createLogger('silent'), 'bench');
  const port = await app.server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const rows: Array<{ queueMs: number; acceptToResidentMs: number; agentToResidentMs: number }> = [];
  try {
    await app.handoff.staff.addAccount('bench', 'Sam', PASSWORD);
    const api = await signInAgent<{ waiting?: Array<{ id: string }> }>(base, 'bench', PASSWORD);
    for (let round = 0; round < ROUNDS; round++) {
      const r = await resident(base);
      await r.waitFor((a) => a.type === 'message');
      const asked = performance.now();
      await r.say('Talk to a person');
      let item: { id: string } | undefined;
      while (!item) {
        const q = await api('GET', '/agent/api/queue');
        item = q.body.waiting?.[0];
        if (!item) await sleep(5);
      }
      const queueMs = performance.now() - asked;

      let from = r.seen.length;
      const accepting = performance.now();
      const accepted = r.waitFor((a) => /talking to Sam/.test(a.text ?? ''), from);
      if ((await api('POST', `/agent/api/conversations/${item.id}/accept`)).status !== 200) throw new Error('accept failed');
      const acceptToResidentMs = (await accepted) - accepting;

      from = r.seen.length;
      const words = `Hello, this is Sam (${round})`;
      const sending = performance.now();
      const arrived = r.waitFor((a) => a.text === words, from);
      if ((await api('POST', `/agent/api/conversations/${item.id}/messages`, { text: words })).status !== 201) throw new Error('agent message failed');
      const agentToResidentMs = (await arrived) - sending;
      // Arrival on the stream is not yet on screen: Web Chat holds an activity whose replyToId it has not seen for 5 s.
      const sentIds = new Set(r.seen.map((a) => a.id));
      const held = r.seen.slice(from).find((a) => a.replyToId && !sentIds.has(a.replyToId));
      if (held) throw new Error(`an agent message carries replyToId ${held.replyToId}, which the resident never saw: Web Chat would hold it for 5 s`);

      await api('POST', `/agent/api/conversations/${item.id}/end`);
      r.close();
      rows.push({ queueMs: Math.round(queueMs), acceptToResidentMs: Math.round(acceptToResidentMs), agentToResidentMs: Math.round(agentToResidentMs) });
      console.log(
        `round ${round + 1}: queue ${rows.at(-1)!.queueMs} ms, accept → resident ${rows.at(-1)!.acceptToResidentMs} ms, agent → resident ${rows.at(-1)!.agentToResidentMs} ms`,
      );
    }
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    JSON.stringify({
      queueMs: median(rows.map((x) => x.queueMs)),
      agentToResidentMs: median(rows.map((x) => x.agentToResidentMs)),
      acceptToResidentMs: median(rows.map((x) => x.acceptToResidentMs)),
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
