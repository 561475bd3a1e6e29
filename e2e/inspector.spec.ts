import { expect, test } from './fixtures';
import { Actions } from './pages/Actions';
import { Workspace } from './pages/Workspace';

test.describe('the inspector', () => {
  test('shows the host by default: its nat table holds the DNAT of a published port', async ({
    terminal,
    page,
  }) => {
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await new Workspace(page).show('Inspector');
    await expect(inspector.getByRole('heading')).toHaveText('Host docker-host');
    await terminal.run('docker run -d --name web -p 8080:80 nginx');
    const nat = inspector.locator('details', { hasText: '$ iptables -t nat -S' });
    await expect(nat.locator('pre')).toContainText(
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
    // The block is exactly what typing its command prints.
    const shown = await nat.locator('pre').innerText();
    await terminal.run('iptables -t nat -S');
    const typed = await terminal.output.locator(':scope > *').last().innerText();
    expect(typed).toContain(shown.trim());
  });

  test('selecting a container in the outline shows its /etc/hosts with the --link line', async ({
    terminal,
    page,
  }) => {
    const actions = new Actions(page);
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await terminal.run('docker run -dit --name db busybox');
    await terminal.run('docker run -dit --name app --link db:database busybox');
    const ws = new Workspace(page);
    await ws.show('Outline');
    await actions.outlineItem(/^app running/).click();
    // A selection made in the Outline keeps the Outline in front; the learner opens the Inspector.
    await ws.show('Inspector');
    await expect(inspector.getByRole('heading')).toHaveText('Container app');
    const hosts = inspector.locator('details', { hasText: '$ docker exec app cat /etc/hosts' });
    await hosts.locator('summary').click();
    await expect(hosts.locator('pre')).toContainText(/172\.17\.0\.2\s+database [0-9a-f]{12} db/);
    await expect(
      inspector.locator('summary', { hasText: '$ docker exec app ip route' }),
    ).toBeVisible();
    await page.screenshot({ path: '/tmp/inspector/container.png' });

    // The Actions button opens the same menu as the graph and the outline.
    await inspector.getByRole('button', { name: 'Actions' }).click();
    const menu = actions.menu('app');
    await expect(menu.getByRole('menuitem', { name: 'Ping…' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(inspector.getByRole('button', { name: 'Actions' })).toBeFocused();
  });

  test('after docker run, "Last command changes" lists the new veth pair', async ({
    terminal,
    page,
  }) => {
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await new Workspace(page).show('Inspector');
    // The inspector loads on first use; it diffs only the commands run once it is there.
    await expect(inspector.getByText('Last command changes')).toBeVisible();
    await terminal.run('docker network create mynet');
    const changes = inspector.getByRole('list', { name: 'Last command changes' });
    await expect(changes).toContainText(/new bridge\s*br-[0-9a-f]{12} \(host\)/);
    await terminal.run('docker run -dit --name box --network mynet busybox');
    await expect(changes).toContainText(/new veth pair\s*veth[0-9a-f]{7} \(host\) ↔ eth0 \(box\)/);
    await expect(changes).toContainText(/new address\s*172\.18\.0\.2\/16 dev eth0 \(box\)/);
    await page.screenshot({ path: '/tmp/inspector/changes.png' });
    await terminal.run('docker network disconnect mynet box');
    await expect(changes).toContainText(/removed veth pair/);
    await expect(changes).toContainText(/removed endpoint\s*box on mynet: 172\.18\.0\.2\/16/);
  });
});
