/**
 * dockerd start-up on a host: the predefined networks `bridge`, `host` and `none`, and the
 * `docker0` bridge device that carries the default bridge network.
 */
import { castDraft } from 'immer';
import type { Container, Daemon, Network } from '../model';
import { allocatePool, canonicalSubnet } from '../net/ipam';
import { intToIp, ipToInt, parseCidr } from '../net/ipv4';
import {
  addLink,
  baseHost,
  deleteLink,
  draftLink,
  findLink,
  plain,
  type HostDraft,
} from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { installBridgeRules, networkOwner, removeRulesOwnedBy } from './bridge-rules';
import { stopContainer } from './containers';
import type { DaemonFileConfig } from './daemon-config';

const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

export function newNetworkId(ctx: Ctx): string {
  return ctx.rng.hex(64);
}

/** The daemon's docker0 MAC (v24–v27: 02:42 and four random bytes). */
export function bridgeMac(ctx: Ctx): string {
  return ['02', '42', ...Array.from({ length: 4 }, () => ctx.rng.hex(2))].join(':');
}

function predefined(
  ctx: Ctx,
  name: string,
  driver: Network['driver'],
  extra: Partial<Network> = {},
): Network {
  return {
    id: newNetworkId(ctx),
    name,
    driver,
    created: ctx.now - 3_600_000,
    createdNanos: ctx.rng.int(0, 999_999),
    internal: false,
    attachable: false,
    predefined: true,
    ipam: { driver: 'default', options: null, config: [] },
    options: {},
    labels: {},
    ...extra,
  };
}

/** dockerd's PID in a freshly booted lab (systemd starts it early, before any container). */
const BOOT_PID = 1009;

/**
 * The default bridge's address: `bip` if set; else the address docker0 already has (moby keeps an
 * existing bridge's address, which is why removing `bip` alone changes nothing until docker0 is
 * deleted); else the first free pool, taken from `default-address-pools` when configured.
 */
function bridgeAddress(
  h: HostDraft,
  cfg: DaemonFileConfig,
): Result<{ ip: string; prefix: number }> {
  if (cfg.bip !== undefined) {
    const parsed = parseCidr(cfg.bip);
    return parsed
      ? ok(parsed)
      : err(
          `failed to start daemon: Error initializing network controller: invalid CIDR address: ${cfg.bip}`,
        );
  }
  const current = findLink(h, 'host', 'docker0')?.addresses[0];
  if (current) return ok({ ip: current.ip, prefix: current.prefix });
  const users = [...h.docker.networks.values()].filter((n) => !n.predefined);
  const eth0 = findLink(h, 'host', 'eth0')?.addresses ?? [];
  const inUse = [
    ...users.flatMap((n) => n.ipam.config.map((c) => c.subnet)),
    ...eth0.map((a) => canonicalSubnet(a.ip, a.prefix)),
  ];
  const pool = allocatePool(inUse, cfg.addressPools);
  if (!pool.ok)
    return err(`failed to start daemon: Error initializing network controller: ${pool.error}`);
  const [base, prefix] = pool.value.split('/');
  return ok({ ip: intToIp(ipToInt(base) + 1), prefix: Number(prefix) });
}

/**
 * dockerd starting with the settings of daemon.json: the default bridge is re-read, the stale
 * `bridge` network deleted and created again (a new id, as moby's initNetworkController does;
 * with `default-address-pools` docker0 itself is deleted first), host/none and user networks kept.
 */
export function startDaemonWith(h: HostDraft, cfg: DaemonFileConfig, ctx: Ctx): Result<void> {
  if (cfg.addressPools?.length) {
    const docker0 = findLink(h, 'host', 'docker0');
    if (docker0) deleteLink(h, 'host', docker0.ifindex);
  }
  const address = bridgeAddress(h, cfg);
  if (!address.ok) return address;
  h.docker.bridgeConfig = {
    bip: `${address.value.ip}/${address.value.prefix}`,
    ...(cfg.fixedCidr ? { fixedCidr: cfg.fixedCidr } : {}),
    mtu: cfg.mtu ?? 1500,
    dns: [...(cfg.dns ?? [])],
    ...(cfg.defaultGateway ? { defaultGateway: cfg.defaultGateway } : {}),
  };
  if (cfg.insecureRegistries?.length || cfg.registryMirrors?.length)
    h.docker.registryConfig = {
      insecure: [...(cfg.insecureRegistries ?? [])],
      mirrors: [...(cfg.registryMirrors ?? [])],
    };
  else delete h.docker.registryConfig;
  if (cfg.addressPools?.length) h.docker.addressPools = castDraft([...cfg.addressPools]);
  else delete h.docker.addressPools;
  const stale = [...h.docker.networks.values()].find((n) => n.predefined && n.name === 'bridge');
  if (stale) {
    removeRulesOwnedBy(h, networkOwner(stale.id));
    delete h.docker.ipamAllocations[stale.id];
    h.docker.networks.delete(stale.id);
  }
  startDaemon(h, ctx);
  const pid = h.nextPid;
  h.nextPid += ctx.rng.int(20, 200);
  h.docker.service = { pid, since: ctx.now };
  return ok(undefined);
}

