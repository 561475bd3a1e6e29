/**
 * `bridge fdb add|append|replace|del MAC dev VXLAN dst IP [self]`: a vxlan device's own forwarding
 * database (iproute2 bridge/fdb.c fdb_modify, the kernel's vxlan_fdb_add / vxlan_fdb_delete), and
 * how `bridge fdb show` lists it: `MAC dev X dst IP [via DEV] self permanent`, no multicast
 * addresses (vxlan dumps its own table instead of the device's address lists).
 */
import type { Host, Link } from '../model';
import { isIpv4 } from '../net/ipv4';
import { changeVxlanFdb, deleteVxlanFdb, ZERO_MAC, type FdbChange } from '../net/vxlan';
import { failure, type Process, type ProcessResult } from '../shell/process';
import { change, hasNetAdmin } from './ip-change';
import { linksOf } from './link-state';
import type { Where } from './place';
import { matches } from './abbrev';
import { MAC } from './ip-link';

export function vxlanFdbLines(h: Host, l: Link): string[] {
  const v = l.vxlan;
  if (!v) return [];
  // The default entry the kernel made from `remote`/`group … dev D` carries the device.
  const lower =
    v.dev !== undefined
      ? linksOf(h, v.underlayNetns).find((x) => x.ifindex === v.dev)?.name
      : undefined;
  return v.fdb.map((f) => {
    const via = lower && f.mac === ZERO_MAC && f.dst === v.remote ? ` via ${lower}` : '';
    return `${f.mac} dev ${l.name} dst ${f.dst}${via} self ${f.learned ? '' : 'permanent'}`;
  });
}

/** RTNETLINK errors from `bridge` exit 255 (its main returns -1 on any failed request). */
const answers = (p: Process, why: string) => failure(p.world, `RTNETLINK answers: ${why}`, 255);

/**
 * Changes a vxlan device's FDB; undefined when the command is not one or the device is no vxlan
 * (bridge ports' static entries are not simulated).
 */
export function vxlanFdbChange(
  p: Process,
  w: Where,
  netns: string,
  cmd: string,
  args: readonly string[],
): ProcessResult | undefined {
  const how: FdbChange | 'del' | undefined =
    matches(cmd, 'delete') || cmd === 'del'
      ? 'del'
      : (['add', 'append', 'replace'] as const).find((c) => matches(cmd, c));
  if (!how) return undefined;
  let mac: string | undefined;
  let dev: string | undefined;
  let dst: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') dev = args[++i];
    else if (a === 'dst') dst = args[++i] ?? '';
    else if (['vni', 'port', 'via', 'src_vni', 'vlan'].includes(a)) i++;
    else if (mac === undefined && !['self', 'master', 'permanent', 'static'].includes(a)) mac = a;
  }
  if (mac === undefined || dev === undefined)
    return failure(p.world, 'Device and address are required arguments.', 255);
  if (!MAC.test(mac)) return failure(p.world, `Invalid mac address ${mac}`, 255);
  const link = linksOf(w.host, netns).find((l) => l.name === dev);
  if (!link) return failure(p.world, `Cannot find device "${dev}"`, 255);
  if (link.kind !== 'vxlan') return undefined;
  if (dst !== undefined && !isIpv4(dst))
    return failure(p.world, `Error: any valid address is expected rather than "${dst}".`, 1);
  if (!hasNetAdmin(w)) return answers(p, 'Operation not permitted');
  const entry = { mac: mac.toLowerCase(), ...(dst !== undefined ? { dst } : {}) };
  // vxlan_fdb_parse: without `dst` the entry would point nowhere.
  if (how !== 'del' && entry.dst === undefined) return answers(p, 'Invalid argument');
  let error: string | undefined;
  const done = change(p, (h) => {
    error =
      how === 'del'
        ? deleteVxlanFdb(h, netns, link.ifindex, entry.mac, entry.dst)
        : changeVxlanFdb(h, netns, link.ifindex, how, { mac: entry.mac, dst: entry.dst! });
  });
  return error ? answers(p, error) : done;
}
