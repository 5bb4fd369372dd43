import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA violations on the page (including its iframes), summarised for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
        .slice(0, 3)
        .join(' | ')}`,
  );
}

export const sendBox = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]');

/** Text of every bot and user bubble in the transcript, in order. */
export async function transcript(page: Page): Promise<string[]> {
  return page.locator('.webchat__bubble__content').allInnerTexts();
}

/** Waits until the transcript has a bubble containing `text`. */
export async function waitForBubble(page: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
  await page.locator('.webchat__bubble__content', { hasText: text }).last().waitFor({ state: 'visible', timeout });
}

/** A suggested-action button (Web Chat also keeps hidden copies in its live region for screen readers). */
export const suggestedAction = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name });
