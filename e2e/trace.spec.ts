import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { TerminalPanel } from './pages/TerminalPanel';

/** The strip under the graph: the command, the controls, the current event and the verdict. */
const player = (page: Page): Locator => page.getByRole('region', { name: 'Packet trace' });
/** The side panel's Packet events tab: filters, the list of events and the current one's details. */
const eventsTab = (page: Page): Locator => page.getByRole('tabpanel', { name: 'Packet events' });
const events = (page: Page): Locator =>
  eventsTab(page).getByRole('list', { name: 'Packet events' }).getByRole('listitem');
const current = (page: Page): Locator => eventsTab(page).locator('[aria-current="step"]');
const verdict = (page: Page): Locator => player(page).getByTestId('trace-verdict');

/** Fastest speed, so a whole trace plays in a few seconds. */
async function fullSpeed(page: Page) {
  await player(page).getByRole('slider', { name: 'Animation speed' }).fill('8');
}

async function setUp(terminal: TerminalPanel, lines: readonly string[]) {
  for (const line of lines) await terminal.run(line);
}

test.describe('the packet trace player', () => {
  test('a ping by name on a user network plays to Delivered, its DNS query first', async ({
    terminal,
    page,
  }) => {
    await setUp(terminal, [
      'docker network create mynet',
      'docker run -d --name alpha --network mynet busybox sleep 1d',
      'docker run -d --name beta --network mynet busybox sleep 1d',
    ]);
    await expect(player(page)).toContainText('Run a ping or curl');
    await terminal.run('docker exec alpha ping -c 1 beta');
    await fullSpeed(page);
    await expect(player(page)).toContainText('docker exec alpha ping -c 1 beta');
    // A trace that starts outside a lesson brings the Packet events tab forward.
    await expect(eventsTab(page)).toBeVisible();
    await expect(verdict(page)).toHaveText('✓ Delivered', { timeout: 15_000 });
    await expect(events(page).first()).toContainText(
      'embedded DNS server 127.0.0.11 on mynet answers: beta is container beta (172.18.0.3)',
    );
    expect(await events(page).count()).toBeGreaterThan(15);
    await expect(current(page)).toContainText('The answer is back in alpha');
    await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  });

  test('an isolation drop stops with a red explanation naming DOCKER-ISOLATION', async ({
    terminal,
    page,
  }) => {
    await setUp(terminal, [
      'docker network create mynet',
      'docker run -d --name alpha --network mynet busybox sleep 1d',
      'docker run -d --name gamma busybox sleep 1d',
    ]);
    await terminal.run('docker exec alpha ping -c 1 172.17.0.2');
    await fullSpeed(page);
    await expect(verdict(page)).toHaveText('✗ Dropped', { timeout: 15_000 });
    const drop = player(page).getByTestId('trace-drop');
    await expect(drop).toContainText(
      /Dropped by DOCKER-ISOLATION-STAGE-2: different bridges are isolated \(br-[0-9a-f]{12} → docker0\)/,
    );
    await expect(drop).toHaveClass(/text-red-800/);
    await expect(current(page)).toContainText('DOCKER-ISOLATION-STAGE-2');
    const graph = await page.evaluate(() => window.__lab?.getGraph?.());
    if (graph) {
      const marked = graph.nodes.filter((n) => n.classes.includes('dropped')).map((n) => n.id);
      expect(marked).toEqual(expect.arrayContaining([expect.stringMatching(/^dev:host\/br-/)]));
      // The mark on the graph names the chain, drawn under the bar rather than over its label.
      const mark = graph.nodes.find((n) => n.id === 'trace:drop')!;
      expect(mark.label).toBe('✗ DOCKER-ISOLATION-STAGE-2');
      expect(mark.labelBox).not.toBeNull();
      const bar = graph.nodes.find((n) => marked.includes(n.id) && n.classes.includes('bridge'))!;
      expect(mark.labelBox!.y1).toBeGreaterThanOrEqual(bar.box.y2);
    }
    await page.screenshot({ path: '/tmp/trace/isolation-drop.png' });
  });

  test('a name on docker0 fails because docker0 has no embedded DNS', async ({
    terminal,
    page,
  }) => {
    await setUp(terminal, [
      'docker run -d --name db busybox sleep 1d',
      'docker run -d --name web --link db busybox sleep 1d',
    ]);
    await terminal.run('docker exec db ping -c 1 web');
    await fullSpeed(page);
    await expect(verdict(page)).toHaveText('✗ Dropped', { timeout: 15_000 });
    await expect(player(page).getByTestId('trace-drop')).toContainText(
      'docker0 has no embedded DNS; only --link adds /etc/hosts lines',
    );
    await terminal.run('docker exec web ping -c 1 db');
    await player(page).getByRole('button', { name: 'Pause' }).click();
    await events(page).first().getByRole('button').click();
    // Picking an event keeps the list in front, and the focus on the picked event.
    await expect(events(page).first().getByRole('button')).toBeFocused();
    await expect(current(page)).toContainText('from the /etc/hosts line that --link wrote');
    await expect(eventsTab(page).getByRole('definition')).toContainText([
      /^172\.17\.0\.2 db [0-9a-f]{12}$/,
    ]);
  });

  test('step back and forward move the highlighted event; filters hide categories', async ({
    terminal,
    page,
  }) => {
    await setUp(terminal, [
      'docker run -d --name db busybox sleep 1d',
      'docker run -d --name web busybox sleep 1d',
    ]);
    await terminal.run('docker exec web ping -c 1 172.17.0.2');
    await player(page).getByRole('button', { name: 'Pause' }).click();
    await player(page).getByRole('button', { name: 'Replay from start' }).click();
    await player(page).getByRole('button', { name: 'Pause' }).click();
    await expect(current(page)).toHaveCount(0);
    const forward = player(page).getByRole('button', { name: 'Step forward' });
    await forward.click();
    await expect(current(page)).toContainText('Route lookup in web for 172.17.0.2');
    await forward.click();
    await expect(current(page)).toContainText('ARP on eth0: who has 172.17.0.2?');
    await player(page).getByRole('button', { name: 'Step back' }).click();
    await expect(current(page)).toContainText('Route lookup in web');
    await expect(player(page)).toContainText('Event 1 of');

    const arp = events(page).filter({ hasText: 'ARP on' });
    await expect(arp).toHaveCount(2);
    await eventsTab(page).getByRole('checkbox', { name: 'ARP' }).uncheck();
    await expect(arp).toHaveCount(0);
    const filters = events(page).filter({ hasText: 'iptables filter' });
    expect(await filters.count()).toBeGreaterThan(0);
    await eventsTab(page).getByRole('checkbox', { name: 'filter' }).uncheck();
    await expect(filters).toHaveCount(0);
    // Stepping skips what is hidden: from the route lookup straight to the packet leaving eth0.
    await forward.click();
    await expect(current(page)).toContainText('web sends the packet out of eth0');
  });
});
