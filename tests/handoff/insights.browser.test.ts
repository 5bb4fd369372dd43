import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey, InsightEventStore, type InsightEvent } from '../../insights/insightEventStore';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { PASSWORD, startApp, type Harness } from './support/harness';

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signInAs(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/agent/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByText(/Signed in as/).waitFor();
}

describe.skipIf(skipWithoutBrowser())('insights page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    h = await startApp();
    await h.app.handoff.staff.addAccount('mina', 'Mina', PASSWORD);
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    await h.app.handoff.staff.grantRole('mina', 'manager');
    const at = new Date().toISOString();
    const event = (c: string, kind: InsightEvent['kind'], detail: string | null): InsightEvent => ({
      conversation: conversationKey(c, 'test'),
      channel: 'web',
      kind,
      detail,
      at,
    });
    await new InsightEventStore(h.app.database.db).record([
      event('a', 'answered', 'council-tax-pay'),
      event('a', 'helpful', 'council-tax-pay'),
      event('b', 'prompt', 'postcode'),
      event('b', 'filed', 'missed_bin'),
      event('c', 'answered', 'council-tax-pay'),
      event('d', 'prompt', 'postcode'),
    ]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('a manager reaches it from the console and reads every chart as a captioned table, with a CSV of each; no accessibility violations', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInAs(page, h.url, 'mina');
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await expect.poll(() => page.locator('#report-status').innerText()).toMatch(/^4 conversations from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\./);
    const outcomes = page.getByRole('table', { name: 'Conversations by outcome' });
    expect(await outcomes.getByRole('row', { name: /Request filed/ }).innerText()).toMatch(/Request filed\s+1/);
    expect(await outcomes.getByRole('row', { name: /Answered, no feedback/ }).innerText()).toMatch(/Answered, no feedback\s+1/);
    expect(await outcomes.getByRole('row', { name: /Left in the middle of a request/ }).innerText()).toMatch(/\s1$/);
    expect(await page.getByRole('img', { name: 'Conversations by outcome' }).count()).toBe(1);
    expect(await page.locator('#summary').innerText()).toMatch(/Resolved \(helpful answers and filed requests\)\s+2 \(50%\)/);
    expect(await page.locator('#savings').innerText()).toMatch(/^Between £1\.61 and £3\.75 from 2 resolved conversations\.$/);
    expect(await axe(page)).toEqual([]);

    const csv = await page.evaluate(
      async (u) => (await fetch(u, { credentials: 'same-origin' })).text(),
      `/agent/api/insights/services.csv?from=${today}&to=${today}`,
    );
    expect(csv).toBe('Service,Requests\r\nmissed_bin,1\r\n');

    await page.getByLabel('First day').fill('1 November');
    await page.getByRole('button', { name: 'Show insights' }).click();
    await page
      .getByRole('alert')
      .getByText(/year-month-day/)
      .waitFor();
    expect(await page.getByLabel('First day').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('is refused to staff without the manager role, saying how to get it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, h.url, 'sam');
    expect(await page.locator('#insights-link').isHidden()).toBe(true);
    const answer = await page.evaluate(async () => {
      const res = await fetch('/agent/api/insights', { credentials: 'same-origin' });
      return { status: res.status, body: (await res.json()) as { error: string } };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatch(/--role manager/);
    await context.close();
  });
});
