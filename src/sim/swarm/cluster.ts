/**
 * Forming and leaving a swarm, as moby's daemon/cluster/swarm.go does it: init makes this node the
 * first manager (and Raft leader) of a new cluster with its `ingress` network; join dials a
 * manager's port 2377 through the lab's datapath and presents a join token whose secret picks the
 * role; leave refuses to drop the last manager without --force.
 */
import { createDraft, finishDraft } from 'immer';
import type { Host, Ipv4, SwarmCluster, SwarmNode, SwarmRole, World } from '../model';
import { connectTcp } from '../packet/tcp';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { hostOf } from '../world';
import { resolveAdvertise, SWARM_PORT } from './advertise';
import { isWellFormedToken, joinToken, newRootDigest, newSwarmId } from './ids';
import { attachNode, detachNode } from './node-networks';

// moby daemon/cluster/errors.go
export const SWARM_EXISTS =
  'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';
export const NO_SWARM = 'This node is not part of a swarm';
export const NOT_MANAGER_INACTIVE =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
export const NOT_MANAGER_WORKER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
const JOIN_TIMEOUT =
  'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.';

/** The ingress network's fixed shape: the first /24 of the default pool, VXLAN id 4096. */
export const INGRESS = { subnet: '10.0.0.0/24', gateway: '10.0.0.1', vni: 4096 } as const;

export function nodeOf(world: World, host: string): SwarmNode | undefined {
  const local = hostOf(world, host).docker.swarm;
  if (local?.state !== 'active') return undefined;
  return world.swarm?.nodes.find((n) => n.id === local.nodeId);
}

/** Why a cluster-state command cannot run here (errNoManager), or undefined on a manager. */
export function managerError(world: World, host: string): string | undefined {
  const node = nodeOf(world, host);
  if (!node) return NOT_MANAGER_INACTIVE;
  return node.role === 'manager' ? undefined : NOT_MANAGER_WORKER;
}

function withHost(world: World, name: string, mutate: (h: Host) => Host): World {
  return { ...world, hosts: { ...world.hosts, [name]: mutate(hostOf(world, name)) } };
}

function enroll(
  world: World,
  hostName: string,
  cluster: SwarmCluster,
  role: SwarmRole,
  addr: Ipv4,
  ctx: Ctx,
): Result<{ world: World; nodeId: string }> {
  const node: SwarmNode = { id: newSwarmId(ctx.rng), host: hostName, role, addr, created: ctx.now };
  const next: SwarmCluster = { ...cluster, nodes: [...cluster.nodes, node] };
  const h = createDraft(hostOf(world, hostName));
  const attached = attachNode(h, next, next.nodes.length - 1, ctx);
  if (!attached.ok) return attached;
  h.docker.swarm = {
    state: 'active',
    nodeId: node.id,
    ...(attached.value ? { sandboxIp: attached.value } : {}),
    ...(role === 'manager' ? { manager: true as const } : {}),
  };
  const host = finishDraft(h);
  return ok({ world: { ...withHost(world, hostName, () => host), swarm: next }, nodeId: node.id });
}

export function swarmInit(
  world: World,
  hostName: string,
  advertise: string | undefined,
  ctx: Ctx,
): Result<{ world: World; nodeId: string }> {
  const h = hostOf(world, hostName);
  if (h.docker.swarm) return err(SWARM_EXISTS);
  const addr = resolveAdvertise(h, advertise);
  if (!addr.ok) return addr;
  // A cluster whose managers all left is gone: a new init starts from nothing.
  const rng = ctx.rng;
  const cluster: SwarmCluster = {
    id: newSwarmId(rng),
    created: ctx.now,
    rootDigest: newRootDigest(rng),
    workerSecret: newSwarmId(rng),
    managerSecret: newSwarmId(rng),
    nodes: [],
    networks: [
      {
        id: newSwarmId(rng),
        name: 'ingress',
        ...INGRESS,
        attachable: false,
        ingress: true,
        created: ctx.now,
        createdNanos: rng.int(0, 999_999),
        options: {},
        labels: {},
      },
    ],
  };
  return enroll(world, hostName, cluster, 'manager', addr.value, ctx);
}

export interface JoinRequest {
  readonly token: string;
  readonly remote: string;
  readonly advertise?: string;
}

export type JoinResult =
  | { readonly ok: true; readonly value: { world: World; role: SwarmRole } }
  /** `world`: a join that timed out leaves the node pending. */
  | { readonly ok: false; readonly error: string; readonly world?: World };

export function swarmJoin(world: World, hostName: string, req: JoinRequest, ctx: Ctx): JoinResult {
  const h = hostOf(world, hostName);
  if (h.docker.swarm) return err(SWARM_EXISTS);
  if (!isWellFormedToken(req.token)) return err('invalid join token');
  const [ip, port] = req.remote.includes(':')
    ? [req.remote.slice(0, req.remote.lastIndexOf(':')), Number(req.remote.split(':').at(-1))]
    : [req.remote, SWARM_PORT];
  const conn = connectTcp(world, hostName, 'host', ip, port, 'dockerd');
  const cluster = world.swarm;
  if (!conn.ok || conn.server.service !== 'dockerd' || !cluster) {
    // The node keeps trying in the background: it stays `pending` until `swarm leave`.
    const pending = withHost(world, hostName, (x) => ({
      ...x,
      docker: { ...x.docker, swarm: { state: 'pending', nodeId: '', remote: req.remote } },
    }));
    return { ok: false, error: JOIN_TIMEOUT, world: pending };
  }
  const role: SwarmRole | undefined =
    req.token === joinToken(cluster, 'manager')
      ? 'manager'
      : req.token === joinToken(cluster, 'worker')
        ? 'worker'
        : undefined;
  if (!role)
    return err(
      'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    );
  const advertised = req.advertise ? resolveAdvertise(h, req.advertise) : resolveAdvertise(h, '');
  if (!advertised.ok) return advertised;
  const joined = enroll(world, hostName, cluster, role, advertised.value, ctx);
  return joined.ok ? ok({ world: joined.value.world, role }) : joined;
}

export function swarmLeave(world: World, hostName: string, force: boolean): Result<World> {
  const h = hostOf(world, hostName);
  const local = h.docker.swarm;
  if (!local) return err(NO_SWARM);
  const node = nodeOf(world, hostName);
  const cluster = world.swarm;
  if (node?.role === 'manager' && !force && cluster) {
    const managers = cluster.nodes.filter((n) => n.role === 'manager' && !n.down).length;
    const msg =
      'You are attempting to leave the swarm on a node that is participating as a manager. ';
    if (managers <= 1)
      return err(
        `${msg}Removing the last manager erases all current state of the swarm. Use \`--force\` to ignore this message. `,
      );
  }
  const d = createDraft(h);
  detachNode(d);
  const left = withHost(world, hostName, () => finishDraft(d));
  if (!cluster || !node) return ok(left);
  // A worker that leaves shows as Down on the managers until `docker node rm`.
  const nodes = cluster.nodes.map((n) => (n.id === node.id ? { ...n, down: true as const } : n));
  const anyManager = nodes.some((n) => n.role === 'manager' && !n.down);
  return ok({ ...left, swarm: anyManager ? { ...cluster, nodes } : undefined });
}
