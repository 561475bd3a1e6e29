/**
 * libnetwork's macvlan and ipvlan drivers: no bridge, no veth, no NAT. A network names a parent
 * device on the host (`-o parent=eth0`, or an 802.1Q sub-interface `eth0.10` that the driver
 * creates and later removes, or a `dm-<id>` dummy when no parent is given); each container's
 * interface is a macvlan or ipvlan child of that parent, moved into the container's namespace.
 * Texts follow moby v27 libnetwork/drivers/{macvlan,ipvlan}/*_network.go, *_setup.go, *_joinleave.go.
 */
import type { Draft } from 'immer';
import type { Container, JoinedEndpoint, Network } from '../model';
import { macFromIp } from '../net/ipv4';
import {
  addLink,
  addStackedLink,
  deleteLink,
  findLink,
  plain,
  type HostDraft,
} from '../net/kernel';
import { err, ok, type Result } from '../result';

export type UnderlayDriver = 'macvlan' | 'ipvlan';
export type Underlay = NonNullable<Network['underlay']>;

export const isUnderlayDriver = (d: string): d is UnderlayDriver =>
  d === 'macvlan' || d === 'ipvlan';

const MACVLAN_MODES = ['bridge', 'private', 'vepa', 'passthru'];
const IPVLAN_MODES = ['l2', 'l3', 'l3s'];
const IPVLAN_FLAGS = ['bridge', 'private', 'vepa'];

/** The parent a network without `-o parent` gets: a dummy named after the network. */
const dummyName = (networkId: string) => `dm-${networkId.slice(0, 12)}`;

/** parseNetworkOptions: the mode (and ipvlan flag) with their defaults, and no loopback parent. */
function parseOptions(driver: UnderlayDriver, o: Readonly<Record<string, string>>) {
  const parent = o['parent'] ?? '';
  if (driver === 'macvlan') {
    const mode = o['macvlan_mode'] || 'bridge';
    if (!MACVLAN_MODES.includes(mode))
      return err(
        `requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`,
      );
    if (parent === 'lo') return err('loopback interface is not a valid macvlan parent link');
    return ok({ parent, mode });
  }
  const mode = o['ipvlan_mode'] || 'l2';
  if (!IPVLAN_MODES.includes(mode))
    return err(
      `requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`,
    );
  const flag = o['ipvlan_flag'] || 'bridge';
  if (!IPVLAN_FLAGS.includes(flag))
    return err(
      `requested ipvlan flag '${flag}' is not valid, 'bridge' is the ipvlan driver default`,
    );
  if (parent === 'lo') return err('loopback interface is not a valid ipvlan parent link');
  return ok({ parent, mode, flag });
}

/** createVlanLink / parseVlan: `eth0.10` becomes a vlan device with id 10 on eth0, brought up. */
function createVlanParent(h: HostDraft, name: string): Result<void> {
  if (!name.includes('.'))
    return err(`invalid subinterface vlan name ${name}, example formatting is eth0.10`);
  const parts = name.split('.');
  if (parts.length !== 2)
    return err(
      `required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received ${name}`,
    );
  const [lowerName, vid] = parts;
  // Go's strconv.Atoi: an optional sign and decimal digits.
  if (!/^[+-]?\d+$/.test(vid))
    return err(`unable to parse a valid vlan id from: ${vid} (ex. eth0.10 for vlan 10)`);
  const lower = findLink(h, 'host', lowerName);
  if (!lower) return err(`-o parent interface was not found on the host: ${lowerName}`);
  const id = Number(vid);
  if (id > 4094 || id < 1) return err(`vlan id must be between 1-4094, received: ${id}`);
  const vlan = addStackedLink(
    h,
    { netns: 'host', ifindex: lower.ifindex },
    { name, kind: 'vlan', mac: lower.mac, vlanId: id },
  );
  vlan.up = true;
  return ok(undefined);
}

/**
 * The driver's CreateNetwork, after libnetwork has allocated the pools: options checked, the
 * parent claimed (one network per parent and driver), made when it is a sub-interface or absent.
 */
