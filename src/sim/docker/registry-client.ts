/**
 * dockerd talking to a registry other than Docker Hub (moby registry/ and distribution/): it
 * connects from the host, through the same datapath as any client (DNAT or docker-proxy for a
 * published port), and pings `/v2/`. A registry is reached over HTTPS unless it is insecure:
 * listed in `insecure-registries` (as `host:port`, or by a CIDR holding its address), or on
 * 127.0.0.0/8, which dockerd always treats as insecure. An insecure one falls back to plain HTTP.
 */
import type { Container, World } from '../model';
import { blockContains, cidrBlock, isIpv4 } from '../net/ipv4';
import { resolveForTool } from '../packet/resolve';
import { connectTcp, type ConnectFailure } from '../packet/tcp';
import type { Trace } from '../packet/trace';
import { hostOf } from '../world';

export type RegistryDial =
  | {
      readonly ok: true;
      readonly world: World;
      readonly trace: Trace;
      readonly registry: Container;
    }
  | { readonly ok: false; readonly world: World; readonly trace?: Trace; readonly error: string };

/** Go's net errors for a failed connect(). */
const GO_CONNECT: Readonly<Record<ConnectFailure, string>> = {
  refused: 'connect: connection refused',
  timeout: 'i/o timeout',
  unreachable: 'connect: network is unreachable',
  'host-unreachable': 'connect: no route to host',
};

/** `localhost:5000` -> host and port; a registry without a port is on 443 (HTTPS) or 80. */
function hostPort(domain: string, secure: boolean): { host: string; port: number } {
  const m = /^(.*?)(?::(\d+))?$/.exec(domain)!;
  return { host: m[1], port: m[2] ? Number(m[2]) : secure ? 443 : 80 };
}

function isInsecure(world: World, host: string, domain: string, ip: string): boolean {
  const listed = hostOf(world, host).docker.registryConfig?.insecure ?? [];
  if (listed.includes(domain)) return true;
  return ['127.0.0.0/8', ...listed.filter((r) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(r))].some(
    (cidr) => isIpv4(ip) && blockContains(cidrBlock(cidr), ip),
  );
}

/** Connects dockerd on `host` to the registry at `domain` and checks that it speaks the v2 API. */
export function dialRegistry(world: World, host: string, domain: string): RegistryDial {
  const { host: name } = hostPort(domain, true);
  const looked = resolveForTool(world, { host }, name);
  if (!looked.resolution.ok)
    return {
      ok: false,
      world: looked.world,
      error: `Get "https://${domain}/v2/": dial tcp: lookup ${name}: no such host`,
    };
  const ip = looked.resolution.ip;
  const insecure = isInsecure(world, host, domain, ip);
  // An insecure registry is tried over HTTPS first, then HTTP; the error is the last attempt's.
  const scheme = insecure ? 'http' : 'https';
  const { port } = hostPort(domain, !insecure);
  const url = `${scheme}://${domain}/v2/`;
  const conn = connectTcp(looked.world, host, 'host', ip, port, 'dockerd');
  const trace: Trace = {
    events: [...(looked.event ? [looked.event] : []), ...conn.trace.events],
    verdict: conn.trace.verdict,
  };
  if (!conn.ok) {
    const error = conn.proxyFailed
      ? `Get "${url}": EOF`
      : `Get "${url}": dial tcp ${ip}:${port}: ${GO_CONNECT[conn.failure]}`;
    return { ok: false, world: conn.world, trace, error };
  }
  const id = conn.server.containerId;
  const registry = id ? hostOf(conn.world, host).docker.containers.get(id) : undefined;
  if (conn.server.service !== 'registry' || !registry)
    return { ok: false, world: conn.world, trace, error: `Get "${url}": EOF` };
  if (!insecure)
    return {
      ok: false,
      world: conn.world,
      trace,
      error: `Get "${url}": http: server gave HTTP response to HTTPS client`,
    };
  return { ok: true, world: conn.world, trace, registry };
}
