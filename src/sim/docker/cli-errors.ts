/**
 * How docker-cli 27.5 frames what goes wrong (cmd/docker/docker.go, cli/cobra.go, cli/required.go):
 * flag errors exit 125 with a `See '… --help'.` line; argument-count errors exit 1 with the usage;
 * daemon errors get `Error response from daemon: `; `docker run`/`create` wrap theirs as
 * `docker: <err>.` and exit 125.
 */
import { own } from '../own';
import type { World } from '../model';
import { failure, type ProcessResult } from '../shell/process';
import { COMMANDS } from './usage';

export function flagError(world: World, path: string, error: string): ProcessResult {
  return failure(world, `${error}\nSee '${path} --help'.`, 125);
}

function usageTail(path: string): string {
  const u = own(COMMANDS, path) ?? managementUsage(path);
  return u ? `\n\nUsage:  ${u.use}\n\n${u.short}` : '';
}

/** `docker container kill` is `docker kill` under its management-command path. */
function managementUsage(path: string) {
  const m = /^docker container (\S+)$/.exec(path);
  const u = m ? own(COMMANDS, `docker ${m[1]}`) : undefined;
  return u && m ? { use: u.use.replace(`docker ${m[1]}`, path), short: u.short } : undefined;
}

export type ArgRule =
  | { readonly exactly: number }
  | { readonly atLeast: number }
  | { readonly atMost: number }
  | { readonly none: true };

export function checkArgs(
  world: World,
  path: string,
  args: readonly string[],
  rule: ArgRule,
): ProcessResult | null {
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  let message: string | null = null;
  if ('exactly' in rule && args.length !== rule.exactly)
    message = `"${path}" requires exactly ${rule.exactly} ${plural(rule.exactly)}.`;
  else if ('atLeast' in rule && args.length < rule.atLeast)
    message = `"${path}" requires at least ${rule.atLeast} ${plural(rule.atLeast)}.`;
  else if ('atMost' in rule && args.length > rule.atMost)
    message = `"${path}" requires at most ${rule.atMost} ${plural(rule.atMost)}.`;
  else if ('none' in rule && args.length > 0) message = `"${path}" accepts no arguments.`;
  return message ? failure(world, `${message}\nSee '${path} --help'.${usageTail(path)}`, 1) : null;
}

export function daemonError(world: World, error: string, exitCode = 1): ProcessResult {
  return failure(world, `Error response from daemon: ${error}`, exitCode);
}

/** `docker run` / `docker create`: `docker: <err>.` then the help hint, exit 125 (v27 reportError). */
export function runError(world: World, path: string, error: string, exitCode = 125): ProcessResult {
  const trimmed = error.replace(/\.$/, '');
  return failure(world, `docker: ${trimmed}.\nSee '${path} --help'.`, exitCode);
}

/** `docker network` with a bad subcommand: the group's usage after a blank line, exit 1. */
export function groupUsage(world: World, path: string, blankFirst: boolean): ProcessResult {
  const u = own(COMMANDS, path);
  const subs = Object.entries(COMMANDS)
    .filter(([p]) => p.startsWith(`${path} `) && !p.slice(path.length + 1).includes(' '))
    .map(([p, v]) => [p.slice(path.length + 1), v.short] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const pad = Math.max(11, ...subs.map(([n]) => n.length));
  const text =
    `${blankFirst ? '\n' : ''}Usage:  ${u?.use ?? path}\n\n${u?.short ?? ''}\n\nCommands:\n` +
    subs.map(([n, s]) => `  ${n.padEnd(pad)} ${s}\n`).join('') +
    `\nRun '${path} COMMAND --help' for more information on a command.`;
  return failure(world, text, blankFirst ? 1 : 0);
}

export const CANNOT_CONNECT =
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
