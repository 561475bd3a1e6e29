import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LessonsPanel } from './pages/Lessons';
import { HOST_PROMPT } from './pages/TerminalPanel';
import { Workspace } from './pages/Workspace';

/**
 * A lighter first load (issue 14 §2): the page paints, terminal first, before the engine and the
 * rest of the lab have downloaded; a line typed meanwhile runs once they are in, after the
 * autosaved lab; a line that needs an engine part still downloading (Compose) waits for it, with
 * the lines after it; and every part fetched later works when first used after a fresh load.
 */

// Requests must reach `page.route`, not a service worker's cache.
test.use({ serviceWorkers: 'block' });

/** Holds back every script the page does not load up front (its index.html's) until released. */
async function holdLaterScripts(page: Page): Promise<() => void> {
  const html = await (await page.request.get('/')).text();
  const upFront = new Set(
    [...html.matchAll(/(?:src|href)="(?:\.\/)?([^"]+\.js)"/g)].map((m) => `/${m[1]}`),
  );
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.js', async (route) => {
    if (!upFront.has(new URL(route.request().url()).pathname)) await released;
    await route.continue();
  });
  return release;
}

test('a line typed before the engine is in is echoed, then runs after the autosaved lab', async ({
  page,
  terminal,
}) => {
  await terminal.run('docker network create app');
  await expect(terminal.output).toContainText(/[0-9a-f]{64}/);

  const release = await holdLaterScripts(page);
  await page.reload();
  await expect(terminal.input).toBeFocused();
  const graph = page.getByRole('region', { name: 'Topology graph' });
  await expect(graph).toHaveAttribute('aria-busy', 'true');
  await terminal.run('docker network ls');
  await expect(terminal.output).toHaveText('docker network ls');
  expect(await terminal.prompt()).toBe('');

  release();
  await expect(terminal.output).toContainText(
    /docker network create app\s*[0-9a-f]{64}[\s\S]*docker network ls\s*NETWORK ID[\s\S]* app +bridge/,
  );
  expect(await terminal.prompt()).toBe(HOST_PROMPT);
  await expect(graph.getByTestId('graph-canvas')).toBeVisible();
});

test('after a fresh load a lesson, the matrix and Chinese each work on first use', async ({
  page,
  terminal,
}) => {
  await new LessonsPanel(page).start('docker0-veth.title');

  await new Workspace(page).show('Matrix');
  await expect(page.getByRole('region', { name: 'Reachability matrix' })).toContainText(
    'Start two or more containers',
  );

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker 网络实验室');
  const zh = new LessonsPanel(page, 'zh');
  await page.getByRole('tab', { name: '课程' }).click();
  await expect(zh.region.getByRole('heading', { name: zh.t('docker0-veth.title') })).toBeVisible();

  await terminal.run('docker network ls');
  await expect(terminal.output).toContainText('NETWORK ID');
});

test('a compose line typed before Compose has downloaded waits for it, and the lines after it too', async ({
  page,
  terminal,
}) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route('**/assets/compose-*.js', async (route) => {
    asked = true;
    await released;
    await route.continue();
  });
  await page.reload();
  await expect.poll(() => terminal.prompt()).toBe(HOST_PROMPT);

  await terminal.run("printf 'services:\\n  web:\\n    image: nginx\\n' > compose.yaml");
  await terminal.run('docker compose up -d');
  await terminal.run('docker network ls');
  await expect(terminal.output).toContainText(
    /docker compose up -d\[root@docker-host ~\]# docker network ls$/,
  );
  await expect(terminal.output).not.toContainText('NETWORK ID');
  expect(asked).toBe(true);

  release();
  await expect(terminal.output).toContainText(
    /docker compose up -d[\s\S]*Container root-web-1 +Started[\s\S]*docker network ls\s*NETWORK ID[\s\S]* root_default +bridge/,
  );
  expect(await terminal.prompt()).toBe(HOST_PROMPT);
});
