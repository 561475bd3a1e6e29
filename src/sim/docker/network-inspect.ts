/**
 * What `docker network inspect` shows: the daemon's network.Inspect (moby v27
 * daemon/network.go buildNetworkResource, api/types/network Inspect), as the JSON the API sends
 * and as the typed value docker-cli runs `-f` templates against.
 */
import type { Host, IpamPoolConfig, Network } from '../model';
import { goMap, goStruct } from '../format/go-template-value';
import { rfc3339Nano, utcFields } from '../format/units';
import { loadBalancerResource } from '../swarm/load-balancer';

/** Go's encoding/json writes map keys sorted; structs keep their field order. */
export function sortedMap(m: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface EndpointResource {
  readonly Name: string;
  readonly EndpointID: string;
  readonly MacAddress: string;
  readonly IPv4Address: string;
  readonly IPv6Address: string;
}

/**
 * Running containers joined to `n`, keyed by container id (only they have an endpoint), and a
 * swarm node's load balancer, keyed by its sandbox's name.
 */
function endpointResources(host: Host, n: Network): Record<string, EndpointResource> {
  const entries: [string, EndpointResource][] = [];
  for (const c of [...host.docker.containers.values()]) {
    const ep = c.endpoints.find((e) => e.networkId === n.id && e.joined);
    if (!ep?.joined) continue;
    const j = ep.joined;
    entries.push([
      c.id,
      {
        Name: c.name,
        EndpointID: j.endpointId,
        // host and null endpoints have no interface, so no MAC and no address.
        MacAddress: j.mac,
        IPv4Address: j.ip ? `${j.ip}/${j.prefix}` : '',
        IPv6Address: '',
      },
    ]);
  }
  const lb = loadBalancerResource(n);
  if (lb) entries.push([...lb]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * buildIpamResources: the pools as the user asked for them (no Gateway when only --subnet was
 * given), or, for default pools, the allocated subnet and gateway.
 */
function ipamConfig(c: IpamPoolConfig): { Subnet: string; IPRange?: string; Gateway?: string } {
  return {
    Subnet: c.subnet,
    ...(c.ipRange ? { IPRange: c.ipRange } : {}),
    ...(c.gateway && !c.gatewayImplicit ? { Gateway: c.gateway } : {}),
  };
}

const scopeOf = (n: Network): string => n.scope ?? 'local';

/** The overlay's nodes as its gossip knows them (omitempty: absent elsewhere and when alone). */
const peersOf = (n: Network) =>
  n.overlay?.peers.length ? n.overlay.peers.map((x) => ({ Name: x.name, IP: x.ip })) : undefined;

/**
 * The network as `GET /networks/{id}` returns it: a plain JSON-like object whose key order is
 * the API's (`docker network inspect` and `docker inspect` print it indented by 4 spaces).
 */
export function networkInspectObject(host: Host, network: Network): unknown {
  const n = network;
  return {
    Name: n.name,
    Id: n.id,
    Created: rfc3339Nano(n.created, n.createdNanos),
    Scope: scopeOf(n),
    Driver: n.driver,
    EnableIPv6: false,
    IPAM: {
      Driver: n.ipam.driver,
      Options: n.ipam.options === null ? null : sortedMap(n.ipam.options),
      Config: n.ipam.config.map(ipamConfig),
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: !!n.ingress,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: endpointResources(host, n),
    Options: sortedMap(n.options),
    Labels: sortedMap(n.labels),
    ...(peersOf(n) ? { Peers: peersOf(n) } : {}),
  };
}

/** Go's time.Time.String() in UTC, which is what `{{.Created}}` prints. */
function goTimeString(ms: number, extraNanos: number): string {
  const t = utcFields(ms);
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  const nanos = p((ms % 1000) * 1_000_000 + (extraNanos % 1_000_000), 9).replace(/0+$/, '');
  return `${t.y}-${p(t.mo)}-${p(t.d)} ${p(t.h)}:${p(t.mi)}:${p(t.s)}${nanos ? `.${nanos}` : ''} +0000 UTC`;
}

/**
 * The typed value docker-cli executes `-f` templates on first: Go field names (`ID`, not `Id`),
 * every field present (an unset Gateway prints as empty, not `<no value>`), omitempty for `json`.
 */
export function networkTemplateData(host: Host, network: Network): unknown {
  const n = network;
  const containers = goMap(
    Object.fromEntries(
      Object.entries(endpointResources(host, n)).map(([id, e]) => [
        id,
        goStruct({ ...e }, { typeName: 'network.EndpointResource' }),
      ]),
    ),
    { typeName: 'map[string]network.EndpointResource' },
  );
  // map[string]string: a missing key indexes to "", not <no value>.
  const strings = (m: Readonly<Record<string, string>>) =>
    goMap(sortedMap(m), { typeName: 'map[string]string', zero: '' });
  return goStruct(
    {
      Name: n.name,
      ID: n.id,
      Created: goTimeString(n.created, n.createdNanos),
      Scope: scopeOf(n),
      Driver: n.driver,
      EnableIPv6: false,
      IPAM: goStruct(
        {
          Driver: n.ipam.driver,
          Options: n.ipam.options === null ? null : strings(n.ipam.options),
          Config: n.ipam.config.map((c) =>
            goStruct(
              {
                Subnet: c.subnet,
                IPRange: c.ipRange ?? '',
                Gateway: c.gateway && !c.gatewayImplicit ? c.gateway : '',
                AuxAddress: null,
              },
              {
                typeName: 'network.IPAMConfig',
                omitEmpty: ['Subnet', 'IPRange', 'Gateway', 'AuxAddress'],
              },
            ),
          ),
        },
        { typeName: 'network.IPAM' },
      ),
      Internal: n.internal,
      Attachable: n.attachable,
      Ingress: !!n.ingress,
      ConfigFrom: goStruct({ Network: '' }, { typeName: 'network.ConfigReference' }),
      ConfigOnly: false,
      Containers: containers,
      Options: strings(n.options),
      Labels: strings(n.labels),
      Peers: peersOf(n) ?? null,
      Services: null,
    },
    { typeName: 'network.Inspect', omitEmpty: ['Peers', 'Services'] },
  );
}
