import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { runLine } from '../shell/run-line';
import { hostOf } from '../world';
import { overlayNetns } from './node-networks';
import { netOf, TWO_NODES } from './testing';

describe('an attachable overlay across two nodes', () => {
  const { world, transcript } = replay(TWO_NODES);

  it('gives the first user overlay 10.0.1.0/24, VXLAN id 4097 and a 25-character id', () => {
    const id = transcript[3].stdout.trim();
    expect(id).toMatch(/^[0-9a-z]{25}$/);
    const n = netOf(world, 'docker-host', 'test-net')!;
    expect(n.ipam.config[0]).toMatchObject({ subnet: '10.0.1.0/24', gateway: '10.0.1.1' });
    expect(n.options['com.docker.network.driver.overlay.vxlanid_list']).toBe('4097');
    expect(n.scope).toBe('swarm');
  });

  it('builds the namespace moby builds: br0 with the gateway, vxlan0 moved in and enslaved, a veth per container', () => {
    const h = hostOf(world, 'docker-host');
    const n = netOf(world, 'docker-host', 'test-net')!;
    const ns = h.netns.get(overlayNetns(n.id))!;
    expect(ns.id).toBe(`1-${n.id.slice(0, 10)}`);
    const br0 = ns.links.find((l) => l.name === 'br0')!;
    expect(br0).toMatchObject({ kind: 'bridge', mtu: 1450, up: true });
    expect(br0.addresses).toEqual([{ ip: '10.0.1.1', prefix: 24 }]);
    const vx = ns.links.find((l) => l.name === 'vxlan0')!;
    expect(vx).toMatchObject({ kind: 'vxlan', mtu: 1450, master: br0.ifindex });
    expect(vx.vxlan).toMatchObject({
      id: 4097,
      dstport: 4789,
      underlayNetns: 'host',
      learning: false,
    });
    const veth0 = ns.links.find((l) => l.name === 'veth0')!;
    expect(veth0).toMatchObject({ kind: 'veth', mtu: 1450, master: br0.ifindex });
  });

  it("programs the other node's load balancer and container as static FDB entries and PERMANENT neighbours", () => {
    for (const [host, remote, vtep] of [
      ['docker-host', ['10.0.1.5', '10.0.1.4'], '10.0.2.16'],
      ['host2', ['10.0.1.3', '10.0.1.2'], '10.0.2.15'],
    ] as const) {
      const h = hostOf(world, host);
      const n = netOf(world, host, 'test-net')!;
      const ns = overlayNetns(n.id);
      const vx = h.netns.get(ns)!.links.find((l) => l.name === 'vxlan0')!;
      const macOf = (ip: string) => `02:42:0a:00:01:0${ip.at(-1)}`;
      expect(vx.vxlan?.fdb).toEqual(
        remote.map((ip) => ({ mac: macOf(ip), dst: vtep, owner: 'overlay' })),
      );
      expect(h.neighbours?.get(ns)).toEqual(
        remote.map((ip) => ({ ip, ifindex: vx.ifindex, mac: macOf(ip), state: 'PERMANENT' })),
      );
    }
  });

  it('gives the container eth0 on the overlay and eth1 on docker_gwbridge, which has its default route', () => {
    const r = replay([...TWO_NODES, 'docker exec alpine1 ip addr', 'docker exec alpine1 ip route']);
    const addr = r.transcript.at(-2)!.stdout;
    expect(addr).toMatch(/eth0@if\d+: .* mtu 1450 /);
    expect(addr).toContain('inet 10.0.1.2/24 brd 10.0.1.255 scope global eth0');
    expect(addr).toContain('inet 172.18.0.3/16 brd 172.18.255.255 scope global eth1');
    expect(r.transcript.at(-1)!.stdout.split('\n')[0]).toBe('default via 172.18.0.1 dev eth1 ');
  });

  it('makes docker_gwbridge as libnetwork does: no ICC, masquerading, its own name', () => {
    const gw = netOf(world, 'host2', 'docker_gwbridge')!;
    expect(gw.ipam.config[0].subnet).toBe('172.18.0.0/16');
    expect(gw.options).toEqual({
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.name': 'docker_gwbridge',
    });
    expect(gw.bridge).toBe('docker_gwbridge');
  });

  it('pings across hosts by name inside VXLAN, encapsulated from eth0 to eth0 on UDP 4789', () => {
    const r = runLine(world, 'docker exec alpine1 ping -c 1 alpine2');
    expect(r.output.stdout).toContain('64 bytes from 10.0.1.4: seq=0 ttl=64');
    const encap = r.trace?.events.find((e) => e.kind === 'vxlan-encap');
    expect(encap).toMatchObject({
      vni: 4097,
      inner: { src: '10.0.1.2', dst: '10.0.1.4' },
      outer: { src: '10.0.2.15', dst: '10.0.2.16', dstPort: 4789 },
    });
    expect(r.trace?.events.some((e) => e.kind === 'vxlan-decap')).toBe(true);
    expect(r.trace?.verdict).toBe('delivered');
  });

  it('lists both nodes as Peers in network inspect', () => {
    const r = runLine(world, 'docker network inspect -f "{{json .Peers}}" test-net');
    expect(r.output.stdout).toMatch(/"IP":"10.0.2.15".*"IP":"10.0.2.16"/);
  });

  it('takes the network off the worker, namespace and all, when its last container stops', () => {
    const r = replay([...TWO_NODES, 'ssh host2 docker stop alpine2']);
    expect(netOf(r.world, 'host2', 'test-net')).toBeUndefined();
    const n = netOf(r.world, 'docker-host', 'test-net')!;
    expect(hostOf(r.world, 'host2').netns.has(overlayNetns(n.id))).toBe(false);
    // The manager keeps the network; its remote entries are gone.
    const vx = hostOf(r.world, 'docker-host')
      .netns.get(overlayNetns(n.id))!
      .links.find((l) => l.name === 'vxlan0')!;
    expect(vx.vxlan?.fdb).toEqual([]);
  });
});

