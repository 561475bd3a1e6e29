/** The `docker` program: global flags, then the command (or `network`/`container` group) handler. */
import { own } from '../own';
import { hostOf } from '../world';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { dockerAttach } from './attach-cli';
import { CANNOT_CONNECT, flagError, groupUsage, runError } from './cli-errors';
import { notAttachable, offerAttachable } from '../swarm/overlay';
import { dockerExec } from './exec-cli';
import { dockerInspect } from './inspect-cli';
import { dockerRestart, dockerRm, dockerStart, dockerStop } from './lifecycle-cli';
import { dockerLogs } from './logs-cli';
import { dockerCommit, dockerImages, dockerPort, dockerPull, dockerVersion } from './misc-cli';
import { NETWORK_COMMANDS } from './network-cli';
import { dockerPs } from './ps-cli';
import { dockerCreate, dockerRun } from './run-cli';
import { dockerRename, dockerUpdate } from './rename-cli';
import { dockerKill, dockerPause, dockerUnpause, dockerWait } from './signal-cli';
import { dockerInfo } from './info-cli';
import { containerPrune, SYSTEM_COMMANDS } from './system-cli';
import { dockerStats, dockerTop } from './top-stats-cli';
import { dockerNotSimulated } from '../linux/not-simulated';
import { part } from '../parts';
import { dockerHistory } from './history-cli';
import { dockerTag } from './tag-cli';
import { dockerRmi, imagePrune } from './rmi-cli';
import { dockerLoad, dockerSave } from './save-load-cli';
import { dockerPush } from './push-cli';
import { dockerSearch } from './search-cli';
import { dockerLogin, dockerLogout } from './login-cli';
import { VOLUME_COMMANDS } from './volume-cli';
import { dockerCp } from './cp-cli';
import { dockerDiff, dockerExport } from './diff-export-cli';
import { NODE_COMMANDS } from '../swarm/node-cli';
import { SWARM_COMMANDS } from '../swarm/swarm-cli';

/** Management commands whose subcommands each have their own handler. */
const GROUPS: Readonly<Record<string, Readonly<Record<string, DockerHandler>>>> = {
  network: NETWORK_COMMANDS,
  system: SYSTEM_COMMANDS,
  volume: VOLUME_COMMANDS,
  swarm: SWARM_COMMANDS,
  node: NODE_COMMANDS,
};

/** A docker command handler: `args` are the words after the command path. */
export type DockerHandler = (p: Process, args: readonly string[], path: string) => ProcessResult;

const COMMANDS: Readonly<Record<string, DockerHandler>> = {
  run: dockerRun,
  create: dockerCreate,
  start: dockerStart,
  stop: dockerStop,
  restart: dockerRestart,
  rm: dockerRm,
  ps: dockerPs,
  inspect: dockerInspect,
  port: dockerPort,
  logs: dockerLogs,
  images: dockerImages,
  commit: dockerCommit,
  exec: dockerExec,
  version: dockerVersion,
  pull: dockerPull,
  attach: dockerAttach,
  kill: dockerKill,
  pause: dockerPause,
  unpause: dockerUnpause,
  rename: dockerRename,
  top: dockerTop,
  stats: dockerStats,
  wait: dockerWait,
  update: dockerUpdate,
  info: dockerInfo,
  compose: (p, args, path) => part('compose').dockerCompose(p, args, path),
  build: (p, args, path) => part('build').dockerBuild(p, args, path),
  history: dockerHistory,
  tag: dockerTag,
  rmi: dockerRmi,
  save: dockerSave,
  load: dockerLoad,
  push: dockerPush,
  search: dockerSearch,
  login: dockerLogin,
  logout: dockerLogout,
  cp: dockerCp,
  diff: dockerDiff,
  export: dockerExport,
};

/** Subcommands only the `docker container` group has. */
const CONTAINER_ONLY: Readonly<Record<string, DockerHandler>> = { prune: containerPrune };

/** `docker container ls`, `docker image ls`: the management-command spellings of the same handlers. */
const CONTAINER_ALIASES: Readonly<Record<string, string>> = {
  ls: 'ps',
  list: 'ps',
  run: 'run',
  create: 'create',
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  rm: 'rm',
  remove: 'rm',
  inspect: 'inspect',
  port: 'port',
  logs: 'logs',
  commit: 'commit',
  exec: 'exec',
  attach: 'attach',
  kill: 'kill',
  pause: 'pause',
  unpause: 'unpause',
  rename: 'rename',
  top: 'top',
  stats: 'stats',
  wait: 'wait',
  update: 'update',
  cp: 'cp',
  diff: 'diff',
  export: 'export',
};

/** `docker image ls`, `docker image build`, `docker image history`. */
const IMAGE_ALIASES: Readonly<Record<string, string>> = {
  ls: 'images',
  list: 'images',
  pull: 'pull',
  build: 'build',
  history: 'history',
  inspect: 'inspect',
  tag: 'tag',
  rm: 'rmi',
  remove: 'rmi',
  save: 'save',
  load: 'load',
  push: 'push',
};

/** Subcommands only the `docker image` group has. */
const IMAGE_ONLY: Readonly<Record<string, DockerHandler>> = { prune: imagePrune };

