import fs from 'node:fs';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { testAssistant } from './support/assistant';
import { choicesOf, ConversationDriver, loadConversation, replyText } from './support/conversationRunner';

const dir = path.join(__dirname, 'conversations');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('scripted conversations (tests/conversations/*.yaml)', () => {
  it('has conversations to run', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    const script = loadConversation(path.join(dir, file));
    it(`${file}: ${script.name}`, async () => {
      const storage = new MemoryStorage();
      const { bot } = testAssistant(storage);
      const driver = new ConversationDriver(bot, storage);
      for (const [i, step] of script.steps.entries()) {
        const where = `${file} step ${i + 1}${step.user !== undefined ? ` ("${step.user}")` : ''}`;
        const outcome = step.join ? await driver.join() : step.attachment ? await driver.send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] }) : await driver.say(step.user ?? '');
        const text = replyText(outcome).toLowerCase();
        const expected = step.bot ?? {};
        for (const c of asList(expected.contains)) expect(text, `${where}: reply should contain "${c}"; got: ${text}`).toContain(c.toLowerCase());
        for (const c of asList(expected.notContains)) expect(text, `${where}: reply should not contain "${c}"`).not.toContain(c.toLowerCase());
        if (expected.choices) expect(choicesOf(outcome), `${where}: choices`).toEqual(expect.arrayContaining(expected.choices));
        if (expected.route) expect(outcome.route, `${where}: route`).toBe(expected.route);
        if (expected.dialog) expect(outcome.dialogs.at(-1) ?? 'none', `${where}: active dialog`).toBe(expected.dialog);
      }
    });
  }
});
