import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { newConversationId, PASSWORD, startApp, type Harness } from './support/harness';

const XSS = '<img src=x onerror=alert(1)>';

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function residentSend(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message').fill(text);
  await page.getByLabel('Message').press('Enter');
}

describe.skipIf(skipWithoutBrowser())('agent console in Chromium: the whole journey with two browser contexts', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    h = await startApp();
    h.channel.botUrl = h.url;
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('resident waits, agent signs in, accepts with the keyboard, chats, creates a case and ends; no accessibility violations', async () => {
    const conv = newConversationId();
    const residentContext = await browser.newContext();
    const agentContext = await browser.newContext();
    residentContext.setDefaultTimeout(15_000);
    agentContext.setDefaultTimeout(15_000);
    const resident = await residentContext.newPage();
    const agent = await agentContext.newPage();
    const alerts: string[] = [];
    agent.on('dialog', async (d) => {
      alerts.push(d.message());
      await d.dismiss();
    });

    // Resident: asks, then asks for a person, and writes something nasty while waiting.
    await resident.goto(`${h.channel.url}resident?conv=${conv}`);
    await residentSend(resident, 'my green bin was not collected, AT1 1AA');
    await resident.locator('#log li.bot').first().waitFor();
    await residentSend(resident, 'Talk to a person');
    await resident.getByText(/You're number 1 in the queue/).waitFor();
    await residentSend(resident, XSS);
    await resident.getByText(/Thanks, they'll see that/).waitFor();

    // Agent: the console sends them to sign in.
    await agent.goto(`${h.url}/agent`);
    await expect.poll(() => agent.url()).toMatch(/\/agent\/sign-in$/);
    expect(await axe(agent)).toEqual([]);
    await agent.getByLabel('Username').fill('sam');
    await agent.getByLabel('Password').fill('wrong password');
    await agent.getByLabel('Password').press('Enter');
    await agent
      .getByRole('alert')
      .getByText(/not right/)
      .waitFor();
    expect(await agent.evaluate('document.activeElement && document.activeElement.id')).toBe('error-summary');
    expect(await axe(agent)).toEqual([]);
    await agent.getByLabel('Username').fill('sam');
    await agent.getByLabel('Password').fill(PASSWORD);
    await agent.getByLabel('Password').press('Enter');
    await agent.getByText('Signed in as Sam').waitFor();

    // The queue: reason, summary, waiting time; accept with the keyboard.
    const accept = agent.getByRole('button', { name: /Accept: Asked for a person/ });
    await accept.waitFor();
    await expect
      .poll(() => agent.locator('#waiting tr').first().innerText())
      .toMatch(/my green bin was not collected, AT1 1AA" \(Missed bin collection, not finished\)/);
    expect(await axe(agent)).toEqual([]);
    await accept.focus();
    await agent.keyboard.press('Enter');
    await agent
      .locator('#conversation-status')
      .getByText(/Talking to a person \(with you\)/)
      .waitFor();
    await resident.getByText(/You're now talking to Sam/).waitFor();

    // What travelled: the transcript, the assistant's understanding, the resident's words as text.
    await agent.locator('#transcript').getByText('my green bin was not collected, AT1 1AA').waitFor();
    await agent
      .locator('#recognizer')
      .getByText(/human_handoff/)
      .waitFor();
    // The request it interrupted, as the assistant understood it.
    await agent.locator('#request-heading').getByText('Request so far (not sent)').waitFor();
    await agent.locator('#request-fields').getByText('Missed bin collection (missed_bin)').waitFor();
    await agent.locator('#request-fields').getByText('AT1 1AA (address not chosen yet)').waitFor();
    const xssLine = agent.locator('#chat-log li', { hasText: XSS });
    await xssLine.waitFor();
    expect(await agent.locator('#chat-log img').count()).toBe(0);
    expect(await xssLine.locator('.text').textContent()).toBe(XSS);

    // Live two-way chat.
    await agent.getByLabel('Message to the resident').fill('Hello, I can see your missed bin report.');
    await agent.getByLabel('Message to the resident').press('Enter');
    await resident.getByText('Hello, I can see your missed bin report.').waitFor();
    await agent.locator('#chat-log').getByText('Hello, I can see your missed bin report.').waitFor();
    await residentSend(resident, 'thank you, it was Tuesday');
    await agent.locator('#chat-log').getByText('thank you, it was Tuesday').waitFor();

    // A canned reply, chosen and sent from the keyboard.
    await agent.getByLabel('Canned reply').selectOption({ index: 1 });
    await agent.getByRole('button', { name: 'Insert' }).press('Enter');
    await agent.getByLabel('Message to the resident').press('Enter');
    await resident.getByText('Is there anything else I can help you with today?').waitFor();

    // Create a case, pre-filled from the request so far (tests/handoff/handoffBrief.test.ts covers what it holds).
    await agent.locator('#case-panel summary').focus();
    await agent.keyboard.press('Enter');
    expect(await agent.getByLabel('Summary').inputValue()).toBe(
      'Asked for a person: "my green bin was not collected, AT1 1AA" (Missed bin collection, not finished)',
    );
    expect(await agent.getByLabel('Service').inputValue()).toBe('Missed bin collection');
    expect(await agent.getByLabel('Answers').inputValue()).toBe('Which bin was missed? Garden waste (green bin)');
    expect(await agent.getByLabel('Address or location').inputValue()).toBe('AT1 1AA (address not chosen yet)');
    await agent.locator('#case-form button[type=submit]').click();
    await agent
      .locator('#case-result')
      .getByText(/^Case CC-[A-Z0-9]{8} created\.$/)
      .waitFor();
    expect(await axe(agent)).toEqual([]);

    // End: the resident is back with the assistant.
    await agent.getByRole('button', { name: 'End chat' }).click();
    await resident.getByText(/ended the chat. I'm the assistant again/).waitFor();
    await agent
      .locator('#conversation-status')
      .getByText(/^Ended\./)
      .waitFor();
    await residentSend(resident, 'hello');
    await resident.getByText('Hello. What can I help you with today?').waitFor();
    expect(alerts).toEqual([]);
    expect(await axe(agent)).toEqual([]);

    await residentContext.close();
    await agentContext.close();
  }, 150_000);
});
