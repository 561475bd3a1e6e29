/**
 * dockerd start-up on a host: the predefined networks `bridge`, `host` and `none`, and the
 * `docker0` bridge device that carries the default bridge network.
 */
import { castDraft } from 'immer';
import type { Network } from '../model';
import { canonicalSubnet } from '../net/ipam';
import { parseCidr } from '../net/ipv4';
import { addLink, findLink, type HostDraft } from '../net/kernel';
import type { Ctx } from '../shell/process';
import { installBridgeRules } from './bridge-rules';

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

export function startDaemon(h: HostDraft, ctx: Ctx): void {
  const { bip, fixedCidr, mtu } = h.docker.bridgeConfig;
  const parsed = parseCidr(bip);
  if (!parsed) throw new Error(`bad bip ${bip}`);
  const subnet = canonicalSubnet(parsed.ip, parsed.prefix);
  const existing = findLink(h, 'host', 'docker0');
  if (existing) {
    const link = h.netns.get('host')!.links.find((l) => l.name === 'docker0')!;
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
  // A restarted daemon keeps its networks' identities; only the bridge's settings are re-read.
  const previous = [...h.docker.networks.values()];
  const keep = (n: Network): Network => {
    const old = previous.find((o) => o.predefined && o.name === n.name);
    return old ? { ...n, id: old.id, created: old.created, createdNanos: old.createdNanos } : n;
  };
  const defaults = [bridge, predefined(ctx, 'host', 'host'), predefined(ctx, 'none', 'null')].map(
    keep,
  );
  const users = previous.filter((n) => !n.predefined);
  h.docker.networks = castDraft(new Map([...defaults, ...users].map((n) => [n.id, n])));
  h.docker.running = true;
  installBridgeRules(h, bridge);
}