/** dockerd failed to start: the unit is `failed` with its last words, and nothing answers the socket. */
export function failDaemon(h: HostDraft, error: string, ctx: Ctx): void {
  const pid = h.nextPid;
  h.nextPid += ctx.rng.int(20, 200);
  h.docker.running = false;
  const restore = plain(h.docker.service?.restore);
  h.docker.service = { pid, since: ctx.now, error, ...(restore ? { restore } : {}) };
}

/**
 * dockerd shutting down (without live-restore): every running container is stopped as
 * `docker stop` would stop it, its sandbox and ports released. The unit remembers which ones
 * were running: a daemon shutdown is not a manual stop, so `unless-stopped` restarts them.
 */
export function shutdownDaemon(h: HostDraft, exitCodeOf: (c: Container) => number, ctx: Ctx): void {
  const running = [...baseHost(h).docker.containers.values()].filter(
    (c) => c.state.status === 'running',
  );
  // Containers sharing another's namespace go first, so their donor's sandbox is torn down last.
  const order = [
    ...running.filter((c) => c.hostConfig.networkMode.startsWith('container:')),
    ...running.filter((c) => !c.hostConfig.networkMode.startsWith('container:')),
  ];
  for (const c of order) stopContainer(h, c.id, exitCodeOf(c), ctx);
  h.docker.running = false;
  const pid = h.docker.service?.pid ?? 0;
  const restore = [...(h.docker.service?.restore ?? []), ...running.map((c) => c.id)];
  h.docker.service = castDraft({ pid, since: ctx.now, restore });
}

/**
 * Which containers the daemon starts again after it comes up (moby restore + restartmanager
 * ShouldRestart): `always` if it ever started; `unless-stopped` unless a user stopped it (here:
 * it was running when the daemon went down); `on-failure` after a non-zero exit, within
 * its retry budget; `no` never.
 */
export function containersToRestore(d: Daemon): string[] {
  const wasRunning = new Set(d.service?.restore ?? []);
  return [...d.containers.values()]
    .filter((c) => {
      if (c.state.status !== 'exited') return false;
      const policy = c.hostConfig.restartPolicy;
      switch (policy.name) {
        case 'always':
          return true;
        case 'unless-stopped':
          return wasRunning.has(c.id);
        case 'on-failure':
          return (
            c.state.exitCode !== 0 &&
            (policy.maximumRetryCount === 0 || c.restartCount < policy.maximumRetryCount)
          );
        default:
          return false;
      }
    })
    .map((c) => c.id);
}

export function startDaemon(h: HostDraft, ctx: Ctx): void {
  const { bip, fixedCidr, mtu } = h.docker.bridgeConfig;
  const parsed = parseCidr(bip);
  if (!parsed) throw new Error(`bad bip ${bip}`);
  const subnet = canonicalSubnet(parsed.ip, parsed.prefix);
  const existing = findLink(h, 'host', 'docker0');
  if (existing) {
    const link = draftLink(h, 'host', existing.ifindex)!;
    link.addresses = [{ ip: parsed.ip, prefix: parsed.prefix }];
    link.mtu = mtu;
  } else {
    addLink(h, 'host', {
      name: 'docker0',
      kind: 'bridge',
      mac: bridgeMac(ctx),
      mtu,
      up: true,
      addresses: [{ ip: parsed.ip, prefix: parsed.prefix }],
    });
  }
  const bridge = predefined(ctx, 'bridge', 'bridge', {
    ipam: {
      driver: 'default',
      options: null,
      config: [
        {
          subnet,
          ...(fixedCidr ? { ipRange: fixedCidr } : {}),
          gateway: parsed.ip,
          userSubnet: true,
        },
      ],
    },
    options: { ...DEFAULT_BRIDGE_OPTIONS, 'com.docker.network.driver.mtu': String(mtu) },
    bridge: 'docker0',
  });
  // host and none persist in libnetwork's store; the default bridge is always created afresh.
  const previous = [...h.docker.networks.values()];
  const keep = (n: Network): Network => {
    const old = previous.find((o) => o.predefined && o.name === n.name);
    return old ? { ...n, id: old.id, created: old.created, createdNanos: old.createdNanos } : n;
  };
  const defaults = [
    bridge,
    keep(predefined(ctx, 'host', 'host')),
    keep(predefined(ctx, 'none', 'null')),
  ];
  const users = previous.filter((n) => !n.predefined);
  h.docker.networks = castDraft(new Map([...defaults, ...users].map((n) => [n.id, n])));
  h.docker.running = true;
  if (!h.docker.service) h.docker.service = { pid: BOOT_PID, since: bridge.created };
  installBridgeRules(h, bridge);
}
