import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const err = (lines: string[]) => replay(lines).transcript.map((t) => t.stderr);
const MV = 'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2';

describe('docker network create -d macvlan|ipvlan: the drivers’ own checks', () => {
  it('refuses what libnetwork refuses, in its words', () => {
    const e = err([
      `${MV} -o parent=eth0 mv`,
      'docker network create -d macvlan --subnet 10.0.9.0/24 -o parent=eth0 mv2',
      'docker network create -d macvlan --subnet 10.0.2.0/25 -o parent=eth0.7 mv3',
      'docker network create -d macvlan -o parent=eth1 mv4',
      'docker network create -d macvlan -o parent=eth9.10 mv5',
      'docker network create -d macvlan -o parent=eth0.5000 mv6',
      'docker network create -d macvlan -o parent=eth0.x mv7',
      'docker network create -d macvlan -o parent=lo mv8',
      'docker network create -d macvlan -o macvlan_mode=hairpin mv9',
      'docker network create -d ipvlan -o ipvlan_mode=l4 iv1',
      'docker network create -d ipvlan -o ipvlan_flag=public iv2',
    ]);
    const id12 = /^[0-9a-f]{12}/;
    expect(e[1]).toMatch(
      /^Error response from daemon: network dm-[0-9a-f]{12} is already using parent interface eth0\n$/,
    );
    expect(e[1].slice('Error response from daemon: network dm-'.length)).toMatch(id12);
    expect(e.slice(2)).toEqual([
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
      'Error response from daemon: invalid subinterface vlan name eth1, example formatting is eth0.10\n',
      'Error response from daemon: -o parent interface was not found on the host: eth9\n',
      'Error response from daemon: vlan id must be between 1-4094, received: 5000\n',
      'Error response from daemon: unable to parse a valid vlan id from: x (ex. eth0.10 for vlan 10)\n',
      'Error response from daemon: loopback interface is not a valid macvlan parent link\n',
      "Error response from daemon: requested macvlan mode 'hairpin' is not valid, 'bridge' mode is the macvlan driver default\n",
      "Error response from daemon: requested ipvlan mode 'l4' is not valid, 'l2' mode is the ipvlan driver default\n",
      "Error response from daemon: requested ipvlan flag 'public' is not valid, 'bridge' is the ipvlan driver default\n",
    ]);
  });

  it('allows one macvlan and one ipvlan network on the same parent, but not their children together', () => {
    const { transcript } = replay([
      `${MV} --ip-range 10.0.2.128/26 -o parent=eth0 mv`,
      'docker network create -d ipvlan --subnet 192.168.50.0/24 -o parent=eth0 iv',
      'docker run -d --name m1 --network mv busybox sleep 1000',
      'docker run -d --name i1 --network iv busybox sleep 1000',
    ]);
    expect(transcript.map((t) => t.exitCode)).toEqual([0, 0, 0, 125]);
    expect(transcript[3].stderr).toContain(
      'failed to create the ipvlan port: device or resource busy',
    );
  });

  it('takes a pool from the defaults without --subnet; a dm- dummy parent without -o parent', () => {
    const { world, transcript } = replay([
      'docker network create -d macvlan mv',
      'docker network inspect -f "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{json .Options}}" mv',
      'ip -br link',
    ]);
    expect(transcript[1].stdout).toBe('172.18.0.0/16 172.18.0.1 {}\n');
    const id = transcript[0].stdout.trim();
    expect(transcript[2].stdout).toContain(`dm-${id.slice(0, 12)}`);
    expect(hostOf(world).docker.networks.get(id)?.underlay).toEqual({
      parent: `dm-${id.slice(0, 12)}`,
      mode: 'bridge',
      createdParent: true,
    });
  });

  it('creates eth0.10 with the network and deletes it with the network, not a parent it found', () => {
    const { transcript } = replay([
      'docker network create -d macvlan --subnet 192.168.10.0/24 -o parent=eth0.10 v10',
      'ip -br link show eth0.10',
      'docker network rm v10',
      'ip link show eth0.10',
      `${MV} -o parent=eth0 mv`,
      'docker network rm mv',
      'ip -br link show eth0',
    ]);
    expect(transcript[1].stdout).toMatch(/^eth0\.10@eth0 +UP +52:54:00:12:34:56/);
    expect(transcript[3].stderr).toBe('Device "eth0.10" does not exist.\n');
    expect(transcript[6].stdout).toMatch(/^eth0 +UP/);
  });
});

