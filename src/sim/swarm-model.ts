/**
 * Swarm mode's objects, as the managers' Raft store holds them (swarmkit's api.Cluster, api.Node,
 * api.Network) and as each daemon knows its own membership. The cluster is one record for the
 * whole world: every lab host that joined reads the same managers' state.
 */
import type { Ipv4 } from './model';

export type SwarmRole = 'manager' | 'worker';

export interface SwarmCluster {
  /** swarmkit identity.NewID(): 25 base-36 characters. */
  readonly id: string;
  readonly created: number;
  /** The root CA certificate's digest in base 36, shared by both join tokens. */
  readonly rootDigest: string;
  readonly workerSecret: string;
  readonly managerSecret: string;
  /** In join order; the first manager is the Raft leader. */
  readonly nodes: readonly SwarmNode[];
  /** Cluster-scope networks (ingress first), in creation order. */
  readonly networks: readonly SwarmNetwork[];
}

export interface SwarmNode {
  readonly id: string;
  /** The lab host it runs on (its hostname). */
  readonly host: string;
  readonly role: SwarmRole;
  /** The advertise address: the manager's `ManagerStatus.Addr` host, the VXLAN tunnel end. */
  readonly addr: Ipv4;
  readonly created: number;
  /** It left (`docker swarm leave`): the managers list it as Down. */
  readonly down?: true;
}

/** A network the managers allocated: its subnet and VXLAN id are the same on every node. */
export interface SwarmNetwork {
  readonly id: string;
  readonly name: string;
  readonly subnet: string;
  readonly gateway: Ipv4;
  readonly vni: number;
  readonly attachable: boolean;
  readonly ingress: boolean;
  readonly created: number;
  readonly createdNanos: number;
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** `--subnet` as typed (inspect echoes the request); absent: from the default pool. */
  readonly userSubnet?: boolean;
}

/** One daemon's own view of its membership (`docker info`'s Swarm section). */
export interface LocalSwarmState {
  /** `active` once joined; `pending` while a join that timed out goes on in the background. */
  readonly state: 'active' | 'pending';
  readonly nodeId: string;
  /** The node is a manager (it serves the cluster API on port 2377). */
  readonly manager?: true;
  /** The ingress sandbox's address on docker_gwbridge (an endpoint no container owns). */
  readonly sandboxIp?: Ipv4;
  /** Where a pending join is trying to reach. */
  readonly remote?: string;
}

/** What one node's overlay network knows from the gossip (networkdb): who else has it. */
export interface OverlayState {
  readonly vni: number;
  /** Nodes that have the network, this one included, as `network inspect`'s Peers list them. */
  readonly peers: readonly { readonly name: string; readonly ip: Ipv4 }[];
  /** Endpoints on other nodes: their DNS names and where their frames go (the remote VTEP). */
  readonly remote: readonly RemoteEndpoint[];
  /** This node's load-balancer endpoint, while a container here uses the network. */
  readonly lb?: LoadBalancerEndpoint;
}

/**
 * libnetwork's `lb-<network>` sandbox: its endpoint `<network>-endpoint` holds the address the
 * managers gave this node for the network (its node attachment), in namespace `lb_<id>`.
 */
export interface LoadBalancerEndpoint {
  readonly endpointId: string;
  readonly ip: Ipv4;
  readonly prefix: number;
}

export interface RemoteEndpoint {
  /** Empty for a node's load balancer, which has no DNS names either. */
  readonly containerId: string;
  readonly names: readonly string[];
  readonly ip: Ipv4;
  readonly mac: string;
  readonly vtep: Ipv4;
}
