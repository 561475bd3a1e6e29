/**
 * `ip link add NAME link LOWER type macvlan [mode M] | ipvlan [mode l2|l3] | vlan id N`: devices
 * stacked on another one (iproute2 ip/iplink_macvlan.c, iplink_ipvlan.c, iplink_vlan.c; the
 * kernel's macvlan_common_newlink, ipvlan_link_new, vlan_newlink). The classic host-side fix for
 * macvlan's host isolation is one of these: a macvlan of the host's own NIC.
 */
import { addStackedLink, randomMac } from '../net/kernel';
import { failure, type ProcessResult } from '../shell/process';
import { change, extack, invalidArg, noDevice, rtnetlink } from './ip-change';
import { linkNamed, type LinkCtx } from './ip-link';

export const STACKED_TYPES: ReadonlySet<string> = new Set(['macvlan', 'ipvlan', 'vlan']);

const MACVLAN_MODES = ['private', 'vepa', 'bridge', 'passthru', 'source'];
const IPVLAN_MODES = ['l2', 'l3', 'l3s'];

export function addStacked(
  c: LinkCtx,
  name: string,
  type: string,
  lowerName: string | undefined,
  args: readonly string[],
): ProcessResult {
  const { p } = c;
  let mode: string | undefined;
  let id: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = args[++i] ?? '';
    if (a === 'mode' && type !== 'vlan') {
      const modes = type === 'macvlan' ? MACVLAN_MODES : IPVLAN_MODES;
      if (!modes.includes(v))
        return failure(
          p.world,
          type === 'macvlan'
            ? `mode "${v}" - choose one of: private, vepa, bridge, passthru, source`
            : `Error: argument "${v}" is wrong: mode`,
          255,
        );
      mode = v;
    } else if (a === 'id' && type === 'vlan') {
      if (!/^\d+$/.test(v)) return invalidArg(p, v, 'id');
      id = Number(v);
    } else return invalidArg(p, a, 'unknown option');
  }
  // rtnl_newlink: a stacked device needs IFLA_LINK.
  if (lowerName === undefined) return rtnetlink(p, c.d, 'Invalid argument');
  const lower = linkNamed(c, lowerName);
  if (!lower) return noDevice(p, c.d, lowerName);
  if (linkNamed(c, name)) return rtnetlink(p, c.d, 'File exists');
  if (type === 'vlan' && id === undefined) return extack(p, '8021q: VLAN properties not specified');
  if (type === 'vlan' && id! > 4094) return extack(p, '8021q: Invalid VLAN id');
  if (lower.kind === 'loopback') return rtnetlink(p, c.d, 'Invalid argument');
  return change(p, (h) => {
    const mac = type === 'macvlan' ? randomMac(p.ctx.rng) : lower.mac;
    addStackedLink(
      h,
      { netns: c.netns, ifindex: lower.ifindex },
      {
        name,
        kind: type as 'macvlan' | 'ipvlan' | 'vlan',
        mac,
        ...(type === 'vlan'
          ? { vlanId: id }
          : { stacked: { mode: mode ?? (type === 'macvlan' ? 'vepa' : 'l3') } }),
      },
    );
  });
}
