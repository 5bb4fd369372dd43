import { afterEach, describe, expect, it } from 'vitest';
import { runReadinessChecks } from '../../platform/http/readiness';
import { canMakeImmutable, whileImmutable } from '../support/immutable';
import { startApp, type RunningApp } from './support';

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function get(
  port: number,
  path: string,
): Promise<{ status: number; body: { status: string; checks: Record<string, { ok: boolean; detail?: string }> } }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> } };
}

describe('/healthz and /readyz', () => {
  it('reports ready with the database and recognizer checks', async () => {
    running = await startApp();
    const health = await get(running.port, '/healthz');
    expect(health.status).toBe(200);
    const ready = await get(running.port, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.checks.database).toMatchObject({ ok: true, detail: 'sqlite' });
    expect(ready.body.checks.recognizer.ok).toBe(true);
    expect(ready.body.checks.recognizer.detail).toMatch(/\d+ intents/);
    expect(ready.body.checks.backOffice).toEqual({ ok: true, detail: 'reachable' });
  });

  it('is not ready when the database is closed, and says which check failed', async () => {
    running = await startApp();
    await running.app.database.close();
    const ready = await get(running.port, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database.ok).toBe(false);
    expect(ready.body.checks.recognizer.ok).toBe(true);
  });

  it.skipIf(!canMakeImmutable())(
    'is not ready while the database answers but cannot be written, and ready again after (chattr +i; skipped where chattr is unavailable)',
    async () => {
      running = await startApp();
      const file = running.app.database.location;
      await whileImmutable([file, `${file}-wal`], async () => {
        const ready = await get(running!.port, '/readyz');
        expect(ready.status).toBe(503);
        expect(ready.body.checks.database).toMatchObject({ ok: false });
        expect(ready.body.checks.database.detail).toMatch(/sqlite database answers but cannot be written/);
      });
      expect((await get(running.port, '/readyz')).status).toBe(200);
    },
  );

  it('runs the checks modules add (a back office reachable, or queueing) and fails when one fails', async () => {
    let backOffice = { ok: true, detail: 'unreachable; 2 reports queued' };
    running = await startApp({}, 'silent', {
      modules: [{ register: () => undefined, readinessChecks: [{ name: 'partnerBackOffice', check: () => Promise.resolve(backOffice) }] }],
      readinessChecks: [{ name: 'extra', check: () => Promise.resolve({ ok: true }) }],
    });
    let ready = await get(running.port, '/readyz');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['backOffice', 'database', 'directLine', 'extra', 'partnerBackOffice', 'recognizer']);
    expect(ready.body.checks.partnerBackOffice).toEqual({ ok: true, detail: 'unreachable; 2 reports queued' });
    backOffice = { ok: false, detail: 'unreachable and the queue is not writable' };
    ready = await get(running.port, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('not ready');
    expect(ready.body.checks.partnerBackOffice.ok).toBe(false);
  });

  it('fails a check that hangs or throws, without leaking what the error said', async () => {
    const report = await runReadinessChecks(
      [
        { name: 'slow', check: () => new Promise(() => undefined) },
        { name: 'throws', check: () => Promise.reject(new Error('lookup for jane@example.com failed')) },
        { name: 'fine', check: () => Promise.resolve({ ok: true }) },
      ],
      50,
    );
    expect(report.ready).toBe(false);
    expect(report.checks.slow).toEqual({ ok: false, detail: 'no answer within 50 ms' });
    expect(report.checks.throws.ok).toBe(false);
    expect(report.checks.throws.detail).toContain('[email]');
    expect(report.checks.throws.detail).not.toContain('jane@example.com');
    expect(report.checks.fine.ok).toBe(true);
  });
});

describe('/readyz and the web chat (directLine check)', () => {
  const appId = { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' };

  it('is not ready with MicrosoftAppId and the local Direct Line, where every resident message fails', async () => {
    running = await startApp({ ...appId }, 'silent');
    const ready = await get(running.port, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.directLine.ok).toBe(false);
    expect(ready.body.checks.directLine.detail).toMatch(/DIRECT_LINE_MODE is local but MicrosoftAppId is set.*DIRECT_LINE_MODE=azure/);
    // …which is what a resident would meet: the conversation cannot start; the answer says so without the error's internals.
    const base = `http://127.0.0.1:${running.port}`;
    const { token } = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string };
    const start = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(start.status).toBe(502);
    const body = await start.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'ServiceError', message: expect.stringMatching(/could not start the conversation just now/) } });
    expect(body).not.toMatch(/Unauthorized|\bat \S+ \(|node_modules/);
  });

  it('is not ready in azure mode while the Direct Line secret is an unresolved Key Vault reference', async () => {
    running = await startApp(
      { ...appId, DIRECT_LINE_MODE: 'azure', AZURE_DIRECT_LINE_SECRET: '@Microsoft.KeyVault(VaultName=anytown-kv;SecretName=direct-line-secret)' },
      'silent',
    );
    const ready = await get(running.port, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.directLine).toEqual({ ok: false, detail: expect.stringMatching(/AZURE_DIRECT_LINE_SECRET is an unresolved Key Vault reference/) });
  });

  it.each([
    ['azure mode with its secret', { ...appId, DIRECT_LINE_MODE: 'azure', AZURE_DIRECT_LINE_SECRET: 'a-real-direct-line-secret' }, 'azure'],
    ['the local Direct Line without an app id', {}, 'local'],
  ])('is ready with %s', async (_name, env, detail) => {
    running = await startApp(env, 'silent');
    const ready = await get(running.port, '/readyz');
    expect(ready.body.checks.directLine).toEqual({ ok: true, detail });
  });
});
