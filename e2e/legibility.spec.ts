import type { RenderedBox } from '../src/ui/lab-test-hook';
import { expect, test } from './fixtures';
import { SEED000_STORY, Workspace } from './pages/Workspace';
import { expectLegible, facts, settled, snapshot } from './pages/Legibility';

/**
 * Issue 9's legibility targets, measured through the graph test hook (design.md contract 5) at
 * fixed viewports: what is drawn, how large, and whether any two labels collide.
 */

test.describe('a graph a class can read (issue 9 targets)', () => {
  test.setTimeout(120_000);

  test("seed 000's story at 1280×720, 1440×900 and 1920×1080: large, readable, no collisions", async ({
    terminal,
    page,
  }) => {
    await terminal.runAll(SEED000_STORY);
    const targets: [number, number, number][] = [
      [1280, 720, 11],
      [1440, 900, 12],
      [1920, 1080, 13],
    ];
    for (const [width, height, px] of targets) {
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Fit graph' }).click();
      const f = await facts(page);
      const at = `${width}×${height}`;
      expect(f.names, at).toBe(5);
      expect(f.addresses, at).toBeGreaterThanOrEqual(7);
      expectLegible(f, at, { share: 0.5, px });
    }
    // While a ping plays, the graph keeps 40% of the screen.
    await page.setViewportSize({ width: 1280, height: 720 });
    await terminal.run('docker exec -it tomcat01 ping -c 1 192.168.0.3');
    await expect(page.getByTestId('trace-verdict').first()).toBeVisible();
    expect((await facts(page)).share).toBeGreaterThanOrEqual(0.4);
  });

  test('twenty containers on four user networks at 1440×900: names and IPs at 9 px or more', async ({
    terminal,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    for (let n = 1; n <= 4; n++) {
      await terminal.run(`docker network create net${n}`);
      for (let i = 1; i <= 5; i++)
        await terminal.run(`docker run -d --name c${n}${i} --network net${n} nginx`);
    }
    await page.getByRole('button', { name: 'Fit graph' }).click();
    const f = await facts(page);
    expect(f.names).toBe(20);
    // Each container's eth0, and the host's.
    expect(f.addresses).toBe(21);
    expectLegible(f, 'twenty at 1440×900', { share: 0.5, px: 9 });
  });

  test("Present at 1280×720 with seed 000's story: 70% of the screen, 14 px", async ({
    terminal,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await terminal.runAll(SEED000_STORY);
    await new Workspace(page).present.click();
    expectLegible(await facts(page), 'present at 1280×720', { share: 0.7, px: 14 });
  });

  test('the overview leaves MACs and veth names out; zoomed in they appear', async ({
    terminal,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await terminal.run('docker run -d --name web nginx');
    const graph = await settled(page);
    const eth0 = graph.nodes.find((n) => /^dev:[0-9a-f]+\/eth0$/.test(n.id))!;
    // The hook's label is everything the interface says; the overview draws less of it.
    expect(eth0.label).toMatch(/^eth0@if\d+\n172\.17\.0\.2\/16\n02:42:ac:11:00:02$/);
    const drawnHeight = (b: RenderedBox) => b.y2 - b.y1;
    const overview = drawnHeight(eth0.labelBox!);
    const hostEnd = graph.nodes.find((n) => n.classes.includes('host-end'))!;
    expect(hostEnd.labelBox).toBeNull();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect
      .poll(async () => {
        const now = (await snapshot(page)).nodes.find((n) => n.id === eth0.id)!;
        return drawnHeight(now.labelBox!) / now.fontPx;
      })
      .toBeGreaterThan((overview / eth0.fontPx) * 1.3);
    const zoomed = await snapshot(page);
    expect(zoomed.nodes.find((n) => n.id === hostEnd.id)!.labelBox).not.toBeNull();
  });

  test('while a trace plays the packet stays on screen, even zoomed in far from it', async ({
    terminal,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await terminal.runAll(SEED000_STORY);
    // Zoomed in far from where tomcat01's packet goes.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await terminal.run('docker exec -it tomcat01 ping -c 1 tomcat-net-02');
    const player = page.getByRole('region', { name: 'Packet trace' });
    await player.getByRole('button', { name: 'Pause' }).click();
    const forward = player.getByRole('button', { name: 'Step forward' });
    let seen = 0;
    for (let i = 0; i < 12 && (await forward.isEnabled()); i++) {
      await forward.click();
      const graph = await snapshot(page);
      const dot = graph.nodes.find((n) => n.classes.includes('packet'));
      if (!dot) continue;
      seen++;
      await expect
        .poll(
          async () => {
            const g = await snapshot(page);
            const p = g.nodes.find((n) => n.classes.includes('packet'))!.rendered;
            return p.x >= 0 && p.y >= 0 && p.x <= g.canvas.width && p.y <= g.canvas.height;
          },
          `step ${i + 1}`,
        )
        .toBe(true);
    }
    expect(seen).toBeGreaterThan(3);
  });
});
