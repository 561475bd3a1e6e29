import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GraphPanel } from './pages/GraphPanel';
import { Workspace } from './pages/Workspace';

/** Issue 12 §6: the outline, the inspector, the matrix and the kernel-state diff cover every host. */
const TWO = [
  'docker run -d --name a1 busybox sleep 1d',
  'lab add-host host2',
  'ssh host2 docker run -d --name b1 busybox sleep 1d',
];

const matrix = (page: Page) => page.getByRole('region', { name: 'Reachability matrix' });

test.describe('every host in the side panel (issue 12 §6)', () => {
  test('the last command on host2 is listed as host2’s, and the inspector shows host2’s b1', async ({
    terminal,
    page,
  }) => {
    const ws = new Workspace(page);
    await terminal.runAll(TWO.slice(0, -1));
    await ws.show('Inspector');
    const inspector = page.getByRole('region', { name: 'Inspector' });
    // The inspector loads on first use; it diffs only the commands run once it is there.
    await expect(inspector.getByText('Last command changes')).toBeVisible();
    await terminal.run(TWO.at(-1)!);
    // ssh's connection is a packet journey: its trace takes the side panel; come back.
    await ws.show('Inspector');
    const changes = inspector.getByRole('list', { name: 'Last command changes' });
    await expect(changes).toContainText('host2: b1 (busybox) running');
    await expect(changes).toContainText('host2: 172.17.0.2/16 dev eth0 (b1)');

    // Picking host2's b1 on the graph inspects it there, not on the terminal's host.
    const graph = new GraphPanel(page);
    await page.getByRole('button', { name: 'Close trace' }).click();
    await graph.fit.click();
    await graph.tap('@host2/container:b1');
    await expect(inspector.getByRole('heading')).toContainText('Container b1');
    await expect(inspector.getByRole('heading')).toContainText('on host2');
    await expect(inspector).toContainText('inet 172.17.0.2/16');
    // The outline lists both hosts' containers.
    const outline = page.getByRole('region', { name: 'Topology outline' });
    await expect(outline).toContainText('host host2');
    await expect(outline).toContainText('b1');
  });

  test('the matrix lists both hosts’ containers; a row on host2 pings from there, through ssh', async ({
    terminal,
    page,
    labState,
  }) => {
    await terminal.runAll(TWO);
    // ssh's connection played as a trace and brought Packet events forward.
    await new Workspace(page).show('Matrix');
    const table = matrix(page).getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText([/from/, 'a1', 'host2/b1']);
    const cell = matrix(page).getByRole('button', { name: /^a1 to host2\/b1 by IP: / });
    // host2's b1 is 172.17.0.2, as a1 is on docker-host: the echo never leaves a1.
    await expect(cell).toHaveAccessibleName(
      /^a1 to host2\/b1 by IP: dropped — 172\.17\.0\.2 answered, but on the sender’s own host/,
    );
    await expect(cell).toContainText('wrong host');
    await matrix(page)
      .getByRole('button', { name: /^host2\/b1 to a1 by IP: / })
      .click();
    expect((await labState()).log.at(-1)).toBe('ssh host2 docker exec b1 ping -c 1 172.17.0.2');
    await expect(terminal.output).toContainText('PING 172.17.0.2 (172.17.0.2): 56 data bytes');
  });
});
