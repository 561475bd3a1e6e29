/**
 * What a World is. Read this file and you know the system: one LAN of Linux hosts, each running
 * the kernel's network stack (namespaces, links, routes, netfilter) and a Docker daemon whose
 * objects (networks, containers, images) own parts of that stack. Every record is plain,
 * immutable data; commands return a new World (structural sharing via immer).
 */

import type { Daemon } from './docker-model';
import type { SwarmCluster } from './swarm-model';

/** Dotted-quad IPv4 address, e.g. `172.17.0.2`. */
export type Ipv4 = string;
/** CIDR block, e.g. `172.17.0.0/16`. */
export type Cidr = string;

export interface World {
  readonly seed: number;
  /** Number of command lines executed so far; also the rng stream of the next line. */
  readonly step: number;
  /** Simulated wall clock, milliseconds since the Unix epoch. Advances with every line. */
  readonly clock: number;
  /** Every Docker host on the LAN, by hostname. Nothing may assume there is only one. */
  readonly hosts: Readonly<Record<string, Host>>;
  readonly lan: Lan;
  /** The interactive terminal: which host and which (container) shell a typed line runs in. */
  readonly terminal: Terminal;
  /** The swarm the hosts formed (`docker swarm init`); absent until one is initialised. */
  readonly swarm?: SwarmCluster;
}

/** The physical LAN the hosts' eth0 sit on, and the internet behind its gateway. */
export interface Lan {
  readonly subnet: Cidr;
  readonly gateway: Ipv4;
  readonly dns: readonly Ipv4[];
}

export interface Terminal {
  readonly host: string;
  /** Nested interactive shells, innermost last; empty means the host's own login shell. */
  readonly shells: readonly ShellFrame[];
  /** Shell variables of the host's login shell (`PID=$(docker inspect …)`). */
  readonly vars: Readonly<Record<string, string>>;
  /** Names `export` marked, passed on to the programs the login shell starts; absent: none yet. */
  readonly exported?: readonly string[];
  /** A command waiting for the rest of its here-document (bash's `> ` prompt). */
  readonly pending?: PendingHeredoc;
  /**
   * The lines each place's shell remembered (its history file: ~/.bash_history, ~/.ash_history),
   * keyed by `historyKey` (shell/history.ts); absent until a line is typed.
   */
  readonly history?: Readonly<Record<string, readonly string[]>>;
  /** Programs the host's login shell found on its PATH this session (bash's `hash` table). */
  readonly hashed?: readonly string[];
  /** `alias`/`unalias` in the host's login shell: a name's text, or null once unaliased. */
  readonly aliases?: Readonly<Record<string, string | null>>;
  /** The sessions an `ssh` to another lab host left waiting, innermost last: `exit` returns. */
  readonly outer?: readonly OuterSession[];
}

/** A login session on a lab host, waiting while `ssh` runs a shell on another one. */
export interface OuterSession {
  readonly host: string;
  readonly shells: readonly ShellFrame[];
  readonly vars: Readonly<Record<string, string>>;
  readonly hashed?: readonly string[];
  /** The destination as `ssh` was given it: its `Connection to … closed.` names it. */
  readonly target: string;
  readonly aliases?: Readonly<Record<string, string | null>>;
}

/** `cat > f <<EOF`: the line that opened the here-document and the body typed so far. */
export interface PendingHeredoc {
  readonly command: string;
  readonly delimiter: string;
  readonly lines: readonly string[];
  /** The delimiter was quoted (`<<'EOF'`): the body is taken literally, without expansion. */
  readonly quoted: boolean;
  /** `<<-EOF`: leading tabs are stripped from body lines and the delimiter line. */
  readonly stripTabs: boolean;
}

export interface ShellFrame {
  readonly containerId: string;
  /** The program that was started (`sh`, `bash`, `/bin/bash`). */
  readonly program: string;
  /** The shell is the container's main process (`docker run -it`): leaving it stops the container. */
  readonly main: boolean;
  /** A login shell on the LAN client (`ssh 10.0.2.20`), not in a container: containerId is ''. */
  readonly lanClient?: true;
  /** `docker attach --detach-keys`: the keys that detach, in caret notation (default `^P^Q`). */
  readonly detachKeys?: string;
  /** Programs this shell found on its PATH since it started (its `hash` table). */
  readonly hashed?: readonly string[];
  /** `alias`/`unalias` typed in this shell: a name's text, or null once unaliased. */
  readonly aliases?: Readonly<Record<string, string | null>>;
  /** Where `cd` moved this shell; absent: where it started (the container's WORKDIR or `/`). */
  readonly cwd?: string;
}

