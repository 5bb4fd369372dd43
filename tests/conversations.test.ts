import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyStorage } from '../platform/storage/kyselyStorage';
import { startTestApp, type RunningApp } from './support/http';
import { choicesOf, ConversationDriver, loadConversation, replyText } from './support/conversationRunner';

const dir = path.join(__dirname, 'conversations');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('scripted conversations (tests/conversations/*.yaml)', () => {
  // The whole assistant as residents get it (service requests, knowledge, handoff), on a real SQLite file.
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => running?.app.close());

  it('has conversations to run', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    const script = loadConversation(path.join(dir, file));
    it(`${file}: ${script.name}`, async () => {
      const storage = new KyselyStorage(running.app.database.db);
      const driver = new ConversationDriver(running.app.assistant.bot, storage);
      for (const [i, step] of script.steps.entries()) {
        const where = `${file} step ${i + 1}${step.user !== undefined ? ` ("${step.user}")` : ''}`;
        const outcome = step.join
          ? await driver.join()
          : step.attachment
            ? await driver.send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] })
            : await driver.say(step.user ?? '');
        const text = replyText(outcome).toLowerCase();
        const expected = step.bot ?? {};
        for (const c of asList(expected.contains)) expect(text, `${where}: reply should contain "${c}"; got: ${text}`).toContain(c.toLowerCase());
        for (const c of asList(expected.notContains)) expect(text, `${where}: reply should not contain "${c}"`).not.toContain(c.toLowerCase());
        if (expected.choices) expect(choicesOf(outcome), `${where}: choices`).toEqual(expect.arrayContaining(expected.choices));
        if (expected.route) expect(outcome.route, `${where}: route`).toBe(expected.route);
        if (expected.dialog === 'any') expect(outcome.dialogs.length, `${where}: a dialog should be waiting`).toBeGreaterThan(0);
        else if (expected.dialog) expect(outcome.dialogs.at(-1) ?? 'none', `${where}: active dialog`).toBe(expected.dialog);
      }
    });
  }
});
