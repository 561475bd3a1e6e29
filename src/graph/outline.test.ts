import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { topologyOutline, type OutlineNode } from './outline';
import { projectWorld } from './elements';

/** The outline as indented text, the way a screen reader walks it. */
function render(nodes: readonly OutlineNode[], depth = 0): string {
  return nodes
    .map((n) => {
      const line = `${'  '.repeat(depth)}${n.label}${n.details.length ? ` — ${n.details.join('; ')}` : ''}`;
      return [line, render(n.children, depth + 1)].filter(Boolean).join('\n');
    })
    .join('\n');
}

const outline = (lines: readonly string[]) => render(topologyOutline(replay(lines).world));

function ids(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...ids(n.children)]);
}

const LAB = [
  'docker network create mynet',
  'docker run -dit --name web --network mynet -p 8080:80 nginx',
  'docker run -dit --name db busybox',
];

describe('topologyOutline', () => {
  it('lists a fresh host: its three predefined networks and nothing else', () => {
    expect(outline([])).toBe(
      [
        'host docker-host — eth0 10.0.2.15/24; dockerd running',
        '  Networks (3)',
        '    bridge bridge 172.17.0.0/16 — gateway 172.17.0.1; device docker0',
        '    host host',
        '    none null',
        '  Veth pairs (0)',
        '    none',
        '  Published ports (0)',
        '    none',
      ].join('\n'),
    );
  });

  it('mirrors a user network, two containers, their veth pairs and a published port', () => {
    const text = outline(LAB);
    expect(text).toMatch(
      /^ {4}mynet bridge 172\.18\.0\.0\/16 — gateway 172\.18\.0\.1; device br-[0-9a-f]{12}$/m,
    );
    expect(text).toContain(
      '      web running — network mode mynet; 172.18.0.2 (mynet); MAC 02:42:ac:12:00:02 (mynet)',
    );
    expect(text).toContain(
      '      db running — network mode bridge; 172.17.0.2 (bridge); MAC 02:42:ac:11:00:02 (bridge)',
    );
    expect(text).toContain('  Veth pairs (2)');
    expect(text).toMatch(
      /^ {4}veth[0-9a-f]{7}@if5 on br-[0-9a-f]{12} ↔ eth0@if6 in container web$/m,
    );
    expect(text).toMatch(/^ {4}veth[0-9a-f]{7}@if7 on docker0 ↔ eth0@if8 in container db$/m);
    expect(text).toContain('  Published ports (1)\n    0.0.0.0:8080 → web:80/tcp');
  });

  it('forgets a removed container: its entry, veth pair and port go with it', () => {
    const text = outline([...LAB, 'docker rm -f web']);
    expect(text).not.toContain('web');
    expect(text).toContain('  Veth pairs (1)');
    expect(text).toContain('  Published ports (0)\n    none');
  });

  it('shows a stopped container without addresses, and its ports gone', () => {
    const text = outline([...LAB, 'docker stop web']);
    expect(text).toContain('web exited — network mode mynet; not connected while exited (mynet)');
    expect(text).toContain('  Published ports (0)');
  });

  it('lists a container on two networks under each, with every IP', () => {
    const text = outline([...LAB, 'docker network connect bridge web']);
    const web = text.split('\n').filter((l) => l.includes('web running'));
    expect(web).toHaveLength(2);
    for (const line of web) expect(line).toContain('172.18.0.2 (mynet); ');
    for (const line of web) expect(line).toContain('172.17.0.3 (bridge)');
  });

  it('names a shared network namespace by container, and --network none/host', () => {
    const text = outline([
      'docker run -dit --name app busybox',
      'docker run -dit --name side --network container:app busybox',
      'docker run -dit --name solo --network none busybox',
    ]);
    expect(text).toContain(
      '  Containers without an endpoint (1)\n    side running — network mode container:app',
    );
    expect(text).toMatch(/^ {4}none null\n {6}solo running — network mode none/m);
  });

  it('includes veth pairs made by hand, into a named netns and onto a bridge', () => {
    const text = outline([
      'docker network create --subnet 172.100.0.0/16 net0',
      "BR=br-$(docker network inspect -f '{{.Id}}' net0 | cut -c1-12)",
      'ip netns add ns1',
      'ip link add vetha type veth peer name vethb',
      'brctl addif $BR vetha',
      'ip link set vethb netns ns1',
    ]);
    expect(text).toMatch(/^ {4}vetha@if(\d+) on br-[0-9a-f]{12} ↔ vethb@if(\d+) in netns ns1$/m);
    expect(text).toContain('  Veth pairs (1)');
  });

  it('keeps names with markup as plain text', () => {
    const text = outline(["docker network create '<b>x</b>'"]);
    expect(text).toContain('    <b>x</b> bridge');
  });

  it('gives every node a unique id, and the same outline for the same log', () => {
    const lines = [...LAB, 'docker network connect bridge web'];
    const tree = topologyOutline(replay(lines).world);
    const all = ids(tree);
    expect(new Set(all).size).toBe(all.length);
    expect(topologyOutline(replay(lines).world)).toEqual(tree);
  });
});

describe('topologyOutline refs', () => {
  it('names each line by the ref the graph uses, so selecting one selects in both', () => {
    const nodes = topologyOutline(replay(LAB).world);
    const all = (ns: readonly OutlineNode[]): OutlineNode[] =>
      ns.flatMap((n) => [n, ...all(n.children)]);
    const refs = all(nodes).map((n) => [n.label.split(' ')[0], n.ref]);
    expect(refs).toEqual(
      expect.arrayContaining([
        ['host', 'host'],
        ['mynet', 'network:mynet'],
        ['web', 'container:web'],
        ['db', 'container:db'],
        ['0.0.0.0:8080', 'port:0.0.0.0:8080/tcp'],
      ]),
    );
    const veths = all(nodes).filter((n) => n.kind === 'veth');
    expect(veths.map((n) => n.ref)).toEqual([
      expect.stringMatching(/^dev:host\/veth[0-9a-f]{7}$/),
      expect.stringMatching(/^dev:host\/veth[0-9a-f]{7}$/),
    ]);
    expect(
      all(nodes)
        .filter((n) => n.kind === 'group')
        .every((n) => n.ref === undefined),
    ).toBe(true);
  });

  it('takes its headings in the learner language', () => {
    const zh = topologyOutline(replay([]).world, {
      networks: '网络',
      otherContainers: '没有端点的容器',
      vethPairs: 'veth pair',
      publishedPorts: '端口映射',
      none: '无',
    });
    expect(zh[0].children.map((n) => n.label)).toEqual([
      '网络 (3)',
      'veth pair (0)',
      '端口映射 (0)',
    ]);
    expect(zh[0].children[1].children[0].label).toBe('无');
  });

  it("another host's lines select what the graph draws under @NAME/", () => {
    const world = replay([
      'lab add-host host2',
      'ssh host2 docker run -dit --name b1 busybox',
    ]).world;
    const [, host2] = topologyOutline(world);
    expect(host2.ref).toBe('@host2/netns:host');
    const refs: string[] = [];
    const walk = (n: OutlineNode) => {
      if (n.ref) refs.push(n.ref);
      n.children.forEach(walk);
    };
    walk(host2);
    expect(refs).toContain('@host2/container:b1');
    expect(refs).toContain('@host2/network:bridge');
    const ids = new Set(projectWorld(world).map((e) => e.data.ref ?? e.data.id));
    for (const r of ['@host2/netns:host', '@host2/container:b1', '@host2/network:bridge'])
      expect(ids.has(r), r).toBe(true);
  });
});
