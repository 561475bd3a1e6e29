import { describe, expect, it } from 'vitest';
import { replay } from '../../sim';
import { inspectViews } from '../../store/probes';
import { menuItems } from '../actions/menu-items';
import { inspectedOf, subjectOf } from './inspected';

const TWO = [
  'docker run -dit --name a1 busybox',
  'lab add-host host2',
  'ssh host2 docker run -dit --name b1 busybox',
];

describe('the inspector on several hosts', () => {
  const { world } = replay(TWO);

  it('reads the @host2/ prefix the graph draws another host under', () => {
    expect(subjectOf(world, '@host2/container:b1')).toEqual({
      kind: 'container',
      name: 'b1',
      ref: '@host2/container:b1',
      host: 'host2',
    });
    expect(subjectOf(world, '@host2/netns:host')).toMatchObject({ kind: 'host', name: 'host2' });
    expect(subjectOf(world, '@host2/dev:host/docker0')).toMatchObject({
      kind: 'host',
      name: 'host2',
    });
    expect(subjectOf(world, '@host2/network:bridge')).toMatchObject({
      kind: 'network',
      host: 'host2',
    });
    // b1 does not exist on the terminal's host, a1 not on host2.
    expect(subjectOf(world, 'container:b1')).toBeUndefined();
    expect(subjectOf(world, '@host2/container:a1')).toBeUndefined();
    expect(subjectOf(world, '@host9/container:b1')).toBeUndefined();
    expect(inspectedOf(world, 'container:a1').host).toBeUndefined();
  });

  it("shows the other host's own state, as typed there", () => {
    const views = inspectViews(world, inspectedOf(world, '@host2/container:b1'));
    expect(views[0].text).toMatch(/^State: running {2}Image: busybox/);
    const addr = views.find((v) => v.command.endsWith('ip addr'))!;
    expect(addr.text).toContain('inet 172.17.0.2/16');
    const host = inspectViews(world, inspectedOf(world, '@host2/netns:host'));
    expect(host.find((v) => v.command === 'ip route')!.text).toContain('src 10.0.2.16');
  });

  it("its menu types another host's lines through ssh", () => {
    const lines = menuItems(world, '@host2/container:b1').map((i) => i.line);
    expect(lines).toEqual([
      'ssh host2 docker stop b1',
      'ssh host2 docker pause b1',
      'ssh host2 docker kill b1',
      'ssh host2 docker rm -f b1',
    ]);
    expect(menuItems(world, '@host2/container:b1').every((i) => i.disabled === undefined)).toBe(
      true,
    );
  });
});
