import { expect, test } from './fixtures';
import { expectLegible, facts, settled } from './pages/Legibility';

/** Issue 12 §6: a two-host lab, three containers on each, meets issue 9's legibility targets. */
const TWO_HOSTS = [
  'lab add-host host2',
  'docker run -dit --name a1 busybox',
  'docker run -dit --name a2 busybox',
  'docker run -dit --name a3 busybox',
  'ssh host2 docker run -dit --name b1 busybox',
  'ssh host2 docker run -dit --name b2 busybox',
  'ssh host2 docker run -dit --name b3 busybox',
];

test.describe('two hosts in the picture (issue 12 §6)', () => {
  test.setTimeout(120_000);

  for (const [width, height, px] of [
    [1280, 720, 11],
    [1440, 900, 12],
    [1920, 1080, 13],
  ] as const)
    test(`at ${width}×${height}: side by side under one LAN line, names and IPs at ${px} px or more`, async ({
      terminal,
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await terminal.runAll(TWO_HOSTS);
      // ssh's own connection plays as a trace; the picture is read once it is put away.
      await page.getByRole('button', { name: 'Close trace' }).click();
      await page.getByRole('button', { name: 'Fit graph' }).click();
      const f = await facts(page);
      const at = `two hosts at ${width}×${height}`;
      expect(f.names, at).toBe(6);
      // Each container's eth0 and each host's.
      expect(f.addresses, at).toBe(8);
      expectLegible(f, at, { share: 0.5, px });

      const graph = await settled(page);
      const node = (label: string) => graph.nodes.find((n) => n.label === label)!;
      const [one, two] = [node('host docker-host'), node('host host2')];
      // Side by side: host2 right of the first host, level with it.
      expect(two.box.x1).toBeGreaterThan(one.box.x2);
      expect(Math.abs(two.box.y1 - one.box.y1)).toBeLessThan(40);
      // The LAN is one line over both, each eth0 straight under it.
      const lan = graph.nodes.find((n) => n.classes.includes('outside'))!;
      expect(lan.classes).toContain('lan-line');
      expect(lan.box.x1).toBeLessThan(one.box.x1 + 40);
      expect(lan.box.x2).toBeGreaterThan(two.box.x1);
      expect(lan.box.y2).toBeLessThan(one.box.y1);
      for (const up of graph.edges.filter((e) => e.classes.includes('uplink'))) {
        expect(up.box.x2 - up.box.x1, up.id).toBeLessThan(12);
        expect(up.box.y1, up.id).toBeLessThan(lan.box.y2 + 2);
      }
    });

  test('on a tall canvas the hosts are stacked, the LAN beside them', async ({
    terminal,
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 1280 });
    await terminal.runAll(TWO_HOSTS.slice(0, 2).concat(TWO_HOSTS[4]));
    const graph = await settled(page);
    const node = (label: string) => graph.nodes.find((n) => n.label === label)!;
    expect(node('host host2').box.y1).toBeGreaterThan(node('host docker-host').box.y2);
    const lan = graph.nodes.find((n) => n.classes.includes('outside'))!;
    expect(lan.classes).not.toContain('lan-line');
  });
});
