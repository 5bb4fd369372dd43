/// <reference lib="dom" />
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPageText } from '../../channels/web/pageText';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { startAssistant, type Running } from '../directline/harness';
import { axeViolations, sendBox, transcript, waitForBubble } from './support';

const ROOT = path.resolve(__dirname, '..', '..');
const FILE = path.join(ROOT, 'knowledge', 'chat-page.yaml');
const ENGLISH = loadPageText(FILE);
const WELSH = loadPageText(FILE, 'cy-GB');
const WELSH_WELCOME = /Helo, fi yw cynorthwyydd Cyngor Anytown/;
const ENGLISH_WELCOME = /Hello, I.m the Anytown Council assistant/;
/** The Welsh help reply (knowledge/messages/cy-GB/replies.yaml help). */
const WELSH_HELP = /Gallwch chi ofyn cwestiwn i mi yn eich geiriau eich hun/;

/** A suggested action, in the toolbar Web Chat names in the page's language (webchat.yaml SUGGESTED_ACTIONS_LABEL_ALT in Welsh). */
const suggestedAction = (page: Page, name: string, toolbar = 'Awgrymiadau') => page.getByRole('toolbar', { name: toolbar }).getByRole('button', { name });
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const conversationId = (page: Page) =>
  page.evaluate(() => (JSON.parse(sessionStorage.getItem('council-assistant.conversation') ?? '{}') as { conversationId?: string }).conversationId);

/**
 * The chat page in Welsh (issue 21): Anytown declares en-GB and cy-GB. The page's own words, Web
 * Chat's and the assistant's are Welsh together; the page follows the conversation into the other
 * language and back, keeping it. The real server with its local Direct Line, in Chromium.
 */
