/**
 * VXLAN tunnels between lab hosts, drawn from eth0 to eth0: a vxlan device whose `remote` or FDB
 * entries name another lab host's address sends its frames there inside UDP, over the LAN. One
 * edge per pair of hosts and VNI, whichever side was set up first.
 */
import type { Host, World } from '../sim';
import { edge, type GraphElement } from './elements';
import { peerPrefix } from './peer-hosts';
import { deviceRef } from './refs';
import { reuse } from './reuse';

/** The address each lab host's eth0 answers on, by hostname. */
function eth0Addresses(world: World): Map<string, string> {
  const byIp = new Map<string, string>();
  for (const h of Object.values(world.hosts))
    for (const l of h.netns.get('host')?.links ?? [])
      if (l.name === 'eth0') for (const a of l.addresses) byIp.set(a.ip, h.hostname);
  return byIp;
}

function vxlansOf(h: Host) {
  return [...h.netns.values()].flatMap((ns) => ns.links.filter((l) => l.vxlan));
}

export function projectTunnels(world: World): GraphElement[] {
  const hostAt = eth0Addresses(world);
  const eth0 = (hostname: string) =>
    `${hostname === world.terminal.host ? '' : peerPrefix(hostname)}${deviceRef('host', 'eth0')}`;
  const seen = new Set<string>();
  const edges: GraphElement[] = [];
  for (const h of Object.values(world.hosts))
    for (const l of vxlansOf(h)) {
      const v = l.vxlan!;
      const far = new Set(
        [v.remote, ...v.fdb.map((f) => f.dst)].flatMap((ip) => hostAt.get(ip ?? '') ?? []),
      );
      for (const other of far) {
        if (other === h.hostname) continue;
        const key = `${[h.hostname, other].sort().join(' ')} ${v.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const id = `tunnel:${h.hostname}:${other}:${v.id}`;
        const label = `VXLAN ${v.id} · UDP ${v.dstport}`;
        edges.push(reuse(l, edge(id, 'tunnel', eth0(h.hostname), eth0(other), label)));
      }
    }
  return edges;
}
