import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const player = (page: Page) => page.getByRole('region', { name: 'Packet trace' });

test.describe('macvlan in the picture', () => {
  test('containers hang off the host eth0 under a bar that is no bridge; the host cannot reach them', async ({
    terminal,
    page,
  }) => {
    for (const line of [
      'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 mv',
      'docker run -d --name m1 --network mv busybox sleep 1d',
      'docker run -d --name m2 --network mv busybox sleep 1d',
      'docker run -d --name b1 busybox sleep 1d',
    ])
      await terminal.run(line);
    await expect
      .poll(async () => (await page.evaluate(() => window.__lab?.getGraph?.()))?.edges.length ?? 0)
      .toBeGreaterThan(0);
    const graph = (await page.evaluate(() => window.__lab?.getGraph?.()))!;
    const bar = graph.nodes.find((n) => n.id === 'underlay:eth0')!;
    expect(bar.classes).toEqual(expect.arrayContaining(['bridge', 'underlay']));
    expect(bar.label).toContain('parent eth0');
    const stacked = graph.edges.filter((e) => e.classes.includes('stacked'));
    expect(stacked).toHaveLength(2);
    for (const e of stacked) {
      expect(e.source).toBe('dev:host/eth0');
      // No veth pair touches a macvlan child.
      expect(graph.edges.some((v) => v.classes.includes('veth') && v.target === e.target)).toBe(
        false,
      );
    }
    // Both boxes sit in the bar's band, one above the other, apart from docker0's b1.
    const box = (name: string) => graph.nodes.find((n) => n.ref === `container:${name}`)!;
    expect(Math.abs(box('m1').position.x - bar.position.x)).toBeLessThan(200);
    expect(box('m2').position.y).toBeGreaterThan(box('m1').position.y);
    expect(Math.abs(box('b1').position.x - bar.position.x)).toBeGreaterThan(150);
    // Legible: the two container boxes do not overlap.
    const [a, b] = [box('m1').box, box('m2').box];
    expect(a.y2 <= b.y1 || b.y2 <= a.y1 || a.x2 <= b.x1 || b.x2 <= a.x1).toBe(true);

    await terminal.run('ping -c 1 -W 1 10.0.2.128');
    await player(page).getByRole('slider', { name: 'Animation speed' }).fill('8');
    await expect(player(page).getByTestId('trace-verdict')).toContainText('Dropped', {
      timeout: 15_000,
    });
    await expect(player(page).getByTestId('trace-drop')).toContainText('is a child of this host');
  });
});
