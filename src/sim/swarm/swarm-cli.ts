/**
 * `docker swarm init|join|join-token|leave` (docker-cli v27.5.1 cli/command/swarm): what each
 * prints on success, and the daemon's errors as `Error response from daemon: …`.
 */
import { own } from '../own';
import { failure, output } from '../shell/process';
import type { DockerHandler } from '../docker/cli';
import { checkArgs, daemonError, flagError } from '../docker/cli-errors';
import { parseFlags, type FlagSpec } from '../docker/flags';
import { SWARM_PORT } from './advertise';
import { managerError, nodeOf, swarmInit, swarmJoin, swarmLeave } from './cluster';
import { joinToken } from './ids';
import type { SwarmRole, World } from '../model';

const ADDR_FLAGS: readonly FlagSpec[] = [
  { long: 'advertise-addr', type: 'string' },
  { long: 'listen-addr', type: 'string' },
  { long: 'data-path-addr', type: 'string' },
  { long: 'availability', type: 'string' },
];

export const SWARM_INIT_FLAGS: readonly FlagSpec[] = [
  ...ADDR_FLAGS,
  { long: 'force-new-cluster', type: 'bool' },
  { long: 'autolock', type: 'bool' },
  { long: 'data-path-port', type: 'string' },
  { long: 'default-addr-pool', type: 'list' },
  { long: 'default-addr-pool-mask-length', type: 'string' },
  { long: 'task-history-limit', type: 'string' },
];
export const SWARM_JOIN_FLAGS: readonly FlagSpec[] = [
  ...ADDR_FLAGS,
  { long: 'token', type: 'string' },
];
export const SWARM_JOIN_TOKEN_FLAGS: readonly FlagSpec[] = [
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'rotate', type: 'bool' },
];
export const SWARM_LEAVE_FLAGS: readonly FlagSpec[] = [{ long: 'force', short: 'f', type: 'bool' }];

/** printJoinCommand: the command a worker or a manager runs to join, with the manager's address. */
function joinCommand(world: World, host: string, role: SwarmRole): string {
  const cluster = world.swarm!;
  const self = nodeOf(world, host)!;
  return `To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${joinToken(cluster, role)} ${self.addr}:${SWARM_PORT}\n\n`;
}

const swarmInitCli: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, SWARM_INIT_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  const r = swarmInit(p.world, p.place.host, parsed.value.strings.get('advertise-addr'), p.ctx);
  if (!r.ok) return daemonError(p.world, r.error);
  const { world, nodeId } = r.value;
  return output(
    world,
    `Swarm initialized: current node (${nodeId}) is now a manager.\n\n${joinCommand(world, p.place.host, 'worker')}To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n\n`,
  );
};

const swarmJoinCli: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, SWARM_JOIN_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  const usage = checkArgs(p.world, path, f.args, { exactly: 1 });
  if (usage) return usage;
  const advertise = f.strings.get('advertise-addr');
  const r = swarmJoin(
    p.world,
    p.place.host,
    {
      token: f.strings.get('token') ?? '',
      remote: f.args[0],
      ...(advertise !== undefined ? { advertise } : {}),
    },
    p.ctx,
  );
  if (!r.ok) return daemonError(r.world ?? p.world, r.error);
  return output(r.value.world, `This node joined a swarm as a ${r.value.role}.\n`);
};

const swarmJoinTokenCli: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, SWARM_JOIN_TOKEN_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  const usage = checkArgs(p.world, path, f.args, { exactly: 1 });
  if (usage) return usage;
  const role = f.args[0];
  if (role !== 'worker' && role !== 'manager') return failure(p.world, `unknown role ${role}`);
  const denied = managerError(p.world, p.place.host);
  if (denied) return daemonError(p.world, denied);
  if (f.bools.has('quiet')) return output(p.world, `${joinToken(p.world.swarm!, role)}\n`);
  return output(p.world, joinCommand(p.world, p.place.host, role));
};

const swarmLeaveCli: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, SWARM_LEAVE_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  const r = swarmLeave(p.world, p.place.host, parsed.value.bools.has('force'));
  if (!r.ok) return daemonError(p.world, r.error);
  return output(r.value, 'Node left the swarm.\n');
};

export const SWARM_COMMANDS: Readonly<Record<string, DockerHandler>> = {
  init: swarmInitCli,
  join: swarmJoinCli,
  'join-token': swarmJoinTokenCli,
  leave: swarmLeaveCli,
};

export const swarmCommand = (sub: string): DockerHandler | undefined => own(SWARM_COMMANDS, sub);
