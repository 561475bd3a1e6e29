import { describe, expect, it } from 'vitest';
import { hostOf } from '../world';
import { lab, onHost } from './testing';

/** Runs `lines` on the host and returns the last one's output. */
function last(lines: readonly string[]) {
  const w = lab(lines.slice(0, -1));
  return { ...onHost(w, lines.at(-1)!).output, world: w };
}

const vxlanOf = (w: ReturnType<typeof lab>, name = 'vxlan0', netns = 'host') =>
  hostOf(w)
    .netns.get(netns)!
    .links.find((l) => l.name === name)!;

const FLANNEL = [
  'ip link add vxlan0 type vxlan id 42 dstport 4789 dev eth0 local 10.0.2.15 nolearning',
  'ip link set vxlan0 address 0e:00:00:00:00:01',
  'ip link set vxlan0 up',
  'ip addr add 172.30.0.0/32 dev vxlan0',
];

describe('ip link add … type vxlan', () => {
  it('warns about the Linux default port and takes 8472 when dstport is missing', () => {
    const r = last(['ip link add vxlan0 type vxlan id 42']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      'vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\n' +
        "Use 'dstport 4789' to get the IANA assigned value\n" +
        "Use 'dstport 0' to get default and quiet this message\n",
    );
    const w = onHost(lab([]), 'ip link add vxlan0 type vxlan id 42').world;
    expect(vxlanOf(w).vxlan).toMatchObject({ id: 42, dstport: 8472, learning: true, fdb: [] });
    expect(vxlanOf(w).mtu).toBe(1500);
  });

  it('takes its MTU from the underlay (1500 - 50) and keeps remote as the all-zero FDB entry', () => {
    const w = lab(['ip link add vx type vxlan id 7 dstport 4789 dev eth0 remote 10.0.2.16']);
    const l = vxlanOf(w, 'vx');
    expect(l.mtu).toBe(1450);
    expect(l.vxlan).toMatchObject({ dev: 2, remote: '10.0.2.16', underlayNetns: 'host' });
    expect(l.vxlan!.fdb).toEqual([{ mac: '00:00:00:00:00:00', dst: '10.0.2.16' }]);
  });

  it.each([
    [
      'ip link add vx type vxlan',
      'Error: Required attributes not provided to perform the operation.\n',
      2,
    ],
    ['ip link add vx type vxlan dstport 4789', 'vxlan: missing virtual network identifier\n', 1],
    [
      'ip link add vx type vxlan id 16777216',
      'Error: argument "16777216" is wrong: invalid id\n',
      255,
    ],
    [
      'ip link add vx type vxlan id 1 dstport 4789 remote zz',
      'Error: any valid address is expected rather than "zz".\n',
      1,
    ],
    [
      'ip link add vx type vxlan id 1 dstport 4789 remote 224.0.0.9',
      'Error: argument "224.0.0.9" is wrong: invalid remote address\n',
      255,
    ],
    [
      'ip link add vx type vxlan id 1 dstport 4789 group 239.1.1.1',
      "vxlan: 'group' requires 'dev' to be specified\n",
      1,
    ],
    [
      'ip link add vx type vxlan id 1 dstport 4789 remote 10.0.2.16 group 239.1.1.1',
      'vxlan: both group and remote cannot be specified\n',
      1,
    ],
    [
      'ip link add vx type vxlan id 1 id 2',
      'Error: either "id" is duplicate, or "2" is a garbage.\n',
      255,
    ],
    [
      'ip link add vx type vxlan id 1 dstport 4789 ttl 300',
      'Error: argument "300" is wrong: TTL must be <= 255\n',
      255,
    ],
    ['ip link add vx type vxlan id 1 dstport 4789 dev nope', 'Cannot find device "nope"\n', 255],
  ])('%s', (line, stderr, code) => {
    const r = last([line]);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it('refuses a second device for the same VNI and port in one namespace', () => {
    const r = last([
      'ip link add vx1 type vxlan id 42 dstport 4789 dev eth0',
      'ip link add vx2 type vxlan id 42 dstport 4789',
    ]);
    expect(r.stderr).toBe('Error: A VXLAN device with the specified VNI already exists.\n');
    expect(r.exitCode).toBe(2);
  });

  it('prints an unknown word with the usage', () => {
    const r = last(['ip link add vx type vxlan id 9 dstport 4789 bogus']);
    expect(r.stderr).toMatch(/^vxlan: unknown command "bogus"\?\nUsage: \.\.\. vxlan id VNI\n/);
    expect(r.exitCode).toBe(1);
  });

  it('ip -d link show prints the vxlan line; an up vxlan device is UNKNOWN, qlen 1000', () => {
    const r = last([...FLANNEL, 'ip -d link show vxlan0']);
    const l = vxlanOf(r.world);
    expect(r.stdout).toBe(
      `${l.ifindex}: vxlan0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n` +
        '    link/ether 0e:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n' +
        '    vxlan id 42 local 10.0.2.15 dev eth0 srcport 0 0 dstport 4789 nolearning ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \n',
    );
  });

  it('ip -d on a bridge port adds its bridge_slave line before the generic tail', () => {
    const r = last([
      'ip link add br0 type bridge',
      'ip link add vxlan0 type vxlan id 42 dstport 4789 dev eth0',
      'ip link set vxlan0 master br0',
      'ip -d link show vxlan0',
    ]);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toContain('promiscuity 1  allmulti 1 ');
    expect(lines[2]).toBe(
      '    vxlan id 42 dev eth0 srcport 0 0 dstport 4789 ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx ',
    );
    expect(lines[3]).toMatch(
      /^ {4}bridge_slave state disabled priority 32 cost 2 .* port_id 0x8001 port_no 0x1 designated_port 32769 .* locked off addrgenmode eui64 /,
    );
  });

  it('proxy is kept and shown after [no]learning', () => {
    const r = last([
      'ip link add vx type vxlan id 5 dstport 4789 nolearning proxy',
      'ip -d link show vx',
    ]);
    expect(r.stdout).toContain('dstport 4789 nolearning proxy ttl auto');
  });

  it('ip -n NAME works in a named namespace and names a missing one', () => {
    const r = last([
      'ip netns add blue',
      'ip -n blue link add vx9 type vxlan id 9 dstport 0',
      'ip -n blue -d link show vx9',
    ]);
    expect(r.stdout).toContain('vxlan id 9 srcport 0 0 dstport 8472 ttl auto');
    expect(last(['ip -n nope link']).stderr).toBe(
      'Cannot open network namespace "nope": No such file or directory\n',
    );
  });

  it('a device moved to another namespace keeps its socket in the one it was made in', () => {
    const w = lab([
      'ip netns add ov',
      'ip link add vxlan0 type vxlan id 256 dstport 4789 dev eth0',
      'ip link set vxlan0 netns ov',
    ]);
    const ov = [...hostOf(w).netns.values()].find((n) => n.name === 'ov')!;
    expect(vxlanOf(w, 'vxlan0', ov.id).vxlan).toMatchObject({ underlayNetns: 'host', dev: 2 });
  });
});

describe('bridge fdb on a vxlan device', () => {
  it('appends VTEPs to the all-zero entry, lists newest MAC first, self permanent', () => {
    const r = last([
      ...FLANNEL,
      'bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.2.16',
      'bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.2.17',
      'bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.2.16',
      'bridge fdb add 0e:00:00:00:00:02 dev vxlan0 dst 10.0.2.16',
      'bridge fdb show dev vxlan0',
    ]);
    expect(r.stdout).toBe(
      '0e:00:00:00:00:02 dst 10.0.2.16 self permanent\n' +
        '00:00:00:00:00:00 dst 10.0.2.16 self permanent\n' +
        '00:00:00:00:00:00 dst 10.0.2.17 self permanent\n',
    );
    const all = onHost(r.world, 'bridge fdb show').output.stdout;
    expect(all).toContain('0e:00:00:00:00:02 dev vxlan0 dst 10.0.2.16 self permanent\n');
  });

  it('add refuses an existing MAC, append leaves a unicast one, replace swaps its VTEP, del removes', () => {
    const base = [...FLANNEL, 'bridge fdb add 0e:00:00:00:00:02 dev vxlan0 dst 10.0.2.16'];
    const dup = last([...base, 'bridge fdb add 0e:00:00:00:00:02 dev vxlan0 dst 10.0.2.18']);
    expect([dup.stderr, dup.exitCode]).toEqual(['RTNETLINK answers: File exists\n', 255]);
    const show = (extra: string[]) =>
      last([...base, ...extra, 'bridge fdb show dev vxlan0']).stdout;
    expect(show(['bridge fdb append 0e:00:00:00:00:02 dev vxlan0 dst 10.0.2.18'])).toBe(
      '0e:00:00:00:00:02 dst 10.0.2.16 self permanent\n',
    );
    expect(show(['bridge fdb replace 0e:00:00:00:00:02 dev vxlan0 dst 10.0.2.19'])).toBe(
      '0e:00:00:00:00:02 dst 10.0.2.19 self permanent\n',
    );
    expect(show(['bridge fdb del 0e:00:00:00:00:02 dev vxlan0'])).toBe('');
    const gone = last([...base, 'bridge fdb del 0e:00:00:00:00:09 dev vxlan0 dst 10.0.2.16']);
    expect(gone.stderr).toBe('RTNETLINK answers: No such file or directory\n');
  });

  it.each([
    ['bridge fdb append 0e:00:00:00:00:02 dev vxlan0', 'RTNETLINK answers: Invalid argument\n'],
    ['bridge fdb append zz dev vxlan0 dst 10.0.2.16', 'Invalid mac address zz\n'],
    [
      'bridge fdb append 0e:00:00:00:00:02 dst 10.0.2.16',
      'Device and address are required arguments.\n',
    ],
    ['bridge fdb append 0e:00:00:00:00:02 dev nope dst 10.0.2.16', 'Cannot find device "nope"\n'],
  ])('%s', (line, stderr) => {
    const r = last([...FLANNEL, line]);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(255);
  });

  it('the default entry made by `remote … dev eth0` names the device', () => {
    const r = last([
      'ip link add vx type vxlan id 7 dstport 4789 dev eth0 remote 10.0.2.16',
      'bridge fdb show dev vx',
    ]);
    expect(r.stdout).toBe('00:00:00:00:00:00 dst 10.0.2.16 via eth0 self permanent\n');
  });
});

describe('ip neigh add|replace|del and ip route … onlink', () => {
  it('adds a PERMANENT entry; a second add fails; replace changes it; del removes it', () => {
    const add = 'ip neigh add 172.31.0.0 lladdr 0e:00:00:00:00:02 dev vxlan0';
    expect(last([...FLANNEL, add, 'ip neigh show dev vxlan0']).stdout).toBe(
      '172.31.0.0 lladdr 0e:00:00:00:00:02 PERMANENT\n',
    );
    const dup = last([...FLANNEL, add, add]);
    expect([dup.stderr, dup.exitCode]).toEqual(['RTNETLINK answers: File exists\n', 2]);
    const replaced = last([
      ...FLANNEL,
      add,
      'ip neigh replace 172.31.0.0 lladdr 0e:00:00:00:00:03 dev vxlan0',
      'ip neigh',
    ]);
    expect(replaced.stdout).toBe('172.31.0.0 dev vxlan0 lladdr 0e:00:00:00:00:03 PERMANENT\n');
    expect(last([...FLANNEL, add, 'ip neigh del 172.31.0.0 dev vxlan0', 'ip neigh']).stdout).toBe(
      '',
    );
  });

  it.each([
    [
      'ip neigh add 172.31.0.0 lladdr 0e:00:00:00:00:02',
      'Device and destination are required arguments.\n',
      255,
    ],
    ['ip neigh add 172.31.0.0 lladdr zz dev vxlan0', '"zz" is invalid lladdr.\n', 1],
    ['ip neigh add 172.31.0.0 dev vxlan0', 'Error: No link layer address given.\n', 2],
    ['ip neigh del 172.31.0.9 dev vxlan0', 'RTNETLINK answers: No such file or directory\n', 2],
    ['ip neigh add 172.31.0.0 lladdr 0e:00:00:00:00:02 dev nope', 'Cannot find device "nope"\n', 1],
  ])('%s', (line, stderr, code) => {
    const r = last([...FLANNEL, line]);
    expect([r.stderr, r.exitCode]).toEqual([stderr, code]);
  });

  it('onlink takes a gateway outside the device’s addresses, and `ip route` says so', () => {
    const plain = last([...FLANNEL, 'ip route add 172.31.0.0/16 via 172.31.0.0 dev vxlan0']);
    expect(plain.stderr).toBe('Error: Nexthop has invalid gateway.\n');
    const r = last([
      ...FLANNEL,
      'ip route add 172.31.0.0/16 via 172.31.0.0 dev vxlan0 onlink',
      'ip route',
    ]);
    expect(r.stdout).toContain('172.31.0.0/16 via 172.31.0.0 dev vxlan0 onlink \n');
    expect(last([...FLANNEL, 'ip route add 172.31.0.0/16 via 172.31.0.0 onlink']).stderr).toBe(
      'Error: Nexthop device required for onlink.\n',
    );
  });
});
