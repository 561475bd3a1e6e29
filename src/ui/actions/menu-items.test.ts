import { describe, expect, it } from 'vitest';
import { replay } from '../../sim';
import { containerRef, deviceRef, dnsRef, HOST_REF, netnsRef, networkRef } from '../../graph/refs';
import { dryRun } from './lab-choices';
import { menuItems } from './menu-items';

const { world } = replay([
  'docker network create mynet',
  'docker run -d --name web --network mynet nginx',
  'docker run -dit --name box busybox',
  'docker stop box',
]);

const summary = (ref: string) =>
  menuItems(world, ref).map(
    (i) => `${i.id}${i.line ? ` ${i.line}` : ''}${i.disabled ? ' (disabled)' : ''}`,
  );

describe('context menu items', () => {
  it('offer a running container every action, with its own shell and Stop', () => {
    expect(summary(containerRef('web'))).toEqual([
      'ping',
      'curl',
      'shell docker exec -it web bash',
      'connect',
      'disconnect',
      'linked',
      'stop docker stop web',
      'pause docker pause web',
      'kill docker kill web',
      'rename',
      'remove docker rm -f web',
    ]);
  });

  it('offer a paused container Unpause; a stopped one cannot be paused or killed', () => {
    const paused = replay(['docker run -d --name web nginx', 'docker pause web']).world;
    const ids = menuItems(paused, containerRef('web')).map((i) => i.line ?? i.id);
    expect(ids).toContain('docker unpause web');
    expect(ids).not.toContain('docker pause web');
    const box = menuItems(world, containerRef('box'));
    expect(box.find((i) => i.id === 'pause')?.disabled).toMatch(/is not running/);
    expect(box.find((i) => i.id === 'kill')?.disabled).toMatch(/is not running/);
  });

  it('offer a stopped container Start, and refuse a shell with the engine reason', () => {
    const items = menuItems(world, containerRef('box'));
    expect(items.map((i) => i.id)).toContain('start');
    expect(items.map((i) => i.id)).not.toContain('stop');
    expect(items.find((i) => i.id === 'shell')?.disabled).toMatch(/is not running/);
  });

  it("resolve a container's box (its netns) to the container", () => {
    const web = [...world.hosts[world.terminal.host].docker.containers.values()].find(
      (c) => c.name === 'web',
    )!;
    expect(menuItems(world, netnsRef(web.netns!)).map((i) => i.id)).toEqual(
      menuItems(world, containerRef('web')).map((i) => i.id),
    );
  });

  it('resolve a device to its container or the host, and a DNS badge to its network', () => {
    const web = [...world.hosts[world.terminal.host].docker.containers.values()].find(
      (c) => c.name === 'web',
    )!;
    const ids = (ref: string) => menuItems(world, ref).map((i) => i.line ?? i.id);
    expect(ids(deviceRef(web.netns!, 'eth0'))).toEqual(ids(containerRef('web')));
    expect(ids(deviceRef('host', 'docker0'))).toEqual(ids(HOST_REF));
    expect(ids(dnsRef('mynet'))).toEqual(ids(networkRef('mynet')));
  });

  it('let user networks be removed only when empty, and never the predefined ones', () => {
    expect(summary(networkRef('mynet'))).toEqual([
      'inspect docker network inspect mynet',
      'runHere',
      'remove docker network rm mynet (disabled)',
    ]);
    expect(
      menuItems(world, networkRef('bridge')).find((i) => i.id === 'remove')?.disabled,
    ).toContain('bridge is a pre-defined network and cannot be removed');
    expect(summary(HOST_REF)).toEqual(['ping']);
    expect(menuItems(world, networkRef('nope'))).toEqual([]);
  });
});

describe('dry run', () => {
  it("returns the engine's error and accepts what would run", () => {
    expect(dryRun(world, 'docker run -d --name web nginx')).toMatch(
      /Conflict\. The container name "\/web"/,
    );
    expect(dryRun(world, 'docker network create other')).toBeUndefined();
  });

  it('lets a probe that runs and fails through, but not one that cannot start', () => {
    expect(dryRun(world, 'docker exec web curl -s http://nowhere', true)).toBeUndefined();
    expect(dryRun(world, 'docker exec web ping -c 4 box', true)).toMatch(
      /executable file not found/,
    );
    expect(dryRun(world, 'docker exec box ping -c 4 web', true)).toMatch(/is not running/);
  });
});
