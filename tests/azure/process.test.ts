import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, writeFixtureIntents } from './support';
import { eventually } from '../support/eventually';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const dir = tempDir('azure-process');
const intentsDir = writeFixtureIntents(dir);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ReturnType<typeof spawn>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [TSX, path.join(ROOT, 'bot', 'index.ts')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      DATA_DIR: path.join(dir, 'data'),
      INTENTS_DIR: intentsDir,
      COUNCIL_PROFILE: path.join(ROOT, 'knowledge', 'council.yaml'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitForPort(p: Started): Promise<number> {
  const port = await eventually(
    () => {
      const m = /running on http:\/\/localhost:(\d+)/.exec(p.stdout());
      if (m) return Number(m[1]);
      return p.child.exitCode !== null ? -1 : undefined;
    },
    { what: 'the assistant to start', timeoutMs: 90_000, intervalMs: 100 },
  ).catch(() => -1);
  if (port < 0) throw new Error(`the assistant did not start:\n${p.stdout()}\n${p.stderr()}`);
  return port;
}

// The process compiles and loads the models on start: 16 s on a quiet 2-core machine, over 30 s with a
// full test run beside it (CI, 2026-12-05). Bounds on the wait, not timing assertions.
describe('the assistant as a process (as App Service runs it)', { timeout: 120_000 }, () => {
  it('stops cleanly on SIGTERM: readiness was up, exit code 0, "stopped" logged', async () => {
    const p = run({});
    const port = await waitForPort(p);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const lines = p
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down: finishing turns in flight', 'stopped']));
  });

  it('refuses to start with a MicrosoftAppType that is not one of the three, naming it', async () => {
    const p = run({ MicrosoftAppType: 'Multitenant', MicrosoftAppId: '3f2a7c1e-0b6d-4e8a-9c5f-1d2e3f4a5b6c', MicrosoftAppPassword: 'x' });
    expect(await p.exited).toBe(78);
    expect(p.stderr()).toContain("MicrosoftAppType: Invalid enum value. Expected 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI', received 'Multitenant'");
  });

  it('refuses to start in production open to anyone, naming MicrosoftAppId and DIRECT_LINE_SECRET', async () => {
    const p = run({ NODE_ENV: 'production' });
    expect(await p.exited).toBe(78);
    expect(p.stderr()).toMatch(/MicrosoftAppId: is required when NODE_ENV is production/);
    expect(p.stderr()).toMatch(/DIRECT_LINE_SECRET: is required when NODE_ENV is production and DIRECT_LINE_MODE is local/);
    expect(p.stderr()).toContain('ALLOW_UNAUTHENTICATED=true');
  });

  it('exits 1, saying why, when its port is taken (the last-resort handler keeps serving, not a server that never listened)', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const p = run({ PORT: String(port) });
      expect(await p.exited).toBe(1);
      expect(p.stderr()).toContain('could not start');
    } finally {
      taken.close();
    }
  });
});
