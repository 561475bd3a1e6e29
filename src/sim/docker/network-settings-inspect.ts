/**
 * `NetworkSettings` of `docker inspect <container>` as Engine 27.5 writes it: the deprecated
 * top-level fields (mirroring the default-bridge endpoint), then `Networks` keyed by network name
 * with v26+ EndpointSettings order (MacAddress and DriverOpts right after Aliases) and DNSNames.
 * A stopped container keeps its networks but loses every address (cleanOperationalData).
 */
import { dnsNames } from '../net/dns';
import { goStruct } from '../format/go-template-value';
import type { Container, Endpoint, Host } from '../model';
import { derivedHex } from './inspect-values';
import { portMap } from './ports-format';

const ptr = (typeName: string) => ({ pointer: true, typeName });

function endpointSettings(h: Host, c: Container, e: Endpoint): object {
  const n =
    h.docker.networks.get(e.networkId) ??
    [...h.docker.networks.values()].find((x) => x.name === e.networkName);
  const j = c.state.status === 'running' ? e.joined : undefined;
  const userDefined = n ? !n.predefined : true;
  return goStruct(
    {
      IPAMConfig: e.ipv4Requested
        ? goStruct({ IPv4Address: e.ipv4Requested }, ptr('network.EndpointIPAMConfig'))
        : null,
      Links: e.links.length ? [...e.links] : null,
      Aliases: e.aliases.length ? [...e.aliases] : null,
      MacAddress: j?.mac ?? '',
      DriverOpts: null,
      NetworkID: n?.id ?? e.networkId,
      EndpointID: j?.endpointId ?? '',
      Gateway: j?.gateway ?? '',
      IPAddress: j?.ip ?? '',
      IPPrefixLen: j?.prefix ?? 0,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DNSNames: userDefined ? dnsNames(c, e) : null,
    },
    ptr('network.EndpointSettings'),
  );
}

/** The sandbox (network namespace) the daemon created at start, if the container has its own. */
function sandbox(c: Container): { id: string; key: string } {
  const mode = c.hostConfig.networkMode;
  if (c.state.status !== 'running' || !c.netns || mode.startsWith('container:'))
    return { id: '', key: '' };
  if (c.netns === 'host')
    return { id: derivedHex(`sandbox:${c.id}`, 64), key: '/var/run/docker/netns/default' };
  const id = c.netns + derivedHex(`sandbox:${c.id}`, 64 - c.netns.length);
  return { id, key: `/var/run/docker/netns/${id.slice(0, 12)}` };
}

export function networkSettingsObject(h: Host, c: Container): object {
  const box = sandbox(c);
  const running = c.state.status === 'running';
  const ports = Object.fromEntries(
    Object.entries(portMap(c)).map(([k, list]) => [
      k,
      list ? list.map((b) => goStruct(b, { typeName: 'nat.PortBinding' })) : null,
    ]),
  );
  const bridge = c.endpoints.find((e) => e.networkName === 'bridge');
  const legacy = running ? bridge?.joined : undefined;
  // Go writes map keys sorted; a container: joiner has no endpoints of its own.
  const endpoints = [...c.endpoints].sort((a, b) =>
    a.networkName < b.networkName ? -1 : a.networkName > b.networkName ? 1 : 0,
  );
  const networks = Object.fromEntries(
    endpoints.map((e) => [e.networkName, endpointSettings(h, c, e)]),
  );
  return goStruct(
    {
      Bridge: '',
      SandboxID: box.id,
      SandboxKey: box.key,
      Ports: ports,
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: legacy?.endpointId ?? '',
      Gateway: legacy?.gateway ?? '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: legacy?.ip ?? '',
      IPPrefixLen: legacy?.prefix ?? 0,
      IPv6Gateway: '',
      MacAddress: legacy?.mac ?? '',
      Networks: networks,
    },
    ptr('types.NetworkSettings'),
  );
}
