import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { runLine } from '../shell/run-line';
import { hostOf } from '../world';
import { of, traced } from './testing';

/** Two hosts, host2's docker0 moved to 172.31.0.0/16 by daemon.json, a container on each. */
const TWO_HOSTS = [
  'lab add-host host2',
  'ssh host2',
  `cat > /etc/docker/daemon.json <<EOF`,
  '{ "bip": "172.31.0.1/16" }',
  'EOF',
  'systemctl restart docker',
  'docker run -d --name b1 busybox sleep 3600',
  'docker run -d -p 8080:80 --name web nginx',
  'exit',
  'docker run -d --name a1 busybox sleep 3600',
];
const ROUTED = [...TWO_HOSTS, 'ip route add 172.31.0.0/16 via 10.0.2.16'];

describe('across the LAN to another lab host', () => {
  it('ping host2: ARP answered by its eth0, the frame crosses, its kernel answers', () => {
    const { output, trace } = traced(['lab add-host host2', 'ping -c 1 10.0.2.16']);
    expect(output.stdout).toMatch(/64 bytes from 10\.0\.2\.16: icmp_seq=1 ttl=64 time=0\.\d+ ms/);
    expect(of(trace, 'arp')[0]).toMatchObject({
      who: '10.0.2.16',
      answeredBy: { kind: 'lab-host', host: 'host2', dev: 'eth0' },
    });
    expect(of(trace, 'lan')).toEqual([
      { kind: 'lan', direction: 'request', from: 'docker-host', to: 'host2', dst: '10.0.2.16' },
      { kind: 'lan', direction: 'reply', from: 'host2', to: 'docker-host', dst: '10.0.2.15' },
    ]);
    expect(of(trace, 'delivered')[0]).toMatchObject({ host: 'host2', address: '10.0.2.16' });
  });

  it('each host learns the other in its own ARP cache', () => {
    const { world } = replay(['lab add-host host2', 'ping -c 1 host2']);
    const neigh = (n: string) => hostOf(world, n).neighbours?.get('host');
    expect(neigh('docker-host')).toContainEqual(
      expect.objectContaining({ ip: '10.0.2.16', mac: '52:54:00:12:34:57' }),
    );
    expect(neigh('host2')).toContainEqual(
      expect.objectContaining({ ip: '10.0.2.15', mac: '52:54:00:12:34:56' }),
    );
  });

  it("without a route, a1's packet for host2's containers goes to the LAN gateway and is lost", () => {
    const { output, trace } = traced([...TWO_HOSTS, 'docker exec a1 ping -c 1 -W 1 172.31.0.2']);
    expect(output.stdout).toContain('1 packets transmitted, 0 packets received');
    expect(of(trace, 'lan')).toEqual([]);
  });

  it('with the route, host2 drops it: Docker 27 leaves FORWARD at policy DROP for eth0 → docker0', () => {
    const { output, trace } = traced([...ROUTED, 'docker exec a1 ping -c 1 -W 1 172.31.0.2']);
    expect(output.stdout).toContain('0 packets received');
    // a1's source is masqueraded on the way out of docker-host's eth0.
    const masq = of(trace, 'netfilter').find((e) => e.hook === 'POSTROUTING');
    expect(masq?.after).toEqual({ src: '10.0.2.15', dst: '172.31.0.2' });
    expect(of(trace, 'lan')[0]).toMatchObject({ to: 'host2', dst: '172.31.0.2' });
    const last = trace.events.at(-1);
    expect(last).toMatchObject({
      kind: 'dropped',
      reason: 'netfilter',
      netfilter: {
        hook: 'FORWARD',
        chain: 'FORWARD',
        policy: true,
        inDev: 'eth0',
        outDev: 'docker0',
      },
    });
  });

  it('an ACCEPT in host2 DOCKER-USER lets it through; the reply comes back un-masqueraded', () => {
    const { output, trace, world } = traced([
      ...ROUTED,
      'ssh host2 iptables -I DOCKER-USER -i eth0 -o docker0 -j ACCEPT',
      'docker exec a1 ping -c 1 172.31.0.2',
    ]);
    expect(output.stdout).toMatch(/64 bytes from 172\.31\.0\.2: seq=0 ttl=62/);
    expect(of(trace, 'delivered')[0]).toMatchObject({
      host: 'host2',
      address: '172.31.0.2',
      direction: 'request',
    });
    const unSnat = of(trace, 'conntrack').find((e) => e.nat?.kind === 'un-snat');
    expect(unSnat?.nat?.after.dst).toBe('172.17.0.2');
    expect(trace.events.at(-1)).toMatchObject({ kind: 'delivered', direction: 'reply' });
    // The counters moved on host2's own rules.
    const rule = hostOf(world, 'host2').iptables.rules.find(
      (r) => r.spec === '-i eth0 -o docker0 -j ACCEPT',
    );
    expect(rule?.packets).toBe(1);
  });

  it("curl to host2's published port: DNAT in host2's PREROUTING, nginx logs docker-host's address", () => {
    const { output, trace, world } = traced([...TWO_HOSTS, 'curl -s 10.0.2.16:8080']);
    expect(output.stdout).toContain('<title>Welcome to nginx!</title>');
    const dnat = of(trace, 'netfilter').find((e) => e.after && e.hook === 'PREROUTING');
    expect(dnat?.after).toEqual({ src: '10.0.2.15', dst: '172.31.0.3' });
    const log = runLine(world, 'ssh host2 docker logs web').output.stdout;
    expect(log).toMatch(/10\.0\.2\.15 - - \[.*\] "GET \/ HTTP\/1\.1" 200 615/);
  });

  it('the LAN client reaches the added host too', () => {
    const { output } = traced([
      ...TWO_HOSTS,
      'ssh 10.0.2.20',
      'curl -s -o /dev/null -w "%{http_code}\\n" http://10.0.2.16:8080',
    ]);
    expect(output.stdout).toBe('200\n');
  });
});
