import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, startTestApp, type RunningApp } from '../../support/http';
import { startFakeClu, type FakeClu } from '../../support/fakeClu';

async function post(url: string, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: Partial<Activity>[] }).activities;
}

function trace(activities: Partial<Activity>[], name: string): Record<string, unknown> | undefined {
  return activities.find((a) => a.type === 'trace' && a.name === name)?.value as Record<string, unknown> | undefined;
}

describe('the app with CLU_* set', () => {
  let fake: FakeClu;
  let running: RunningApp;

  beforeAll(async () => {
    fake = await startFakeClu('app-key');
    running = await startTestApp({
      CLU_ENDPOINT: fake.endpoint,
      CLU_KEY: 'app-key',
      CLU_PROJECT_NAME: 'council-assistant',
      CLU_DEPLOYMENT_NAME: 'production',
      CLU_TIMEOUT_MS: '2000',
    });
  }, 120_000);
  afterAll(async () => {
    await running?.app.close();
    await fake?.close();
  });

  it("routes with CLU's answer", async () => {
    // CLU says "greeting" for anything: the bot greets even for words the offline model would not.
    fake.behave({
      kind: 'answer',
      predict: () => ({
        topIntent: 'greeting',
        intents: [
          { category: 'greeting', confidenceScore: 0.97 },
          { category: 'None', confidenceScore: 0.03 },
        ],
      }),
    });
    const activities = await post(running.url, messageActivity('zxcv qwerty', 'conv-clu-1'));
    expect(fake.requests.at(-1)?.body).toMatchObject({ parameters: { projectName: 'council-assistant', deploymentName: 'production' } });
    expect(trace(activities, 'council.route')).toMatchObject({ intent: 'greeting', source: 'clu' });
    expect(trace(activities, 'council.recognizer.fallback')).toBeUndefined();
  });

  it('falls back to the offline classifier when CLU fails, with a trace saying why', async () => {
    fake.behave({ kind: 'status', status: 503 });
    const activities = await post(running.url, messageActivity('my bin was not collected', 'conv-clu-2'));
    expect(trace(activities, 'council.recognizer.fallback')).toEqual({ source: 'local-fallback', reason: 'http 503' });
    expect(trace(activities, 'council.route')).toMatchObject({ intent: 'report_missed_bin', source: 'local-fallback' });
    expect(activities.filter((a) => a.type === 'message').length).toBeGreaterThan(0);
  });
});
