/**
 * iproute2 `ip -d link|addr show`: after the link/ether line, the device's promiscuity and MTU
 * bounds, then its kind's own line (print_linkinfo: `veth`, `vxlan id 42 … dstport 4789 …`) and
 * the generic tail (addrgenmode, queues, GSO/TSO limits), as a 6.x kernel reports them; a bridge
 * port also gets its `bridge_slave …` line (STP off, defaults). A bridge's own `bridge …` line is
 * not modelled.
 */
import type { Host, Link } from '../model';
import { isMulticast } from '../net/vxlan';
import { bridgePorts, hasCarrier, linksOf } from './link-state';

/** veth_dev_init gives one queue per possible CPU; the lab's hosts are 2-vCPU VMs. */
const VETH_QUEUES = 2;

function tail(queues: number, tsoMax: number): string {
  return (
    `addrgenmode eui64 numtxqueues ${queues} numrxqueues ${queues} gso_max_size 65536 ` +
    `gso_max_segs 65535 tso_max_size ${tsoMax} tso_max_segs 65535 gro_max_size 65536 `
  );
}

/** The `vxlan …` line: iplink_vxlan.c vxlan_print_opt order. */
export function vxlanLine(h: Host, l: Link, netns: string): string {
  const v = l.vxlan!;
  let s = `vxlan id ${v.id} `;
  if (v.remote) s += `${isMulticast(v.remote) ? 'group' : 'remote'} ${v.remote} `;
  if (v.local) s += `local ${v.local} `;
  if (v.dev !== undefined) {
    const lower = linksOf(h, v.underlayNetns).find((x) => x.ifindex === v.dev);
    s += `dev ${lower && v.underlayNetns === netns ? lower.name : `if${v.dev}`} `;
  }
  s += `srcport 0 0 dstport ${v.dstport} `;
  if (!v.learning) s += 'nolearning ';
  if (v.proxy) s += 'proxy ';
  return `${s}ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx `;
}

/**
 * br_port_fill_info with STP off: the port number is the port's place on the bridge, the
 * designated bridge and root the bridge itself (priority 8000).
 */
function bridgeSlaveLine(h: Host, netns: string, l: Link): string | undefined {
  const br =
    l.master !== undefined ? linksOf(h, netns).find((x) => x.ifindex === l.master) : undefined;
  if (br?.kind !== 'bridge') return undefined;
  const no = bridgePorts(h, netns, br).findIndex((p) => p.ifindex === l.ifindex) + 1;
  const state = br.up && hasCarrier(h, netns, l) ? 'forwarding' : 'disabled';
  const id = `8000.${br.mac}`;
  return (
    `    bridge_slave state ${state} priority 32 cost 2 hairpin off guard off root_block off ` +
    `fastleave off learning on flood on port_id 0x${(0x8000 + no).toString(16)} port_no 0x${no.toString(16)} ` +
    `designated_port ${32768 + no} designated_cost 0 designated_bridge ${id} designated_root ${id} ` +
    'hold_timer    0.00 message_age_timer    0.00 forward_delay_timer    0.00 topology_change_ack 0 ' +
    'config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off ' +
    'mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 ' +
    'group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off '
  );
}

/** What `-d` adds: text for the end of the link/ether line, and the lines after it. */
export function detailsOf(h: Host, netns: string, l: Link): { more: string; lines: string[] } {
  const d = kindDetails(h, netns, l);
  const slave = bridgeSlaveLine(h, netns, l);
  const last = d.lines.at(-1);
  if (!slave || last === undefined) return d;
  // The generic tail follows the last kind line: after bridge_slave when there is one.
  const cut = last.indexOf('addrgenmode ');
  return {
    more: d.more,
    lines: [...d.lines.slice(0, -1), last.slice(0, cut), slave + last.slice(cut)],
  };
}

function kindDetails(h: Host, netns: string, l: Link): { more: string; lines: string[] } {
  const port = l.master !== undefined ? 1 : 0;
  const min = l.kind === 'loopback' ? 0 : 68;
  const max = l.kind === 'loopback' ? 0 : 65535;
  const more = ` promiscuity ${port}  allmulti ${port} minmtu ${min} maxmtu ${max} `;
  switch (l.kind) {
    case 'loopback':
      return { more: more + tail(1, 524280), lines: [] };
    case 'ether':
      return { more: more + tail(1, 65536) + 'parentbus virtio parentdev virtio0 ', lines: [] };
    case 'veth':
      return { more, lines: [`    veth ${tail(VETH_QUEUES, 524280)}`] };
    case 'vxlan': {
      // GSO limits come from the underlay device when there is one (a veth's are larger).
      const lower = l.vxlan?.dev !== undefined ? linksOf(h, l.vxlan.underlayNetns) : [];
      const veth = lower.find((x) => x.ifindex === l.vxlan?.dev)?.kind === 'veth';
      return { more, lines: [`    ${vxlanLine(h, l, netns)}${tail(1, veth ? 524280 : 65536)}`] };
    }
    case 'dummy':
      return { more, lines: [`    dummy ${tail(1, 524280)}`] };
    default:
      return { more: more + tail(1, 65536), lines: [] };
  }
}
