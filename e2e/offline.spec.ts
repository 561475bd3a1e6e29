import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { LessonsPanel } from './pages/Lessons';
import { ScenarioPanel } from './pages/Scenario';
import { TerminalPanel } from './pages/TerminalPanel';
import { serveDist, type StaticSite } from './static-server';

// The built app (dist/) from a sub-path of a plain static server, next to the preview server.
const PORT = Number(process.env.E2E_STATIC_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 10);
let site: StaticSite;

// The service worker is what this file is about (the suite blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  site = await serveDist(resolve(import.meta.dirname, '../dist'), PORT);
});
test.afterAll(() => site.close());

/** Waits until the service worker has precached the app and is active. */
async function swReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('from a sub-path the lab loads, works offline after one visit, and links stay on the sub-path', async ({
  page,
  errors,
}) => {
  await page.goto(site.url);
  const terminal = new TerminalPanel(page);
  await expect(terminal.input).toBeFocused();
  await terminal.run('docker network create app');
  await expect(terminal.output).toContainText(/[0-9a-f]{64}/);
  await swReady(page);

  await page.context().setOffline(true);
  await page.reload();
  await expect(terminal.input).toBeFocused();
  // Really offline: what the worker did not precache does not load.
  const uncached = `${site.url}not-precached.txt`;
  expect(
    await page.evaluate(
      (u) =>
        fetch(u).then(
          () => 'loaded',
          () => 'failed',
        ),
      uncached,
    ),
  ).toBe('failed');
  // The autosave brought the lab back, and the engine runs without a network.
  await expect(terminal.output).toContainText('docker network create app');
  await terminal.run('docker run -d --name web --network app nginx');
  await terminal.run('docker inspect -f "{{.NetworkSettings.Networks.app.IPAddress}}" web');
  await expect(terminal.output).toContainText('172.18.0.2');
  // The engine's parts (here Go templates above, and Compose) come from the precache too.
  await terminal.run('docker compose version');
  await expect(terminal.output).toContainText(/Docker Compose version v2\.\d+/);

  const url = await new ScenarioPanel(page).shareUrl();
  expect(url.startsWith(`${site.url}#s=v1.`)).toBe(true);
  await page.context().setOffline(false);
  // The one failed load is the probe above.
  expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  expect(errors).toHaveLength(1);
});

test('a share link and a lesson link open from the sub-path in a fresh profile', async ({
  page,
}) => {
  await page.goto(site.url);
  const terminal = new TerminalPanel(page);
  await terminal.run('docker network create app');
  const url = await new ScenarioPanel(page).shareUrl();

  const fresh = await page.context().browser()!.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(url);
    await expect(new TerminalPanel(other).output).toContainText('docker network create app');
    expect(new URL(other.url()).pathname).toBe('/lab/');
    await other.goto(`${site.url}#lesson=by-hand`);
    const lessons = new LessonsPanel(other);
    await expect(
      lessons.region.getByRole('heading', { name: lessons.t('by-hand.title') }),
    ).toBeVisible();
    expect(await other.evaluate(() => window.__lab?.getState().log ?? [])).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('a new deploy shows the update prompt, and accepting it reloads the lab onto it', async ({
  page,
  errors,
}) => {
  await page.goto(site.url);
  const terminal = new TerminalPanel(page);
  await terminal.run('docker network create app');
  await swReady(page);
  // A returning learner: the page is now served by the worker of the version deployed before.
  await page.reload();
  await expect(terminal.input).toBeFocused();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  site.swSuffix = '\n// next deploy\n';
  try {
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page
      .getByRole('status')
      .filter({ hasText: 'A new version of the lab is available.' });
    await expect(prompt).toBeVisible();
    // The terminal stays usable while the prompt waits.
    await terminal.run('docker network ls');
    await prompt.getByRole('button', { name: 'Reload to update' }).click();
    await expect(prompt).toHaveCount(0);
    await expect(terminal.output).toContainText('docker network ls');
  } finally {
    site.swSuffix = '';
  }
  expect(errors).toEqual([]);
});
