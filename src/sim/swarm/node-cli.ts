/**
 * `docker node ls` and `docker node inspect` (docker-cli v27.5.1 cli/command/node): manager-only
 * cluster state. The table sorts by hostname in natural order and marks this node with `*`.
 */
import { naturalCompare } from '../format/natural-sort';
import { renderTable } from '../format/table';
import { own } from '../own';
import { failure, output } from '../shell/process';
import type { SwarmNode, World } from '../model';
import type { DockerHandler } from '../docker/cli';
import { checkArgs, daemonError, flagError } from '../docker/cli-errors';
import { parseFlags, type FlagSpec } from '../docker/flags';
import { HOST_CPUS, HOST_MEMORY } from '../docker/host-facts';
import { bytesSize, goTimeString, rfc3339Nano } from '../format/units';
import { SWARM_PORT } from './advertise';
import { managerError, nodeOf } from './cluster';

export const NODE_LS_FLAGS: readonly FlagSpec[] = [
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'filter', short: 'f', type: 'list' },
  { long: 'format', type: 'string' },
];
export const NODE_INSPECT_FLAGS: readonly FlagSpec[] = [
  { long: 'pretty', type: 'bool' },
  { long: 'format', short: 'f', type: 'string' },
];

const isLeader = (world: World, n: SwarmNode) =>
  world.swarm?.nodes.find((m) => m.role === 'manager' && !m.down)?.id === n.id;

const nodeLs: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, NODE_LS_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  const denied = managerError(p.world, p.place.host);
  if (denied) return daemonError(p.world, denied);
  const self = nodeOf(p.world, p.place.host)!;
  const nodes = [...p.world.swarm!.nodes].sort((a, b) => naturalCompare(a.host, b.host));
  if (parsed.value.bools.has('quiet'))
    return output(p.world, nodes.map((n) => `${n.id}\n`).join(''));
  const rows = nodes.map((n) => [
    `${n.id} ${n.id === self.id ? '*' : ' '}`,
    n.host,
    n.down ? 'Down' : 'Ready',
    'Active',
    n.role === 'manager' ? (isLeader(p.world, n) ? 'Leader' : 'Reachable') : '',
    '27.5.1',
  ]);
  const header = ['ID  ', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ENGINE VERSION'];
  return output(p.world, renderTable(header, rows));
};

/** Go's time.Time String() with the nanoseconds swarmkit's timestamps carry. */
function goTime(ms: number): string {
  const nanos = rfc3339Nano(ms, 0).match(/\.(\d+)Z$/)?.[1];
  return goTimeString(ms).replace(' +0000', `${nanos ? `.${nanos}` : ''} +0000`);
}

/** nodeInspectPrettyTemplate, for what a lab node has. */
function pretty(world: World, n: SwarmNode): string {
  const manager =
    n.role === 'manager'
      ? `Manager Status:\n Address:\t\t${n.addr}:${SWARM_PORT}\n Raft Status:\t\tReachable\n Leader:\t\t${isLeader(world, n) ? 'Yes' : 'No'}\n`
      : '';
  return (
    `ID:\t\t\t${n.id}\nHostname:              \t${n.host}\nJoined at:             \t${goTime(n.created)}\n` +
    `Status:\n State:\t\t\t${n.down ? 'Down' : 'Ready'}\n Availability:         \tActive\n Address:\t\t${n.addr}\n` +
    manager +
    `Platform:\n Operating System:\tlinux\n Architecture:\t\tx86_64\nResources:\n CPUs:\t\t\t${HOST_CPUS}\n Memory:\t\t${bytesSize(HOST_MEMORY)}\n` +
    `Plugins:\n Log:\t\tawslogs, fluentd, gcplogs, gelf, journald, json-file, local, splunk, syslog\n Network:\t\tbridge, host, ipvlan, macvlan, null, overlay\n Volume:\t\tlocal\n` +
    `Engine Version:\t\t27.5.1\n`
  );
}

const nodeInspect: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, NODE_INSPECT_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  const usage = checkArgs(p.world, path, f.args, { atLeast: 1 });
  if (usage) return usage;
  const denied = managerError(p.world, p.place.host);
  if (denied) return daemonError(p.world, denied);
  if (!f.bools.has('pretty'))
    return failure(p.world, 'lab: docker node inspect prints only --pretty; add --pretty');
  const self = nodeOf(p.world, p.place.host)!;
  const out: string[] = [];
  for (const ref of f.args) {
    const n =
      ref === 'self'
        ? self
        : (p.world.swarm!.nodes.find((x) => x.id === ref || x.host === ref) ??
          p.world.swarm!.nodes.find((x) => x.id.startsWith(ref)));
    if (!n) return daemonError(p.world, `node ${ref} not found`);
    out.push(pretty(p.world, n));
  }
  return output(p.world, out.join('\n'));
};

export const NODE_COMMANDS: Readonly<Record<string, DockerHandler>> = {
  ls: nodeLs,
  list: nodeLs,
  inspect: nodeInspect,
};

export const nodeCommand = (sub: string): DockerHandler | undefined => own(NODE_COMMANDS, sub);
