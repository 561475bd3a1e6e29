/**
 * `docker compose` (the Compose v2.32.4 plugin Docker 27.5.1 ships): its global options, then
 * the subcommand. Progress goes to a terminal as the tty writer's last frame, or as plain lines
 * with `--progress plain` and when nothing is a terminal (`ssh host docker compose …`).
 */
import { CANNOT_CONNECT, flagError } from '../docker/cli-errors';
import type { DockerHandler } from '../docker/cli';
import { parseFlags } from '../docker/flags';
import { COMPOSE_FLAGS } from './flags';
import { own } from '../own';
import { failure, output } from '../shell/process';
import { hostOf } from '../world';
import type { ComposeHandler } from './command';
import {
  composeCreate,
  composeDown,
  composeRestart,
  composeStart,
  composeStop,
  composeUp,
} from './lifecycle-cli';
import type { ProgressMode } from './progress';
import {
  composeImages,
  composeLogsCmd,
  composeLs,
  composePort,
  composePs,
  composeTop,
} from './query-cli';
import { composeBuild, composeConfig, composeExec, composePull, composeRun } from './run-cli';

const SUBCOMMANDS: Readonly<Record<string, ComposeHandler>> = {
  up: composeUp,
  create: composeCreate,
  start: composeStart,
  stop: composeStop,
  restart: composeRestart,
  down: composeDown,
  ps: composePs,
  ls: composeLs,
  logs: composeLogsCmd,
  port: composePort,
  top: composeTop,
  images: composeImages,
  exec: composeExec,
  run: composeRun,
  pull: composePull,
  build: composeBuild,
  config: composeConfig,
};

/** Subcommands that only read the files, so work with the daemon down. */
const OFFLINE = new Set(['config', 'version']);

const VERSION = 'v2.32.4';

const USAGE = `Usage:  docker compose [OPTIONS] COMMAND

Define and run multi-container applications with Docker
`;

export const dockerCompose: DockerHandler = (p, args) => {
  const parsed = parseFlags(args, COMPOSE_FLAGS, false);
  if (!parsed.ok) return flagError(p.world, 'docker compose', parsed.error);
  const f = parsed.value;
  const [sub, ...rest] = f.args;
  if (sub === 'version' || (sub === undefined && f.bools.has('version')))
    return output(p.world, `Docker Compose version ${VERSION}\n`);
  if (sub === undefined) return output(p.world, USAGE);
  const handler = own(SUBCOMMANDS, sub);
  // compose prints its help first; the lab keeps the last line, which says what went wrong.
  if (!handler) return failure(p.world, `unknown docker command: "compose ${sub}"`, 16);
  const progress = f.strings.get('progress') ?? 'auto';
  if (!['auto', 'tty', 'plain', 'quiet', 'json'].includes(progress))
    return failure(p.world, `unsupported --progress value "${progress}"`);
  if (!OFFLINE.has(sub) && !hostOf(p.world, p.place.host).docker.running)
    return failure(p.world, CANNOT_CONNECT);
  const mode: ProgressMode =
    progress === 'tty' || progress === 'plain' || progress === 'quiet'
      ? progress
      : p.tty
        ? 'tty'
        : 'plain';
  const projectName = f.strings.get('project-name');
  return handler(
    {
      p,
      files: f.lists.get('file') ?? [],
      ...(projectName !== undefined ? { projectName } : {}),
      mode,
      envFiles: f.lists.get('env-file') ?? [],
    },
    rest,
  );
};
