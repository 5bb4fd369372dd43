import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePredictions } from '../../scripts/lib/nluMetrics';
import { renderReportHtml } from '../../scripts/lib/nluReportHtml';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping the report page accessibility test: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('the HTML evaluation report in Chromium', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    const labels = ['bin_collection_day', 'book_bulky_waste', 'report_pothole', 'safeguarding', 'none'];
    const preds = labels.flatMap((expected, i) =>
      labels.map((got) => ({ text: `${expected} as ${got} <b>&</b>`, expected, got, score: 0.4, fold: 0 })).filter((_x, j) => j === i || (i + j) % 3 === 0),
    );
    const report = evaluatePredictions([...preds, ...preds.filter((x) => x.expected === x.got), ...preds.filter((x) => x.expected === x.got)]);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-report-page-')), 'report.html');
    fs.writeFileSync(file, renderReportHtml(report, { title: 'Intent recognition report', method: 'test data', generatedAt: new Date(0) }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('has no WCAG 2.2 A/AA violations found by axe-core, and the heat map is an image with a name', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await expect(page.getByRole('img', { name: 'Confusion matrix heat map' }).count()).resolves.toBe(1);
    await expect(page.getByRole('table', { name: /Confusion matrix as a table/ }).count()).resolves.toBe(1);
    await context.close();
  });

  it('reflows at 320 CSS pixels without losing content', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    // Runs in the page; typed loosely because this project compiles without the DOM library.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: file.replace(/\.html$/, '-320.png'), fullPage: false });
    await context.close();
  });
});