describe.skipIf(skipWithoutBrowser())('the chat page in Welsh, in Chromium', () => {
  let run: Running;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The council site of the embed test runs on another port: it must be allowed to frame the page.
    run = await startAssistant({ ALLOWED_EMBEDDERS: "'self' http://127.0.0.1:*" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(options: { width?: number; height?: number; locale?: string } = {}): Promise<Page> {
    context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: options.height ?? 900 }, locale: options.locale });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    pageErrors.length = 0;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    return page;
  }

  it('is Welsh throughout: its lang, its words, Web Chat’s send button and message box, and the assistant’s welcome and replies; no WCAG 2.2 AA violations', async () => {
    await open();
    await page.goto(`${run.base}/cymraeg`);
    await waitForBubble(page, WELSH_WELCOME);
    expect(await htmlLang(page)).toBe('cy-GB');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(WELSH.page.heading);
    await page.getByRole('button', { name: WELSH.page.startAgain }).waitFor();
    expect(await page.getByRole('region', { name: WELSH.page.chatLabel }).count()).toBe(1);
    // The switch to English: its own name, said in English.
    const english = page.getByRole('link', { name: 'English' });
    expect(await english.getAttribute('lang')).toBe('en-GB');
    // Web Chat's own words from knowledge/messages/cy-GB/webchat.yaml.
    expect(await sendBox(page).getAttribute('placeholder')).toBe('Teipiwch eich neges');
    await page.getByRole('button', { name: 'Anfon', exact: true }).waitFor();
    // No English word of the page is left on it.
    const body = await page.locator('body').innerText();
    for (const words of [ENGLISH.page.heading, ENGLISH.page.startAgain, ENGLISH.page.saveConversation, ENGLISH.page.footerAccessibility, 'Type your message'])
      expect(body).not.toContain(words);

    await sendBox(page).fill('beth allwch chi ei wneud');
    await sendBox(page).press('Enter');
    await waitForBubble(page, WELSH_HELP);
    await suggestedAction(page, 'Siarad â pherson').waitFor();
    expect(await htmlLang(page)).toBe('cy-GB');
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('fits a 390×844 phone in Welsh, with the switch to English on screen and no WCAG 2.2 AA violations', async () => {
    await open({ width: 390, height: 844 });
    await page.goto(`${run.base}/?lang=cy`);
    await waitForBubble(page, WELSH_WELCOME);
    expect(await htmlLang(page)).toBe('cy-GB');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const link = await page.getByRole('link', { name: 'English' }).boundingBox();
    expect(link && link.x >= 0 && link.x + link.width <= 390 && link.height >= 24).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is Welsh at / for a browser that asks for Welsh first (Accept-Language)', async () => {
    await open({ locale: 'cy-GB' });
    await page.goto(run.base);
    await waitForBubble(page, WELSH_WELCOME);
    expect(await htmlLang(page)).toBe('cy-GB');
  });

  it('follows the conversation into English when the resident chooses it in the chat, and back into Welsh by the page’s own link, keeping the conversation', async () => {
    await open();
    await page.goto(`${run.base}/cymraeg`);
    await waitForBubble(page, WELSH_WELCOME);
    const id = await conversationId(page);

    // The welcome's "English" button: the assistant answers in English and the page follows.
    await suggestedAction(page, 'English').click();
    await page.waitForURL(`${run.base}/english`);
    await waitForBubble(page, /OK, I.ll carry on in English/);
    expect(await htmlLang(page)).toBe('en-GB');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ENGLISH.page.heading);
    expect(await sendBox(page).getAttribute('placeholder')).toBe('Type your message');
    expect(await conversationId(page)).toBe(id);
    expect((await transcript(page)).some((t) => WELSH_WELCOME.test(t))).toBe(true);
    // Said in the status region, and the resident is back in the message box.
    await expect.poll(async () => page.locator('#chat-status').textContent(), { timeout: 5_000 }).toBe(ENGLISH.languageChanged);
    await expect.poll(async () => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
    expect(await axeViolations(page)).toEqual([]);

    // The page's link to Welsh: the same conversation, and the assistant carries on in Welsh.
    await page.getByRole('link', { name: 'Cymraeg' }).click();
    await page.waitForURL(`${run.base}/cymraeg`);
    await waitForBubble(page, /Iawn, fe wna i barhau yn Gymraeg/);
    expect(await htmlLang(page)).toBe('cy-GB');
    expect(await conversationId(page)).toBe(id);
    await expect.poll(async () => page.locator('#chat-status').textContent(), { timeout: 5_000 }).toBe(WELSH.languageChanged);
    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await waitForBubble(page, WELSH_HELP);
    expect(await htmlLang(page)).toBe('cy-GB');
    expect(pageErrors).toEqual([]);
  });

  it('serves the accessibility statement inside a Welsh page (the statement itself marked as English), with no WCAG 2.2 AA violations', async () => {
    await open();
    await page.goto(`${run.base}/cymraeg`);
    await page.getByRole('link', { name: WELSH.page.footerAccessibility }).click();
    expect(await htmlLang(page)).toBe('cy-GB');
    await page.getByText(WELSH.page.statementNotTranslated).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).evaluate((h) => h.closest('[lang]')?.getAttribute('lang'))).toBe('en-GB');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: WELSH.page.backToChat }).click();
    await page.waitForURL(`${run.base}/cymraeg`);
  });

  it('opens the Welsh chat from embed.js on a Welsh page of the council’s site', async () => {
    const site = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="cy"><head><meta charset="utf-8"><title>Biniau – Cyngor Bwrdeistref Anytown</title></head>` +
          `<body><main><h1>Biniau ac ailgylchu</h1></main><script src="${run.base}/embed.js" defer></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      await open();
      await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      // The button, the close button and the chat's title in Welsh (knowledge/cy-GB/chat-page.yaml embed), with no data-label.
      await page.getByRole('button', { name: WELSH.embed.button }).click();
      await page.getByRole('button', { name: WELSH.embed.closeLabel }).waitFor();
      expect(await page.getByText(ENGLISH.embed.button).count()).toBe(0);
      const frame = page.frameLocator(`iframe[title="${WELSH.embed.frameTitle.replace('{assistant}', WELSH.assistantName)}"]`);
      await frame.locator('.webchat__bubble__content', { hasText: WELSH_WELCOME }).waitFor();
      expect(await frame.locator('html').getAttribute('lang')).toBe('cy-GB');
    } finally {
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
  });

  it('follows a resident who writes in Welsh on the English page', async () => {
    await open();
    await page.goto(`${run.base}/english`);
    await waitForBubble(page, ENGLISH_WELCOME);
    const id = await conversationId(page);
    await sendBox(page).fill('Bore da, dw i eisiau gwybod beth allwch chi ei wneud i fy helpu i heddiw');
    await sendBox(page).press('Enter');
    await page.waitForURL(`${run.base}/cymraeg`);
    expect(await htmlLang(page)).toBe('cy-GB');
    expect(await conversationId(page)).toBe(id);
    await waitForBubble(page, /Bore da, dw i eisiau gwybod/);
    await expect.poll(async () => page.locator('#chat-status').textContent(), { timeout: 5_000 }).toBe(WELSH.languageChanged);
  });
});
