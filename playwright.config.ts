import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium.ts';
import { DEV_CONTENT_DIR, DEV_SERVER_LOG } from './tests/e2e/dev/content-copy.ts';

const launchOptions = chromiumLaunchOptions();
const SITE_PORT = Number(process.env.E2E_PORT ?? 4322);
const FIXTURE_PORT = SITE_PORT + 1;
const DEV_PORT = SITE_PORT + 2;
const preview = (outDir: string, port: number) => ({
  command: `npx astro preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --ignore-lock`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  // One worker per core. The built sites are static and read-only, so their tests also run
  // in parallel within a file; the dev server's tests share one server's state and stay in order.
  workers: availableParallelism(),
  use: { trace: 'retain-on-failure' },
  projects: [
    // The real site, as `npm run build` produces it.
    {
      name: 'site',
      testDir: 'tests/e2e/site',
      fullyParallel: true,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${SITE_PORT}`, launchOptions },
    },
    // A fixture site with drafts, hostile titles and redirects (`npm run build:fixtures`).
    {
      name: 'fixtures',
      testDir: 'tests/e2e/fixtures',
      fullyParallel: true,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${FIXTURE_PORT}`, launchOptions },
    },
    // What a writer sees under `npm run dev`, on the fixture content.
    {
      name: 'dev',
      testDir: 'tests/e2e/dev',
      // One file at a time: a save makes the dev server reload every open page, which would
      // interrupt another file's test (check-on-save.spec.ts saves content).
      workers: 1,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${DEV_PORT}`, launchOptions },
    },
  ],
  webServer: [
    preview('dist', SITE_PORT),
    preview('dist-fixtures', FIXTURE_PORT),
    {
      // On a fresh copy of the fixture content, which the tests edit; the output also goes to a log they read.
      command: [
        `rm -rf ${DEV_CONTENT_DIR} && cp -R tests/fixtures/site ${DEV_CONTENT_DIR}`,
        `npx astro dev --host 127.0.0.1 --port ${DEV_PORT} --ignore-lock 2>&1 | tee ${DEV_SERVER_LOG}`,
      ].join(' && '),
      env: { KB_CONTENT_DIR: DEV_CONTENT_DIR, NO_COLOR: '1' },
      url: `http://127.0.0.1:${DEV_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
