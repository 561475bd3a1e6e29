/**
 * The Docker daemon's objects, as model.ts's Host holds them: networks with their IPAM, containers
 * with their endpoints and published ports (images in image-model.ts, volumes in
 * volume-model.ts). Everything here is plain, immutable data.
 */
import type { Cidr, Ipv4 } from './model';
import type { PingRun } from './packet/ping';
import type { FileLayer, Image } from './image-model';
import type { Mount, Volume } from './volume-model';
import type { LocalSwarmState, OverlayState } from './swarm-model';

export interface Daemon {
  readonly running: boolean;
  readonly version: string;
  /** Creation order is the insertion order of these records. */
  readonly networks: ReadonlyMap<string, Network>;
  readonly containers: ReadonlyMap<string, Container>;
  /** Each container's name -> its id: moby's name registry, so a name is found without a scan. */
  readonly names: ReadonlyMap<string, string>;
  readonly images: ReadonlyMap<string, Image>;
  /** Local volumes by name, in creation order; their files live on the host under `Mountpoint`. */
  readonly volumes?: ReadonlyMap<string, Volume>;
  /**
   * IPAM's record of addresses handed to endpoints, per network id (the gateway not included),
   * kept apart from the endpoints as libnetwork keeps its bitmap.
   */
  readonly ipamAllocations: Readonly<Record<string, readonly number[]>>;
  /**
   * Containers whose main process goes on with the clock (a detached ping, a sleep), by id in the
   * order they started, so that each line visits these and not every container of the lab.
   */
  readonly clocked?: readonly string[];
  /**
   * Containers whose config names another container (`--link`, `--network container:<id>`), by
   * id: the only ones a container's start or stop can concern.
   */
  readonly dependents?: readonly string[];
  /**
   * BuildKit's cache: the state after each build step, by an id derived from the step and what it
   * started from, so an unchanged step is `CACHED` and a rebuild yields the same image.
   */
  readonly buildCache?: ReadonlyMap<string, Image>;
  /** Next candidate for an ephemeral (-P) host port; Docker walks the range and wraps. */
  readonly nextEphemeralPort: number;
  readonly bridgeConfig: DefaultBridgeConfig;
  /** `default-address-pools` from daemon.json: replaces the predefined pools for new networks. */
  readonly addressPools?: readonly AddressPool[];
  /** `insecure-registries` and `registry-mirrors` as dockerd read them at its last start. */
  readonly registryConfig?: RegistryConfig;
  /** What systemd knows of docker.service: the current (or last failed) dockerd. */
  readonly service?: DaemonService;
  /** This node's swarm membership; absent: `Swarm: inactive`. */
  readonly swarm?: LocalSwarmState;
}

export interface RegistryConfig {
  readonly insecure: readonly string[];
  readonly mirrors: readonly string[];
}

/** One `default-address-pools` entry: networks get `/size` subnets carved out of `base`. */
export interface AddressPool {
  readonly base: Cidr;
  readonly size: number;
}

export interface DaemonService {
  readonly pid: number;
  /** When the unit entered its current state (active, or failed). */
  readonly since: number;
  /** dockerd's last words when it failed to start (the unit is then `failed`). */
  readonly error?: string;
  /**
   * Containers the last shutdown stopped (not a user's stop, so `unless-stopped` brings them
   * back), kept until a daemon start succeeds.
   */
  readonly restore?: readonly string[];
}

/** The default bridge's settings from /etc/docker/daemon.json (`bip`, `fixed-cidr`, …). */
export interface DefaultBridgeConfig {
  readonly bip: Cidr;
  readonly fixedCidr?: Cidr;
  readonly mtu: number;
  readonly dns: readonly Ipv4[];
  /** `default-gateway`: containers' default route on docker0 when it is not docker0 itself. */
  readonly defaultGateway?: Ipv4;
}

export type NetworkDriver = 'bridge' | 'host' | 'null' | 'macvlan' | 'ipvlan' | 'overlay';

export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: NetworkDriver;
  /** Milliseconds since epoch, plus sub-millisecond digits for the RFC3339Nano `Created`. */
  readonly created: number;
  readonly createdNanos: number;
  readonly internal: boolean;
  readonly attachable: boolean;
  /** bridge, host and none exist from daemon start and cannot be created or removed. */
  readonly predefined: boolean;
  readonly ipam: NetworkIpam;
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** The Linux bridge device (`docker0`, `br-<id12>`), for bridge networks. */
  readonly bridge?: string;
  /** macvlan/ipvlan: the parent device and its mode; `createdParent` when Docker made it (eth0.10, dm-…). */
  readonly underlay?: {
    readonly parent: string;
    readonly mode: string;
    readonly flag?: string;
    readonly createdParent: boolean;
  };
  /** `swarm` for a cluster network (an overlay); absent: `local`. */
  readonly scope?: 'swarm';
  /** The swarm's `ingress` network (`--ingress`). */
  readonly ingress?: boolean;
  /** An overlay's VXLAN id and what the gossip told this node about the others. */
  readonly overlay?: OverlayState;
}

export interface NetworkIpam {
  readonly driver: 'default';
  /** `null` on the default bridge, `{}` for networks the CLI creates. */
  readonly options: Readonly<Record<string, string>> | null;
  readonly config: readonly IpamPoolConfig[];
}

export interface IpamPoolConfig {
  readonly subnet: Cidr;
  readonly ipRange?: Cidr;
  readonly gateway?: Ipv4;
  /** Whether the user gave --subnet (needed for --ip) or the pool came from the defaults. */
  readonly userSubnet: boolean;
  /**
   * The daemon picked `gateway` for a --subnet given without --gateway. `network inspect` then
   * shows only the Subnet, because it echoes the user's request (moby buildIpamResources).
   */
  readonly gatewayImplicit?: boolean;
}

