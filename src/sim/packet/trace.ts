/**
 * A packet's journey as data (design.md rule 3): the ordered events one packet and its reply meet
 * — name lookup, route lookup, ARP, transmit, veth crossing, bridge forwarding, host routing, each
 * netfilter hook with the rules that matched, conntrack — ending in delivery or a drop with its
 * cause. Plain serialisable records: the UI lists, filters and animates them and never re-derives
 * network logic. Devices are named as `ip link` shows them, namespaces by their model id
 * (`host`, a container's sandbox id, or `outside` for the world behind the LAN gateway).
 */
import type { Ipv4 } from '../model';
import type { ArpAnswerer, DropCause, Receiver } from './trace-facts';

/** Which way the packet travels: the echo request (or query) or its answer. */
export type Direction = 'request' | 'reply';

/** Where a name's address came from, in the order glibc asks (`hosts: files dns`). */
export type LookupSource = 'hosts-file' | 'embedded-dns' | 'host-resolver' | 'none';

export type LookupReason =
  | 'numeric'
  | 'hosts-file-line'
  | 'embedded-dns-record'
  | 'public-dns-record'
  | 'nxdomain'
  | 'dns-unreachable';

export type RouteReason = 'local' | 'connected' | 'gateway' | 'static' | 'unreachable';

export type NetfilterHook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

/** One rule that matched while a hook was walked (jumps and RETURNs included). */
export interface RuleMatch {
  readonly table: 'filter' | 'nat';
  readonly chain: string;
  /** As `iptables -S` prints it: `-A FORWARD -i docker0 ! -o docker0 -j ACCEPT`. */
  readonly rule: string;
  readonly target: string;
}

/** Where a filter hook said no: the deciding chain (the hook itself for its DROP policy). */
export interface FilterDenial {
  readonly hook: 'INPUT' | 'FORWARD' | 'OUTPUT';
  readonly chain: string;
  readonly policy: boolean;
  readonly inDev?: string;
  readonly outDev?: string;
}

export type DropReason =
  | 'no-route'
  | 'arp-failed'
  | 'no-carrier'
  | 'netfilter'
  | 'ip-forward-disabled'
  | 'not-a-router'
  | 'ttl-exceeded'
  | 'no-such-host'
  /** macvlan/ipvlan: a parent and its children (or private/vepa siblings) never exchange frames. */
  | 'macvlan-isolation'
  /** VXLAN: no VTEP for the frame, no device for the VNI, or an inner frame for another MAC. */
  | 'vxlan'
  | 'loop';

/**
 * Every event but a name lookup and a LAN crossing happens on a lab host: `host` names it when it
 * is not the sender's own (after a `lan` crossing), so the UI names the right host's namespaces.
 */
