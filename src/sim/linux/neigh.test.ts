import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../invariants';
import { hostOf } from '../world';
import { execIn, lab, onHost } from './testing';

const twoBoxes = [
  'docker run -dit --name b1 busybox',
  'docker run -dit --name b2 busybox',
  'docker exec b1 ping -c 1 172.17.0.3',
];

const hostLink = (w: ReturnType<typeof lab>, name: string) =>
  hostOf(w)
    .netns.get('host')!
    .links.find((l) => l.name === name)!;

describe('ip neigh and arp: the ARP cache packets leave behind', () => {
  it('is empty before any packet went out', () => {
    const w = lab(['docker run -dit --name b1 busybox']);
    expect(execIn(w, 'b1', ['ip', 'neigh']).stdout).toBe('');
    expect(onHost(w, 'ip neigh').output.stdout).toBe('');
    expect(onHost(w, 'arp -n').output.stdout).toBe('');
  });

  it('shows the peer on both ends after a ping between two containers', () => {
    const w = lab(twoBoxes);
    expect(execIn(w, 'b1', ['ip', 'neigh']).stdout).toBe(
      '172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 used 0/0/0 probes 1 REACHABLE\n',
    );
    expect(execIn(w, 'b2', ['ip', 'neigh', 'show', 'dev', 'eth0']).stdout).toBe(
      '172.17.0.2 lladdr 02:42:ac:11:00:02 used 0/0/0 probes 1 REACHABLE\n',
    );
    expect(execIn(w, 'b1', ['arp', '-n']).stdout).toBe(
      '? (172.17.0.3) at 02:42:ac:11:00:03 [ether]  on eth0\n',
    );
  });

  it('on the host: iproute2 lines and the net-tools table', () => {
    const w = lab(['docker run -dit --name b1 busybox', 'ping -c 1 172.17.0.2']);
    expect(onHost(w, 'ip neigh').output.stdout).toBe(
      '172.17.0.2 dev docker0 lladdr 02:42:ac:11:00:02 REACHABLE\n',
    );
    expect(onHost(w, 'arp -n').output.stdout).toBe(
      'Address                  HWtype  HWaddress           Flags Mask            Iface\n' +
        '172.17.0.2               ether   02:42:ac:11:00:02   C                     docker0\n',
    );
    expect(onHost(w, 'ip neigh show dev nope').output.stderr).toBe('Cannot find device "nope"\n');
  });

  it('records an unanswered ARP as FAILED', () => {
    const w = lab(['docker run -dit --name b1 busybox', 'ping -c 1 172.17.0.9']);
    expect(onHost(w, 'ip neigh').output.stdout).toBe('172.17.0.9 dev docker0  FAILED\n');
  });

  it('turns STALE once 30 seconds pass without use', () => {
    const later = [...twoBoxes, ...Array.from({ length: 16 }, () => 'true')];
    expect(execIn(lab(later), 'b1', ['ip', 'neigh']).stdout).toMatch(/ STALE\n$/);
  });

  it('forgets entries with their device; invariants hold', () => {
    const w = lab([...twoBoxes, 'docker rm -f b2', 'ip link set docker0 down']);
    expect(checkInvariants(w)).toEqual([]);
    const docker0 = hostLink(w, 'docker0');
    const learned = hostOf(w).fdb?.get(`host/${docker0.ifindex}`) ?? [];
    expect(learned.some((f) => f.mac === '02:42:ac:11:00:03')).toBe(false);
  });
});

describe('bridge link and bridge fdb', () => {
  it('lists docker0 ports with their STP state', () => {
    const w = lab(['docker run -dit --name b1 busybox']);
    const veth = hostOf(w)
      .netns.get('host')!
      .links.find((l) => l.kind === 'veth')!;
    expect(onHost(w, 'bridge link').output.stdout).toBe(
      `${veth.ifindex}: ${veth.name}@if${veth.peer!.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP> ` +
        'mtu 1500 master docker0 state forwarding priority 32 cost 2 \n',
    );
  });

  it('learns both MACs on their ports and drops them with the container', () => {
    let w = lab(twoBoxes);
    const fdb = onHost(w, 'bridge fdb show br docker0').output.stdout;
    const learned = fdb.split('\n').filter((l) => l.endsWith('master docker0 '));
    expect(learned).toHaveLength(2);
    expect(learned[0]).toMatch(/^02:42:ac:11:00:02 dev veth[0-9a-f]{7} master docker0 $/);
    expect(learned[1]).toMatch(/^02:42:ac:11:00:03 dev veth[0-9a-f]{7} master docker0 $/);
    expect(fdb).toContain('33:33:00:00:00:01 dev docker0 self permanent\n');
    w = onHost(w, 'docker rm -f b2').world;
    expect(onHost(w, 'bridge fdb show br docker0').output.stdout).not.toContain(
      '02:42:ac:11:00:03',
    );
  });

  it('leaves out `dev X` when filtering by port', () => {
    const w = lab(twoBoxes);
    const veth = hostOf(w)
      .netns.get('host')!
      .links.find((l) => l.kind === 'veth')!;
    expect(onHost(w, `bridge fdb show dev ${veth.name}`).output.stdout).toBe(
      '02:42:ac:11:00:02 master docker0 \n' +
        `${veth.mac} vlan 1 master docker0 permanent\n` +
        `${veth.mac} master docker0 permanent\n` +
        '33:33:00:00:00:01 self permanent\n' +
        '01:00:5e:00:00:01 self permanent\n' +
        `33:33:ff:${veth.mac.slice(9)} self permanent\n`,
    );
  });

  it('is not a busybox applet', () => {
    const w = lab(['docker run -dit --name b1 busybox']);
    expect(execIn(w, 'b1', ['bridge', 'fdb']).exitCode).toBe(126);
  });
});
