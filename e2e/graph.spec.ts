import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GraphPanel } from './pages/GraphPanel';
import { Workspace } from './pages/Workspace';

/** A lab a newcomer meets in the tutorials: a --link pair on docker0, a user network, a port. */
const SIX = [
  'docker run -dit --name tomcat01 busybox',
  'docker run -dit --name tomcat02 --link tomcat01 busybox',
  'docker network create mynet',
  'docker run -dit --name web --network mynet -p 8080:80 nginx',
  'docker run -dit --name api --network mynet busybox',
  'docker run -dit --name tomcat03 busybox',
  'docker network connect mynet tomcat03',
  'docker run -dit --name old busybox',
  'docker stop old',
];

const outlineItem = (page: Page, name: RegExp) =>
  page.getByRole('region', { name: 'Topology outline' }).getByRole('treeitem', { name });

test.describe('the Topology graph', () => {
  test.use({ viewport: { width: 1600, height: 1000 } });

  test('draws container boxes, veth pairs and the --link arrow of seed 000', async ({
    terminal,
    page,
  }) => {
    const graph = new GraphPanel(page);
    await terminal.runAll(SIX.slice(0, 2));
    await expect
      .poll(
        async () => (await graph.snapshot()).edges.filter((e) => e.classes.includes('veth')).length,
      )
      .toBe(2);
    const graphNow = await graph.snapshot();
    const box1 = await graph.nodeFor('container:tomcat01');
    const box2 = await graph.nodeFor('container:tomcat02');
    expect(box1.classes).toContain('container-box');
    // Each container's eth0 sits in its box and pairs with a veth end on docker0.
    for (const box of [box1, box2]) {
      const eth0 = graphNow.nodes.find((n) => n.parent === box.id && n.label.startsWith('eth0@if'));
      expect(eth0?.label).toMatch(/\n172\.17\.0\.\d\/16\n02:42:ac:11:00:0\d$/);
      const veth = graphNow.edges.find((e) => e.classes.includes('veth') && e.target === eth0!.id);
      expect(veth?.source).toMatch(/^dev:host\/veth[0-9a-f]{7}$/);
      expect(
        graphNow.edges.some((e) => e.source === 'dev:host/docker0' && e.target === veth!.source),
      ).toBe(true);
    }
    const link = graphNow.edges.find((e) => e.classes.includes('link'));
    expect(link).toMatchObject({ source: box2.id, target: box1.id, label: 'tomcat01' });

    await terminal.run('docker stop tomcat02');
    await expect
      .poll(async () => (await graph.nodeFor('container:tomcat02')).classes)
      .toContain('stopped');
  });

  test('adding a container moves none of the others', async ({ terminal, page }) => {
    const graph = new GraphPanel(page);
    await terminal.runAll(SIX.slice(0, 5));
    const before = await graph.snapshot();
    await terminal.run('docker run -dit --name db --network mynet busybox');
    await expect
      .poll(async () => (await graph.snapshot()).nodes.length)
      .toBeGreaterThan(before.nodes.length);
    const after = new Map((await graph.snapshot()).nodes.map((n) => [n.id, n.position]));
    for (const n of before.nodes) {
      if (n.classes.includes('netns')) continue; // a box is drawn around what it holds
      expect(after.get(n.id), n.id).toEqual(n.position);
    }
    const db = await graph.nodeFor('container:db');
    expect(db.classes).toContain('changed');
  });

  test('fits, zooms, switches theme and exports a PNG', async ({ terminal, page }) => {
    const graph = new GraphPanel(page);
    await terminal.runAll(SIX.slice(0, 4));
    await graph.fit.click();
    const fitted = (await graph.snapshot()).zoom;
    await graph.zoomIn.click();
    expect((await graph.snapshot()).zoom).toBeCloseTo(fitted * 1.25, 5);
    await graph.zoomOut.click();
    await graph.zoomOut.click();
    expect((await graph.snapshot()).zoom).toBeLessThan(fitted);
    await graph.fit.click();
    expect((await graph.snapshot()).zoom).toBeCloseTo(fitted, 5);

    await graph.themeToggle('Dark theme').click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(graph.themeToggle('Light theme')).toBeVisible();
    await graph.themeToggle('Light theme').click();
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);

    const download = page.waitForEvent('download');
    await graph.exportPng.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('docker-network-lab.png');
    const bytes = await readFile(await file.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  test('selecting in the outline selects in the graph, and back', async ({ terminal, page }) => {
    const graph = new GraphPanel(page);
    await terminal.runAll(SIX);
    await new Workspace(page).show('Outline');
    const web = outlineItem(page, /^web running/);
    await web.click();
    await expect(web).toHaveAttribute('aria-selected', 'true');
    await expect
      .poll(async () => (await graph.nodeFor('container:web')).classes)
      .toContain('selected');

    // Keyboard: Enter on the focused item selects it.
    const api = outlineItem(page, /^api running/);
    await api.focus();
    await page.keyboard.press('Enter');
    await expect(api).toHaveAttribute('aria-selected', 'true');
    await expect(web).toHaveAttribute('aria-selected', 'false');
    await expect
      .poll(async () => (await graph.nodeFor('container:web')).classes)
      .not.toContain('selected');

    await graph.tap('container:old');
    await expect(outlineItem(page, /^old exited/)).toHaveAttribute('aria-selected', 'true');
    await graph.tap('network:bridge');
    await expect(outlineItem(page, /^bridge bridge 172\.17\.0\.0\/16/)).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect
      .poll(async () => (await graph.nodeFor('network:bridge')).classes)
      .toContain('selected');
  });

  test('screenshots of six containers, light and dark', async ({ terminal, page }) => {
    const graph = new GraphPanel(page);
    await terminal.runAll(SIX);
    await graph.fit.click();
    await expect
      .poll(async () => (await graph.snapshot()).nodes.some((n) => n.classes.includes('changed')))
      .toBe(false);
    await graph.region.screenshot({ path: '/tmp/graph/six-light.png' });
    await graph.themeToggle('Dark theme').click();
    await graph.region.screenshot({ path: '/tmp/graph/six-dark.png' });
    await page.screenshot({ path: '/tmp/graph/page-dark.png' });
  });

  test('twenty containers on four networks need no dragging', async ({ terminal, page }) => {
    test.setTimeout(120_000);
    const graph = new GraphPanel(page);
    const lines = ['net1', 'net2', 'net3'].map((n) => `docker network create ${n}`);
    for (let i = 0; i < 20; i++) {
      const net = ['bridge', 'net1', 'net2', 'net3'][i % 4];
      lines.push(`docker run -dit --name c${i} --network ${net} busybox`);
    }
    lines.push('docker network connect net2 c1', 'docker network connect net3 c0');
    await terminal.runAll(lines);
    await graph.fit.click();
    const { nodes } = await graph.snapshot();
    const leaves = nodes.filter((n) => !nodes.some((m) => m.parent === n.id));
    const spots = new Set(
      leaves.map((n) => `${Math.round(n.position.x)},${Math.round(n.position.y)}`),
    );
    expect(spots.size).toBe(leaves.length);
    await graph.region.screenshot({ path: '/tmp/graph/twenty.png' });
  });
});
