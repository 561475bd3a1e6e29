import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Workspace } from './pages/Workspace';

const matrix = (page: Page): Locator => page.getByRole('region', { name: 'Reachability matrix' });
const cell = (page: Page, from: string, to: string, mode: 'by IP' | 'by name'): Locator =>
  matrix(page).getByRole('button', { name: new RegExp(`^${from} to ${to} ${mode}: `) });

/** Seed 000's comparison: a --link pair on docker0, two containers on a user network. */
const SETUP = [
  'docker run -d --name db busybox sleep 1d',
  'docker run -d --name web --link db busybox sleep 1d',
  'docker network create mynet',
  'docker run -d --name app1 --network mynet busybox sleep 1d',
  'docker run -d --name app2 --network mynet busybox sleep 1d',
];

test.describe('the reachability matrix', () => {
  test('shows the one-way --link, the user network’s DNS and the isolation between them', async ({
    terminal,
    page,
  }) => {
    await new Workspace(page).show('Matrix');
    await expect(matrix(page)).toContainText('Start two or more containers');
    for (const line of SETUP) await terminal.run(line);
    const table = matrix(page).getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText([/from/, 'db', 'web', 'app1', 'app2']);
    // The walks ran off the main thread.
    expect(page.workers().some((w) => w.url().includes('reachability.worker'))).toBe(true);

    await expect(cell(page, 'web', 'db', 'by IP')).toHaveAccessibleName(
      'web to db by IP: reachable',
    );
    await expect(cell(page, 'db', 'web', 'by IP')).toHaveAccessibleName(
      'db to web by IP: reachable',
    );
    await expect(cell(page, 'app1', 'app2', 'by IP')).toHaveText('✓');
    await expect(cell(page, 'app1', 'db', 'by IP')).toHaveAccessibleName(
      /^app1 to db by IP: dropped — Dropped by DOCKER-ISOLATION-STAGE-2: different bridges are isolated/,
    );
    await expect(cell(page, 'app1', 'db', 'by IP')).toContainText('isolated');

    await matrix(page).getByRole('button', { name: 'By name', exact: true }).click();
    await expect(
      matrix(page).getByRole('button', { name: 'By name', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(cell(page, 'web', 'db', 'by name')).toHaveAccessibleName(
      'web to db by name: reachable',
    );
    await expect(cell(page, 'db', 'web', 'by name')).toHaveAccessibleName(
      /^db to web by name: dropped — .*docker0 has no embedded DNS; only --link adds \/etc\/hosts lines/,
    );
    await expect(cell(page, 'db', 'web', 'by name')).toContainText('no name');
    await expect(cell(page, 'app1', 'app2', 'by name')).toHaveAccessibleName(
      'app1 to app2 by name: reachable',
    );
    await expect(cell(page, 'app2', 'app1', 'by name')).toHaveAccessibleName(
      'app2 to app1 by name: reachable',
    );
    await expect(cell(page, 'web', 'app1', 'by name')).toContainText('✗');
  });

  test('updates live and a cell click runs the ping and plays its trace', async ({
    terminal,
    page,
    labState,
  }) => {
    const ws = new Workspace(page);
    await ws.show('Matrix');
    for (const line of SETUP) await terminal.run(line);
    await expect(cell(page, 'app1', 'db', 'by IP')).toContainText('✗');
    await terminal.run('docker network connect mynet db');
    await expect(cell(page, 'app1', 'db', 'by IP')).toHaveAccessibleName(
      'app1 to db by IP: reachable',
    );

    await matrix(page).getByRole('button', { name: 'By name', exact: true }).click();
    await cell(page, 'web', 'db', 'by name').click();
    expect((await labState()).log.at(-1)).toBe('docker exec web ping -c 1 db');
    await expect(terminal.output).toContainText('PING db (172.17.0.2): 56 data bytes');
    const player = page.getByRole('region', { name: 'Packet trace' });
    await expect(player).toContainText('docker exec web ping -c 1 db');
    await player.getByRole('slider', { name: 'Animation speed' }).fill('8');
    await expect(player.getByTestId('trace-verdict')).toHaveText('✓ Delivered', {
      timeout: 15_000,
    });
    // The trace brought the Packet events tab forward, with its list of events.
    await expect(ws.sideTabs.getByRole('tab', { name: 'Packet events' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(
      page.getByRole('list', { name: 'Packet events' }).getByRole('listitem').first(),
    ).toContainText('from the /etc/hosts line that --link wrote');
    await page.screenshot({ path: '/tmp/trace/link-vs-user-network.png' });
  });

  test('explains that an image without ping cannot run the command', async ({ terminal, page }) => {
    await new Workspace(page).show('Matrix');
    await terminal.run('docker run -d --name web1 nginx');
    await terminal.run('docker run -d --name web2 nginx');
    await cell(page, 'web1', 'web2', 'by IP').click();
    await expect(terminal.output).toContainText('executable file not found in $PATH');
    await expect(matrix(page).getByRole('status')).toContainText('The image of web1 has no ping');
    await matrix(page).getByRole('button', { name: 'Animate the computed path' }).click();
    const player = page.getByRole('region', { name: 'Packet trace' });
    await expect(player).toContainText('computed path, not run: the image has no ping');
    await player.getByRole('slider', { name: 'Animation speed' }).fill('8');
    await expect(player.getByTestId('trace-verdict')).toHaveText('✓ Delivered', {
      timeout: 15_000,
    });
  });
});
