import { describe, expect, it } from 'vitest';
import { hostOf } from '../world';
import { of, traced } from './testing';

const DEFAULT_BRIDGE = [
  'docker run -dit --name tomcat01 busybox',
  'docker run -dit --name tomcat02 busybox',
];

describe('the packet walker (trace names what decided)', () => {
  it('drops traffic between two bridges at DOCKER-ISOLATION-STAGE-2, naming the bridge', () => {
    const { trace, output } = traced([
      'docker network create mynet',
      'docker run -dit --name web --network mynet busybox',
      'docker run -dit --name tomcat01 busybox',
      'docker exec tomcat01 ping -c 2 172.18.0.2',
    ]);
    expect(output.stdout).toContain('2 packets transmitted, 0 packets received, 100% packet loss');
    const drop = trace.events.at(-1)!;
    expect(drop).toMatchObject({ kind: 'dropped', reason: 'netfilter', at: 'FORWARD' });
    if (drop.kind !== 'dropped') throw new Error('not a drop');
    expect(drop.explanation).toMatch(
      /^dropped by DOCKER-ISOLATION-STAGE-2: different bridges are isolated \(docker0 → br-[0-9a-f]{12}\)$/,
    );
    expect(drop.rule).toMatch(/^-A DOCKER-ISOLATION-STAGE-2 -o br-[0-9a-f]{12} -j DROP$/);
    expect(of(trace, 'host-routing')[0]).toMatchObject({
      ttlBefore: 64,
      ttlAfter: 63,
      ipForward: true,
    });
    expect(trace.verdict).toBe('dropped');
  });

  it('explains a failed name on docker0: no embedded DNS, the host resolvers say NXDOMAIN', () => {
    const { trace, output } = traced([...DEFAULT_BRIDGE, 'docker exec tomcat02 ping tomcat01']);
    expect(output.stderr).toBe("ping: bad address 'tomcat01'\n");
    const [lookup] = of(trace, 'name-lookup');
    expect(lookup).toMatchObject({ source: 'none', reason: 'nxdomain', server: '114.114.114.114' });
    expect(lookup.explanation).toContain(
      'docker0 has no embedded DNS; only --link adds /etc/hosts lines',
    );
    // The query itself went out through the host like any other packet.
    expect(lookup.query?.some((e) => e.kind === 'netfilter' && e.verdict === 'MASQUERADE')).toBe(
      true,
    );
  });

  it('names the /etc/hosts line --link wrote when a name resolves', () => {
    const { trace } = traced([
      ...DEFAULT_BRIDGE,
      'docker run -dit --name tomcat03 --link tomcat02 busybox',
      'docker exec tomcat03 ping -c 1 tomcat02',
    ]);
    const [lookup] = of(trace, 'name-lookup');
    expect(lookup).toMatchObject({ source: 'hosts-file', answer: '172.17.0.3' });
    expect(lookup.hostsLine).toMatch(/^172\.17\.0\.3\ttomcat02 [0-9a-f]{12}$/);
    expect(trace.verdict).toBe('delivered');
  });

  it('names the embedded DNS record on a user-defined network', () => {
    const { trace } = traced([
      'docker network create mynet',
      'docker run -dit --name tomcat-net-01 --network mynet busybox',
      'docker run -dit --name tomcat-net-02 --network mynet busybox',
      'docker exec tomcat-net-01 ping -c 1 tomcat-net-02',
    ]);
    expect(of(trace, 'name-lookup')[0]).toMatchObject({
      source: 'embedded-dns',
      server: '127.0.0.11',
      record: { container: 'tomcat-net-02', network: 'mynet', match: 'name' },
    });
  });

  it('shows MASQUERADE on the way out to 8.8.8.8 and conntrack un-doing it on the way back', () => {
    const { trace, output } = traced([...DEFAULT_BRIDGE, 'docker exec tomcat01 ping -c 1 8.8.8.8']);
    expect(output.stdout).toContain('ttl=113');
    const masq = of(trace, 'netfilter').find((e) => e.verdict === 'MASQUERADE')!;
    expect(masq).toMatchObject({
      direction: 'request',
      hook: 'POSTROUTING',
      outDev: 'eth0',
      before: { src: '172.17.0.2', dst: '8.8.8.8' },
      after: { src: '10.0.2.15', dst: '8.8.8.8' },
    });
    expect(masq.matches[0].rule).toBe('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    const back = of(trace, 'conntrack').find((e) => e.direction === 'reply')!;
    expect(back).toMatchObject({
      state: 'ESTABLISHED',
      nat: { kind: 'un-snat', after: { src: '8.8.8.8', dst: '172.17.0.2' } },
    });
    const forwardBack = of(trace, 'netfilter').find(
      (e) => e.direction === 'reply' && e.hook === 'FORWARD',
    )!;
    expect(forwardBack.matches.at(-1)!.rule).toBe(
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    );
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'delivered',
      direction: 'reply',
      address: '172.17.0.2',
    });
  });

  it('moves the counters: nat once per flow, filter for every packet, 84 bytes each', () => {
    const { world } = traced([...DEFAULT_BRIDGE, 'docker exec tomcat01 ping -c 3 8.8.8.8']);
    const rules = hostOf(world).iptables.rules;
    const count = (spec: string) => rules.find((r) => r.spec === spec)!;
    expect(count('-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE')).toMatchObject({
      packets: 1,
      bytes: 84,
    });
    expect(count('-i docker0 ! -o docker0 -j ACCEPT')).toMatchObject({ packets: 3, bytes: 252 });
    expect(count('-o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT')).toMatchObject({
      packets: 3,
      bytes: 252,
    });
    expect(hostOf(world).iptables.policyCounters?.['nat:PREROUTING']).toEqual({
      packets: 1,
      bytes: 84,
    });
  });

  it('keeps a container on two networks on L2 (ttl 64, no host routing)', () => {
    const { trace, output } = traced([
      'docker network create mynet',
      'docker run -dit --name tomcat-net-01 --network mynet busybox',
      'docker run -dit --name tomcat01 busybox',
      'docker network connect mynet tomcat01',
      'docker exec tomcat01 ping -c 1 172.18.0.2',
    ]);
    expect(output.stdout).toContain('ttl=64');
    expect(of(trace, 'host-routing')).toEqual([]);
    expect(of(trace, 'route')[0]).toMatchObject({ reason: 'connected', dev: 'eth1' });
  });

  it('lets the host reach a container over docker0 and names the bridge port', () => {
    const { trace, output } = traced([
      'docker run -dit --name tomcat01 busybox',
      'ping -c 1 172.17.0.2',
    ]);
    expect(output.stdout).toContain('64 bytes from 172.17.0.2: icmp_seq=1 ttl=64');
    expect(of(trace, 'bridge')[0]).toMatchObject({ bridge: 'docker0', inPort: 'host' });
    expect(of(trace, 'bridge')[0].outPort).toMatch(/^veth[0-9a-f]{7}$/);
  });

  it('has no route out of an --internal network', () => {
    const { trace, output } = traced([
      'docker network create --internal backend',
      'docker run -dit --name db --network backend busybox',
      'docker exec db ping -c 1 8.8.8.8',
    ]);
    expect(output.stderr).toBe('ping: sendto: Network is unreachable\n');
    expect(of(trace, 'route')[0]).toMatchObject({
      reason: 'unreachable',
      route: 'Network is unreachable',
    });
    expect(trace.events.at(-1)).toMatchObject({ kind: 'dropped', reason: 'no-route' });
  });

  it('honours ip_forward: with it off, the host routes nothing between docker0 and eth0', () => {
    const { trace } = traced([
      'docker run -dit --name tomcat01 busybox',
      'sysctl -w net.ipv4.ip_forward=0',
      'docker exec tomcat01 ping -c 1 8.8.8.8',
    ]);
    expect(trace.events.at(-1)).toMatchObject({ kind: 'dropped', reason: 'ip-forward-disabled' });
  });

  it('drops same-bridge traffic when icc is off, naming the FORWARD rule', () => {
    const { trace } = traced([
      'docker network create -o com.docker.network.bridge.enable_icc=false quiet',
      'docker run -dit --name q1 --network quiet busybox',
      'docker run -dit --name q2 --network quiet busybox',
      'docker exec q1 ping -c 1 172.18.0.3',
    ]);
    const drop = trace.events.at(-1)!;
    expect(drop).toMatchObject({ kind: 'dropped', reason: 'netfilter' });
    if (drop.kind === 'dropped') expect(drop.explanation).toContain('icc=false');
  });

  it('is plain serialisable data', () => {
    const { trace } = traced([...DEFAULT_BRIDGE, 'docker exec tomcat01 ping -c 1 8.8.8.8']);
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });
});
