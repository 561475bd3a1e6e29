import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { projectWorld, type GraphElement } from './elements';

const project = (lines: readonly string[]) => projectWorld(replay(lines).world);
const byId = (els: readonly GraphElement[], id: string) => els.find((e) => e.data.id === id);
const ofKind = (els: readonly GraphElement[], kind: string) =>
  els.filter((e) => e.data.kind === kind);
/** The one element whose id matches, so tests need not know generated names. */
function only(els: readonly GraphElement[], pattern: RegExp): GraphElement {
  const found = els.filter((e) => pattern.test(e.data.id));
  expect(found.map((e) => e.data.id)).toHaveLength(1);
  return found[0];
}

describe('projectWorld', () => {
  it('draws a fresh host: its netns box with lo, eth0 towards the LAN, and docker0', () => {
    const els = project([]);
    expect(els.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual([
      'netns:host',
      'netns:outside',
      'floor:host',
      'dev:host/lo',
      'dev:host/eth0',
      'dev:host/docker0',
    ]);
    expect(byId(els, 'dev:host/eth0')!.data.label).toBe('eth0\n10.0.2.15/24\n52:54:00:12:34:56');
    expect(byId(els, 'dev:host/docker0')!.data).toMatchObject({
      kind: 'bridge',
      ref: 'network:bridge',
      parent: 'netns:host',
      label: 'network bridge\ndocker0\n172.17.0.0/16\ngateway 172.17.0.1',
    });
    // The overview names the interface and its address, not its MAC.
    expect(byId(els, 'dev:host/eth0')!.data.brief).toBe('eth0\n10.0.2.15/24');
    expect(byId(els, 'uplink:dev:host/eth0')!.data).toMatchObject({
      source: 'dev:host/eth0',
      target: 'netns:outside',
    });
    expect(ofKind(els, 'dns')).toEqual([]);
  });

  it('pairs a default-bridge container with its host-side veth end, a port on docker0', () => {
    const { world } = replay(['docker run -dit --name web busybox']);
    const els = projectWorld(world);
    const c = world.hosts['docker-host'].docker.containers.get(
      [...world.hosts['docker-host'].docker.containers.keys()][0],
    )!;
    const box = byId(els, `netns:${c.netns}`)!;
    expect(box.data).toMatchObject({ ref: 'container:web', containers: ['web'], label: 'web' });
    expect(box.classes).toContain('container-box');
    const eth0 = byId(els, `dev:${c.netns}/eth0`)!;
    expect(eth0.data.parent).toBe(box.data.id);
    expect(eth0.data.label).toMatch(/^eth0@if(\d+)\n172\.17\.0\.2\/16\n02:42:ac:11:00:02$/);
    const hostEnd = only(els, /^dev:host\/veth[0-9a-f]{7}$/);
    // eth0@ifN names the host end's index; the host end's @ifM names eth0's.
    expect(hostEnd.data.label).toBe(`${hostEnd.data.id.slice(9)}@if${eth0.data.ifindex}`);
    const veth = only(els, /^veth:/);
    expect(veth.data).toMatchObject({ source: hostEnd.data.id, target: eth0.data.id });
    expect(veth.classes).toEqual(['veth']);
    const port = only(els, /^bridge-port:/);
    expect(port.data).toMatchObject({ source: 'dev:host/docker0', target: hostEnd.data.id });
    expect(hostEnd.data.peer).toBe(eth0.data.id);
  });

  it('gives a user network a DNS badge and maps a published port to the DNAT target', () => {
    const els = project([
      'docker network create mynet',
      'docker run -dit --name web --network mynet -p 8080:80 nginx',
    ]);
    expect(byId(els, 'dns:mynet')!.data).toMatchObject({
      brief: 'DNS 127.0.0.11',
      label: 'DNS 127.0.0.11\nweb → 172.18.0.2',
      ref: 'dns:mynet',
    });
    const bridge = only(els, /^dev:host\/br-[0-9a-f]{12}$/);
    expect(bridge.data.ref).toBe('network:mynet');
    const port = byId(els, 'port:0.0.0.0:8080/tcp')!;
    expect(port.data).toMatchObject({ label: '0.0.0.0:8080 → web:80/tcp', parent: 'netns:host' });
    const edge = byId(els, 'published:port:0.0.0.0:8080/tcp')!;
    expect(edge.data.target).toMatch(/^dev:[0-9a-f]{12}\/eth0$/);
    expect(byId(els, edge.data.target!)!.data.label).toContain('172.18.0.2/16');
  });

  it('puts host-mode containers in the host box, none with only lo, joiners in one box', () => {
    const els = project([
      'docker run -dit --name web busybox',
      'docker run -dit --name hh --network host busybox',
      'docker run -dit --name nn --network none busybox',
      'docker run -dit --name jj --network container:web busybox',
    ]);
    expect(byId(els, 'container:hh')!.data).toMatchObject({
      parent: 'netns:host',
      label: 'hh · --network host',
    });
    const none = els.find((e) => e.data.ref === 'container:nn')!;
    expect(none.data.label).toBe('nn · --network none');
    expect(els.filter((e) => e.data.parent === none.data.id).map((e) => e.data.label)).toEqual([
      'lo',
    ]);
    const shared = els.find((e) => e.data.ref === 'container:web')!;
    expect(shared.data).toMatchObject({ containers: ['web', 'jj'], label: 'web + jj' });
    expect(els.find((e) => e.data.ref === 'container:jj')).toBeUndefined();
  });

  it('draws --link as a one-way arrow labelled with the alias, and greys a stopped container', () => {
    const els = project([
      'docker run -dit --name tomcat02 busybox',
      'docker run -dit --name tomcat03 --link tomcat02 busybox',
      'docker run -dit --name db --link tomcat02:alias02 busybox',
      'docker stop db',
    ]);
    const box = (name: string) => els.find((e) => e.data.ref === `container:${name}`)!.data.id;
    expect(byId(els, 'link:tomcat03>tomcat02')!.data).toMatchObject({
      source: box('tomcat03'),
      target: box('tomcat02'),
      label: 'tomcat02',
    });
    const stopped = byId(els, 'container:db')!;
    expect(stopped.classes).toContain('stopped');
    expect(stopped.data).toMatchObject({ label: 'db (exited)', bridges: ['docker0'] });
    expect(byId(els, 'link:db>alias02')!.data).toMatchObject({
      source: 'container:db',
      target: box('tomcat02'),
      label: 'alias02',
    });
  });

  it('shows a hand-made netns and veth pair like any other, down ends marked', () => {
    const els = project([
      'ip netns add ns1',
      'ip link add va type veth peer name vb',
      'ip link set vb netns ns1',
    ]);
    const box = only(els, /^netns:netns-/);
    expect(box.data).toMatchObject({ label: 'netns ns1', kind: 'netns' });
    expect(box.classes).toContain('manual-netns');
    const vb = byId(els, `dev:${box.data.id.slice(6)}/vb`)!;
    expect(vb.classes).toContain('down');
    expect(vb.data.label).toMatch(/^vb@if\d+ DOWN$/);
    expect(byId(els, `veth:dev:host/va|${vb.data.id}`)).toBeDefined();
  });

  it('is deterministic and lists nodes before edges, boxes before what they hold', () => {
    const lines = [
      'docker network create mynet',
      'docker run -dit --name a1 --network mynet busybox',
    ];
    const els = project(lines);
    expect(project(lines)).toEqual(els);
    const firstEdge = els.findIndex((e) => e.group === 'edges');
    expect(els.slice(firstEdge).every((e) => e.group === 'edges')).toBe(true);
    const index = new Map(els.map((e, i) => [e.data.id, i]));
    for (const e of els) {
      if (e.data.parent) expect(index.get(e.data.parent)!).toBeLessThan(index.get(e.data.id)!);
    }
    expect(new Set(index.keys()).size).toBe(els.length);
  });
});
