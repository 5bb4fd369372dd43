/// <reference lib="dom" />
import { CardFactory, type ConversationReference } from 'botbuilder';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { startAssistant, type Running } from '../directline/harness';
import { axeViolations, sendBox, suggestedAction, waitForBubble } from './support';

const WELCOME = /Anytown Council assistant/;

/** A phone (320×640), 1280×1024 at 400 % zoom (a 320×256 CSS viewport) and a phone with its keyboard open (320×300). */
const SCREENS = [
  { name: 'a 320×640 phone', width: 320, height: 640 },
  { name: '1280×1024 at 400 % zoom', width: 320, height: 256 },
  { name: 'a phone with its keyboard open', width: 320, height: 300 },
] as const;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

/** Where an element is on screen, and whether all of it can be seen (inside the window and inside every scrolling box around it). */
async function seen(page: Page, selector: string, hasText?: RegExp): Promise<{ box: Box; visible: boolean }> {
  const target = hasText ? page.locator(selector, { hasText }).last() : page.locator(selector).last();
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    let top = 0;
    let bottom = window.innerHeight;
    let left = 0;
    let right = window.innerWidth;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll|hidden)/.test(s.overflowY)) {
        const c = p.getBoundingClientRect();
        top = Math.max(top, c.top);
        bottom = Math.min(bottom, c.bottom);
        left = Math.max(left, c.left);
        right = Math.min(right, c.right);
      }
    }
    const box = { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    return { box, visible: r.height > 0 && r.top >= top - 1 && r.bottom <= bottom + 1 && r.left >= left - 1 && r.right <= right + 1 };
  });
}

const rect = (page: Page, selector: string) =>
  page
    .locator(selector)
    .last()
    .evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
const overlaps = (a: Box, b: Box) => a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5 && a.left < b.right - 0.5 && b.left < a.right - 0.5;

