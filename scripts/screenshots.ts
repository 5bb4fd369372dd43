/**
 * Screenshots of the resident chat page for the README: desktop (1280×900) and mobile
 * (320×640), mid-conversation; a phone after a postcode (the list of addresses) and 400 % zoom
 * (320×256) on the safeguarding reply. Runs the real assistant on a free port with a temporary
 * database and Debian's chromium. Usage: npm run screenshots
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { launchBrowser } from '../tests/support/browser';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
  const app = await createApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'), 'screenshots');
  const port = await app.server.listen(0, '127.0.0.1');
  const browser = await launchBrowser();
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const [name, viewport, said, reply] of [
      ['desktop', { width: 1280, height: 900 }, ['help'], 'in your own words'],
      ['mobile-320', { width: 320, height: 640 }, ['help'], 'in your own words'],
      ['mobile-320-addresses', { width: 320, height: 640 }, ['when are my bins collected', 'AT1 1AA'], 'Which address in AT1 1AA'],
      ['zoom-400-safeguarding', { width: 320, height: 256 }, ['I want to end my life'], 'Samaritans'],
    ] as const) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: name === 'desktop' ? 1 : 2 });
      await page.goto(`http://127.0.0.1:${port}/`);
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await page.locator('.webchat__bubble__content', { hasText: 'Anytown Council assistant' }).waitFor({ timeout: 30_000 });
      for (const text of said) {
        const bubbles = await page.locator('.webchat__bubble__content').count();
        await input.fill(text);
        await input.press('Enter');
        // The reply to this message (not an earlier one), before the next is typed.
        await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble__content').length > n + 1, bubbles, { timeout: 30_000 });
      }
      await page.locator('.webchat__bubble__content', { hasText: reply }).last().waitFor({ timeout: 30_000 });
      await page.getByRole('toolbar', { name: 'Suggested actions' }).waitFor();
      // Let the transcript finish scrolling to the end before the picture.
      await page.waitForTimeout(800);
      const file = path.join(OUT, `${name}.png`);
      await page.screenshot({ path: file });
      process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`screenshots failed: ${err.message}\n`);
  process.exit(1);
});