export function createUnderlay(
  h: HostDraft,
  driver: UnderlayDriver,
  networkId: string,
  options: Readonly<Record<string, string>>,
  dummyMac: string,
): Result<Underlay> {
  const parsed = parseOptions(driver, options);
  if (!parsed.ok) return parsed;
  const parent = parsed.value.parent || dummyName(networkId);
  for (const n of h.docker.networks.values())
    if (n.driver === driver && n.underlay?.parent === parent)
      return err(`network ${dummyName(n.id)} is already using parent interface ${parent}`);
  let createdParent = false;
  if (!findLink(h, 'host', parent)) {
    if (parent === dummyName(networkId))
      addLink(h, 'host', {
        name: parent,
        kind: 'dummy',
        mac: dummyMac,
        mtu: 1500,
        up: true,
        addresses: [],
        txqlen: 1000,
      });
    else {
      const made = createVlanParent(h, parent);
      if (!made.ok) return made;
    }
    createdParent = true;
  }
  return ok({ ...parsed.value, parent, createdParent });
}

/** DeleteNetwork: the sub-interface or dummy the driver made goes (and any child still on it). */
export function removeUnderlay(h: HostDraft, n: Network): void {
  if (!n.underlay?.createdParent) return;
  const parent = findLink(h, 'host', n.underlay.parent);
  if (parent && (parent.kind === 'vlan' || parent.kind === 'dummy'))
    deleteLink(h, 'host', parent.ifindex);
}

/** The children already on a device, anywhere on the host. */
function childrenOf(h: HostDraft, ifindex: number) {
  return [...h.netns.values()].flatMap((ns) =>
    plain(ns.links).filter((l) => l.lower?.netns === 'host' && l.lower.ifindex === ifindex),
  );
}

/**
 * Join: a macvlan (own MAC, derived from the address as libnetwork does) or ipvlan (the parent's
 * MAC) child of the parent, created in the host namespace and moved into the container's as ethN.
 * macvlan and ipvlan l2 route by the network's gateway; ipvlan l3 has `default dev ethN` and no
 * gateway. An internal network gets no default route at all.
 */
export function joinUnderlay(
  h: HostDraft,
  c: Draft<Container>,
  n: Network,
  ip: string,
  prefix: number,
  endpointId: string,
): Result<JoinedEndpoint> {
  const u = n.underlay!;
  const driver = n.driver as UnderlayDriver;
  const parent = findLink(h, 'host', u.parent);
  if (!parent)
    return err(`the requested parent interface ${u.parent} was not found on the Docker host`);
  const siblings = childrenOf(h, parent.ifindex);
  // The kernel keeps one kind of port per device, and a passthru macvlan alone on it.
  if (siblings.some((l) => l.kind !== driver))
    return err(`failed to create the ${driver} port: device or resource busy`);
  const passthru = siblings.some((l) => l.stacked?.mode === 'passthru') || u.mode === 'passthru';
  if (driver === 'macvlan' && siblings.length > 0 && passthru)
    return err('failed to create the macvlan port: invalid argument');
  const mac = driver === 'macvlan' ? macFromIp(ip) : parent.mac;
  const eth = `eth${c.nextEthIndex}`;
  c.nextEthIndex += 1;
  const child = addStackedLink(
    h,
    { netns: 'host', ifindex: parent.ifindex },
    {
      name: eth,
      kind: driver,
      mac,
      stacked: u.flag ? { mode: u.mode, flag: u.flag } : { mode: u.mode },
    },
  );
  const ifindex = child.ifindex;
  // Moved into the sandbox (the index stays), then addressed and brought up there.
  const hostNs = h.netns.get('host')!;
  const at = hostNs.links.findIndex((l) => l.ifindex === ifindex);
  const [moved] = hostNs.links.splice(at, 1);
  moved.up = true;
  moved.addresses = [{ ip, prefix }];
  h.netns.get(c.netns!)!.links.push(moved);
  const routed = driver === 'ipvlan' && u.mode !== 'l2';
  const gateway = n.internal || routed ? '' : (n.ipam.config[0]?.gateway ?? '');
  if (routed && !n.internal) h.netns.get(c.netns!)!.routes.push({ dst: 'default', dev: eth });
  return ok({ endpointId, ip, prefix, gateway, mac, ifindex });
}
