/**
 * iproute2's `bridge` (host only: busybox has no such applet): `bridge link [show] [dev X]` lists
 * bridge ports with their STP state, `bridge fdb [show] [br X] [brport|dev X]` the forwarding
 * database — per device in index order, the MACs the bridge learned on a port (newest first),
 * the port's own MAC (`vlan 1` and untagged, permanent), then the multicast addresses the device
 * itself listens on (`self permanent`), as rtnl_fdb_dump walks them.
 */
import type { Host, Link } from '../model';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { hasCarrier, inet6Of, linkFlags, linksOf, peerSuffix } from './link-state';
import { whereIs, type Where } from './place';
import { vxlanFdbChange, vxlanFdbLines } from './bridge-fdb-vxlan';
import { matches } from './abbrev';

const USAGE =
  'Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n' +
  '       bridge [ -force ] -batch filename\n' +
  'where  OBJECT := { link | fdb | mdb | vlan | vni | monitor }\n' +
  '       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n' +
  '                    -o[neline] | -t[imestamp] | -n[etns] name |\n' +
  '                    -com[pressvlans] -c[olor] -p[retty] -j[son] }\n';

const isShow = (w: string | undefined) =>
  w === undefined || matches(w, 'show') || matches(w, 'list') || matches(w, 'lst');

/** STP off (Docker's default): a port forwards as soon as it has carrier, else it is disabled. */
function portState(h: Host, netns: string, port: Link, br: Link): string {
  return br.up && hasCarrier(h, netns, port) ? 'forwarding' : 'disabled';
}

/** br_port cost from the link speed: a veth reports 10Gb/s, which is cost 2. */
const PORT_COST = 2;

function bridgeLink(p: Process, h: Host, netns: string, args: readonly string[]): ProcessResult {
  const [cmd, ...rest] = args;
  if (!isShow(cmd))
    return failure(p.world, `Command "${cmd}" is unknown, try "bridge link help".`, 255);
  let dev: string | undefined;
  for (let i = 0; i < rest.length; i++) if (rest[i] === 'dev') dev = rest[++i];
  const links = linksOf(h, netns);
  if (dev !== undefined && !links.some((l) => l.name === dev))
    return failure(p.world, `Cannot find device "${dev}"`, 255);
  const byIndex = new Map(links.map((l) => [l.ifindex, l]));
  const text = links
    .filter((l) => dev === undefined || l.name === dev)
    .flatMap((l) => {
      const br = l.master !== undefined ? byIndex.get(l.master) : undefined;
      if (br?.kind !== 'bridge') return [];
      return [
        `${l.ifindex}: ${l.name}${peerSuffix(h, netns, l)}: <${linkFlags(h, netns, l).join(',')}> ` +
          `mtu ${l.mtu} master ${br.name} state ${portState(h, netns, l, br)} ` +
          `priority 32 cost ${PORT_COST} \n`,
      ];
    })
    .join('');
  return output(p.world, text);
}

/** The solicited-node group ff02::1:ffXX:XXXX of the device's link-local address, as a MAC. */
const solicitedNode = (mac: string) => `33:33:ff:${mac.split(':').slice(3).join(':')}`;

/** Multicast addresses the device joined (dev_mc list order): IPv6 all-nodes, IPv4 all-hosts, … */
function selfEntries(h: Host, netns: string, l: Link): string[] {
  if (!l.up || l.kind === 'loopback') return [];
  const ipv6 = inet6Of(h, netns, l).some((a) => a.scope === 'link');
  const groups =
    l.kind === 'bridge'
      ? // A bridge also joins the multicast-router-discovery groups (224.0.0.106, ff02::6a).
        ['33:33:00:00:00:01', '01:00:5e:00:00:6a', '33:33:00:00:00:6a', '01:00:5e:00:00:01']
      : netns === 'host'
        ? ['33:33:00:00:00:01', '01:00:5e:00:00:01']
        : ['01:00:5e:00:00:01'];
  if (ipv6) groups.push(solicitedNode(l.mac));
  return groups.map((g) => `${g} dev ${l.name} self permanent`);
}

function fdbLines(h: Host, netns: string, l: Link, byIndex: Map<number, Link>): string[] {
  const dev = `dev ${l.name}`;
  const own = l.kind === 'vxlan' ? vxlanFdbLines(h, l) : selfEntries(h, netns, l);
  if (l.kind === 'bridge')
    return [
      ...selfEntries(h, netns, l),
      `${l.mac} ${dev} vlan 1 master ${l.name} permanent`,
      `${l.mac} ${dev} master ${l.name} permanent`,
    ];
  const br = l.master !== undefined ? byIndex.get(l.master) : undefined;
  if (br?.kind !== 'bridge') return own;
  return [
    ...(h.fdb?.get(`${netns}/${br.ifindex}`) ?? [])
      .filter((f) => f.port === l.ifindex)
      .map((f) => `${f.mac} ${dev} master ${br.name} `),
    `${l.mac} ${dev} vlan 1 master ${br.name} permanent`,
    `${l.mac} ${dev} master ${br.name} permanent`,
    ...own,
  ];
}

function bridgeFdb(p: Process, w: Where, netns: string, args: readonly string[]): ProcessResult {
  const h = w.host;
  const [cmd, ...rest] = args;
  if (cmd !== undefined && !isShow(cmd)) {
    const changed = vxlanFdbChange(p, w, netns, cmd, rest);
    if (changed) return changed;
    if (['add', 'append', 'del', 'delete', 'replace', 'flush', 'get'].some((c) => matches(cmd, c)))
      return failure(
        p.world,
        `bridge fdb ${cmd}: changing the FDB is simulated for vxlan devices only`,
        1,
      );
    return failure(p.world, `Command "${cmd}" is unknown, try "bridge fdb help".`, 255);
  }
  const links = linksOf(h, netns);
  const byIndex = new Map(links.map((l) => [l.ifindex, l]));
  let br: Link | undefined;
  let port: Link | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const name = rest[++i] ?? '';
    if (a === 'br') {
      br = links.find((l) => l.name === name);
      if (!br) return failure(p.world, `Cannot find bridge device "${name}"`, 255);
    } else if (a === 'brport' || a === 'dev') {
      port = links.find((l) => l.name === name);
      if (!port) return failure(p.world, `Cannot find device "${name}"`, 255);
    } else return failure(p.world, `Error: argument "${a}" is wrong: Invalid argument`, 255);
  }
  const shown = links.filter(
    (l) =>
      (!br || l.ifindex === br.ifindex || l.master === br.ifindex) &&
      (!port || l.ifindex === port.ifindex),
  );
  const lines = shown.flatMap((l) => fdbLines(h, netns, l, byIndex));
  // With a device filter iproute2 leaves out the ` dev X` it would repeat on every line.
  const text = lines.map((s) => (port ? s.replace(` dev ${port.name}`, '') : s) + '\n').join('');
  return output(p.world, text);
}

export function bridge(p: Process): ProcessResult {
  const w = whereIs(p);
  const [object, ...args] = p.argv.slice(1);
  if (object === undefined || object === 'help') return failure(p.world, USAGE, 255);
  const netns = w.netns ?? '';
  if (matches(object, 'link')) return bridgeLink(p, w.host, netns, args);
  if (matches(object, 'fdb')) return bridgeFdb(p, w, netns, args);
  if (['mdb', 'vlan', 'vni', 'monitor'].some((o) => matches(object, o)))
    return failure(p.world, `bridge ${object}: not simulated in this lab`, 1);
  return failure(p.world, `Object "${object}" is unknown, try "bridge help".`, 255);
}