describe('a container on macvlan / ipvlan', () => {
  it('gets a macvlan child of eth0 (eth0@if2), a MAC made from its IP, the gateway as default route', () => {
    const { world, transcript } = replay([
      `${MV} --ip-range 10.0.2.128/25 -o parent=eth0 mv`,
      'docker run -d --name web --network mv --ip 10.0.2.200 busybox sleep 1000',
      'docker exec web ip link show eth0',
      'docker exec web ip route',
      'docker inspect -f "{{range .NetworkSettings.Networks}}{{.MacAddress}} {{.Gateway}}{{end}}" web',
    ]);
    expect(transcript[2].stdout).toMatch(
      /^\d+: eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN>/,
    );
    expect(transcript[2].stdout).toContain('link/ether 02:42:0a:00:02:c8');
    expect(transcript[3].stdout).toMatch(/^default via 10\.0\.2\.2 dev eth0/);
    expect(transcript[4].stdout).toBe('02:42:0a:00:02:c8 10.0.2.2\n');
    const h = hostOf(world);
    // No veth, no bridge: nothing new in the host namespace.
    expect(h.netns.get('host')!.links.map((l) => l.name)).toEqual(['lo', 'eth0', 'docker0']);
    expect(h.iptables.rules.filter((r) => r.spec.includes('10.0.2.'))).toEqual([]);
  });

  it('ipvlan children share the parent MAC; l3 has `default dev eth0` and no gateway', () => {
    const { transcript } = replay([
      'docker network create -d ipvlan --subnet 192.168.214.0/24 -o parent=eth0 -o ipvlan_mode=l3 l3',
      'docker run -d --name a1 --network l3 busybox sleep 1000',
      'docker exec a1 ip link show eth0',
      'docker exec a1 ip route',
    ]);
    expect(transcript[2].stdout).toContain('link/ether 52:54:00:12:34:56');
    expect(transcript[3].stdout.split('\n')[0]).toMatch(/^default dev eth0/);
  });

  it('several subnets on one ipvlan l3 network: --ip in any, the next pool once one is full, all routed', () => {
    const { transcript } = replay([
      'docker network create -d ipvlan --subnet=192.168.214.0/30 --subnet=10.1.214.0/24 -o ipvlan_mode=l3 ipnet210',
      'docker run -d --net=ipnet210 --name=ipv1 busybox sleep 3600',
      'docker run -d --net=ipnet210 --name=ipv2 busybox sleep 3600',
      'docker run -d --net=ipnet210 --ip=10.1.214.9 --name=ipv3 busybox sleep 3600',
      'docker exec ipv1 ping -c 1 10.1.214.9',
      "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ipv1 ipv2",
      'docker exec ipv3 ip route',
      'docker run --rm --net=ipnet210 --ip=172.16.0.9 busybox true',
    ]);
    expect(transcript[3].exitCode).toBe(0);
    expect(transcript[4].stdout).toContain('1 packets received');
    // A /30 holds one address for a container beside its gateway; the next comes from the next
    // pool, whose first address IPAM keeps as its gateway even though l3 mode routes without one.
    expect(transcript[5].stdout).toBe('192.168.214.2\n10.1.214.2\n');
    expect(transcript[6].stdout).toContain('10.1.214.0/24 dev eth0 scope link  src 10.1.214.9');
    expect(transcript[7].stderr).toContain(
      'no configured subnet or ip-range contain the IP address 172.16.0.9',
    );
  });

  it('an internal macvlan network gives no default route', () => {
    const { transcript } = replay([
      `${MV} --internal -o parent=eth0 mv`,
      'docker run -d --name a1 --network mv busybox sleep 1000',
      'docker exec a1 ip route',
    ]);
    expect(transcript[2].stdout).not.toContain('default');
  });
});

describe('what a macvlan network keeps from a user network, and what it lacks', () => {
  it('the embedded DNS answers names on it; -p maps nothing (no bridge driver to program)', () => {
    const { transcript } = replay([
      `${MV} --ip-range 10.0.2.128/25 -o parent=eth0 mv`,
      'docker run -d --name web --network mv -p 8080:80 nginx',
      'docker run -d --name c1 --network mv busybox sleep 1000',
      'docker exec c1 nslookup web',
      'docker port web',
      'iptables -t nat -S DOCKER',
    ]);
    expect(transcript[3].stdout).toContain('Address: 10.0.2.128');
    expect(transcript[4].stdout).toBe('');
    expect(transcript[5].stdout).not.toContain('8080');
  });
});