export interface Host {
  readonly hostname: string;
  /** Network namespaces by id; `host` is the root namespace. (Maps: cheap to copy at 1,000 entries.) */
  readonly netns: ReadonlyMap<string, Netns>;
  /** The kernel hands out interface indexes from one counter as devices are created. */
  readonly nextIfindex: number;
  readonly nextPid: number;
  readonly sysctl: Readonly<Record<string, string>>;
  readonly iptables: Iptables;
  /** Host files a learner reads or writes (`/etc/hosts`, `/etc/docker/daemon.json`, …). */
  readonly files: Readonly<Record<string, string>>;
  /** Directories a learner made (`mkdir -p /var/run/netns`); others are implied by the files. */
  readonly dirs?: readonly string[];
  /** Symbolic links, path -> target (`ln -s /proc/PID/ns/net /var/run/netns/PID`). */
  readonly symlinks?: Readonly<Record<string, string>>;
  readonly docker: Daemon;
  /**
   * What traffic taught the kernel, written only by the packet walker: each namespace's ARP cache
   * (`ip neigh`), by netns id, and each bridge's learned MACs, newest first (`bridge fdb`), by
   * `${netns}/${bridge ifindex}`. Kept apart from the devices so that traffic never replaces them.
   */
  readonly neighbours?: ReadonlyMap<string, readonly NeighEntry[]>;
  readonly fdb?: ReadonlyMap<string, readonly FdbEntry[]>;
}

export interface Netns {
  readonly id: string;
  /** Name under /var/run/netns, when `ip netns add` or a symlink made one. */
  readonly name?: string;
  /** PID whose /proc/PID/ns/net is this namespace (a container's init); absent for `host`. */
  readonly pid?: number;
  readonly links: readonly Link[];
  /** Routes a user or Docker added; connected routes are derived from addresses. */
  readonly routes: readonly Route[];
}

/** One ARP cache entry: a next hop resolved (REACHABLE) or left unanswered (FAILED). */
export interface NeighEntry {
  readonly ip: Ipv4;
  /** The device it was resolved on, by index so a rename keeps it. */
  readonly ifindex: number;
  readonly mac?: string;
  /** PERMANENT: added by hand (`ip neigh add`) or by Docker's overlay driver; never ages. */
  readonly state: 'REACHABLE' | 'FAILED' | 'PERMANENT';
  /** World clock when the entry was last confirmed: a REACHABLE entry turns STALE 30 s later. */
  readonly at?: number;
}

/** A MAC a bridge learned from a frame's source address on one of its ports. */
export interface FdbEntry {
  readonly mac: string;
  /** ifindex of the port, in the bridge's namespace. */
  readonly port: number;
}

export type LinkKind =
  | 'loopback'
  | 'ether'
  | 'bridge'
  | 'veth'
  /** Stacked on a lower device (`lower`): its own MAC on the lower's wire. */
  | 'macvlan'
  /** Stacked on a lower device, sharing its MAC; l2 or l3 mode. */
  | 'ipvlan'
  /** An 802.1Q sub-interface (`eth0.10`) tagging frames with `vlanId` on its lower device. */
  | 'vlan'
  /** A wire to nowhere: the parent Docker makes for a macvlan/ipvlan network without `-o parent`. */
  | 'dummy'
  /** A VXLAN tunnel endpoint: frames it sends travel inside UDP to a remote VTEP (`vxlan`). */
  | 'vxlan';

/** The mode a macvlan (bridge, private, vepa, passthru) or ipvlan (l2, l3 + flag) child runs in. */
export interface StackedMode {
  readonly mode: string;
  /** ipvlan's bridge, private or vepa flag. */
  readonly flag?: string;
}

