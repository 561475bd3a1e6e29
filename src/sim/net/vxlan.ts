/**
 * VXLAN devices in the kernel (drivers/net/vxlan): creating one, and its own forwarding database
 * — MAC → remote VTEP entries that `bridge fdb` changes with the `self` flag. The all-zero MAC is
 * the default destination: frames no entry matches go to every VTEP it lists (head-end
 * replication). `remote X` (or `group G`) at creation is that same entry, made by the kernel.
 */
import { castDraft } from 'immer';
import type { Ipv4, VxlanFdbEntry, VxlanInfo } from '../model';
import { addLink, draftLink, type HostDraft } from './kernel';
import { ipToInt } from './ipv4';

export const ZERO_MAC = '00:00:00:00:00:00';
/** The Linux default port (pre-IANA); iproute2 warns when it is taken by default. */
export const LINUX_VXLAN_PORT = 8472;
/** Outer IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14) headers. */
export const VXLAN_OVERHEAD = 50;

/** 224.0.0.0/4: `group` addresses; a device's default destination there is a multicast group. */
export const isMulticast = (ip: Ipv4): boolean => ipToInt(ip) >>> 28 === 0xe;

export interface NewVxlan {
  readonly name: string;
  readonly mac: string;
  readonly info: Omit<VxlanInfo, 'fdb'>;
}

/**
 * `ip link add NAME type vxlan …`: down, in `netns`, its tunnel socket there too. Its MTU leaves
 * room for the headers on the underlay device (`dev`), else it is Ethernet's 1500.
 */
export function createVxlan(h: HostDraft, netns: string, v: NewVxlan): number {
  const lower = v.info.dev !== undefined ? draftLink(h, netns, v.info.dev) : undefined;
  const fdb: VxlanFdbEntry[] =
    v.info.remote !== undefined ? [{ mac: ZERO_MAC, dst: v.info.remote }] : [];
  return addLink(h, netns, {
    name: v.name,
    kind: 'vxlan',
    mac: v.mac,
    mtu: lower ? lower.mtu - VXLAN_OVERHEAD : 1500,
    up: false,
    addresses: [],
    txqlen: 1000,
    vxlan: { ...v.info, fdb },
  });
}

export type FdbChange = 'add' | 'append' | 'replace';

/**
 * vxlan_fdb_update: a new MAC goes first; `add` refuses one that exists (EEXIST); `append` adds
 * another VTEP to the all-zero (or a multicast) MAC and leaves a unicast one as it is; `replace`
 * swaps the entry's first VTEP. Returns the errno text, or undefined when done.
 */
export function changeVxlanFdb(
  h: HostDraft,
  netns: string,
  ifindex: number,
  how: FdbChange,
  entry: VxlanFdbEntry,
): string | undefined {
  const link = draftLink(h, netns, ifindex);
  if (!link?.vxlan) return 'Operation not supported';
  const fdb = [...(link.vxlan.fdb as readonly VxlanFdbEntry[])];
  const mine = fdb.filter((f) => f.mac === entry.mac);
  if (mine.length === 0) {
    link.vxlan.fdb = castDraft([entry, ...fdb]);
    return undefined;
  }
  if (how === 'add') return 'File exists';
  if (mine.some((f) => f.dst === entry.dst)) return undefined;
  const flooding = entry.mac === ZERO_MAC || (parseInt(entry.mac.slice(0, 2), 16) & 1) === 1;
  if (how === 'append') {
    if (!flooding) return undefined;
    const last = fdb.lastIndexOf(mine[mine.length - 1]);
    fdb.splice(last + 1, 0, entry);
  } else fdb[fdb.indexOf(mine[0])] = entry;
  link.vxlan.fdb = castDraft(fdb);
  return undefined;
}

/** `bridge fdb del MAC dev X [dst IP]`: one VTEP, or the MAC's whole entry. ENOENT when absent. */
export function deleteVxlanFdb(
  h: HostDraft,
  netns: string,
  ifindex: number,
  mac: string,
  dst?: Ipv4,
): string | undefined {
  const link = draftLink(h, netns, ifindex);
  if (!link?.vxlan) return 'Operation not supported';
  const fdb = link.vxlan.fdb as readonly VxlanFdbEntry[];
  const gone = (f: VxlanFdbEntry) => f.mac === mac && (dst === undefined || f.dst === dst);
  if (!fdb.some(gone)) return 'No such file or directory';
  link.vxlan.fdb = castDraft(fdb.filter((f) => !gone(f)));
  return undefined;
}
