/**
 * What a World is. Read this file and you know the system: one LAN of Linux hosts, each running
 * the kernel's network stack (namespaces, links, routes, netfilter) and a Docker daemon whose
 * objects (networks, containers, images) own parts of that stack. Every record is plain,
 * immutable data; commands return a new World (structural sharing via immer).
 */

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
  /** A command waiting for the rest of its here-document (bash's `> ` prompt). */
  readonly pending?: PendingHeredoc;
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
  readonly state: 'REACHABLE' | 'FAILED';
  /** World clock when the entry was last confirmed: a REACHABLE entry turns STALE 30 s later. */
  readonly at?: number;
}

/** A MAC a bridge learned from a frame's source address on one of its ports. */
export interface FdbEntry {
  readonly mac: string;
  /** ifindex of the port, in the bridge's namespace. */
  readonly port: number;
}

export type LinkKind = 'loopback' | 'ether' | 'bridge' | 'veth';

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
  /**
   * tx queue length when not the kind's usual one: `ip link add` leaves the kernel's 1000 on a
   * veth or bridge, where Docker asks for 0.
   */
  readonly txqlen?: number;
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

// ---------------------------------------------------------------- Docker daemon

export interface Daemon {
  readonly running: boolean;
  readonly version: string;
  /** Creation order is the insertion order of these records. */
  readonly networks: ReadonlyMap<string, Network>;
  readonly containers: ReadonlyMap<string, Container>;
  readonly images: ReadonlyMap<string, Image>;
  /**
   * IPAM's record of addresses handed to endpoints, per network id (the gateway not included),
   * kept apart from the endpoints as libnetwork keeps its bitmap.
   */
  readonly ipamAllocations: Readonly<Record<string, readonly number[]>>;
  /** Next candidate for an ephemeral (-P) host port; Docker walks the range and wraps. */
  readonly nextEphemeralPort: number;
  readonly bridgeConfig: DefaultBridgeConfig;
  /** `default-address-pools` from daemon.json: replaces the predefined pools for new networks. */
  readonly addressPools?: readonly AddressPool[];
  /** What systemd knows of docker.service: the current (or last failed) dockerd. */
  readonly service?: DaemonService;
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

export type NetworkDriver = 'bridge' | 'host' | 'null';

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
  /** Packages installed inside (`apt install iputils-ping`); lost with the container. */
  readonly installed: readonly string[];
  readonly restartCount: number;
  /** Network namespace id while running with its own namespace. */
  readonly netns?: string;
  /** Host ports bound while running. */
  readonly ports: readonly PortMapping[];
  /** libnetwork names interfaces eth0, eth1, … from a per-sandbox counter that never goes back. */
  readonly nextEthIndex: number;
  /** What the main process wrote so far (`docker logs`), across every run of the container. */
  readonly logs?: ContainerLogs;
}

export interface ContainerLogs {
  readonly stdout: string;
  readonly stderr: string;
}

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
}

export interface HostsEntry {
  readonly ip: Ipv4;
  readonly names: readonly string[];
}

export interface Image {
  readonly id: string;
  readonly repo: string;
  readonly tag: string;
  readonly created: number;
  readonly size: number;
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[] | null;
  readonly exposedPorts: readonly string[];
  readonly env: readonly string[];
  readonly workingDir: string;
  /** Programs on the image's PATH (`ip`, `ping`, `curl`, …). */
  readonly tools: readonly string[];
  /** Which userland answers: busybox applets, or Debian/Alpine/CentOS packages. */
  readonly flavour: ImageFlavour;
  /** Exit code when `docker stop` ends the main process (0 on clean SIGTERM, 137 if killed). */
  readonly stopExitCode: number;
  /** Registry manifest digest (`sha256:…`), for images that came from a pull. */
  readonly digest?: string;
  /** `docker commit -a` / `-m`. */
  readonly author?: string;
  readonly comment?: string;
}

export type ImageFlavour = 'busybox' | 'alpine' | 'debian' | 'centos';
