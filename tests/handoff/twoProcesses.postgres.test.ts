import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestPostgres } from '../support/postgres';
import { FakeChannel } from './support/fakeChannel';
import { eventually, FIXTURES, newConversationId, PASSWORD, residentSays, signIn } from './support/harness';
import type { Json } from './support/harness';
import { freshDataFolder } from '../support/dataFolder';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Instance {
  child: ChildProcess;
  url: string;
  dataDir: string;
}

function env(databaseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    CONTACT_CENTRE_CONFIG: path.join(FIXTURES, 'always-open.yaml'),
    SHUTDOWN_GRACE_MS: '200',
  };
}

/** A real bot process (`npm start`'s entry point) on the shared PostgreSQL database. */
async function startInstance(databaseUrl: string): Promise<Instance> {
  const dataDir = freshDataFolder('handoff-pg');
  const child = spawn(TSX, ['bot/index.ts'], { cwd: ROOT, env: env(databaseUrl, dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${out}`)));
  });
  return { child, url, dataDir };
}

async function stop(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
  fs.rmSync(instance.dataDir, { recursive: true, force: true });
}

describe('two bot processes on one PostgreSQL (resident on one, agent on the other)', () => {
  let postgres: TestPostgres | undefined;
  let databaseUrl = '';
  let a: Instance | undefined;
  let b: Instance | undefined;
  let channel: FakeChannel | undefined;

  beforeAll(async () => {
    postgres = await createTestPostgres();
    if (!postgres.url) return;
    databaseUrl = postgres.url;
    channel = await new FakeChannel().start();
    a = await startInstance(databaseUrl);
    b = await startInstance(databaseUrl);
    // Staff accounts through the real command, against the same database.
    for (const [u, n] of [
      ['sam', 'Sam'],
      ['alex', 'Alex'],
    ]) {
      const add = spawn(TSX, ['scripts/staffAdd.ts', '--username', u, '--name', n, '--password-stdin'], {
        cwd: ROOT,
        env: env(databaseUrl, a.dataDir),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      add.stdin.end(PASSWORD + '\n');
      let said = '';
      add.stdout.on('data', (d: Buffer) => (said += d.toString()));
      const code = await new Promise((resolve) => add.on('exit', resolve));
      expect(code).toBe(0);
      expect(said).toMatch(new RegExp(`Staff account "${u}"`));
    }
  }, 180_000);

  afterAll(async () => {
    await stop(a);
    await stop(b);
    await channel?.close();
    await postgres?.drop();
  });

  it('queues on A, accepts on B, relays live both ways (LISTEN/NOTIFY), and only one agent wins across processes', async (ctx) => {
    if (!postgres?.url) return ctx.skip(postgres?.skipReason);
    const conv = newConversationId();
    await residentSays(a!.url, channel!.url, conv, 'my bin was missed, reference MB-123456');
    await residentSays(a!.url, channel!.url, conv, 'Talk to a person');
    await channel!.waitFor((x) => x.conversation?.id === conv && /number 1 in the queue/.test(x.text ?? ''));

    const sam = await signIn(b!.url, 'sam');
    const alex = await signIn(a!.url, 'alex');
    // Both consoles connect to process B (sessions live in the shared database).
    const connect = async (cookie: string) => {
      const inbox: Json[] = [];
      const ws = new WebSocket(`${b!.url.replace('http', 'ws')}/agent/api/ws`, { headers: { Cookie: cookie, Origin: b!.url } });
      ws.on('message', (d) => inbox.push(JSON.parse(d.toString())));
      await eventually(() => inbox.some((m) => m.type === 'hello'));
      return { ws, inbox };
    };
    const sockets = new Map([
      [sam, await connect(sam.cookie)],
      [alex, await connect(alex.cookie)],
    ]);

    const q = await sam.api('GET', '/agent/api/queue');
    const item = q.body.waiting.find((w: { summary: string }) => w.summary.includes('MB-123456'));
    expect(item).toBeTruthy();

    const results = await Promise.all([
      sam.api('POST', `/agent/api/conversations/${item.id}/accept`),
      alex.api('POST', `/agent/api/conversations/${item.id}/accept`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [agent, other] = results[0].status === 200 ? [sam, alex] : [alex, sam];
    const { inbox } = sockets.get(agent)!;
    const otherInbox = sockets.get(other)!.inbox;
    await channel!.waitFor((x) => x.conversation?.id === conv && /You're now talking to/.test(x.text ?? ''));

    // The resident writes to process A; the winner's console, connected to process B, hears it live;
    // the other console hears only that the conversation changed.
    await residentSays(a!.url, channel!.url, conv, 'thanks for picking this up');
    const pushed = await eventually(() => inbox.find((m) => m.type === 'message' && m.message.text === 'thanks for picking this up'));
    expect(pushed.handoffId).toBe(item.id);
    await eventually(() => otherInbox.find((m) => m.type === 'conversation' && m.handoffId === item.id && m.status === 'active'));
    expect(JSON.stringify(otherInbox)).not.toMatch(/picking this up/);

    // The agent on whichever process won replies; it reaches the resident.
    const reply = await agent.api('POST', `/agent/api/conversations/${item.id}/messages`, { text: 'You are welcome.' });
    expect(reply.status).toBe(201);
    await channel!.waitFor((x) => x.conversation?.id === conv && x.text === 'You are welcome.');
    expect((await agent.api('POST', `/agent/api/conversations/${item.id}/end`)).status).toBe(200);
    await eventually(() => inbox.find((m) => m.type === 'status' && m.handoffId === item.id && m.status === 'ended'));
    for (const s of sockets.values()) s.ws.close();
  });
});
