import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipWithoutBrowser } from '../support/browser';
import { axeViolations } from '../web/support';
import { newConversationId, PASSWORD, residentSays, startApp, type Harness } from './support/harness';

async function signInPage(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/agent`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
}

describe.skipIf(skipWithoutBrowser())('agent console in Chromium: conversations in Welsh', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    // Held for Welsh speakers for an hour: the test never depends on how fast it runs.
    h = await startApp({ WELSH_FIRST_SECONDS: '3600' });
    await h.app.handoff.staff.addAccount('eleri', 'Eleri', PASSWORD);
    await h.app.handoff.staff.grantRole('eleri', 'welsh');
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function queue(text: string, locale: string): Promise<void> {
    const conv = newConversationId();
    await residentSays(h.url, h.channel.url, conv, text, { locale });
    // In the resident's language: an English sentence on a Welsh page switches the conversation to English.
    await residentSays(h.url, h.channel.url, conv, locale.startsWith('cy') ? 'Siarad â pherson' : 'Talk to a person', { locale });
    await h.channel.waitFor((a) => a.conversation?.id === conv && a.name === 'handoff.initiate');
  }

  it('labels Welsh conversations "Cymraeg" (lang="cy", an accessible name saying so), first for a Welsh speaker, held for others; no accessibility violations', async () => {
    await queue('mae fy min gwyrdd i heb gael ei gasglu', 'cy-GB');
    await queue('there is a pothole on Mill Lane', 'en-GB');

    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const eleri = await context.newPage();
    await signInPage(eleri, h.url, 'eleri');
    await eleri.getByText(/Signed in as Eleri, Welsh speaker/).waitFor();
    const accept = eleri.getByRole('button', { name: /^Accept: Cymraeg \(in Welsh\): / });
    await accept.waitFor();
    // First row: the Welsh conversation, with its visible label in Welsh.
    const first = eleri.locator('#waiting tr').first();
    await expect.poll(() => first.innerText()).toMatch(/Cymraeg[\s\S]*min gwyrdd/);
    expect(await first.locator('.language-tag').getAttribute('lang')).toBe('cy');
    expect(await eleri.locator('#waiting tr').nth(1).locator('.language-tag').count()).toBe(0);
    expect(await axeViolations(eleri)).toEqual([]);

    // Accepted: the live list keeps the label, the conversation says its language.
    await accept.focus();
    await eleri.keyboard.press('Enter');
    await eleri.getByText(/Language: Welsh \(Cymraeg\)\./).waitFor();
    await eleri.getByRole('button', { name: /^Open: Cymraeg \(in Welsh\): / }).waitFor();
    expect(await axeViolations(eleri)).toEqual([]);
    await context.close();

    // Someone who does not speak Welsh: a new Welsh conversation is listed after the English one, marked as held.
    await queue('dw i angen help efo treth y cyngor', 'cy-GB');
    const other = await browser.newContext();
    other.setDefaultTimeout(15_000);
    const sam = await other.newPage();
    await signInPage(sam, h.url, 'sam');
    await sam.getByText('Signed in as Sam').waitFor();
    expect(await sam.locator('#signed-in-as').innerText()).toBe('Signed in as Sam');
    const rows = sam.locator('#waiting tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/pothole/);
    expect(await rows.nth(1).innerText()).toMatch(/Cymraeg[\s\S]*treth y cyngor[\s\S]*Offered to Welsh speakers first for now\./);
    expect(await axeViolations(sam)).toEqual([]);
    await other.close();
  });

  it('lets staff choose Cymraeg or English from any page (?lang=, a link named in its own language), remembered until changed; no accessibility violations', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${h.url}/agent/sign-in`);
    const cymraeg = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Cymraeg' });
    expect(await cymraeg.getAttribute('lang')).toBe('cy');
    expect(await axeViolations(page)).toEqual([]);
    await cymraeg.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mewngofnodi' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('cy-GB');
    expect(await axeViolations(page)).toEqual([]);
    // A refused sign-in is told in the language chosen (console.yaml), and the choice outlives the page: /agent without ?lang=.
    await page.getByLabel('Enw defnyddiwr').fill('eleri');
    await page.getByLabel('Cyfrinair').fill('not the password');
    await page.getByLabel('Cyfrinair').press('Enter');
    await page.getByText(/Dydy'r enw defnyddiwr neu'r cyfrinair ddim yn gywir/).waitFor();
    await page.getByLabel('Enw defnyddiwr').fill('eleri');
    await page.getByLabel('Cyfrinair').fill(PASSWORD);
    await page.getByLabel('Cyfrinair').press('Enter');
    await page.waitForURL(`${h.url}/agent`);
    const english = page.getByRole('navigation', { name: 'Iaith' }).getByRole('link', { name: 'English' });
    await english.waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('cy-GB');
    expect(await axeViolations(page)).toEqual([]);
    // Back to English, and English it stays.
    await english.click();
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Cymraeg' }).waitFor();
    await page.goto(`${h.url}/agent`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await context.close();
  });
});
