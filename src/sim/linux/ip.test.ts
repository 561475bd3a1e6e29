import { describe, expect, it } from 'vitest';
import { hostOf } from '../world';
import { addNetwork, connect, execIn, lab, onHost } from './testing';

const hostLink = (w: ReturnType<typeof lab>, name: string) =>
  hostOf(w)
    .netns.get('host')!
    .links.find((l) => l.name === name)!;

describe('ip on the host (iproute2)', () => {
  it('shows lo, eth0 and an empty docker0 without carrier', () => {
    const w = lab([]);
    const mac = hostLink(w, 'docker0').mac;
    expect(onHost(w, 'ip addr').output.stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    inet 127.0.0.1/8 scope host lo\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 ::1/128 scope host \n' +
        '       valid_lft forever preferred_lft forever\n' +
        '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n' +
        '    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n' +
        '    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 fe80::5054:ff:fe12:3456/64 scope link \n' +
        '       valid_lft forever preferred_lft forever\n' +
        '3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default \n' +
        `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n` +
        '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  it('pairs the host veth with the container eth0 (eth0 is N, the host end N+1)', () => {
    const w = lab(['docker run -dit --name b1 busybox']);
    const veth = hostOf(w)
      .netns.get('host')!
      .links.find((l) => l.kind === 'veth')!;
    const n = veth.peer!.ifindex;
    expect(veth.ifindex).toBe(n + 1);
    const host = onHost(w, 'ip a').output.stdout;
    expect(host).toContain(
      '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n',
    );
    expect(host).toContain(
      `${n + 1}: ${veth.name}@if${n}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default \n` +
        `    link/ether ${veth.mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n`,
    );
    expect(veth.name).toMatch(/^veth[0-9a-f]{7}$/);
    // busybox `ip`: no group, no state (glibc build), and the peer in another namespace reads M-DOWN.
    expect(execIn(w, 'b1', ['ip', 'addr']).stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    inet 127.0.0.1/8 scope host lo\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 ::1/128 scope host \n' +
        '       valid_lft forever preferred_lft forever\n' +
        `${n}: eth0@if${n + 1}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n` +
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n' +
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  it('numbers peer namespaces per host: the second container is link-netnsid 1', () => {
    const w = lab(['docker run -dit --name b1 busybox', 'docker run -dit --name b2 busybox']);
    const out = onHost(w, 'ip link').output.stdout;
    expect(out.match(/link-netnsid \d/g)).toEqual(['link-netnsid 0', 'link-netnsid 1']);
    expect(out).toContain('state UNKNOWN mode DEFAULT group default qlen 1000\n');
  });

  it('lists routes with proto kernel, and linkdown for an empty bridge', () => {
    expect(onHost(lab([]), 'ip route').output.stdout).toBe(
      'default via 10.0.2.2 dev eth0 \n' +
        '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 \n' +
        '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n',
    );
  });

  it('reports a missing device and an unknown object as iproute2 does', () => {
    const w = lab([]);
    expect(onHost(w, 'ip addr show dev eth9').output).toEqual({
      stdout: '',
      stderr: 'Device "eth9" does not exist.\n',
      exitCode: 1,
    });
    expect(onHost(w, 'ip foo').output).toEqual({
      stdout: '',
      stderr: 'Object "foo" is unknown, try "ip help".\n',
      exitCode: 255,
    });
  });

  it('shows only IPv4 lines with -4, and one line per link with -br', () => {
    const w = lab([]);
    expect(onHost(w, 'ip -4 addr show eth0').output.stdout).toBe(
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n' +
        '    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
    expect(onHost(w, 'ip -br a').output.stdout).toBe(
      'lo               UNKNOWN        127.0.0.1/8 ::1/128 \n' +
        'eth0             UP             10.0.2.15/24 fe80::5054:ff:fe12:3456/64 \n' +
        'docker0          DOWN           172.17.0.1/16 \n',
    );
  });
});

describe('ip inside containers', () => {
  it('uses iproute2 format in a CentOS image: group default, link-netnsid 0, no M-DOWN', () => {
    const w = lab(['docker run -dit --name c1 centos']);
    const out = execIn(w, 'c1', ['ip', 'a']).stdout;
    expect(out).toMatch(
      /\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n {4}link\/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n {4}inet 172\.17\.0\.2\/16 brd 172\.17\.255\.255 scope global eth0\n/,
    );
    expect(execIn(w, 'c1', ['ip', 'route']).stdout).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n',
    );
  });

  it('alpine prints state; busybox route has two spaces before src', () => {
    const w = lab(['docker run -dit --name a1 alpine']);
    expect(execIn(w, 'a1', ['ip', 'a']).stdout).toContain('eth0@if');
    expect(execIn(w, 'a1', ['ip', 'a']).stdout).toMatch(
      /M-DOWN> mtu 1500 qdisc noqueue state UP \n/,
    );
    expect(execIn(w, 'a1', ['ip', 'r']).stdout).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n',
    );
  });

  it('on two networks the default route goes via the alphabetically first network', () => {
    let w = addNetwork(lab([]), 'mynet', '192.168.0.0/16');
    w = onHost(w, 'docker run -dit --name b1 --network mynet busybox').world;
    w = connect(w, 'bridge', 'b1');
    expect(execIn(w, 'b1', ['ip', 'route']).stdout).toBe(
      'default via 172.17.0.1 dev eth1 \n' +
        '172.17.0.0/16 dev eth1 scope link  src 172.17.0.2 \n' +
        '192.168.0.0/16 dev eth0 scope link  src 192.168.0.2 \n',
    );
  });

  it('a --network none container has only lo', () => {
    const w = lab(['docker run -dit --name n1 --network none busybox']);
    expect(execIn(w, 'n1', ['ip', 'a']).stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    inet 127.0.0.1/8 scope host lo\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 ::1/128 scope host \n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  it('busybox reports a missing device in its own words', () => {
    const w = lab(['docker run -dit --name b1 busybox']);
    expect(execIn(w, 'b1', ['ip', 'link', 'show', 'eth9']).stderr).toBe(
      "ip: can't find device 'eth9'\n",
    );
  });
});