describe("docker info's Swarm section", () => {
  it('shows the manager the cluster and the worker its managers', () => {
    const { transcript } = replay([
      ...TWO_NODES.slice(0, 3),
      'docker info',
      'ssh host2 docker info',
    ]);
    const manager = transcript[3].stdout;
    expect(manager).toMatch(
      / Swarm: active\n {2}NodeID: [0-9a-z]{25}\n {2}Is Manager: true\n {2}ClusterID: [0-9a-z]{25}\n {2}Managers: 1\n {2}Nodes: 2\n {2}Default Address Pool: 10\.0\.0\.0\/8 {2}\n {2}SubnetSize: 24\n/,
    );
    expect(manager).toContain(
      '  Node Address: 10.0.2.15\n  Manager Addresses:\n   10.0.2.15:2377\n',
    );
    expect(transcript[4].stdout).toMatch(
      / Swarm: active\n {2}NodeID: [0-9a-z]{25}\n {2}Is Manager: false\n {2}Node Address: 10\.0\.2\.16\n {2}Manager Addresses:\n {3}10\.0\.2\.15:2377\n/,
    );
  });

  it('is pending after a join that timed out', () => {
    const { transcript } = replay([
      'lab add-host host2',
      'docker swarm init',
      'ssh host2 docker swarm join --token $(docker swarm join-token -q worker) 10.0.2.15:2399',
      'ssh host2 docker info',
    ]);
    expect(transcript[2].exitCode).toBe(1);
    expect(transcript[3].stdout).toContain(' Swarm: pending\n');
  });
});

describe('removing an overlay', () => {
  it('is refused while a container on any node is attached, then the network goes everywhere', () => {
    const { world, transcript } = replay([
      ...TWO_NODES,
      'docker rm -f alpine1',
      'docker network rm test-net',
      'ssh host2 docker network rm test-net',
      'ssh host2 docker rm -f alpine2',
      'docker network rm test-net',
    ]);
    expect(transcript[7].stderr).toMatch(
      /^Error response from daemon: rpc error: code = FailedPrecondition desc = network [0-9a-z]{25} is in use by task [0-9a-z]{25}\n$/,
    );
    expect(transcript[8].stderr).toContain(
      "Worker nodes can't be used to view or modify cluster state.",
    );
    expect(transcript[10].stdout).toBe('test-net\n');
    expect(world.swarm?.networks.map((n) => n.name)).toEqual(['ingress']);
    expect(netOf(world, 'docker-host', 'test-net')).toBeUndefined();
  });
});

describe("the overlay's namespace, entered as Docker keeps it", () => {
  it('nsenter --net=/var/run/docker/netns/1-<id> shows vxlan0, its FDB and the PERMANENT neighbour', () => {
    const ns =
      "/var/run/docker/netns/1-$(docker network inspect -f '{{.Id}}' test-net | cut -c1-10)";
    const { transcript } = replay([
      ...TWO_NODES,
      `nsenter --net=${ns} ip -d link show vxlan0`,
      `nsenter --net=${ns} bridge fdb show dev vxlan0`,
      `nsenter --net=${ns} ip neigh`,
      'nsenter --net=/var/run/docker/netns/nope ip link',
    ]);
    const [link, fdb, neigh, missing] = transcript.slice(-4);
    expect(link.stdout).toMatch(/vxlan0: .* mtu 1450 .* master br0 /);
    expect(link.stdout).toContain('vxlan id 4097 srcport 0 0 dstport 4789 nolearning proxy ');
    expect(fdb.stdout).toContain('02:42:0a:00:01:04 dst 10.0.2.16 self permanent\n');
    expect(neigh.stdout).toBe(
      '10.0.1.5 dev vxlan0 lladdr 02:42:0a:00:01:05 PERMANENT\n' +
        '10.0.1.4 dev vxlan0 lladdr 02:42:0a:00:01:04 PERMANENT\n',
    );
    expect(missing.stderr).toBe(
      'nsenter: cannot open /var/run/docker/netns/nope: No such file or directory\n',
    );
  });
});
