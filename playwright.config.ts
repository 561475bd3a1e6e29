import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_DEV=1 runs against the dev server instead of the built app; E2E_PORT lets several runs
// share one machine.
const DEV = !!process.env.E2E_DEV;
const PORT = Number(process.env.E2E_PORT ?? (DEV ? 5173 : 4173));

export default defineConfig({
  testDir: './e2e',
  outputDir: `./test-results/${PORT}`,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 1,
  // No retries: a flaky test must fail where it is seen.
  timeout: 30_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // The service worker precaches the whole app in the background of every fresh context, a
    // second's work per test that no test but offline.spec.ts (which allows it) is about.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    // No traces, in CI either: recording one for every test (to keep a failure's) made the e2e
    // run a third longer, and CI keeps only what the run prints.
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite ${DEV ? '' : 'preview '}--host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
