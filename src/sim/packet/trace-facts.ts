/**
 * The facts a trace event names that a sentence would otherwise carry as English words: who
 * answered an ARP request, who took a delivered packet, why macvlan or VXLAN dropped one. Data,
 * so the UI words them in the learner's language and names namespaces as it names the rest.
 */
import type { Ipv4 } from '../model';

/**
 * Who answered an ARP request, as data (the UI words it in the learner's language). A namespace
 * or bridge answer happens on the event's host; the others name theirs.
 */
export type ArpAnswerer =
  /** An address of a namespace: a container's, the host's, an `ip netns` one. */
  | { readonly kind: 'netns'; readonly netns: string }
  /** A bridge's own address, that is the host behind it (`docker0`). */
  | { readonly kind: 'bridge'; readonly bridge: string }
  | { readonly kind: 'lan-gateway'; readonly ip: Ipv4 }
  /** A box on the LAN that is no lab host (the LAN client). */
  | { readonly kind: 'lan-host'; readonly ip: Ipv4 }
  /**
   * A lab host's own device on the wire (its eth0, a vlan device). Asked from the LAN client,
   * `docker` says whether it is the Docker host the walk is on or another lab host.
   */
  | {
      readonly kind: 'lab-host';
      readonly host: string;
      readonly dev: string;
      readonly docker?: 'this' | 'other';
    }
  /** A macvlan/ipvlan child, in `netns` of lab host `host`. */
  | {
      readonly kind: 'child';
      readonly link: 'macvlan' | 'ipvlan';
      readonly dev: string;
      readonly netns: string;
      readonly host: string;
    }
  /** A PERMANENT neighbour entry (`ip neigh`) on the sending vxlan device. */
  | { readonly kind: 'neighbour'; readonly dev: string }
  /** A vxlan device with `proxy` answers from its namespace's neighbour table. */
  | { readonly kind: 'vxlan-proxy'; readonly dev: string }
  /** The far vxlan device itself, through the tunnel. */
  | { readonly kind: 'tunnel-device'; readonly dev: string; readonly host: string }
  /** Behind the far vxlan device's bridge: the bridge itself, through the local port `port`. */
  | {
      readonly kind: 'tunnel-bridge';
      readonly bridge: string;
      readonly host: string;
      readonly port: string;
    }
  /** Behind the far vxlan device's bridge: a namespace on one of its ports. */
  | {
      readonly kind: 'tunnel-netns';
      readonly netns: string;
      readonly host: string;
      readonly port: string;
    };

/** Who took a delivered packet, as data. */
export type Receiver =
  /** The kernel answers an ICMP echo itself. */
  | { readonly kind: 'echo-reply' }
  /** A host's kernel, named: the LAN client answering its own address. */
  | { readonly kind: 'kernel'; readonly of: string }
  /** A program by name: `ping` getting its answer, a TCP client, `docker-proxy`. */
  | { readonly kind: 'program'; readonly name: string }
  /** A host on the internet or the LAN, by its name (or address). */
  | { readonly kind: 'outside'; readonly name: string }
  /** A listening socket took the SYN. */
  | {
      readonly kind: 'listener';
      readonly comm: string;
      readonly pid: number;
      /** `0.0.0.0:80`, `[::]:80`. */
      readonly address: string;
    }
  /** Nothing listens there: the kernel answers with a TCP RST. */
  | { readonly kind: 'reset'; readonly address: Ipv4; readonly port: number }
  /** The client that gets the RST (Connection refused). */
  | { readonly kind: 'refused'; readonly client: string };

/** Why macvlan/ipvlan or VXLAN dropped a packet, as data (the engine's sentence is `explanation`). */
export type DropCause = IsolationCause | VxlanCause;

/** The kernel's macvlan/ipvlan rules that keep a frame from a station. */
export type IsolationCause =
  /** A child's frame for its own parent. */
  | {
      readonly kind: 'child-to-parent';
      readonly link: string;
      readonly child: string;
      readonly parent: string;
    }
  /** The parent's frame for one of its children. */
  | {
      readonly kind: 'parent-to-child';
      readonly link: string;
      readonly child: string;
      readonly parent: string;
    }
  /** Siblings in private or vepa mode. */
  | { readonly kind: 'sibling-mode'; readonly link: string; readonly mode: 'private' | 'vepa' }
  /** An ipvlan l3 child's packet for its own host. */
  | { readonly kind: 'ipvlan-host'; readonly dst: Ipv4 };

/** Where a VXLAN frame found nobody. */
export type VxlanCause =
  /** No port of the far bridge has the inner frame's MAC. */
  | {
      readonly kind: 'no-bridge-port';
      readonly bridge: string;
      readonly mac: string;
      readonly dst: Ipv4;
    }
  /** A vxlan device with no FDB entry for the MAC and no default destination. */
  | { readonly kind: 'no-fdb'; readonly dev: string; readonly mac: string }
  /** A datagram on a vxlan port, but no device with its VNI. */
  | { readonly kind: 'no-vni'; readonly vni: number; readonly port: number }
  /** Nothing listens on the datagram's UDP port. */
  | { readonly kind: 'no-socket'; readonly port: number }
  /** The inner frame is for another MAC than the device's. */
  | {
      readonly kind: 'other-mac';
      readonly mac: string;
      readonly dev: string;
      readonly devMac: string;
    };
