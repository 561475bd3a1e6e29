import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';
import { lbNetns, overlayNetns } from './node-networks';
import { netOf, TWO_NODES } from './testing';

const containersOf = (stdout: string) =>
  JSON.parse(stdout) as Record<string, { Name: string; IPv4Address: string; MacAddress: string }>;

describe("a node's load balancer on an attachable overlay", () => {
  const { world, transcript } = replay([
    ...TWO_NODES,
    "docker network inspect -f '{{json .Containers}}' test-net",
    `ssh host2 "docker network inspect -f '{{json .Containers}}' test-net"`,
  ]);

  it("takes the address after its node's first container: alpine1, lb, alpine2, lb", () => {
    const [host1, host2] = transcript.slice(-2).map((t) => containersOf(t.stdout));
    const summary = (c: ReturnType<typeof containersOf>) =>
      Object.entries(c).map(([k, v]) => [k.startsWith('lb-') ? k : v.Name, v.IPv4Address]);
    expect(summary(host1)).toEqual([
      ['alpine1', '10.0.1.2/24'],
      ['lb-test-net', '10.0.1.3/24'],
    ]);
    expect(summary(host2)).toEqual([
      ['alpine2', '10.0.1.4/24'],
      ['lb-test-net', '10.0.1.5/24'],
    ]);
  });

  it('shows in network inspect as libnetwork names it, its MAC made from its address', () => {
    const json = transcript.at(-2)!.stdout;
    expect(json).toMatch(
      /"lb-test-net":\{"Name":"test-net-endpoint","EndpointID":"[0-9a-f]{64}","MacAddress":"02:42:0a:00:01:03","IPv4Address":"10.0.1.3\/24","IPv6Address":""\}\}\n$/,
    );
  });

  it('lives in namespace lb_<id>, plugged into br0 like a container, with no way out', () => {
    const n = netOf(world, 'docker-host', 'test-net')!;
    const h = hostOf(world, 'docker-host');
    const lb = h.netns.get(`lb_${n.id.slice(0, 9)}`)!;
    const eth0 = lb.links.find((l) => l.name === 'eth0')!;
    expect(eth0).toMatchObject({ kind: 'veth', mtu: 1450, mac: '02:42:0a:00:01:03' });
    expect(eth0.addresses).toEqual([{ ip: '10.0.1.3', prefix: 24 }]);
    expect(lb.links.map((l) => l.name)).toEqual(['lo', 'eth0']);
    const outer = h.netns.get(overlayNetns(n.id))!.links.find((l) => l.name === 'veth0')!;
    const br0 = h.netns.get(overlayNetns(n.id))!.links.find((l) => l.name === 'br0')!;
    expect(outer).toMatchObject({ master: br0.ifindex, peer: { ifindex: eth0.ifindex } });
  });

  it('answers a ping from the other node, and no name', () => {
    const r = replay([
      ...TWO_NODES,
      'docker exec alpine1 ping -c 1 10.0.1.5',
      'docker exec alpine1 nslookup 10.0.1.5',
      `nsenter --net=/var/run/docker/netns/lb_$(docker network inspect -f '{{.Id}}' test-net | cut -c1-9) ip -4 addr show eth0`,
    ]);
    const [ping, lookup, addr] = r.transcript.slice(-3);
    expect(ping.stdout).toContain('64 bytes from 10.0.1.5: seq=0 ttl=64');
    expect(lookup.stdout).not.toContain('name =');
    expect(addr.stdout).toContain('inet 10.0.1.3/24 brd 10.0.1.255 scope global eth0');
  });

  it("leaves with its node's last container, giving its address back", () => {
    const r = replay([
      ...TWO_NODES,
      'ssh host2 docker stop alpine2',
      'docker rm -f alpine1',
      "docker network inspect -f '{{json .Containers}}' test-net",
      'ssh host2 docker run -dit --name alpine3 --network test-net alpine',
      `ssh host2 "docker network inspect -f '{{json .Containers}}' test-net"`,
    ]);
    const id = netOf(r.world, 'docker-host', 'test-net')!.id;
    expect(r.transcript.at(-3)!.stdout).toBe('{}\n');
    expect(hostOf(r.world, 'docker-host').netns.has(lbNetns(id))).toBe(false);
    expect(netOf(r.world, 'docker-host', 'test-net')!.overlay?.lb).toBeUndefined();
    const again = Object.values(containersOf(r.transcript.at(-1)!.stdout));
    expect(again.map((e) => e.IPv4Address)).toEqual(['10.0.1.2/24', '10.0.1.3/24']);
  });

  it('goes with the network when the node leaves the swarm', () => {
    const r = replay([...TWO_NODES, 'ssh host2 docker swarm leave']);
    const id = netOf(r.world, 'docker-host', 'test-net')!.id;
    expect(hostOf(r.world, 'host2').netns.has(lbNetns(id))).toBe(false);
    expect(hostOf(r.world, 'docker-host').netns.has(lbNetns(id))).toBe(true);
  });
});
