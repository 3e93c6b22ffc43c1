/**
 * Which Chromium to drive, for the browser tests (playwright.config.ts) and the search
 * benchmark (scripts/bench-search.ts): an explicit PW_CHROMIUM_PATH, else Playwright's own
 * build when `npx playwright install chromium` has been run (the laptop path; undefined
 * lets Playwright use it), else the system's (CI machines here cannot download Playwright's
 * browsers).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function pickChromium(): string | undefined {
  if (process.env.PW_CHROMIUM_PATH) return process.env.PW_CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* no bundled browser */
  }
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

/** Launch options for the picked browser: quiet, with nothing fetched in the background. */
export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  const executablePath = pickChromium();
  if (!executablePath) return {};
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