export interface Link {
  readonly ifindex: number;
  readonly name: string;
  readonly kind: LinkKind;
  readonly mac: string;
  readonly mtu: number;
  /** Administratively up (`ip link set X up`). Operational state is derived. */
  readonly up: boolean;
  readonly addresses: readonly InetAddress[];
  /** ifindex of the bridge this link is enslaved to, in the same namespace. */
  readonly master?: number;
  /** The other end of a veth pair. */
  readonly peer?: { readonly netns: string; readonly ifindex: number };
  /** The device a macvlan, ipvlan or vlan link sits on (its parent), possibly in another namespace. */
  readonly lower?: { readonly netns: string; readonly ifindex: number };
  /** Set once a macvlan, ipvlan or vlan device was stacked on this one: deleting it looks for them. */
  readonly hasUppers?: true;
  /** A macvlan or ipvlan link's mode. */
  readonly stacked?: StackedMode;
  /** A vlan link's 802.1Q id. */
  readonly vlanId?: number;
  /** A vxlan link's tunnel settings. */
  readonly vxlan?: VxlanInfo;
  /**
   * tx queue length when not the kind's usual one: `ip link add` leaves the kernel's 1000 on a
   * veth or bridge, where Docker asks for 0.
   */
  readonly txqlen?: number;
}

/**
 * A VXLAN device's settings (`ip link add NAME type vxlan id VNI …`). The UDP socket that carries
 * the tunnel stays in the namespace the device was created in, even after the device moves into
 * another one (as Docker's overlay moves its vxlan0 into the network's namespace).
 */
export interface VxlanInfo {
  /** The VNI. */
  readonly id: number;
  readonly dstport: number;
  readonly local?: Ipv4;
  /** Default destination for frames no FDB entry matches (`remote`, or `group` when multicast). */
  readonly remote?: Ipv4;
  /** Underlay device (`dev eth0`), by index in `underlayNetns`. */
  readonly dev?: number;
  readonly underlayNetns: string;
  /** `nolearning` clears it: the device then learns no MAC → VTEP entries from received frames. */
  readonly learning: boolean;
  /** `proxy`: the device answers ARP itself from its namespace's neighbour table (Docker's overlay). */
  readonly proxy?: boolean;
  /**
   * Static forwarding entries (`bridge fdb append MAC dev NAME dst IP`, or what Docker programs):
   * a frame for `mac` goes to VTEP `dst`; 00:00:00:00:00:00 entries flood to every listed VTEP.
   */
  readonly fdb: readonly VxlanFdbEntry[];
}

export interface VxlanFdbEntry {
  readonly mac: string;
  readonly dst: Ipv4;
  /** Added by a program (Docker's overlay), not by the learner; shown `self permanent` either way. */
  readonly owner?: string;
  /** Learned from a received frame (the device's `learning`): shown `self`, not permanent. */
  readonly learned?: true;
}

export interface InetAddress {
  readonly ip: Ipv4;
  readonly prefix: number;
  /**
   * Broadcast address. Absent: the block's usual one (Docker and DHCP set it); null: none, as
   * `ip addr add A/N dev X` without `brd` leaves it.
   */
  readonly brd?: Ipv4 | null;
}

export interface Route {
  /** `default` or a CIDR. */
  readonly dst: string;
  readonly via?: Ipv4;
  readonly dev: string;
  /** `onlink`: the gateway is taken as on the device's link without a connected route to it. */
  readonly onlink?: true;
}

export interface IptablesRule {
  readonly table: 'filter' | 'nat';
  readonly chain: string;
  /** The rule in `iptables -S` form, without `-A CHAIN`. */
  readonly spec: string;
  /** Which Docker object owns the rule, so it goes away with it. */
  readonly owner: string;
  readonly packets: number;
  readonly bytes: number;
}

export interface Iptables {
  readonly rules: readonly IptablesRule[];
  readonly policies: Readonly<Record<string, 'ACCEPT' | 'DROP'>>;
  /** Packets/bytes that met a built-in chain's policy (`table:CHAIN`), as `iptables -L -v` shows. */
  readonly policyCounters?: Readonly<
    Record<string, { readonly packets: number; readonly bytes: number }>
  >;
}

// The Docker daemon's objects live beside this file.
export type * from './docker-model';
export type * from './image-model';
export type * from './volume-model';
export type * from './swarm-model';
