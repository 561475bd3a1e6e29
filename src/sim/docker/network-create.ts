/**
 * `docker network create`: docker-cli 27.5's flags and its own IPAM consolidation (which pairs
 * each --ip-range and --gateway with the --subnet containing it and rejects what it can't pair,
 * before the daemon sees anything), then the daemon's createNetwork.
 */
import { blockContains, blockOf, isIpv4, parseCidr } from '../net/ipv4';
import { err, ok, type Result } from '../result';
import { failure, output } from '../shell/process';
import { updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { createOverlay } from '../swarm/overlay';
import { createNetwork, isLabLimit, type IpamRequest } from './networks';

const PATH = 'docker network create';

export const NETWORK_CREATE_FLAGS: readonly FlagSpec[] = [
  { long: 'driver', short: 'd', type: 'string' },
  { long: 'opt', short: 'o', type: 'list' },
  { long: 'label', type: 'list' },
  { long: 'internal', type: 'bool' },
  { long: 'ipv6', type: 'bool' },
  { long: 'attachable', type: 'bool' },
  { long: 'ingress', type: 'bool' },
  { long: 'scope', type: 'string' },
  { long: 'config-only', type: 'bool' },
  { long: 'config-from', type: 'string' },
  { long: 'ipam-driver', type: 'string' },
  { long: 'subnet', type: 'list' },
  { long: 'ip-range', type: 'list' },
  { long: 'gateway', type: 'list' },
  { long: 'aux-address', type: 'list' },
  { long: 'ipam-opt', type: 'list' },
];

/** Swarm-only or plugin features: accepted by the parser, refused plainly by the lab. */
const UNMODELLED_FLAGS = ['ingress', 'config-only', 'config-from'] as const;

/** pflag StringSlice: every occurrence may hold a comma-separated list. */
const slice = (values: readonly string[] | undefined): string[] =>
  (values ?? []).flatMap((v) => (v === '' ? [] : v.split(',')));

/** MapOpts and ConvertKVStringsToMap: `k=v`, or `k` alone for an empty value; last one wins. */
function keyValues(values: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    out[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? '' : v.slice(eq + 1);
  }
  return out;
}

/** Go net.ParseCIDR for IPv4, keeping the address as typed (host bits and all). */
function goParseCidr(s: string): Result<{ ip: string; prefix: number }> {
  const p = parseCidr(s);
  return p ? ok(p) : err(`invalid CIDR address: ${s}`);
}

/** cli/command/network/create.go subnetMatches: is `data` (an address or CIDR) inside `subnet`? */
function subnetMatches(subnet: string, data: string): Result<boolean> {
  const s = parseCidr(subnet);
  if (!s) return err(`invalid subnet: invalid CIDR address: ${subnet}`);
  let ip: string | undefined;
  if (data.includes('/')) {
    const d = goParseCidr(data);
    if (!d.ok) return d;
    ip = d.value.ip;
  } else if (isIpv4(data)) ip = data;
  return ok(ip !== undefined && blockContains(blockOf(s.ip, s.prefix), ip));
}

/** createIPAMConfig, in its order and with its words; these errors are printed bare. */
export function consolidateIpam(
  subnets: readonly string[],
  ranges: readonly string[],
  gateways: readonly string[],
): Result<IpamRequest[]> {
  if (subnets.length < ranges.length || subnets.length < gateways.length)
    return err('every ip-range or gateway must have a corresponding subnet');
  const pools = new Map<string, { subnet: string; ipRange?: string; gateway?: string }>();
  for (const s of subnets) {
    for (const k of pools.keys()) {
      const a = subnetMatches(s, k);
      if (!a.ok) return a;
      const b = subnetMatches(k, s);
      if (!b.ok) return b;
      if (a.value || b.value)
        return err('multiple overlapping subnet configuration is not supported');
    }
    pools.set(s, { subnet: s });
  }
  for (const r of ranges) {
    let matched = false;
    for (const s of subnets) {
      const parsed = goParseCidr(r);
      if (!parsed.ok) return parsed;
      const m = subnetMatches(s, r);
      if (!m.ok) return m;
      if (!m.value) continue;
      const pool = pools.get(s)!;
      if (pool.ipRange !== undefined)
        return err(
          `cannot configure multiple ranges (${r}, ${pool.ipRange}) on the same subnet (${s})`,
        );
      pool.ipRange = r;
      matched = true;
    }
    if (!matched) return err(`no matching subnet for range ${r}`);
  }
  for (const g of gateways) {
    let matched = false;
    for (const s of subnets) {
      const m = subnetMatches(s, g);
      if (!m.ok) return m;
      if (!m.value) continue;
      const pool = pools.get(s)!;
      if (pool.gateway !== undefined)
        return err(
          `cannot configure multiple gateways (${g}, ${pool.gateway}) for the same subnet (${s})`,
        );
      pool.gateway = g;
      matched = true;
    }
    if (!matched) return err(`no matching subnet for gateway ${g}`);
  }
  return ok([...pools.values()]);
}

export const networkCreate: DockerHandler = (p, args) => {
  const parsed = parseFlags(args, NETWORK_CREATE_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, PATH, parsed.error);
  const f = parsed.value;
  const usage = checkArgs(p.world, PATH, f.args, { exactly: 1 });
  if (usage) return usage;
  const name = f.args[0];
  const ipam = consolidateIpam(
    slice(f.lists.get('subnet')),
    slice(f.lists.get('ip-range')),
    slice(f.lists.get('gateway')),
  );
  if (!ipam.ok) return failure(p.world, ipam.error);
  const unmodelled = UNMODELLED_FLAGS.find((flag) => f.bools.has(flag) || f.strings.has(flag));
  if (unmodelled)
    return failure(
      p.world,
      `Docker Network Lab: --${unmodelled} needs swarm mode, which is not simulated yet`,
    );
  const ipamDriver = f.strings.get('ipam-driver') ?? 'default';
  if (ipamDriver !== 'default') return daemonError(p.world, `plugin "${ipamDriver}" not found`);
  const request = {
    name,
    driver: f.strings.get('driver') || 'bridge',
    ipam: ipam.value,
    internal: f.bools.has('internal'),
    attachable: f.bools.has('attachable'),
    options: keyValues(f.lists.get('opt')),
    labels: keyValues(f.lists.get('label')),
  };
  // Overlays are the managers' (swarm/overlay.ts), not one daemon's.
  if (request.driver === 'overlay') {
    const o = createOverlay(p.world, p.place.host, request, p.ctx);
    return o.ok ? output(o.value.world, `${o.value.id}\n`) : daemonError(p.world, o.error);
  }
  const r = updateHost(p.world, p.place.host, (h) => createNetwork(h, request, p.ctx));
  if (!r.ok) return isLabLimit(r.error) ? failure(p.world, r.error) : daemonError(p.world, r.error);
  return output(r.world, `${r.value.id}\n`);
};
