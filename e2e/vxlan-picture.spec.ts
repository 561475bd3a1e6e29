import { expect, test } from './fixtures';
import { GraphPanel } from './pages/GraphPanel';
import {
  OVERLAY_TWO_HOSTS,
  PING_THROUGH_TUNNEL,
  VXLAN_BY_HAND,
} from '../src/graph/vxlan-lab.testing';

/** Issue 12 §6: the VXLAN tunnel between the hosts' eth0s, and the packet wrapped while in it. */
test.describe('VXLAN in the picture (issue 12 §6)', () => {
  test.setTimeout(120_000);

  test('the tunnel runs eth0 to eth0; a ping through it rides inside its outer packet across the LAN', async ({
    terminal,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await terminal.runAll(VXLAN_BY_HAND);
    const graph = new GraphPanel(page);
    await page.getByRole('button', { name: 'Close trace' }).click();
    await graph.fit.click();
    const g = await graph.snapshot();
    const tunnel = g.edges.find((e) => e.classes.includes('tunnel'))!;
    expect([tunnel.source, tunnel.target].sort()).toEqual(
      ['@host2/dev:host/eth0', 'dev:host/eth0'].sort(),
    );
    expect(tunnel.label).toBe('VXLAN 42 · UDP 4789');
    expect(tunnel.labelBox).not.toBeNull();
    // The two host boxes stand apart even with vxlan0 in their top rows.
    const box = (label: string) => g.nodes.find((n) => n.label === label)!.box;
    expect(box('host host2').x1).toBeGreaterThan(box('host docker-host').x2);

    await terminal.run(PING_THROUGH_TUNNEL);
    await expect(terminal.output).toContainText('1 packets received');
    const player = page.getByRole('region', { name: 'Packet trace' });
    await player.getByRole('button', { name: 'Pause' }).click();
    await player.getByRole('button', { name: 'Replay from start' }).click();
    await player.getByRole('button', { name: 'Pause' }).click();
    const forward = player.getByRole('button', { name: 'Step forward' });
    const seen: { wrapped: boolean; label: string; lit: boolean }[] = [];
    for (let i = 0; i < 60 && (await forward.isEnabled()); i++) {
      await forward.click();
      const now = await graph.snapshot();
      const dot = now.nodes.find((n) => n.classes.includes('packet'));
      if (!dot) continue;
      const lit = now.edges
        .find((e) => e.classes.includes('tunnel'))!
        .classes.includes('hop-active');
      seen.push({ wrapped: dot.classes.includes('wrapped'), label: dot.label, lit });
    }
    const wrapped = seen.filter((s) => s.wrapped);
    expect(wrapped.length).toBeGreaterThan(2);
    expect(wrapped[0].label).toBe('VXLAN 42\n10.0.2.15 → 10.0.2.16\nUDP 4789');
    // The way back is wrapped the other way.
    expect(wrapped.some((s) => s.label === 'VXLAN 42\n10.0.2.16 → 10.0.2.15\nUDP 4789')).toBe(true);
    // Unwrapped before and after; the tunnel lights only while a wrapped packet crosses.
    expect(seen[0].wrapped).toBe(false);
    expect(seen.at(-1)!.wrapped).toBe(false);
    expect(seen.some((s) => s.lit)).toBe(true);
    expect(seen.every((s) => !s.lit || s.wrapped)).toBe(true);
  });

  test('a swarm overlay is one band from br0 to br0 across the hosts, under its tunnel', async ({
    terminal,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await terminal.runAll(OVERLAY_TWO_HOSTS);
    await expect(terminal.output).toContainText('alpine2 --network test-net alpine');
    const graph = new GraphPanel(page);
    await graph.fit.click();
    const g = await graph.snapshot();
    const band = g.edges.find((e) => e.classes.includes('overlay-band'))!;
    expect(band.label).toBe('overlay test-net · 10.0.1.0/24 · VNI 4097');
    expect(band.labelBox).not.toBeNull();
    const ends = [band.source, band.target].map((id) => g.nodes.find((n) => n.id === id)!.rendered);
    // Left host's br0 to right host's: the band crosses the gap between the host boxes.
    const host = (label: string) => g.nodes.find((n) => n.label === label)!.box;
    const [left, right] = [host('host docker-host'), host('host host2')];
    expect(ends[0].x).toBeGreaterThan(left.x1);
    expect(ends[0].x).toBeLessThan(left.x2);
    expect(ends[1].x).toBeGreaterThan(right.x1);
    expect(ends[1].x).toBeLessThan(right.x2);
    const tunnel = g.edges.find((e) => e.classes.includes('tunnel'))!;
    expect(tunnel.label).toBe('VXLAN 4097 · UDP 4789');
    const boxes = g.nodes.filter((n) => n.classes.includes('overlay-netns')).map((n) => n.label);
    expect(boxes).toHaveLength(2);
    expect(boxes.every((l) => l.startsWith('overlay test-net · netns 1-'))).toBe(true);
    // Each node's load balancer: its own box beside the overlay's, its name under it, both clear
    // of the band's label.
    const overlays = g.nodes.filter((n) => n.classes.includes('overlay-netns'));
    const balancers = g.nodes.filter((n) => n.label.startsWith('load balancer lb-test-net'));
    expect(balancers).toHaveLength(2);
    for (const [i, lb] of balancers.entries()) {
      const ov = overlays[i].box;
      expect(lb.box.x2).toBeLessThanOrEqual(ov.x1);
      expect(lb.labelBox!.y1).toBeGreaterThanOrEqual(lb.box.y2 - 1);
      expect(lb.box.y1).toBeGreaterThan(band.labelBox!.y2);
    }

    // Over to host2 and back: every id swaps its @host/ prefix twice, and nothing goes missing.
    await terminal.runAll(['ssh host2', 'exit']);
    await expect(terminal.output).toContainText('Connection to host2 closed.');
    await graph.fit.click();
    const back = await graph.snapshot();
    expect(back.edges.filter((e) => e.classes.includes('overlay-band'))).toHaveLength(1);
    expect(back.edges.filter((e) => e.classes.includes('tunnel'))).toHaveLength(1);
    // In each host's overlay namespace, vxlan0, the load balancer's veth (veth0, it joined
    // first) and the container's hang on br0.
    const ports = back.edges.filter((e) => e.classes.includes('in-netns'));
    expect(ports.map((e) => e.target.split('/').at(-1)).sort()).toEqual([
      'veth0',
      'veth0',
      'veth1',
      'veth1',
      'vxlan0',
      'vxlan0',
    ]);
    expect(ports.every((e) => e.source.endsWith('/br0'))).toBe(true);
    // br0's name and address sit over its bar, clear of the band that leaves it sideways.
    for (const br0 of back.nodes.filter((n) => /dev:1-[0-9a-z]{10}\/br0$/.test(n.id))) {
      expect(br0.labelBox!.y2).toBeLessThanOrEqual(br0.box.y1 + 1);
      expect(br0.labelBox!.x1).toBeGreaterThanOrEqual(br0.box.x1 - 2);
    }
  });
});
