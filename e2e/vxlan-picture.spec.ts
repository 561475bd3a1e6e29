import { expect, test } from './fixtures';
import { GraphPanel } from './pages/GraphPanel';
import { PING_THROUGH_TUNNEL, VXLAN_BY_HAND } from '../src/graph/vxlan-lab.testing';

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
});
