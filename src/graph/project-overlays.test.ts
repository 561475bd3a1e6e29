import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { projectWorld } from './elements';
import { OVERLAY_TWO_HOSTS } from './vxlan-lab.testing';

describe('an overlay network across two swarm nodes', () => {
  const world = replay(OVERLAY_TWO_HOSTS).world;
  const els = projectWorld(world);
  const net = [...world.hosts['docker-host'].docker.networks.values()].find(
    (n) => n.name === 'test-net',
  )!;
  const ns = `1-${net.id.slice(0, 10)}`;

  it("is one band from this host's br0 to the other host's, naming the network, subnet and VNI", () => {
    const bands = els.filter((e) => e.data.kind === 'overlay-band');
    expect(bands).toHaveLength(1);
    expect([bands[0].data.source, bands[0].data.target]).toEqual([
      `dev:${ns}/br0`,
      `@host2/dev:${ns}/br0`,
    ]);
    expect(bands[0].data.label).toBe('overlay test-net · 10.0.1.0/24 · VNI 4097');
  });

  it("names the driver's namespace after its network on both hosts", () => {
    const boxes = els.filter((e) => e.classes.includes('overlay-netns')).map((e) => e.data.label);
    expect(boxes).toEqual([`overlay test-net · netns ${ns}`, `overlay test-net · netns ${ns}`]);
  });

  it('puts no DNS badge on docker_gwbridge: names are answered on the overlay', () => {
    const dns = els.filter((e) => e.data.kind === 'dns').map((e) => e.data.id);
    expect(dns.some((id) => id.includes('docker_gwbridge'))).toBe(false);
  });

  it('is no band while only one host has the network', () => {
    const one = replay(OVERLAY_TWO_HOSTS.filter((l) => !l.includes('alpine2'))).world;
    expect(projectWorld(one).some((e) => e.data.kind === 'overlay-band')).toBe(false);
  });
});