const prefixed = (group: string, registry: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(Object.keys(registry).map((sub) => [sub, `${group} ${sub}`]));

/**
 * The words `docker` takes, as Tab completion walks them: the commands, and for each management
 * command its subcommands with the command each one runs (`container ls` runs `ps`).
 */
export const DOCKER_COMMAND_TREE: {
  readonly commands: readonly string[];
  readonly groups: Readonly<Record<string, Readonly<Record<string, string>>>>;
} = {
  commands: Object.keys(COMMANDS),
  groups: {
    network: prefixed('network', NETWORK_COMMANDS),
    system: prefixed('system', SYSTEM_COMMANDS),
    volume: prefixed('volume', VOLUME_COMMANDS),
    swarm: prefixed('swarm', SWARM_COMMANDS),
    node: prefixed('node', NODE_COMMANDS),
    container: { ...CONTAINER_ALIASES, ...prefixed('container', CONTAINER_ONLY) },
    image: { ...IMAGE_ALIASES, ...prefixed('image', IMAGE_ONLY) },
  },
};

const VERSION_LINE = 'Docker version 27.5.1, build 9f9e405\n';

// compose checks the daemon itself: `docker compose config` reads files only.
const NEEDS_NO_DAEMON = new Set(['version', 'compose']);

const CONTAINER_STARTS = new Set(['run', 'create', 'start', 'restart']);

/** The `--network`/`--net` value of a run or create command line, if any. */
function networkFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(?:network|net)(?:=(.*))?$/.exec(argv[i]);
    if (m) return m[1] ?? argv[i + 1];
  }
  return undefined;
}

export function docker(proc: Process): ProcessResult {
  let p = proc;
  const argv = p.argv.slice(1);
  const first = argv[0];
  if (first === undefined || first === '--help')
    return output(
      p.world,
      'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n',
    );
  if (first === '-v' || first === '--version') return output(p.world, VERSION_LINE);
  if (first.startsWith('-')) return flagError(p.world, 'docker', `unknown flag: ${first}`);
  let name = first;
  let rest = argv.slice(1);
  let path = `docker ${first}`;
  let world = p.world;
  // A container joining an attachable overlay finds it through the managers (swarm/overlay.ts).
  if (
    CONTAINER_STARTS.has(first === 'container' ? (rest[0] ?? '') : first) ||
    (first === 'network' && rest[0] === 'connect')
  ) {
    world = offerAttachable(world, p.place.host);
    const net = networkFlag(argv);
    const refused = net === undefined ? undefined : notAttachable(world, p.place.host, net);
    if (refused) return runError(p.world, path, `Error response from daemon: ${refused}`);
    p = { ...p, world };
  }
  const group = own(GROUPS, first);
  if (group) {
    const sub = rest[0];
    const handler = sub === undefined ? undefined : own(group, sub);
    if (!handler)
      return groupUsage(p.world, `docker ${first}`, sub !== undefined && sub !== '--help');
    if (!hostOf(p.world, p.place.host).docker.running) return failure(p.world, CANNOT_CONNECT);
    return handler(p, rest.slice(1), `docker ${first} ${sub}`);
  }
  // buildx is a CLI plugin; of it, the lab has `docker buildx build`.
  if (first === 'buildx' && rest[0] === 'build') {
    if (!hostOf(p.world, p.place.host).docker.running) return failure(p.world, CANNOT_CONNECT);
    return part('build').dockerBuild(p, rest.slice(1), 'docker buildx build');
  }
  const containerOnly = first === 'container' ? own(CONTAINER_ONLY, rest[0] ?? '') : undefined;
  if (containerOnly) {
    if (!hostOf(p.world, p.place.host).docker.running) return failure(p.world, CANNOT_CONNECT);
    return containerOnly(p, rest.slice(1), `docker container ${rest[0]}`);
  }
  const imageOnly = first === 'image' ? own(IMAGE_ONLY, rest[0] ?? '') : undefined;
  if (imageOnly) {
    if (!hostOf(p.world, p.place.host).docker.running) return failure(p.world, CANNOT_CONNECT);
    return imageOnly(p, rest.slice(1), `docker image ${rest[0]}`);
  }
  if (first === 'container' || first === 'image') {
    const sub = rest[0] ?? '';
    const alias = own(first === 'container' ? CONTAINER_ALIASES : IMAGE_ALIASES, sub);
    if (!alias)
      return failure(
        p.world,
        `docker: '${first} ${sub}' is not a docker command.\nSee 'docker --help'`,
      );
    name = alias;
    rest = rest.slice(1);
    path = `docker ${first} ${sub}`;
  }
  const handler = own(COMMANDS, name);
  if (!handler)
    return (
      (first === name ? dockerNotSimulated(p, name) : undefined) ??
      failure(p.world, `docker: '${name}' is not a docker command.\nSee 'docker --help'`)
    );
  if (!NEEDS_NO_DAEMON.has(name) && !hostOf(p.world, p.place.host).docker.running)
    return failure(p.world, CANNOT_CONNECT);
  return handler(p, rest, path);
}
