/**
 * `docker network connect|disconnect` in the daemon (moby v27 daemon/container_operations.go
 * ConnectToNetwork, connectToNetwork, updateNetworkSettings, DisconnectFromNetwork). A running
 * container gets a new endpoint at once (veth, address, `ethN`); a stopped one only gets the
 * config entry, wired at its next start.
 */
import { castDraft } from 'immer';
import type { Container, Endpoint, Network } from '../model';
import { subnetContains } from '../net/ipam';
import { isIpv4 } from '../net/ipv4';
import type { HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { joinEndpoint, leaveEndpoint } from './endpoint';
import { findContainer, findNetwork } from './lookup';
import { isPredefinedName } from './networks';

/** What `--ip`, `--alias` and `--link` ask for on the new endpoint. */
export interface EndpointRequest {
  readonly ipv4?: string;
  readonly aliases: readonly string[];
  /** `name:alias` pairs (a bare name is its own alias). */
  readonly links: readonly string[];
}

// moby runconfig/errors.go
export const ERR_CONFLICT_SHARED_NETWORK =
  'container sharing network namespace with another container or host cannot be connected to any other network';
export const ERR_CONFLICT_HOST_NETWORK =
  'container cannot be disconnected from host network or connected to host network';
export const ERR_CONFLICT_NO_NETWORK =
  'container cannot be connected to multiple networks with one of the networks in private (none) mode';

const isUserDefined = (n: Network): boolean => !n.predefined && !isPredefinedName(n.name);

/**
 * validateEndpointSettings: static IPs and aliases only on user networks, and a static IP only
 * inside a subnet (or --ip-range) the user configured. Problems are joined like errors.Join.
 */
function validateEndpoint(n: Network, req: EndpointRequest): Result<void> {
  const problems: string[] = [];
  if (!isUserDefined(n)) {
    if (req.ipv4)
      problems.push('user specified IP address is supported on user defined networks only');
    if (req.aliases.length)
      problems.push(
        'network-scoped alias is supported only for containers in user defined networks',
      );
  }
  if (req.ipv4 !== undefined && req.ipv4 !== '') {
    const ip = req.ipv4;
    const statics = n.ipam.config.filter((c) => c.userSubnet);
    if (statics.length === 0)
      problems.push(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
    else if (!isIpv4(ip) || !statics.some((c) => subnetContains(c.ipRange ?? c.subnet, ip)))
      problems.push(`no configured subnet or ip-range contain the IP address ${ip}`);
  }
  if (problems.length === 0) return ok(undefined);
  const joined = problems.length === 1 ? problems[0] : `* ${problems.join('\n* ')}`;
  return err(`invalid endpoint settings:\n${joined}`);
}

function networkOf(h: HostDraft, e: Endpoint): Network | undefined {
  return (
    h.docker.networks.get(e.networkId) ??
    [...h.docker.networks.values()].find((n) => n.name === e.networkName)
  );
}

/**
 * updateNetworkSettings: walks the container's networks. The same network again is a no-op
 * (`duplicate: true`); sharing the host's stack, or `none`, excludes every other network.
 */
function checkCompatible(h: HostDraft, c: Container, n: Network): Result<{ duplicate: boolean }> {
  if (c.hostConfig.networkMode !== 'host' && n.driver === 'host')
    return err(ERR_CONFLICT_HOST_NETWORK);
  for (const e of c.endpoints) {
    const sn = networkOf(h, e);
    if (!sn) continue;
    if (sn.name === n.name) return ok({ duplicate: true });
    if (sn.driver === 'host' || n.driver === 'host') return err(ERR_CONFLICT_SHARED_NETWORK);
    if (sn.name === 'none' || n.name === 'none') return err(ERR_CONFLICT_NO_NETWORK);
  }
  return ok({ duplicate: false });
}

function newEndpoint(n: Network | undefined, name: string, req: EndpointRequest): Endpoint {
  return {
    networkId: n?.id ?? '',
    networkName: n?.name ?? name,
    aliases: [...req.aliases],
    links: req.links.map((l) => (l.includes(':') ? l : `${l}:${l}`)),
    ...(req.ipv4 ? { ipv4Requested: req.ipv4 } : {}),
  };
}

export function connectNetwork(
  h: HostDraft,
  containerRef: string,
  networkRef: string,
  req: EndpointRequest,
  ctx: Ctx,
): Result<void> {
  const found = findContainer(h.docker, containerRef);
  if (!found) return err(`No such container: ${containerRef}`);
  const c = h.docker.containers.get(found.id)!;
  // The lab never wires extra endpoints into a borrowed namespace, running or not; moby refuses
  // it for a running container and would silently ignore the entry at the next start.
  if (c.hostConfig.networkMode.startsWith('container:')) return err(ERR_CONFLICT_SHARED_NETWORK);
  const lookup = findNetwork(h.docker, networkRef);
  const running = c.state.status === 'running';
  if (!lookup.ok) {
    if (running) return lookup;
    // A stopped container just records the request; the next start fails if it still doesn't
    // resolve (moby/moby#29754).
    c.endpoints.push(castDraft(newEndpoint(undefined, networkRef, req)));
    return ok(undefined);
  }
  const n = lookup.network;
  const valid = validateEndpoint(n, req);
  if (!valid.ok) return valid;
  const compatible = checkCompatible(h, c, n);
  if (!compatible.ok) return compatible;
  if (!running) {
    if (!compatible.value.duplicate) c.endpoints.push(castDraft(newEndpoint(n, n.name, req)));
    return ok(undefined);
  }
  if (compatible.value.duplicate)
    return err(`endpoint with name ${c.name} already exists in network ${n.name}`);
  c.endpoints.push(castDraft(newEndpoint(n, n.name, req)));
  return joinEndpoint(h, c, c.endpoints.length - 1, ctx);
}

export function disconnectNetwork(
  h: HostDraft,
  containerRef: string,
  networkRef: string,
  force: boolean,
): Result<void> {
  const found = findContainer(h.docker, containerRef);
  if (!found) return err(`No such container: ${containerRef}`);
  const c = h.docker.containers.get(found.id)!;
  const lookup = findNetwork(h.docker, networkRef);
  const running = c.state.status === 'running';
  if (!running || (!lookup.ok && force)) {
    // Stopped: only the config entry, keyed by network name, goes.
    const name = lookup.ok ? lookup.network.name : networkRef;
    const index = c.endpoints.findIndex((e) => e.networkName === name);
    if (index < 0) return err(`container ${c.id} is not connected to the network ${name}`);
    leaveEndpoint(h, c, index);
    c.endpoints.splice(index, 1);
    return ok(undefined);
  }
  if (!lookup.ok) return lookup;
  const n = lookup.network;
  if (c.hostConfig.networkMode === 'host' && n.driver === 'host')
    return err(ERR_CONFLICT_HOST_NETWORK);
  const index = c.endpoints.findIndex((e) => e.networkId === n.id && e.joined);
  if (index < 0) return err(`container ${c.id} is not connected to network ${n.name}`);
  leaveEndpoint(h, c, index);
  c.endpoints.splice(index, 1);
  return ok(undefined);
}
