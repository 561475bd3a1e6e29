import { describe, expect, it } from 'vitest';
import { replay, runLine, type World } from '../sim';
import { kernelDiff, type Change } from './kernel-diff';

/** The changes `line` makes after `setup`, as `kind what: text` strings. */
function changesOf(setup: readonly string[], line: string): { world: World; changes: Change[] } {
  const before = replay(setup).world;
  const { world } = runLine(before, line);
  return { world, changes: kernelDiff(before, world) };
}

const lines = (cs: readonly Change[], what?: Change['what']) =>
  cs.filter((c) => !what || c.what === what).map((c) => `${c.kind} ${c.what}: ${c.text}`);

describe('kernelDiff', () => {
  it('docker run adds a container, an endpoint, a veth pair, an address, routes and an /etc/hosts', () => {
    const { changes } = changesOf([], 'docker run -dit --name box busybox');
    expect(lines(changes, 'container')).toEqual(['added container: box (busybox) running']);
    expect(lines(changes, 'endpoint')).toEqual(['added endpoint: box on bridge: 172.17.0.2/16']);
    expect(lines(changes, 'veth')).toEqual([
      expect.stringMatching(/^added veth: veth[0-9a-f]{7} \(host\) ↔ eth0 \(box\)$/),
    ]);
    expect(lines(changes, 'address')).toContain('added address: 172.17.0.2/16 dev eth0 (box)');
    expect(lines(changes, 'route')).toContain('added route: default via 172.17.0.1 dev eth0 (box)');
    expect(lines(changes, 'hosts-line')).toEqual([
      expect.stringMatching(/^added hosts-line: 172\.17\.0\.2 [0-9a-f]{12} \(box\)$/),
    ]);
    expect(changes.some((c) => c.kind === 'removed')).toBe(false);
  });

  it('lists changes in a fixed order: containers first, neighbours last', () => {
    const { changes } = changesOf([], 'docker run -dit --name box busybox');
    const whats = changes.map((c) => c.what);
    expect(whats.indexOf('container')).toBe(0);
    expect(whats.lastIndexOf('veth')).toBeLessThan(whats.indexOf('route'));
    const again = changesOf([], 'docker run -dit --name box busybox').changes;
    expect(again).toEqual(changes);
  });

  it('docker network create adds a bridge and its iptables rules', () => {
    const { changes } = changesOf([], 'docker network create --subnet 172.30.0.0/16 mynet');
    expect(lines(changes, 'network')).toEqual(['added network: mynet (bridge 172.30.0.0/16)']);
    expect(lines(changes, 'bridge')).toEqual([
      expect.stringMatching(/^added bridge: br-[0-9a-f]{12} \(host\)$/),
    ]);
    const rules = lines(changes, 'rule');
    expect(rules).toContainEqual(
      expect.stringMatching(
        /^added rule: -t nat -A POSTROUTING -s 172\.30\.0\.0\/16 ! -o br-\w+ -j MASQUERADE$/,
      ),
    );
    expect(rules).toContainEqual(
      expect.stringMatching(/-A DOCKER-ISOLATION-STAGE-2 -o br-\w+ -j DROP$/),
    );
  });

  it('-p adds the DNAT rule and the published port; docker rm -f removes them with the veth', () => {
    const setup = ['docker run -d --name web -p 8080:80 nginx'];
    const run = changesOf([], setup[0]).changes;
    expect(lines(run, 'port')).toEqual(['added port: 0.0.0.0:8080->80/tcp (web)']);
    expect(lines(run, 'rule')).toContain(
      'added rule: -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
    const rm = changesOf(setup, 'docker rm -f web').changes;
    expect(rm.some((c) => c.kind === 'added')).toBe(false);
    // docker0 lost its last port: its connected route turns linkdown.
    expect(lines(rm, 'route')).toContainEqual(
      expect.stringMatching(/^changed route: 172\.17\.0\.0\/16 dev docker0 .* linkdown \(host\)$/),
    );
    expect(lines(rm, 'container')).toEqual(['removed container: web (nginx) running']);
    expect(lines(rm, 'port')).toEqual(['removed port: 0.0.0.0:8080->80/tcp (web)']);
    expect(lines(rm, 'veth')).toHaveLength(1);
    expect(lines(rm, 'rule')).toContain(
      'removed rule: -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
  });

  it('docker stop changes the state and removes the endpoint; --link writes a hosts line', () => {
    const setup = ['docker run -dit --name box busybox'];
    const stop = changesOf(setup, 'docker stop box').changes;
    expect(lines(stop, 'container')).toEqual(['changed container: box (busybox) exited']);
    expect(lines(stop, 'endpoint')).toEqual(['removed endpoint: box on bridge: 172.17.0.2/16']);
    const link = changesOf(setup, 'docker run -dit --name app --link box:db busybox').changes;
    expect(lines(link, 'hosts-line')).toContainEqual(
      expect.stringMatching(/^added hosts-line: 172\.17\.0\.2 db [0-9a-f]{12} box \(app\)$/),
    );
  });

  it('network disconnect removes the endpoint, its address and its veth', () => {
    const setup = [
      'docker network create mynet',
      'docker run -dit --name box --network mynet busybox',
    ];
    const { changes } = changesOf(setup, 'docker network disconnect mynet box');
    expect(lines(changes, 'endpoint')).toEqual(['removed endpoint: box on mynet: 172.18.0.2/16']);
    expect(lines(changes, 'veth')).toHaveLength(1);
    expect(lines(changes, 'address')).toEqual(['removed address: 172.18.0.2/16 dev eth0 (box)']);
  });

  it('a ping teaches ARP entries; a read-only command changes nothing', () => {
    const setup = ['docker run -dit --name a1 busybox', 'docker run -dit --name a2 busybox'];
    const ping = changesOf(setup, 'docker exec a1 ping -c 1 172.17.0.3').changes;
    expect(lines(ping, 'neighbour')).toContainEqual(
      expect.stringMatching(/^added neighbour: 172\.17\.0\.3 lladdr 02:42:ac:11:00:03 \(a1\)$/),
    );
    expect(changesOf(setup, 'docker ps').changes).toEqual([]);
  });

  it("another host's changes read `host2: …`, select its graph objects, and never hide behind the first host's", () => {
    const { changes } = changesOf(
      ['lab add-host host2', 'docker run -dit --name a1 busybox'],
      'ssh host2 docker run -dit --name b1 busybox',
    );
    const b1 = changes.find((c) => c.what === 'container')!;
    expect(b1.text).toBe('host2: b1 (busybox) running');
    expect(b1.ref).toBe('@host2/container:b1');
    // host2's 172.17.0.2 is as new as a1's is old on docker-host.
    expect(lines(changes, 'address')).toContain(
      'added address: host2: 172.17.0.2/16 dev eth0 (b1)',
    );
    expect(changes.some((c) => c.text.startsWith('a1'))).toBe(false);
  });

  it('the host the learner is on reads plain, the other one named', () => {
    const { changes } = changesOf(
      ['lab add-host host2', 'ssh host2'],
      'docker run -dit --name b1 busybox',
    );
    expect(lines(changes, 'container')).toEqual(['added container: b1 (busybox) running']);
  });
});
