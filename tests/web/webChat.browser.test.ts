/// <reference lib="dom" />
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import { CardFactory, type ConversationReference } from 'botbuilder';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { startAssistant, type Running } from '../directline/harness';
import { axeViolations, sendBox, suggestedAction, transcript, waitForBubble } from './support';

const WELCOME = /Anytown Council assistant/;

describe.skipIf(skipWithoutBrowser())('the resident chat page in Chromium', () => {
  let run: Running;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The council site of the embed.js test runs on another port: it must be allowed to frame the page.
    run = await startAssistant({ ALLOWED_EMBEDDERS: "'self' http://127.0.0.1:*" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    pageErrors.length = 0;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  });
  afterEach(async () => {
    await context?.close();
  });

  it('holds a conversation: welcome, a question, a choice by clicking, and a reload keeps it all', async () => {
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(await page.title()).toContain('Anytown Borough Council');

    await sendBox(page).fill('how do I pay my council tax');
    await sendBox(page).press('Enter');
    await waitForBubble(page, 'how do I pay my council tax');
    // The bot answers (whatever dialog handles it): a new bot bubble after the question.
    await expect.poll(async () => await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    // The answer asks "Did this answer your question?": answer it by clicking.
    await waitForBubble(page, /Did this answer your question/);
    await suggestedAction(page, 'Yes').click();
    await waitForBubble(page, /^Yes$/);

    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await waitForBubble(page, /You can ask me a question in your own words/);
    const choice = suggestedAction(page, 'Report a pothole');
    await choice.click();
    await waitForBubble(page, /^Report a pothole$/);
    const before = await transcript(page);
    expect(before.length).toBeGreaterThanOrEqual(6);

    await page.reload();
    await waitForBubble(page, /^Report a pothole$/);
    await expect.poll(async () => (await transcript(page)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(before.length);
    const after = await transcript(page);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(pageErrors).toEqual([]);
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the chat');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chat');
    // Tab on until the message box has focus (Web Chat's transcript and suggested actions come first).
    for (let i = 0; i < 15 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input')); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await waitForBubble(page, /You can ask me a question in your own words/);
    // Web Chat's shortcut to the suggested actions (it tells screen reader users about it), then arrow keys and Enter.
    await suggestedAction(page, 'Talk to a person').waitFor();
    await page.keyboard.press('Alt+Shift+A');
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Talk to a person'; i++) {
      await page.keyboard.press('ArrowRight');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Talk to a person');
    const focusVisible = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
    });
    expect(focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    await waitForBubble(page, /^Talk to a person$/);
    // "Start again" is reachable and works from the keyboard.
    await page.getByRole('button', { name: 'Start again' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await transcript(page)).some((t) => t === 'Talk to a person'), { timeout: 20_000 }).toBe(false);
    await waitForBubble(page, WELCOME);
    // The page announces it 50 ms after the new conversation is ready (so screen readers notice the change): wait for it.
    await expect.poll(async () => page.locator('#chat-status').textContent(), { timeout: 5_000 }).toMatch(/new conversation/);
  });

  it('fits a 320 px wide screen with no sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await waitForBubble(page, /You can ask me a question/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await sendBox(page).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no WCAG 2.2 AA violations (axe-core), with suggested actions on screen', async () => {
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    await suggestedAction(page, 'Talk to a person').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows Adaptive Cards and proactive messages (e.g. from the outbox or an agent) as they arrive, accessibly', async () => {
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    const { conversationId } = await page.evaluate(() => JSON.parse(sessionStorage.getItem('council-assistant.conversation')!));
    const reference: Partial<ConversationReference> = {
      channelId: 'directline',
      serviceUrl: run.app.webChat.directLine!.serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
      bot: { id: 'council-assistant', name: 'Anytown Council', role: 'bot' },
    };
    await run.app.adapter.continueConversationAsync('', reference, async (ctx) => {
      await ctx.sendActivity({
        attachments: [
          CardFactory.adaptiveCard({
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              { type: 'TextBlock', text: 'Your report AT-1234 has been updated', weight: 'Bolder', wrap: true },
              { type: 'Input.Text', id: 'comment', label: 'Anything to add?', isRequired: false },
            ],
            actions: [{ type: 'Action.Submit', title: 'Send comment' }],
          }),
        ],
      });
    });
    await page.getByText('Your report AT-1234 has been updated').waitFor({ timeout: 20_000 });
    await page.locator('.ac-pushButton', { hasText: 'Send comment' }).waitFor();
    await page.getByLabel('Anything to add?').fill('The hole is deeper now');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('serves an accessibility statement with no WCAG 2.2 AA violations', async () => {
    await page.goto(`${run.base}/accessibility`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Accessibility statement/);
    await page.getByRole('heading', { name: 'Reporting accessibility problems with this website' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('uses an axe check that does find problems (so the zero above means something)', async () => {
    await page.setContent('<html><body><p style="color:#bbb;background:#fff">faint text</p><img src="/x.png"><button></button></body></html>');
    const found = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    expect(found).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'button-name']));
  });

  it('shows markup and script in a message as text, never as HTML', async () => {
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **not bold**';
    await sendBox(page).fill(attack);
    await sendBox(page).press('Enter');
    await waitForBubble(page, 'onerror');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.webchat__bubble--from-user img').count()).toBe(0);
    expect(await page.locator('.webchat__bubble--from-user script').count()).toBe(0);
    expect((await transcript(page)).some((t) => t.includes('<img src=x'))).toBe(true);
  });

  it('saves the transcript as a text file', async () => {
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await waitForBubble(page, /You can ask me a question/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save conversation' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^conversation-\d{4}-\d{2}-\d{2}\.txt$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text).toMatch(/You:\r\nhelp/);
    expect(text).toMatch(/Ask Anytown:\r\nHello, I/);
  });

  describe('embed.js on a council web page', () => {
    let site: http.Server;
    let siteUrl: string;
    beforeAll(async () => {
      site = http.createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bins – Anytown Borough Council</title></head>` +
            `<body><main><h1>Bins and recycling</h1><p>Find your collection day.</p></main><script src="${run.base}/embed.js" defer></script></body></html>`,
        );
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    });
    afterAll(async () => new Promise<void>((resolve) => site.close(() => resolve())));

    it('adds a chat button that opens an accessible panel, and Escape closes it back to the button', async () => {
      await page.goto(siteUrl);
      const button = page.getByRole('button', { name: 'Chat with us' });
      await button.waitFor();
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await axeViolations(page)).toEqual([]);
      await button.click();
      const frame = page.frameLocator('iframe[title="Ask Anytown chat"]');
      await frame.locator('.webchat__bubble__content', { hasText: WELCOME }).waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
      expect(await axeViolations(page)).toEqual([]);
      await frame.locator('[data-id="webchat-sendbox-input"]').fill('help');
      await frame.locator('[data-id="webchat-sendbox-input"]').press('Enter');
      await frame.locator('.webchat__bubble__content', { hasText: /You can ask me a question/ }).waitFor({ timeout: 20_000 });
      // Escape inside the chat closes the panel and returns focus to the button.
      await frame.locator('[data-id="webchat-sendbox-input"]').press('Escape');
      await button.waitFor({ state: 'visible' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chat with us');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
    });
  });
});