export type TraceEvent =
  | {
      readonly kind: 'name-lookup';
      readonly direction: Direction;
      readonly name: string;
      readonly source: LookupSource;
      readonly reason: LookupReason;
      readonly answer?: Ipv4;
      /** The /etc/hosts line that answered, exactly as in the file. */
      readonly hostsLine?: string;
      /** The DNS server asked (127.0.0.11 or an upstream resolver). */
      readonly server?: Ipv4;
      /** The embedded DNS record: container, network and how the name matched. */
      readonly record?: {
        readonly container: string;
        readonly network: string;
        readonly match: string;
      };
      readonly explanation: string;
      /** The query's own journey to an upstream resolver, when one was asked. */
      readonly query?: readonly TraceEvent[];
    }
  | {
      readonly kind: 'route';
      readonly direction: Direction;
      readonly host?: string;
      readonly netns: string;
      readonly dst: Ipv4;
      readonly reason: RouteReason;
      /** The chosen route as `ip route` prints it, or `Network is unreachable`. */
      readonly route: string;
      readonly dev?: string;
      readonly via?: Ipv4;
      readonly src?: Ipv4;
    }
  | {
      readonly kind: 'arp';
      readonly direction: Direction;
      readonly host?: string;
      readonly netns: string;
      readonly dev: string;
      /** `who-has` target. */
      readonly who: Ipv4;
      /** `is-at` answer, absent when nobody answered. */
      readonly mac?: string;
      readonly answeredBy?: ArpAnswerer;
    }
  | {
      readonly kind: 'transmit';
      readonly direction: Direction;
      readonly host?: string;
      readonly netns: string;
      readonly dev: string;
      readonly src: Ipv4;
      readonly dst: Ipv4;
      readonly ttl: number;
    }
  | {
      readonly kind: 'veth';
      readonly direction: Direction;
      readonly host?: string;
      readonly from: { readonly netns: string; readonly dev: string };
      readonly to: { readonly netns: string; readonly dev: string };
    }
  | {
      /** The frame crossed the LAN to another lab host's eth0: what follows happens on `to`. */
      readonly kind: 'lan';
      readonly direction: Direction;
      readonly from: string;
      readonly to: string;
      readonly dst: Ipv4;
    }
  | {
      /**
       * A vxlan device wrapped the frame: the inner packet (`inner`) now rides inside UDP from
       * this host's VTEP to the remote one (`outer`). Events that follow carry the outer packet
       * until the matching `vxlan-decap`.
       */
      readonly kind: 'vxlan-encap';
      readonly direction: Direction;
      readonly host?: string;
      readonly netns: string;
      readonly dev: string;
      readonly vni: number;
      readonly inner: { readonly src: Ipv4; readonly dst: Ipv4; readonly dstMac: string };
      readonly outer: {
        readonly src: Ipv4;
        readonly dst: Ipv4;
        readonly srcPort: number;
        readonly dstPort: number;
      };
      /** How the VTEP was chosen: a static/learned FDB entry for the MAC, or the default `remote`. */
      readonly via: 'fdb' | 'remote' | 'flood';
    }
  | {
      /** The far VTEP took the UDP datagram off its socket and hands the inner frame to `dev`. */
      readonly kind: 'vxlan-decap';
      readonly direction: Direction;
      readonly host?: string;
      readonly netns: string;
      readonly dev: string;
      readonly vni: number;
      readonly inner: { readonly src: Ipv4; readonly dst: Ipv4 };
    }
  | {
      readonly kind: 'bridge';
      readonly direction: Direction;
      readonly host?: string;
      /** The bridge's namespace, when not the host's (an overlay's br0); absent: the host's. */
      readonly netns?: string;
      readonly bridge: string;
      /** The port the frame came in on, or `host` when the host's own stack sent it. */
      readonly inPort: string;
      /** The port it leaves by, or `host` when it is for the bridge's own address. */
      readonly outPort: string;
    }
  | {
      readonly kind: 'host-routing';
      readonly direction: Direction;
      readonly host?: string;
      readonly netns: string;
      readonly inDev: string;
      readonly outDev: string;
      readonly ttlBefore: number;
      readonly ttlAfter: number;
      readonly ipForward: boolean;
    }
  | {
      readonly kind: 'netfilter';
      readonly direction: Direction;
      readonly host?: string;
      readonly hook: NetfilterHook;
      readonly table: 'filter' | 'nat';
      readonly inDev?: string;
      readonly outDev?: string;
      readonly matches: readonly RuleMatch[];
      /** ACCEPT, DROP, DNAT, MASQUERADE, or `policy ACCEPT`/`policy DROP`. */
      readonly verdict: string;
      /** Addresses rewritten by DNAT or MASQUERADE. */
      readonly before?: { readonly src: Ipv4; readonly dst: Ipv4 };
      readonly after?: { readonly src: Ipv4; readonly dst: Ipv4 };
    }
  | {
      readonly kind: 'conntrack';
      readonly direction: Direction;
      readonly host?: string;
      readonly state: 'NEW' | 'ESTABLISHED';
      /** Reverse NAT conntrack applied to a reply (un-MASQUERADE, un-DNAT). */
      readonly nat?: {
        readonly kind: 'un-snat' | 'un-dnat';
        readonly before: { readonly src: Ipv4; readonly dst: Ipv4 };
        readonly after: { readonly src: Ipv4; readonly dst: Ipv4 };
      };
    }
  | {
      readonly kind: 'delivered';
      readonly direction: Direction;
      readonly netns: string;
      readonly address: Ipv4;
      /** The lab host it reached, when not the sender's own (after a `lan` crossing). */
      readonly host?: string;
      /** Who takes it: the kernel's echo reply, a program, a socket, an outside host. */
      readonly process?: Receiver;
    }
  | {
      readonly kind: 'dropped';
      readonly direction: Direction;
      readonly host?: string;
      readonly netns: string;
      /** The device, chain or step where the packet died. */
      readonly at: string;
      readonly reason: DropReason;
      readonly rule?: string;
      /** For a netfilter drop: which hook and chain decided it, and the interfaces it matched. */
      readonly netfilter?: FilterDenial;
      /** For a macvlan/ipvlan or VXLAN drop: why, as data. */
      readonly cause?: DropCause;
      readonly explanation: string;
    };

export interface Trace {
  readonly events: readonly TraceEvent[];
  /** How the last packet's journey ended (the last event says where). */
  readonly verdict: 'delivered' | 'dropped';
}

export const lastEvent = (t: Trace): TraceEvent | undefined => t.events.at(-1);