/** Every visible button and link in the chat that is smaller than 24×24 px (WCAG 2.2 target size), links inside sentences aside. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.locator('#chat button, #chat a[href], #chat input, .toolbar button').evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (
          r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.webchat__live-region-transcript, [aria-hidden="true"]')
        );
      })
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width < 24 || r.height < 24;
      })
      .map(
        (el) =>
          `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`,
      ),
  );
}

/** What every state must keep: the send box and choices above the footer and on screen, no sideways scrolling, big enough targets, no axe violations. */
async function checkLayout(page: Page): Promise<void> {
  const send = await seen(page, '.webchat__send-box-text-box');
  expect(send.visible, 'the message box is on screen').toBe(true);
  const footer = await rect(page, '.footer');
  expect(overlaps(send.box, footer), 'the message box does not overlap the footer').toBe(false);
  if ((await page.getByRole('toolbar', { name: 'Suggested actions' }).count()) > 0) {
    const choices = await rect(page, '.webchat__suggested-actions');
    expect(overlaps(choices, footer), 'the choices do not overlap the footer').toBe(false);
    expect(choices.bottom).toBeLessThanOrEqual(send.box.top + 0.5);
    // Choices scrolled out of their box are clipped by it: what can be seen of each stays off the footer.
    const shown = await page
      .getByRole('toolbar', { name: 'Suggested actions' })
      .getByRole('button')
      .evaluateAll((buttons) => {
        const box = buttons[0]?.closest('.webchat__suggested-actions__flow-box')?.getBoundingClientRect();
        return buttons.map((b) => {
          const r = b.getBoundingClientRect();
          const top = Math.max(r.top, box ? box.top : r.top);
          const bottom = Math.min(r.bottom, box ? box.bottom : r.bottom);
          return { top, bottom: Math.max(top, bottom), left: r.left, right: r.right, width: r.width, height: Math.max(0, bottom - top) };
        });
      });
    for (const b of shown) if (b.height > 0) expect(overlaps(b, footer), 'no choice lies over the footer').toBe(false);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(await smallTargets(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
}

async function say(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

describe.skipIf(skipWithoutBrowser())('the resident chat page on small and short screens, in Chromium', () => {
  let run: Running;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    run = await startAssistant();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });
  afterEach(async () => {
    await context?.close();
  });

  /** The page's conversation, for a message the assistant sends on its own (as the outbox or an agent does). */
  function referenceTo(conversationId: string): Partial<ConversationReference> {
    return {
      channelId: 'directline',
      serviceUrl: run.app.webChat.directLine!.serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
      bot: { id: 'council-assistant', name: 'Anytown Council', role: 'bot' },
    };
  }

  async function open(width: number, height: number): Promise<Page> {
    context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    return page;
  }

  for (const screen of SCREENS) {
    describe(screen.name, () => {
      it('an address list after a postcode: the question stays on screen, the ten addresses scroll in their own box, and the last can be chosen', async () => {
        const page = await open(screen.width, screen.height);
        await say(page, 'when are my bins collected');
        await waitForBubble(page, /postcode/);
        await say(page, 'AT1 1AA');
        await waitForBubble(page, /Which address in AT1 1AA/);
        const addresses = page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button');
        await expect.poll(() => addresses.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
        await expect.poll(async () => (await seen(page, '.webchat__bubble__content', /Which address in AT1 1AA/)).visible, { timeout: 5_000 }).toBe(true);
        const transcriptHeight = (await rect(page, '.webchat__basic-transcript')).height;
        expect(transcriptHeight, 'the transcript keeps room for the question').toBeGreaterThanOrEqual(80);
        // The list is longer than its box: it scrolls there, and not the page over the footer.
        const flow = page.locator('.webchat__suggested-actions__flow-box');
        expect(await flow.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
        await checkLayout(page);
        // The last address is reachable (scrolled into its box) and chosen.
        const last = addresses.last();
        const name = (await last.textContent())!.trim();
        await last.click();
        await waitForBubble(page, new RegExp(`^${name}$`));
      });

      it('the safeguarding reply: its first lines (999, then Samaritans) are on screen, as tel: links', async () => {
        const page = await open(screen.width, screen.height);
        await say(page, 'I want to end my life');
        await waitForBubble(page, /Samaritans/);
        await suggestedAction(page, 'Talk to a person').waitFor();
        const reply = page.locator('.webchat__bubble__content', { hasText: /Samaritans/ }).last();
        const emergency = reply.locator('a[href="tel:999"]').first();
        await expect.poll(async () => emergency.evaluate((el) => el.getBoundingClientRect().height), { timeout: 5_000 }).toBeGreaterThan(0);
        await expect
          .poll(
            async () => {
              const s = await seen(page, '.webchat__bubble__content:has-text("Samaritans") a[href="tel:999"]');
              if (process.env.DEBUG_SHOT)
                console.log(
                  JSON.stringify(s),
                  await page.evaluate(() => [window.scrollY, document.querySelector('.webchat__basic-transcript__scrollable')?.scrollTop]),
                );
              return s.visible;
            },
            { timeout: 10_000 },
          )
          .toBe(true);
        // The reply's first line is at the top of what can be seen, not scrolled past.
        const replyBox = await seen(page, '.webchat__bubble__content', /Samaritans/);
        const scroller = await rect(page, '.webchat__basic-transcript__scrollable');
        expect(replyBox.box.top).toBeGreaterThanOrEqual(scroller.top - 1);
        // Once the layout has settled (the suggested actions below the reply take their room).
        if (screen.height >= 600)
          await expect
            .poll(async () => (await seen(page, '.webchat__bubble__content:has-text("Samaritans") a[href="tel:116123"]')).visible, { timeout: 10_000 })
            .toBe(true);
        expect(await reply.locator('a[href="tel:01632960111"]').count()).toBe(1);
        // A text helpline is an sms: link (Web Chat alone would make it a button that does nothing).
        expect(await reply.locator('a[href="sms:85258"]').count()).toBe(1);
        expect(await reply.locator('button').count()).toBe(0);
        await checkLayout(page);
      });
    });
  }

  it("brings a long reply's first lines back into view when Web Chat scrolls past them (its snap raced a busy page)", async () => {
    const page = await open(320, 300);
    // What a slow phone sometimes shows: Web Chat marks the reply read before it works out the
    // scroll, and goes to the reply's end. Here the page is made to do that on purpose.
    await page.evaluate(() => {
      const scroller = document.querySelector('.webchat__basic-transcript__scrollable')!;
      const observer = new MutationObserver(() => {
        if (!/Samaritans/.test(scroller.textContent ?? '')) return;
        observer.disconnect();
        scroller.scrollTop = scroller.scrollHeight;
      });
      observer.observe(scroller, { childList: true, subtree: true, characterData: true });
    });
    await say(page, 'I want to end my life');
    await waitForBubble(page, /Samaritans/);
    await suggestedAction(page, 'Talk to a person').waitFor();
    await expect
      .poll(async () => (await seen(page, '.webchat__bubble__content:has-text("Samaritans") a[href="tel:999"]')).visible, { timeout: 10_000 })
      .toBe(true);
    // The reply's first line is in view, not scrolled past.
    const replyBox = await seen(page, '.webchat__bubble__content', /Samaritans/);
    expect(replyBox.box.top).toBeGreaterThanOrEqual((await rect(page, '.webchat__basic-transcript__scrollable')).top - 1);
  });

  it('gives the check boxes and radio buttons of a card 24×24 px targets', async () => {
    const page = await open(320, 640);
    const { conversationId } = await page.evaluate(() => JSON.parse(sessionStorage.getItem('council-assistant.conversation')!));
    await run.app.adapter.continueConversationAsync('', referenceTo(conversationId), async (ctx) => {
      await ctx.sendActivity({
        attachments: [
          CardFactory.adaptiveCard({
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              { type: 'TextBlock', text: 'Which bins were missed?', wrap: true },
              {
                type: 'Input.ChoiceSet',
                id: 'bins',
                label: 'Bins',
                isMultiSelect: true,
                style: 'expanded',
                choices: [
                  { title: 'Green', value: 'green' },
                  { title: 'Blue', value: 'blue' },
                ],
              },
              {
                type: 'Input.ChoiceSet',
                id: 'when',
                label: 'When',
                style: 'expanded',
                choices: [
                  { title: 'Today', value: 'today' },
                  { title: 'Yesterday', value: 'yesterday' },
                ],
              },
              { type: 'Input.Toggle', id: 'again', title: 'It has happened before', label: 'Before' },
            ],
            actions: [{ type: 'Action.Submit', title: 'Send' }],
          }),
        ],
      });
    });
    await page.getByText('Which bins were missed?').waitFor({ timeout: 20_000 });
    const sizes = await page
      .locator('.ac-adaptiveCard input[type=checkbox], .ac-adaptiveCard input[type=radio]')
      .evaluateAll((inputs) => inputs.map((i) => [Math.round(i.getBoundingClientRect().width), Math.round(i.getBoundingClientRect().height)]));
    expect(sizes.length).toBe(5);
    for (const [w, h] of sizes) expect(Math.min(w, h)).toBeGreaterThanOrEqual(24);
    await checkLayout(page);
  });

  it('makes phone numbers in any reply tel: links (the council number in words, 999 after "call"), and leaves references and house numbers alone', async () => {
    const page = await open(320, 640);
    const { conversationId } = await page.evaluate(() => JSON.parse(sessionStorage.getItem('council-assistant.conversation')!));
    await run.app.adapter.continueConversationAsync('', referenceTo(conversationId), async (ctx) => {
      await ctx.sendActivity('Report AT-12345678 for 101 High Street is closed. Call us on 01632 960 000 (Monday to Friday), or call 999 in an emergency.');
    });
    await waitForBubble(page, /AT-12345678/);
    const bubble = page.locator('.webchat__bubble__content', { hasText: /AT-12345678/ });
    expect(await bubble.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => `${a.textContent}=${a.getAttribute('href')}`))).toEqual([
      '01632 960 000=tel:01632960000',
      '999=tel:999',
    ]);
    await checkLayout(page);
  });
});
