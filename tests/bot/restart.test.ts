import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { freePort, messageActivity, postExpectReplies, texts } from '../support/http';
import { ROOT, TEST_MODEL_DIR } from '../support/assistant';
import { BUNDLE, buildServer } from '../../scripts/build.mjs';

/** Starts the real server as `npm start` does (compiled and bundled to dist/, then `node dist/server.js`) and waits until it answers. */
async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  await buildServer();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', BUNDLE)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${output}`);
        return fetch(`http://127.0.0.1:${env.PORT}/healthz`).then(
          (res) => res.ok,
          () => false, // not up yet
        );
      },
      { what: 'the server to start', timeoutMs: 120_000, intervalMs: 200 },
    );
    return child;
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`server did not start: ${(err as Error).message}: ${output}`);
  }
}

/** A data folder with the trained model already in place (training is not what these tests are about). */
function dataDirWithModel(prefix: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(dataDir, 'models'), { recursive: true });
  // The trained models (the risk classifier's in a folder of its own), so that the bot starts without training.
  if (fs.existsSync(TEST_MODEL_DIR)) fs.cpSync(TEST_MODEL_DIR, path.join(dataDir, 'models'), { recursive: true });
  return dataDir;
}

describe('a restart in the middle of a dialog', { timeout: 180_000 }, () => {
  const children: ChildProcess[] = [];
  afterEach(() => children.forEach((c) => c.kill('SIGKILL')));

  it('continues the conversation at the same step after the process is killed', async () => {
    const dataDir = dataDirWithModel('ca-restart-');
    const port = String(await freePort());
    const env = { PORT: port, DATA_DIR: dataDir };
    const url = `http://127.0.0.1:${port}`;

    const first = await startServer(env);
    children.push(first);
    const asked = await postExpectReplies(url, messageActivity('there is a pothole outside 12 mill lane', 'conv-restart'));
    expect(texts(asked.replies)).toMatch(/Is it in the road, on the pavement or in a cycle lane/);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const second = await startServer(env);
    children.push(second);
    // "On the pavement" only answers the question that was waiting before the crash: the
    // request carries on with its next question instead of starting again.
    const answered = await postExpectReplies(url, messageActivity('On the pavement', 'conv-restart'));
    const reply = texts(answered.replies);
    expect(reply).not.toMatch(/Is it in the road, on the pavement or in a cycle lane|went wrong|can't help/i);
    expect(reply).toMatch(/\?/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const dataDir = dataDirWithModel('ca-sigterm-');
    const port = String(await freePort());
    const child = await startServer({ PORT: port, DATA_DIR: dataDir });
    children.push(child);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to start with a wrong setting and names the variable', async () => {
    await buildServer();
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', BUNDLE)], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'not-a-port', MicrosoftAppType: 'Sometimes' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    expect(err).toMatch(/PORT/);
    expect(err).toMatch(/MicrosoftAppType/);
  });
});
