/**
 * Published ports: host ports bound at start (explicit `-p`, or ephemeral ones from 32768 for
 * `-P` and `-p 80`), and the DNAT / ACCEPT / hairpin MASQUERADE rules each one owns (moby v27
 * port_mapping_linux.go, iptables backend).
 */
import { castDraft, type Draft } from 'immer';
import type { Container, IptablesRule, PortMapping } from '../model';
import { baseHost, type HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import { removeRulesOwnedBy, rule } from './bridge-rules';
import { gatewayEndpoint } from './endpoint';

const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

export const containerOwner = (id: string): string => `ctr:${id}`;

function boundPorts(h: HostDraft): PortMapping[] {
  const taken: PortMapping[] = [];
  for (const c of baseHost(h).docker.containers.values()) taken.push(...c.ports);
  return taken;
}

const clash = (a: PortMapping, hostIp: string, hostPort: number, proto: string) =>
  a.hostPort === hostPort &&
  a.proto === proto &&
  (a.hostIp === hostIp || a.hostIp === '0.0.0.0' || hostIp === '0.0.0.0');

/** The endpoint that gives the container its external connectivity (the default route's). */
function portRules(m: PortMapping, ip: string, bridge: string, owner: string): IptablesRule[] {
  const r = (table: IptablesRule['table'], chain: string, spec: string) =>
    rule(table, chain, spec, owner);
  const dst = m.hostIp === '0.0.0.0' ? '' : `-d ${m.hostIp}/32 `;
  const p = `-p ${m.proto} -m ${m.proto}`;
  return [
    r(
      'nat',
      'POSTROUTING',
      `-s ${ip}/32 -d ${ip}/32 ${p} --dport ${m.containerPort} -j MASQUERADE`,
    ),
    r(
      'nat',
      'DOCKER',
      `${dst}! -i ${bridge} ${p} --dport ${m.hostPort} -j DNAT --to-destination ${ip}:${m.containerPort}`,
    ),
    r(
      'filter',
      'DOCKER',
      `-d ${ip}/32 ! -i ${bridge} -o ${bridge} ${p} --dport ${m.containerPort} -j ACCEPT`,
    ),
  ];
}

export function bindPorts(h: HostDraft, c: Draft<Container>): Result<void> {
  const mode = c.hostConfig.networkMode;
  if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return ok(undefined);
  const gw = gatewayEndpoint(h, c);
  // Only the bridge driver maps ports; macvlan and ipvlan have nothing to program (-p is a no-op).
  if (!gw?.e.joined || gw.n.driver !== 'bridge') return ok(undefined);
  const explicit = c.hostConfig.portBindings;
  const wanted = [
    ...explicit,
    ...(c.hostConfig.publishAllPorts
      ? c.config.exposedPorts
          .filter((p) => !explicit.some((b) => b.containerPort === p))
          .map((p) => ({ containerPort: p, hostIp: '', hostPort: '' }))
      : []),
  ];
  if (!wanted.length) {
    if (c.ports.length) c.ports = [];
    return ok(undefined);
  }
  const taken = boundPorts(h);
  const mappings: PortMapping[] = [];
  for (const b of wanted) {
    const [port, proto = 'tcp'] = b.containerPort.split('/');
    const hostIp = b.hostIp || '0.0.0.0';
    let hostPort = Number(b.hostPort);
    if (!b.hostPort) {
      let candidate = h.docker.nextEphemeralPort;
      while ([...taken, ...mappings].some((m) => clash(m, hostIp, candidate, proto)))
        candidate = candidate >= EPHEMERAL_LAST ? EPHEMERAL_FIRST : candidate + 1;
      hostPort = candidate;
      h.docker.nextEphemeralPort = candidate >= EPHEMERAL_LAST ? EPHEMERAL_FIRST : candidate + 1;
    } else if ([...taken, ...mappings].some((m) => clash(m, hostIp, hostPort, proto))) {
      return err(
        `driver failed programming external connectivity on endpoint ${c.name} (${gw.e.joined.endpointId}): Bind for ${hostIp}:${hostPort} failed: port is already allocated`,
      );
    }
    mappings.push({ containerPort: Number(port), proto: proto as 'tcp' | 'udp', hostIp, hostPort });
  }
  c.ports = castDraft(mappings);
  const rules = h.iptables.rules as IptablesRule[];
  for (const m of mappings)
    rules.push(...portRules(m, gw.e.joined.ip, gw.n.bridge as string, containerOwner(c.id)));
  return ok(undefined);
}

export function releasePorts(h: HostDraft, c: Draft<Container>): void {
  c.ports = [];
  removeRulesOwnedBy(h, containerOwner(c.id));
}
