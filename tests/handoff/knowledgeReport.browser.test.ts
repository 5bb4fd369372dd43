import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnansweredStore } from '../../knowledge/unansweredStore';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { PASSWORD, startApp, type Harness } from './support/harness';

const XSS = 'can I <img src=x onerror=alert(1)> keep bees';

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

describe.skipIf(skipWithoutBrowser())('knowledge report page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    h = await startApp();
    await h.app.handoff.staff.addAccount('cara', 'Cara', PASSWORD);
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    await h.app.handoff.staff.grantRole('cara', 'content');
    const store = new UnansweredStore(h.app.database.db);
    await store.record('can I keep chickens? my number is 07700 900123', 'no_answer');
    await store.record('keeping chickens in the garden', 'no_answer');
    await store.record('how do I pay my council tax', 'not_helpful', 'council-tax-pay');
    await store.record(XSS, 'no_answer');
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("content staff reach it from the console and read the groups in a captioned table; residents' words stay text; no accessibility violations", async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const alerts: string[] = [];
    page.on('dialog', async (d) => {
      alerts.push(d.message());
      await d.dismiss();
    });
    await signInAs(page, h.url, 'cara');
    const link = page.getByRole('link', { name: 'Knowledge report' });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Knowledge report' }).waitFor();
    const table = page.getByRole('table', { name: /Questions with no answer or a "No", the last 30 days/ });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/^1\s+2\s+2\s+0\s+can I keep chickens\? my number is \[phone\]\s+keeping chickens in the garden\s+None$/);
    await expect.poll(() => table.innerText()).toContain('Pay your Council Tax – 1 time');
    expect(await table.locator('img').count()).toBe(0);
    await table.getByText(XSS).waitFor();
    expect(await page.locator('#report-status').innerText()).toMatch(/^4 questions in 3 groups, the last 30 days/);
    expect(await axe(page)).toEqual([]);

    // A wrong number of days: an error summary that takes the focus, and the field marked invalid.
    await page.getByLabel('Days to include').fill('lots');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page
      .getByRole('alert')
      .getByText(/whole number from 1 to 3650/)
      .waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('error-summary');
    expect(await page.getByLabel('Days to include').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Days to include').fill('1');
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect.poll(() => page.locator('#report-caption').innerText()).toMatch(/the last 1 day /);
    expect(await page.getByLabel('Days to include').getAttribute('aria-invalid')).toBeNull();
    expect(alerts).toEqual([]);
    await context.close();
  });

  it('staff without the content role see no link, and the page says why', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInAs(page, h.url, 'sam');
    expect(await page.locator('#knowledge-report-link').isHidden()).toBe(true);
    await page.goto(`${h.url}/agent/knowledge-report`);
    await page
      .getByRole('alert')
      .getByText(/for staff with the content role/)
      .waitFor();
    expect(await page.locator('#report').isHidden()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
