import { expect, test } from './fixtures';
import { GraphPanel } from './pages/GraphPanel';
import { HOST_PROMPT } from './pages/TerminalPanel';

test.describe('several Docker hosts on the LAN (issue 12, design.md contract 4)', () => {
  test('Add host, ssh to it, run a container there: a second host box with its own docker0', async ({
    terminal,
    page,
    labState,
  }) => {
    await page.getByRole('button', { name: 'Add host' }).click();
    await expect(terminal.output).toContainText('# lab add-host host2');
    await expect(terminal.output).toContainText('lab: host2 is up at 10.0.2.16 (eth0)');
    expect(await labState()).toMatchObject({ hostCount: 2, log: ['lab add-host host2'] });

    await terminal.run('ssh host2');
    await expect.poll(() => terminal.prompt()).toBe('[root@host2 ~]# ');
    await terminal.run('docker run -d --name b1 busybox sleep 3600');
    await terminal.run('exit');
    await expect(terminal.output).toContainText('Connection to host2 closed.');
    await expect.poll(() => terminal.prompt()).toBe(HOST_PROMPT);

    const graph = new GraphPanel(page);
    await expect
      .poll(async () => (await graph.snapshot()).nodes.map((n) => n.label))
      .toEqual(expect.arrayContaining(['host docker-host', 'host host2']));
    const { nodes } = await graph.snapshot();
    const box = nodes.find((n) => n.label === 'host host2')!;
    const first = nodes.find((n) => n.label === 'host docker-host')!;
    // Two separate boxes, side by side on this wide canvas, each with its own docker0 bar.
    expect(box.box.x1).toBeGreaterThan(first.box.x2);
    const bars = nodes.filter((n) => n.classes.includes('bridge'));
    expect(bars.map((b) => b.parent).sort()).toEqual([box.id, first.id].sort());
    const b1 = nodes.find((n) => n.label.startsWith('b1'));
    expect(b1?.id.startsWith('@host2/')).toBe(true);
    expect(b1!.box.y1).toBeGreaterThan(box.box.y1);
    expect(b1!.box.y2).toBeLessThan(box.box.y2);

    await page.screenshot({ path: '/tmp/hosts/two-hosts.png' });
    // The outline lists the second host as text.
    await expect(page.getByRole('region', { name: 'Topology outline' })).toContainText('host2');
  });

  test('the second host reaches the first: ping across the LAN', async ({ terminal }) => {
    await terminal.runAll(['lab add-host host2', 'ssh host2 ping -c 1 docker-host']);
    await expect(terminal.output).toContainText('64 bytes from docker-host (10.0.2.15)');
  });
});
