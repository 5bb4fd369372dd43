/**
 * Screenshots of the resident chat page for the README: desktop (1280×900) and mobile
 * (320×640), mid-conversation; a phone after a postcode (the list of addresses) and 400 % zoom
 * (320×256) on the safeguarding reply; a phone talking to a person from the contact centre (the
 * agent's message shown as a person's, "End chat"); the insights page a manager sees after a few
 * scripted conversations (docs/insights.md). Runs the real assistant on a free port with a
 * temporary database, a contact centre that is always open and Debian's chromium; the agent signs
 * in through the real console. Usage: npm run screenshots
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../platform/logger';
import { signInAgent } from './lib/agentSignIn';
import { launchBrowser } from '../tests/support/browser';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
  const alwaysOpen = path.resolve(__dirname, '..', 'tests', 'handoff', 'fixtures', 'always-open.yaml');
  const app = await createApp(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CONTACT_CENTRE_CONFIG: alwaysOpen }),
    createLogger('silent'),
    'screenshots',
  );
  const port = await app.server.listen(0, '127.0.0.1');
  const password = `screenshots-${Date.now()}-Aa1!`;
  await app.handoff.staff.addAccount('sam', 'Sam', password);
  await app.handoff.staff.addAccount('mina', 'Mina', password);
  await app.handoff.staff.grantRole('mina', 'manager');
  const agent = await signInAgent<{ waiting?: Array<{ id: string }> }>(`http://127.0.0.1:${port}`, 'sam', password);
  const browser = await launchBrowser();
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const [name, viewport, said, reply] of [
      ['desktop', { width: 1280, height: 900 }, ['help'], 'in your own words'],
      ['mobile-320', { width: 320, height: 640 }, ['help'], 'in your own words'],
      ['mobile-320-addresses', { width: 320, height: 640 }, ['when are my bins collected', 'AT1 1AA'], 'Which address in AT1 1AA'],
      ['zoom-400-safeguarding', { width: 320, height: 256 }, ['I want to end my life'], 'Samaritans'],
      ['mobile-320-live-chat', { width: 320, height: 640 }, ['Talk to a person'], 'How can I help?'],
    ] as const) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: name === 'desktop' ? 1 : 2 });
      await page.goto(`http://127.0.0.1:${port}/`);
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await page.locator('.webchat__bubble__content', { hasText: 'Anytown Council assistant' }).waitFor({ timeout: 30_000 });
      for (const text of said) {
        const bubbles = await page.locator('.webchat__bubble__content').count();
        await input.fill(text);
        await input.press('Enter');
        // The reply to this message (not an earlier one), before the next is typed.
        await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble__content').length > n + 1, bubbles, { timeout: 30_000 });
      }
      if (name === 'mobile-320-live-chat') await agentAnswers(agent);
      await page.locator('.webchat__bubble__content', { hasText: reply }).last().waitFor({ timeout: 30_000 });
      // The person's message came while the resident read the queue reply: brought into view as a resident would.
      if (name === 'mobile-320-live-chat') await page.locator('.webchat__bubble__content', { hasText: reply }).last().scrollIntoViewIfNeeded();
      if (name !== 'mobile-320-live-chat') await page.getByRole('toolbar', { name: 'Suggested actions' }).waitFor();
      // Let the transcript finish scrolling to the end before the picture.
      await page.waitForTimeout(800);
      const file = path.join(OUT, `${name}.png`);
      await page.screenshot({ path: file });
      process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
      await page.close();
    }
    await insightsShot(browser, `http://127.0.0.1:${port}`, password);
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A few conversations of different outcomes, then the manager's insights page, whole. */
async function insightsShot(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string, password: string): Promise<void> {
  const scripts = [
    ['how do I pay my council tax', 'yes'],
    ['how do I pay my council tax', 'no'],
    ['can I get a blue badge'],
    ['pothole in the cycle lane, about 30cm wide and 5 deep, not dangerous', 'outside the library on Station Road', 'yep go ahead'],
    ['my bin was not collected'],
    ["what's the weather tomorrow"],
  ];
  for (const [i, turns] of scripts.entries()) {
    for (const text of turns) {
      await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text,
          channelId: 'test',
          serviceUrl: 'http://127.0.0.1:9',
          conversation: { id: `screenshot-${i}` },
          from: { id: `resident-${i}` },
          recipient: { id: 'bot' },
          deliveryMode: 'expectReplies',
        }),
      });
    }
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/agent/sign-in`);
  await page.getByLabel('Username').fill('mina');
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await page.getByText(/Signed in as/).waitFor();
  await page.goto(`${url}/agent/insights`);
  await page.getByRole('table', { name: 'Conversations by outcome' }).waitFor({ timeout: 30_000 });
  const file = path.join(OUT, 'insights-desktop.png');
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  await page.close();
}

/** The agent takes the resident waiting in the queue and writes to them. */
async function agentAnswers(agent: Awaited<ReturnType<typeof signInAgent<{ waiting?: Array<{ id: string }> }>>>): Promise<void> {
  let item: { id: string } | undefined;
  for (let i = 0; i < 100 && !item; i++) {
    item = (await agent('GET', '/agent/api/queue')).body.waiting?.[0];
    if (!item) await new Promise((r) => setTimeout(r, 100));
  }
  if (!item) throw new Error('nobody joined the queue');
  if ((await agent('POST', `/agent/api/conversations/${item.id}/accept`)).status !== 200) throw new Error('accept failed');
  const said = await agent('POST', `/agent/api/conversations/${item.id}/messages`, { text: "Hello, I'm Sam from the contact centre. How can I help?" });
  if (said.status !== 201) throw new Error('agent message failed');
}

main().catch((err: Error) => {
  process.stderr.write(`screenshots failed: ${err.message}\n`);
  process.exit(1);
});