export type ContainerStatus = 'created' | 'running' | 'exited';

export interface Container {
  readonly id: string;
  readonly name: string;
  /** The image reference as typed (`tomcat`, `nginx:1.22.1`). */
  readonly image: string;
  readonly imageId: string;
  readonly created: number;
  readonly createdNanos: number;
  readonly path: string;
  readonly args: readonly string[];
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  readonly state: ContainerState;
  /** Networks the container is (to be) attached to, in join order. */
  readonly endpoints: readonly Endpoint[];
  /** `/etc/hosts` lines `--link` wrote at start, refreshed when a linked container restarts. */
  readonly linkHosts: readonly HostsEntry[];
  /** Programs installed inside (`apt install iputils-ping`); lost with the container. */
  readonly installed: readonly string[];
  /**
   * The container's own writable layer over its image's (overlayfs's upper directory): only what
   * it wrote, made or deleted. Absent until the first change; `docker commit` turns it into a layer.
   */
  readonly layer?: FileLayer;
  readonly restartCount: number;
  /** Network namespace id while running with its own namespace. */
  readonly netns?: string;
  /** Host ports bound while running. */
  readonly ports: readonly PortMapping[];
  /** libnetwork names interfaces eth0, eth1, … from a per-sandbox counter that never goes back. */
  readonly nextEthIndex: number;
  /** What the main process wrote (`docker logs`), in order, across every run of the container. */
  readonly logs?: readonly LogEntry[];
  /** PID 1 while it acts as the world clock moves on (docker/main-clock.ts). */
  readonly main?: ClockedMain;
  /** Volumes and bind mounts, in the order they were asked for. */
  readonly mounts?: readonly Mount[];
}

/**
 * One line of a container's log as the json-file driver keeps it: the stream it was written to
 * and when. A start-up banner is written ahead with the times its lines take; `docker logs` shows
 * only what is written by the world clock's now.
 */
export interface LogEntry {
  readonly stream: 'stdout' | 'stderr';
  /** The line with its newline (a last write without one stays as it was written). */
  readonly text: string;
  /** Milliseconds since the epoch, and the nanoseconds within that millisecond `-t` prints. */
  readonly time: number;
  readonly nanos: number;
}

/** A main process that goes on acting as time passes, until it ends or the container stops. */
export type ClockedMain =
  /** `sleep N`: exits 0 at `until`. */
  | { readonly kind: 'sleep'; readonly until: number }
  /** `ping`: one echo per interval from `next` on, until its count is sent (never without -c). */
  | { readonly kind: 'ping'; readonly ping: PingRun; readonly next: number };

export interface ContainerConfig {
  readonly hostname: string;
  readonly domainname: string;
  readonly env: readonly string[];
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[] | null;
  readonly exposedPorts: readonly string[];
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly workingDir: string;
  /** `--label`s and what Compose records (`com.docker.compose.project`, `.service`, …). */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface HostConfig {
  /** `bridge`, `host`, `none`, `container:<64hex>` or a user network's name. */
  readonly networkMode: string;
  readonly portBindings: readonly PortBinding[];
  readonly publishAllPorts: boolean;
  /** Legacy links as Docker stores them: `/child:/parent/alias`. */
  readonly links: readonly string[];
  readonly autoRemove: boolean;
  readonly restartPolicy: { readonly name: string; readonly maximumRetryCount: number };
  readonly dns: readonly string[];
  readonly extraHosts: readonly string[];
  /** `--privileged` / `--cap-add`: whether processes inside hold CAP_NET_ADMIN. */
  readonly privileged?: boolean;
  readonly capAdd?: readonly string[];
}

export interface PortBinding {
  /** `80/tcp`. */
  readonly containerPort: string;
  readonly hostIp: string;
  /** Empty for an ephemeral port. */
  readonly hostPort: string;
}

export interface PortMapping {
  readonly containerPort: number;
  readonly proto: 'tcp' | 'udp';
  readonly hostIp: string;
  readonly hostPort: number;
}

export interface ContainerState {
  readonly status: ContainerStatus;
  readonly pid: number;
  readonly exitCode: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** `docker pause`: the freezer holds every process; the container still counts as running. */
  readonly paused?: boolean;
}

export interface Endpoint {
  readonly networkId: string;
  /** Docker keys a container's networks by name and falls back to it when the id is gone. */
  readonly networkName: string;
  readonly aliases: readonly string[];
  /** Per-network `--link` on a user network: DNS aliases only this container sees. */
  readonly links: readonly string[];
  /** `--ip` as requested. */
  readonly ipv4Requested?: Ipv4;
  /** Present while the container runs and the endpoint is joined. */
  readonly joined?: JoinedEndpoint;
}

export interface JoinedEndpoint {
  readonly endpointId: string;
  readonly ip: Ipv4;
  readonly prefix: number;
  readonly gateway: Ipv4;
  readonly mac: string;
  /** ifindex of the container-side interface (`eth0`) in the container's netns. */
  readonly ifindex: number;
  /**
   * An overlay endpoint's way out: libnetwork's hidden `gateway_<id>` endpoint on
   * docker_gwbridge (the container's next `ethN`), which carries its default route.
   */
  readonly gw?: { readonly ip: Ipv4; readonly ifindex: number; readonly networkId: string };
}

export interface HostsEntry {
  readonly ip: Ipv4;
  readonly names: readonly string[];
}
