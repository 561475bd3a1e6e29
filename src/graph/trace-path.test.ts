import { describe, expect, it } from 'vitest';
import type { World } from '../sim';
import { replay, runLine } from '../sim';
import { OVERLAY_TWO_HOSTS, PING_THROUGH_TUNNEL, VXLAN_BY_HAND } from './vxlan-lab.testing';
import { deviceRef, dnsRef, netnsRef } from './refs';
import { scriptTrace as traceOf } from './script-trace';
import { hopTarget, inferProto, protoOfCommand, tracePath } from './trace-path';

const netnsOf = (world: World, name: string): string => {
  const h = world.hosts[world.terminal.host];
  const c = [...h.docker.containers.values()].find((x) => x.name === name);
  if (!c?.netns) throw new Error(`no running ${name}`);
  return c.netns;
};

const LINK = [
  'docker run -d --name db busybox sleep 1d',
  'docker run -d --name web --link db busybox sleep 1d',
];
const USER = [
  'docker network create mynet',
  'docker run -d --name alpha --network mynet busybox sleep 1d',
  'docker run -d --name beta --network mynet busybox sleep 1d',
];

describe('tracePath', () => {
  it("switches an overlay ping on its namespace's br0, from the container's veth to vxlan0", () => {
    const { trace, world } = traceOf([
      ...OVERLAY_TWO_HOSTS,
      'docker exec alpine1 ping -c 1 alpine2',
    ]);
    const overlay = [...world.hosts[world.terminal.host].netns.keys()].find((id) =>
      id.startsWith('1-'),
    )!;
    const bridge = tracePath(trace).find((h) => h.event.kind === 'bridge')!;
    // veth0 is the node's load balancer's: it joins the network before the container.
    expect(bridge.path).toEqual([
      deviceRef(overlay, 'veth1'),
      deviceRef(overlay, 'br0'),
      deviceRef(overlay, 'vxlan0'),
    ]);
  });

  it('walks a default-bridge ping from eth0 over the veth pairs and docker0 and back', () => {
    const { trace, world } = traceOf([...LINK, 'docker exec web ping -c 1 172.17.0.2']);
    const web = netnsOf(world, 'web');
    const db = netnsOf(world, 'db');
    const hops = tracePath(trace);
    expect(hops).toHaveLength(trace.events.length);
    const moves = hops.filter((h) => h.event.kind === 'veth').map((h) => h.path);
    expect(moves[0][0]).toBe(deviceRef(web, 'eth0'));
    expect(moves[0][1]).toMatch(/^dev:host\/veth/);
    expect(moves[1][1]).toBe(deviceRef(db, 'eth0'));
    const bridge = hops.find((h) => h.event.kind === 'bridge')!;
    expect(bridge.path).toHaveLength(3);
    expect(bridge.path[1]).toBe(deviceRef('host', 'docker0'));
    expect(hops.filter((h) => h.category === 'icmp').length).toBeGreaterThan(3);
    const delivered = hops.filter((h) => h.category === 'deliver');
    expect(delivered.map((h) => h.direction)).toEqual(['request', 'reply']);
    expect(delivered[0].lit).toContain(netnsRef(db));
    expect(delivered[1].lit).toContain(netnsRef(web));
  });

  it('shows the /etc/hosts lookup of a --link name in the asking container', () => {
    const { trace, world } = traceOf([...LINK, 'docker exec web ping -c 1 db']);
    const first = tracePath(trace)[0];
    expect(first.category).toBe('dns');
    expect(first.lit).toEqual([netnsRef(netnsOf(world, 'web'))]);
    expect(first.event).toMatchObject({ source: 'hosts-file' });
    expect(first.event.kind === 'name-lookup' && first.event.hostsLine).toMatch(
      /^172\.17\.0\.2\s+db/,
    );
  });

  it('sends a user network name query to that network’s embedded DNS badge and back', () => {
    const { trace, world } = traceOf([...USER, 'docker exec alpha ping -c 1 beta']);
    const eth0 = deviceRef(netnsOf(world, 'alpha'), 'eth0');
    const first = tracePath(trace)[0];
    expect(first.path).toEqual([eth0, dnsRef('mynet'), eth0]);
    expect(first.lit).toContain(dnsRef('mynet'));
  });

  it('follows a failed docker0 lookup’s query to the host’s resolver, all as DNS', () => {
    const { trace } = traceOf([...LINK, 'docker exec db ping -c 1 web']);
    const hops = tracePath(trace);
    expect(trace.verdict).toBe('dropped');
    expect(hops.length).toBeGreaterThan(trace.events.length);
    expect(hops.every((h) => h.category === 'dns')).toBe(true);
    expect(hops.slice(1).every((h) => h.lookup)).toBe(true);
    expect(hops.some((h) => h.path.includes(netnsRef('outside')))).toBe(true);
  });

  it('marks an isolation drop at the bridge the packet came in on', () => {
    const { trace, world } = traceOf([
      'docker network create mynet',
      'docker run -d --name alpha --network mynet busybox sleep 1d',
      'docker run -d --name gamma busybox sleep 1d',
      'docker exec alpha ping -c 1 172.17.0.2',
    ]);
    const hops = tracePath(trace);
    const last = hops.at(-1)!;
    expect(last.category).toBe('drop');
    const bridge = world.hosts[world.terminal.host].docker.networks;
    const br = [...bridge.values()].find((n) => n.name === 'mynet')!.bridge!;
    expect(last.path).toEqual([deviceRef('host', br)]);
    expect(hops.find((h) => h.category === 'filter' && h.event.kind === 'netfilter')).toBeTruthy();
  });

  it('shows MASQUERADE at eth0 and conntrack undoing it on the way back', () => {
    const { trace } = traceOf([
      'docker run -d --name gamma busybox sleep 1d',
      'docker exec gamma ping -c 1 8.8.8.8',
    ]);
    const nat = tracePath(trace).filter((h) => h.nat);
    expect(nat).toHaveLength(2);
    expect(nat[0].nat).toMatchObject({
      before: { src: '172.17.0.2' },
      after: { src: '10.0.2.15' },
    });
    expect(nat[1].nat).toMatchObject({
      before: { dst: '10.0.2.15' },
      after: { dst: '172.17.0.2' },
    });
    expect(nat[1].nat!.at).toBe(deviceRef('host', 'eth0'));
    expect(tracePath(trace).some((h) => h.path.includes(netnsRef('outside')))).toBe(true);
  });

  it('shows the DNAT of a published port and calls its packets TCP', () => {
    const { trace } = traceOf([
      'docker run -d --name web -p 8080:80 nginx',
      'curl -s -o /dev/null http://10.0.2.15:8080/',
    ]);
    expect(inferProto(trace)).toBe('tcp');
    const hops = tracePath(trace);
    const dnat = hops.find((h) => h.nat && h.event.kind === 'netfilter')!;
    expect(dnat.category).toBe('nat');
    expect(dnat.nat).toMatchObject({ before: { dst: '10.0.2.15' }, after: { dst: '172.17.0.2' } });
    expect(hops.some((h) => h.category === 'tcp')).toBe(true);
    expect(hops.some((h) => h.category === 'icmp')).toBe(false);
    expect(hopTarget(dnat)).toBe(dnat.nat!.at);
  });

  it('names the protocol of a command line', () => {
    expect(protoOfCommand('docker exec web ping -c 1 db')).toBe('icmp');
    expect(protoOfCommand('curl http://x')).toBe('tcp');
    expect(protoOfCommand('nslookup db')).toBeUndefined();
  });

  it('between vxlan-encap and vxlan-decap the packet rides inside the outer header', () => {
    const { world } = replay(VXLAN_BY_HAND);
    const hops = tracePath(runLine(world, PING_THROUGH_TUNNEL).trace!);
    const kinds = hops.map((h) => h.event.kind);
    const encap = kinds.indexOf('vxlan-encap');
    const decap = kinds.indexOf('vxlan-decap');
    expect(encap).toBeGreaterThan(0);
    expect(decap).toBeGreaterThan(encap);
    const outer = { vni: 42, src: '10.0.2.15', dst: '10.0.2.16', dstPort: 4789 };
    for (let i = encap; i < decap; i++) expect(hops[i].outer, kinds[i]).toEqual(outer);
    // It crosses the LAN wrapped, and is unwrapped on host2's vxlan0.
    const lan = hops.slice(encap, decap).find((h) => h.event.kind === 'lan')!;
    expect(lan.path).toEqual(['dev:host/eth0', 'netns:outside', '@host2/dev:host/eth0']);
    expect(hops[encap - 1].outer).toBeUndefined();
    expect(hops[decap].outer).toBeUndefined();
    expect(hops[decap].path.at(-1)).toBe('@host2/dev:host/vxlan0');
    // The reply is wrapped the other way.
    const back = hops.findIndex((h, i) => i > decap && h.event.kind === 'vxlan-encap');
    expect(hops[back].outer).toEqual({ ...outer, src: '10.0.2.16', dst: '10.0.2.15' });
  });
});
