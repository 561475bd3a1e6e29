/**
 * A container's ports as the daemon reports them and as docker-cli 27.5 prints them: the
 * `NetworkSettings.Ports` map, the `docker ps` PORTS column (formatter/container.go
 * DisplayablePorts) and `docker port` lines.
 */
import type { Container } from '../model';

/** One row of the daemon's port list (api types.Port): no `ip` for an exposed-only port. */
export interface PortSummary {
  readonly ip: string;
  readonly privatePort: number;
  readonly publicPort: number;
  readonly type: string;
}

export interface HostBinding {
  readonly HostIp: string;
  readonly HostPort: string;
}

/** Only a running container with its own network stack has ports; stop empties the map. */
function hasPorts(c: Container): boolean {
  const mode = c.hostConfig.networkMode;
  return (
    c.state.status === 'running' &&
    mode !== 'host' &&
    mode !== 'none' &&
    !mode.startsWith('container:')
  );
}

/**
 * `NetworkSettings.Ports`: every exposed port, `null` when unpublished. A binding on 0.0.0.0 is
 * also listened on `::` (dual-stack docker-proxy), which v27 reports as a second binding.
 */
export function portMap(c: Container): Record<string, HostBinding[] | null> {
  if (!hasPorts(c)) return {};
  const map = new Map<string, HostBinding[] | null>();
  for (const p of c.config.exposedPorts) map.set(p, null);
  for (const m of c.ports) {
    const key = `${m.containerPort}/${m.proto}`;
    const list = map.get(key) ?? [];
    list.push({ HostIp: m.hostIp, HostPort: String(m.hostPort) });
    if (m.hostIp === '0.0.0.0') list.push({ HostIp: '::', HostPort: String(m.hostPort) });
    map.set(key, list);
  }
  // Go's encoding/json writes map keys in byte order.
  const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, map.get(k) ?? null]));
}

/** The daemon's list view of the same map (daemon/list.go). */
export function portSummaries(c: Container): PortSummary[] {
  return Object.entries(portMap(c)).flatMap(([key, bindings]) => {
    const [port = '0', type = 'tcp'] = key.split('/');
    const privatePort = Number(port);
    if (!bindings) return [{ ip: '', privatePort, publicPort: 0, type }];
    return bindings.map((b) => ({
      ip: b.HostIp,
      privatePort,
      publicPort: Number(b.HostPort),
      type,
    }));
  });
}

/** Go's net.JoinHostPort: IPv6 literals get brackets. */
export const joinHostPort = (host: string, port: string | number): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

function formGroup(key: string, first: number, last: number): string {
  const parts = key.split('/');
  const ip = parts.length > 1 ? parts[0] : '';
  const type = parts.length > 1 ? parts[1] : parts[0];
  let group = String(first);
  if (first !== last) group += `-${last}`;
  // CLI v27 still glues the IP on with a colon here (`:::80->80/tcp`); only v28 brackets it.
  if (ip) group = `${ip}:${group}->${group}`;
  return `${group}/${type}`;
}

/**
 * The PORTS column: runs of same-numbered ports grouped per IP first, then each binding whose
 * host port differs from the container port (`[::]:32768->80/tcp`, joined with JoinHostPort
 * since CLI v27.2).
 */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const sorted = [...ports].sort(
    (a, b) =>
      a.privatePort - b.privatePort ||
      (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) ||
      a.publicPort - b.publicPort ||
      (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const keys: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of sorted) {
    const current = port.privatePort;
    let key = port.type;
    if (port.ip) {
      if (port.publicPort !== current) {
        hostMappings.push(
          `${joinHostPort(port.ip, port.publicPort)}->${port.privatePort}/${port.type}`,
        );
        continue;
      }
      key = `${port.ip}/${port.type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      keys.push(key);
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(key, group.first, group.last));
    groups.set(key, { first: current, last: current });
  }
  for (const key of keys) {
    const g = groups.get(key)!;
    result.push(formGroup(key, g.first, g.last));
  }
  return [...result, ...hostMappings].join(', ');
}
