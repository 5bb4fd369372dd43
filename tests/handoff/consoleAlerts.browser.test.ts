/// <reference lib="dom" />
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { FIXTURES, newConversationId, PASSWORD, residentSays, startApp, type Harness } from './support/harness';

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** An agent's browser: notifications allowed, and each one the page shows kept (title and body) for the test to read. */
async function agentPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['notifications'], { origin: url });
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${url}/agent`);
  await page.getByLabel('Username').fill('sam');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByText('Signed in as Sam').waitFor();
  return { context, page };
}

const shown = (page: Page) => page.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string; body: string }> }).shownNotifications);

describe.skipIf(skipWithoutBrowser())('agent console in Chromium: queue alerts, a keyboard-scrollable transcript, call-back requests', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());

  describe('while the contact centre is open', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startApp();
      await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    }, 120_000);
    afterAll(async () => h?.close());

    it('tells the agent someone joined (title count, announcement, a browser notification without their words); the open conversation scrolls from the keyboard; no axe violations', async () => {
      const { context, page } = await agentPage(browser, h.url);
      await page.locator('#waiting-empty').waitFor();
      expect(await page.title()).toBe('Queue – Contact centre console');
      // The sound is the agent's choice, and stays chosen.
      await page.getByLabel('Play a sound').check();
      expect(await page.evaluate(() => localStorage.getItem('council-console.alert-sound'))).toBe('1');
      expect(await page.getByRole('button', { name: 'Show browser notifications' }).isHidden()).toBe(true);
      await page.getByText('Browser notifications are on.').waitFor();
      expect(await axe(page)).toEqual([]);

      // A resident with a long conversation before asking for a person.
      const conv = newConversationId();
      for (const text of [
        'when is my bin collected',
        'AT1 1AA',
        'what about recycling',
        'how do I pay council tax',
        'my green bin was not collected at 4 High Street',
        'it was Tuesday',
      ]) {
        await residentSays(h.url, h.channel.url, conv, text);
      }
      await residentSays(h.url, h.channel.url, conv, 'Talk to a person');

      await expect.poll(() => page.title()).toBe('(1) Queue – Contact centre console');
      await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/^New in the queue: /);
      await expect.poll(async () => (await shown(page)).length).toBe(1);
      const [note] = await shown(page);
      expect(note.title).toMatch(/someone is waiting in the queue/);
      expect(`${note.title} ${note.body}`).not.toMatch(/bin|Tuesday|High Street|AT1/);

      await page.getByRole('button', { name: /^Accept: / }).click();
      await page
        .locator('#conversation-status')
        .getByText(/Talking to a person \(with you\)/)
        .waitFor();
      await expect.poll(() => page.title()).toBe('Queue – Contact centre console');
      const transcript = page.locator('#transcript');
      await transcript.getByText('it was Tuesday').waitFor();
      expect(await transcript.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      expect(await axe(page)).toEqual([]);
      // Keyboard: Tab reaches the transcript, and End scrolls it.
      await transcript.focus();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('transcript');
      await page.keyboard.press('End');
      await expect.poll(() => transcript.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      expect(await page.locator('#chat-log').getAttribute('tabindex')).toBe('0');
      await context.close();
    }, 150_000);
  });

  describe('out of hours', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startApp({ CONTACT_CENTRE_CONFIG: path.join(FIXTURES, 'always-closed.yaml') });
      await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    }, 120_000);
    afterAll(async () => h?.close());

    it('lists a call-back request with its reference, and shows the transcript behind it', async () => {
      const conv = newConversationId();
      for (const text of [
        'there are rats in my garden at 12 Mill Lane',
        'Talk to a person',
        'Ask for a call back',
        'Jo Bloggs',
        '07700 900123',
        'weekday mornings',
        'rats again',
        'Send it',
      ]) {
        await residentSays(h.url, h.channel.url, conv, text);
      }
      const reference = /CB-[0-9A-F]{8}/.exec(h.channel.texts(conv).at(-1)!)![0];
      const { context, page } = await agentPage(browser, h.url);
      const item = page.locator('#callbacks li', { hasText: reference });
      await item.waitFor();
      expect(await item.innerText()).toMatch(/Jo Bloggs – 07700 900123/);
      await page.getByRole('button', { name: `Show transcript: callback ${reference}` }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('context-heading');
      await page
        .locator('#context-of')
        .getByText(new RegExp(`Call-back request ${reference} from Jo Bloggs`))
        .waitFor();
      await page.locator('#transcript').getByText('there are rats in my garden at 12 Mill Lane').waitFor();
      // Phone numbers in what the assistant said are links here too.
      expect(await page.locator('#transcript a[href^="tel:"]').count()).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
      await context.close();
    }, 150_000);
  });
});
