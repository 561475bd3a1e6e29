/**
 * The networks a node gets from the swarm. On init or join the daemon starts the ingress sandbox,
 * which joins the `ingress` overlay and — for its way out — `docker_gwbridge`, the bridge
 * libnetwork creates on first need (default_gateway_linux.go createGWNetwork: no ICC, masquerade
 * on). Other cluster networks exist on a node only while something there uses them; a manager
 * lists them all from the cluster store. Leaving takes every one of them away.
 */
import { castDraft } from 'immer';
import type { Ipv4, Network, SwarmCluster, SwarmNetwork } from '../model';
import { withAllocation } from '../net/ipam';
import { deleteNetns, type HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { leaveEndpoint } from '../docker/endpoint';
import { createNetwork, removeNetwork } from '../docker/networks';

export const GWBRIDGE = 'docker_gwbridge';
export const VXLANID_OPTION = 'com.docker.network.driver.overlay.vxlanid_list';

/** The overlay's namespace on a node: `1-` and the network id's first ten characters (ov_network.go). */
export const overlayNetns = (networkId: string): string => `1-${networkId.slice(0, 10)}`;

/** The node's load-balancer sandbox: `lb_` and the network id, cut to 12 characters (osl.GenerateKey). */
export const lbNetns = (networkId: string): string => `lb_${networkId.slice(0, 9)}`;

/** The node-local record of a cluster network. */
export function localOverlay(sn: SwarmNetwork): Network {
  return {
    id: sn.id,
    name: sn.name,
    driver: 'overlay',
    created: sn.created,
    createdNanos: sn.createdNanos,
    internal: false,
    attachable: sn.attachable,
    predefined: false,
    ipam: {
      driver: 'default',
      options: null,
      config: [{ subnet: sn.subnet, gateway: sn.gateway, userSubnet: sn.userSubnet ?? false }],
    },
    options: { [VXLANID_OPTION]: String(sn.vni), ...sn.options },
    labels: { ...sn.labels },
    scope: 'swarm',
    ...(sn.ingress ? { ingress: true } : {}),
    overlay: { vni: sn.vni, peers: [], remote: [] },
  };
}

export function instantiate(h: HostDraft, sn: SwarmNetwork): void {
  if (!h.docker.networks.has(sn.id)) h.docker.networks.set(sn.id, castDraft(localOverlay(sn)));
}

/**
 * The ingress sandbox's endpoints: one address on `ingress` per node (the managers hand them out
 * in join order) and the first address after the gateway on docker_gwbridge.
 */
export function attachNode(
  h: HostDraft,
  cluster: SwarmCluster,
  nodeIndex: number,
  ctx: Ctx,
): Result<Ipv4 | undefined> {
  const ingress = cluster.networks.find((n) => n.ingress);
  if (ingress) {
    instantiate(h, ingress);
    const base = ingress.gateway.split('.').map(Number);
    const sbox = [...base.slice(0, 3), base[3] + 1 + nodeIndex].join('.');
    h.docker.ipamAllocations[ingress.id] = castDraft(withAllocation([], sbox, true));
  }
  if ([...h.docker.networks.values()].some((n) => n.name === GWBRIDGE)) return ok(undefined);
  const gw = createNetwork(
    h,
    {
      name: GWBRIDGE,
      driver: 'bridge',
      ipam: [],
      internal: false,
      attachable: false,
      options: {
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.name': GWBRIDGE,
      },
      labels: {},
    },
    ctx,
  );
  if (!gw.ok) return err(`error creating external connectivity network: ${gw.error}`);
  const pool = gw.value.ipam.config[0];
  const first = pool.gateway!.split('.').map(Number);
  const sboxIp = [...first.slice(0, 3), first[3] + 1].join('.');
  h.docker.ipamAllocations[gw.value.id] = castDraft(withAllocation([], sboxIp, true));
  return ok(sboxIp);
}

/** `docker swarm leave`: every swarm-scope network and docker_gwbridge go. */
export function detachNode(h: HostDraft): void {
  // Containers lose their attachments to the swarm's networks (and the way out with them).
  for (const c of h.docker.containers.values())
    c.endpoints.forEach((e, i) => {
      if (e.joined && h.docker.networks.get(e.networkId)?.scope === 'swarm') leaveEndpoint(h, c, i);
    });
  for (const n of [...h.docker.networks.values()]) {
    if (n.scope === 'swarm') {
      deleteNetns(h, overlayNetns(n.id));
      deleteNetns(h, lbNetns(n.id));
      h.docker.networks.delete(n.id);
      delete h.docker.ipamAllocations[n.id];
    }
  }
  const gw = [...h.docker.networks.values()].find((n) => n.name === GWBRIDGE);
  if (gw) {
    delete h.docker.ipamAllocations[gw.id];
    removeNetwork(h, gw);
  }
  delete h.docker.swarm;
}
