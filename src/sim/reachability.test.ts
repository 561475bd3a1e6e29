import { describe, expect, it } from 'vitest';
import { replay, serializeWorld, type World } from './index';
import { reachability, type ReachabilityPair } from './reachability';

const worldOf = (lines: readonly string[]): World => replay(lines, 0).world;

function pair(world: World, from: string, to: string): ReachabilityPair {
  const p = reachability(world).cells.find((c) => c.from === from && c.to === to);
  if (!p) throw new Error(`no cell ${from} → ${to}`);
  return p;
}

/** Seed 000's setup: a --link pair on docker0, two containers on a user network. */
const SEED000 = [
  'docker run -d --name db busybox sleep 1d',
  'docker run -d --name web --link db busybox sleep 1d',
  'docker network create mynet',
  'docker run -d --name app1 --network mynet busybox sleep 1d',
  'docker run -d --name app2 --network mynet busybox sleep 1d',
];

describe('reachability', () => {
  const world = worldOf(SEED000);

  it('lists running containers in creation order and every ordered pair once', () => {
    const r = reachability(world);
    expect(r.containers).toEqual(['db', 'web', 'app1', 'app2']);
    expect(r.cells).toHaveLength(4 * 3);
    expect(r.cells.every((c) => c.from !== c.to)).toBe(true);
  });

  it('a --link works one way only: web resolves db, db cannot resolve web', () => {
    const there = pair(world, 'web', 'db');
    expect(there.byName).toMatchObject({ ok: true, address: '172.17.0.2' });
    expect(there.byName.trace.events[0]).toMatchObject({
      kind: 'name-lookup',
      source: 'hosts-file',
    });
    const back = pair(world, 'db', 'web');
    expect(back.byIp.ok).toBe(true);
    expect(back.byName.ok).toBe(false);
    expect(back.byName.reason).toContain(
      'docker0 has no embedded DNS; only --link adds /etc/hosts lines',
    );
  });

  it('names resolve through the embedded DNS on a user network, both ways', () => {
    for (const [a, b] of [
      ['app1', 'app2'],
      ['app2', 'app1'],
    ]) {
      const p = pair(world, a, b);
      expect(p.byIp.ok && p.byName.ok).toBe(true);
      expect(p.byName.trace.events[0]).toMatchObject({
        source: 'embedded-dns',
        server: '127.0.0.11',
      });
    }
  });

  it('isolates the networks: by IP the echo dies in DOCKER-ISOLATION-STAGE-2', () => {
    const p = pair(world, 'app1', 'db');
    expect(p.byIp).toMatchObject({ ok: false, address: '172.17.0.2' });
    expect(p.byIp.reason).toMatch(/^dropped by DOCKER-ISOLATION-STAGE-2/);
    expect(p.byIp.trace.events.at(-1)).toMatchObject({ kind: 'dropped', reason: 'netfilter' });
    expect(pair(world, 'app1', 'db').byName.ok).toBe(false);
    expect(pair(world, 'db', 'app1').byIp.reason).toMatch(/DOCKER-ISOLATION-STAGE-2/);
  });

  it('pings the address on a shared network when the target has several', () => {
    const w = worldOf([...SEED000, 'docker network connect mynet db']);
    const p = pair(w, 'app1', 'db');
    expect(p.byIp).toMatchObject({ ok: true, address: '172.18.0.4' });
    expect(pair(w, 'web', 'db').byIp.address).toBe('172.17.0.2');
  });

  it('leaves out stopped containers and says why a none-mode container is unreachable', () => {
    const w = worldOf([
      ...SEED000,
      'docker stop app2',
      'docker run -d --name lone --network none busybox sleep 1d',
    ]);
    const r = reachability(w);
    expect(r.containers).toEqual(['db', 'web', 'app1', 'lone']);
    expect(pair(w, 'db', 'lone').byIp).toMatchObject({ ok: false });
    expect(pair(w, 'db', 'lone').byIp.reason).toContain('lone has no IP address of its own');
    expect(pair(w, 'lone', 'db').byIp.ok).toBe(false);
  });

  it('does not change the world (counters, ARP caches, FDBs)', () => {
    const before = serializeWorld(world);
    reachability(world);
    expect(serializeWorld(world)).toBe(before);
    const after = replay([...SEED000, 'docker exec web ping -c 1 db'], 0).world;
    expect(serializeWorld(after)).not.toBe(before);
  });

  it('agrees with ping for every cell of the seed scenario', () => {
    for (const c of reachability(world).cells) {
      const line = `docker exec ${c.from} ping -c 1 -W 1 ${c.to}`;
      const out = replay([...SEED000, line], 0).transcript.at(-1)!;
      expect(out.exitCode === 0, line).toBe(c.byName.ok);
    }
  });

  describe('several lab hosts', () => {
    const two = worldOf([
      'docker run -d --name a1 busybox sleep 1d',
      'docker run -d --name a2 busybox sleep 1d',
      'lab add-host host2',
      'ssh host2 docker run -d --name b1 busybox sleep 1d',
    ]);

    it("lists every host's containers, the other host's as host2/NAME", () => {
      const r = reachability(two);
      expect(r.containers).toEqual(['a1', 'a2', 'host2/b1']);
      expect(r.cells).toHaveLength(6);
      expect(pair(two, 'host2/b1', 'a1')).toMatchObject({ fromHost: 'host2' });
      expect(pair(two, 'a1', 'host2/b1')).toMatchObject({ toHost: 'host2' });
    });

    it("the other host's 172.17.0.2 answers at home, from a namesake: not reached", () => {
      const cell = pair(two, 'a2', 'host2/b1').byIp;
      expect(cell.address).toBe('172.17.0.2');
      expect(cell.ok).toBe(false);
      expect(cell.reason).toMatch(/^172\.17\.0\.2 answered on docker-host itself/);
      // By name, the default bridge has no DNS, on either host.
      expect(pair(two, 'a1', 'host2/b1').byName.ok).toBe(false);
      // On host2, b1 reaches nobody of docker-host's by their 172.17 addresses either.
      expect(pair(two, 'host2/b1', 'a2').byIp.ok).toBe(false);
    });

    it("the walk starts on the sender's own host: b1 pinging a1's 172.17.0.2 reaches itself", () => {
      expect(pair(two, 'host2/b1', 'a1').byIp.reason).toMatch(
        /^172\.17\.0\.2 answered on host2 itself/,
      );
    });
  });
});
