/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPageText } from '../../channels/web/pageText';
import { startAssistant, type Running } from '../directline/harness';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { signInAgent, type AgentApi } from './agentApi';
import { axeViolations, sendBox, waitForBubble } from './support';

const ROOT = path.resolve(__dirname, '..', '..');
const TEXT = loadPageText(path.join(ROOT, 'knowledge', 'chat-page.yaml'));
const PASSWORD = 'a test password, not a real one';
const WELCOME = /Anytown Council assistant/;
/** The brief's promise: a resident who closes the page is out of the queue within this long (with the default leave grace). */
const GONE_WITHIN_MS = 10_000;

/**
 * The resident's page with a person from the contact centre (issue 18, items 3 and 5): the agent
 * shown and announced as a person, "End chat", the connection notice, and no ghosts in the queue
 * when the resident leaves (closing the page, "Start again"). The real server with its local
 * Direct Line, the contact centre always open, the agent on the agent API (and once in the console).
 */
describe.skipIf(skipWithoutBrowser())('live chat with a person on the resident page, in Chromium', () => {
  let run: Running;
  let browser: Browser;
  let agent: AgentApi;

  beforeAll(async () => {
    run = await startAssistant({ CONTACT_CENTRE_CONFIG: path.join(ROOT, 'tests', 'handoff', 'fixtures', 'always-open.yaml') });
    await run.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    agent = await signInAgent(run.base, 'sam', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });

  async function residentPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  /** Opens the page, asks for a person, and returns the handoff now waiting in the queue. */
  async function queue(page: Page, words = 'Talk to a person'): Promise<string> {
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    await sendBox(page).fill(words);
    await sendBox(page).press('Enter');
    await waitForBubble(page, /in the queue/);
    const conversationId = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('council-assistant.conversation') ?? '{}') as { conversationId: string }).conversationId,
    );
    const handoff = await run.app.handoff.store.openFor(conversationId);
    expect(handoff?.status).toBe('queued');
    expect(await waiting()).toContain(handoff!.id);
    return handoff!.id;
  }

  /** The ids in the agent's queue, as the console reads it. */
  async function waiting(): Promise<string[]> {
    const q = await agent('GET', '/agent/api/queue');
    return (q.body.waiting ?? []).map((w) => w.id);
  }

  const endChat = (page: Page) => page.locator('#end-chat');

  it('shows and announces the agent as a person, has "End chat" only while with them, and it ends the chat for both', async () => {
    const { context, page, errors } = await residentPage();
    const id = await queue(page);
    expect(await endChat(page).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    expect((await agent('POST', `/agent/api/conversations/${id}/accept`)).status).toBe(200);
    await waitForBubble(page, /now talking to Sam/);
    await endChat(page).waitFor({ state: 'visible' });
    expect(await endChat(page).textContent()).toBe(TEXT.endChat);
    const box = (await endChat(page).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);

    expect((await agent('POST', `/agent/api/conversations/${id}/messages`, { text: 'Hello, this is Sam. I can see your question.' })).status).toBe(201);
    await waitForBubble(page, 'Hello, this is Sam.');
    // Shown as a person: their initials beside it, their name by the time, a bubble unlike the assistant's.
    const agentLine = page.locator('.webchat__stacked-layout', { hasText: 'Hello, this is Sam.' });
    const assistantLine = page.locator('.webchat__stacked-layout', { hasText: /now talking to Sam/ });
    await expect.poll(() => agentLine.locator('.webchat__stacked-layout__main > .webchat__stacked-layout__avatar-gutter').innerText()).toBe('S');
    expect(await assistantLine.locator('.webchat__stacked-layout__main > .webchat__stacked-layout__avatar-gutter').innerText()).toBe('');
    await expect.poll(() => agentLine.locator('.webchat__stacked-layout__status').innerText()).toContain('Sam from Anytown Council');
    const look = (line: typeof agentLine) =>
      line.locator('.webchat__bubble__content').evaluate((e) => {
        const s = getComputedStyle(e);
        return `${s.backgroundColor} ${s.borderLeftWidth} ${s.borderLeftColor}`;
      });
    expect(await look(agentLine)).not.toBe(await look(assistantLine));
    // Announced as a person: Web Chat's accessible name of the line (transcript navigation) and its live region.
    await page.getByRole('article', { name: /^Sam from Anytown Council said: Hello, this is Sam\./ }).waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('.webchat__live-region-transcript').innerText()).toContain('Sam from Anytown Council said: Hello, this is Sam.');
    const assistantName = await page
      .locator('[role="article"][aria-labelledby]')
      .evaluateAll((items) =>
        items.map((i) => document.getElementById(i.getAttribute('aria-labelledby')!)?.textContent ?? '').find((t) => /now talking to Sam/.test(t)),
      );
    expect(assistantName).not.toMatch(/from Anytown Council said/);
    expect(await axeViolations(page)).toEqual([]);
    // On a 320 px phone too: no sideways scrolling, End chat still there, no axe failures.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await endChat(page).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1000, height: 800 });

    // End chat: the resident is back with the assistant, the button goes, the agent is told and cannot write on.
    await endChat(page).click();
    await waitForBubble(page, /ended the chat with the contact centre/);
    expect(await endChat(page).isVisible()).toBe(false);
    const ended = await agent('GET', `/agent/api/conversations/${id}`);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.endReason).toBe('resident_ended');
    expect(ended.body.messages?.at(-1)?.text).toBe('The resident ended the chat.');
    expect((await agent('POST', `/agent/api/conversations/${id}/messages`, { text: 'hello?' })).status).toBe(409);
    expect(await axeViolations(page)).toEqual([]);

    // A reload replays the conversation: no "End chat" once the person has gone.
    await page.reload();
    await waitForBubble(page, /ended the chat with the contact centre/);
    expect(await endChat(page).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('"End chat" is back after a reload while with a person, and leaves with the agent told', async () => {
    const { context, page } = await residentPage();
    const id = await queue(page);
    await agent('POST', `/agent/api/conversations/${id}/accept`);
    await endChat(page).waitFor({ state: 'visible' });
    await page.reload();
    await waitForBubble(page, /now talking to Sam/);
    await endChat(page).waitFor({ state: 'visible' });
    await endChat(page).press('Enter');
    await expect.poll(async () => (await agent('GET', `/agent/api/conversations/${id}`)).body.status).toBe('ended');
    await context.close();
  }, 90_000);

  it('says when the connection drops, and when it is back', async () => {
    const { context, page, errors } = await residentPage();
    const streams: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/stream\b/, (ws) => {
      ws.connectToServer();
      streams.push(ws);
    });
    await page.goto(run.base);
    await waitForBubble(page, WELCOME);
    const notice = page.locator('#chat-connection');
    expect(await notice.isVisible()).toBe(false);

    await streams.at(-1)!.close({ code: 4000, reason: 'test: the network went' });
    await notice.getByText(TEXT.connectionLost).waitFor();
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe(TEXT.connectionLost);
    expect(await axeViolations(page)).toEqual([]);

    // Direct Line reconnects by itself (a new stream): the page says so.
    await notice.getByText(TEXT.connectionBack).waitFor();
    expect(streams.length).toBeGreaterThanOrEqual(2);
    expect(await axeViolations(page)).toEqual([]);
    // And the conversation carries on over the new stream.
    await sendBox(page).fill('help');
    await sendBox(page).press('Enter');
    await waitForBubble(page, /You can ask me a question in your own words/);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('a queued resident who closes the page is gone from the queue within 10 s, urgent ones too, and the agent is told', async () => {
    const plain = await residentPage();
    const urgent = await residentPage();
    const plainId = await queue(plain.page);
    await urgent.page.goto(run.base);
    await waitForBubble(urgent.page, WELCOME);
    await sendBox(urgent.page).fill('my partner hits me and I am scared to go home');
    await sendBox(urgent.page).press('Enter');
    await waitForBubble(urgent.page, /999/);
    await sendBox(urgent.page).fill('Talk to a person');
    await sendBox(urgent.page).press('Enter');
    await waitForBubble(urgent.page, /in the queue/);
    const q = await agent('GET', '/agent/api/queue');
    const urgentItem = q.body.waiting!.find((w) => w.priority === 1)!;
    expect(urgentItem).toBeDefined();

    await plain.context.close();
    await urgent.context.close();
    await expect.poll(waiting, { timeout: GONE_WITHIN_MS, interval: 250 }).not.toContain(plainId);
    await expect.poll(waiting, { timeout: GONE_WITHIN_MS, interval: 250 }).not.toContain(urgentItem.id);
    for (const id of [plainId, urgentItem.id]) {
      const d = await agent('GET', `/agent/api/conversations/${id}`);
      expect(d.body.status).toBe('ended');
      expect(d.body.endReason).toBe('resident_left');
      expect(d.body.messages?.at(-1)?.text).toBe('The resident has left.');
    }
  }, 90_000);

  it('a reload keeps the resident in the queue', async () => {
    const { context, page } = await residentPage();
    const id = await queue(page);
    await page.reload();
    await waitForBubble(page, /in the queue/);
    // Longer than the leave grace: a page that came back has not left.
    await page.waitForTimeout(6_000);
    expect(await waiting()).toContain(id);
    await page.getByRole('button', { name: 'Start again' }).click();
    await expect.poll(waiting).not.toContain(id);
    await context.close();
  }, 90_000);

  it('"Start again" while queued takes the resident out of the queue', async () => {
    const { context, page } = await residentPage();
    const id = await queue(page);
    await page.getByRole('button', { name: 'Start again' }).click();
    await waitForBubble(page, WELCOME);
    await expect.poll(waiting, { timeout: GONE_WITHIN_MS }).not.toContain(id);
    const d = await agent('GET', `/agent/api/conversations/${id}`);
    expect(d.body.endReason).toBe('resident_left_queue');
    expect(d.body.messages?.at(-1)?.text).toBe('The resident left the queue.');
    await context.close();
  }, 90_000);

  it('in the console, an accepted chat whose resident closed the page says the resident has left, and the agent cannot write to nobody', async () => {
    const resident = await residentPage();
    const id = await queue(resident.page);
    const consoleContext = await browser.newContext();
    consoleContext.setDefaultTimeout(20_000);
    const staff = await consoleContext.newPage();
    await run.app.handoff.staff.addAccount('alex', 'Alex', PASSWORD);
    await staff.goto(`${run.base}/agent`);
    await staff.getByLabel('Username').fill('alex');
    await staff.getByLabel('Password').fill(PASSWORD);
    await staff.getByLabel('Password').press('Enter');
    await staff.getByText('Signed in as Alex').waitFor();
    await agentAccepts(staff, id);
    await waitForBubble(resident.page, /now talking to Alex/);

    await resident.context.close();
    await staff
      .locator('#conversation-status')
      .getByText(/the resident has left/)
      .waitFor({ timeout: GONE_WITHIN_MS });
    await staff.locator('#chat-log').getByText('The resident has left.').waitFor();
    expect(await staff.getByLabel('Message to the resident').isDisabled()).toBe(true);
    expect(await staff.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    expect(await axeViolations(staff)).toEqual([]);
    await consoleContext.close();
  }, 90_000);
});

/** Accepts the conversation in the console (its row's Accept button). */
async function agentAccepts(staff: Page, handoffId: string): Promise<void> {
  await staff.locator(`button[data-accept="${handoffId}"]`).click();
  await staff
    .locator('#conversation-status')
    .getByText(/Talking to a person \(with you\)/)
    .waitFor();
}
