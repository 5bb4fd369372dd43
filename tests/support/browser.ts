import fs from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Debian's chromium (apt-get install -y chromium); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine needs: no sandbox as root, no GPU, and no calls home (the network is closed). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why browser tests cannot run here, or undefined when they can. */
export function browserUnavailable(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  return `${CHROMIUM_PATH} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`;
}

/**
 * Launches headless Chromium for a test. Fails (rather than skips) when REQUIRE_BROWSER=1,
 * as CI sets, so a missing browser cannot pass silently.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...options });
}

/** For describe.skipIf: true when there is no browser and none is required. */
export function skipWithoutBrowser(): boolean {
  const reason = browserUnavailable();
  if (!reason) return false;
  if (process.env.REQUIRE_BROWSER === '1' || process.env.CI === 'true') throw new Error(reason);
  console.warn(`browser tests skipped: ${reason}`);
  return true;
}
