/**
 * `docker exec [-d] [-i] [-t] CONTAINER COMMAND [ARG...]`: run a program inside a running
 * container. An interactive shell (`-it … bash`) takes over the terminal until `exit`; without
 * stdin a shell reads EOF and exits 0 at once. A missing program fails in runc, and the daemon
 * writes that error into the attached stdout and sets exit code 126 (moby daemon/exec.go).
 */
import type { World } from '../model';
import { basename, containerTools } from '../shell/spawn';
import { output, type ProcessResult } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer } from './lookup';

export const EXEC_FLAGS: readonly FlagSpec[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'env', short: 'e', type: 'list' },
  { long: 'env-file', type: 'list' },
  { long: 'workdir', short: 'w', type: 'string' },
  { long: 'user', short: 'u', type: 'string' },
  { long: 'privileged', type: 'bool' },
  { long: 'detach-keys', type: 'string' },
];

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', 'dash']);

function notFound(world: World, program: string): ProcessResult {
  const reason = program.includes('/')
    ? `stat ${program}: no such file or directory`
    : 'executable file not found in $PATH';
  return output(
    world,
    `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${reason}: unknown\n`,
    '',
    126,
  );
}

export const dockerExec: DockerHandler = (p, args, path) => {
  // Flags stop at the container name: everything after it belongs to the command.
  const parsed = parseFlags(args, EXEC_FLAGS, false);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  const usage = checkArgs(p.world, path, f.args, { atLeast: 2 });
  if (usage) return usage;
  const [ref = '', ...argv] = f.args;
  const program = argv[0] ?? '';
  const d = hostOf(p.world, p.place.host).docker;
  const c = findContainer(d, ref);
  if (!c) return daemonError(p.world, `No such container: ${ref}`);
  if (c.state.status !== 'running') return daemonError(p.world, `container ${c.id} is not running`);
  // moby getActiveContainer names the container as the user typed it here.
  if (c.state.paused)
    return daemonError(p.world, `Container ${ref} is paused, unpause the container before exec`);
  const place = { host: p.place.host, containerId: c.id };
  const tools = containerTools(p.world, place);
  const name = basename(program);
  const present = tools?.has(name) ?? true;
  const interactive = f.bools.has('interactive');
  if (SHELLS.has(name) && argv.length === 1) {
    if (!present)
      return f.bools.has('detach')
        ? daemonError(p.world, notFound(p.world, program).stdout.trimEnd())
        : notFound(p.world, program);
    if (!interactive || f.bools.has('detach')) return output(p.world);
    const frame = { containerId: c.id, program, main: false };
    const world = {
      ...p.world,
      terminal: { ...p.world.terminal, shells: [...p.world.terminal.shells, frame] },
    };
    return output(world);
  }
  const r = p.spawn(p.world, place, argv, { via: 'exec', tty: f.bools.has('tty') });
  if (!f.bools.has('detach')) return r;
  // Detached: nothing is attached, so a start failure comes back as the API error instead.
  if (r.exitCode === 126) return daemonError(p.world, r.stdout.trimEnd());
  return output(r.world);
};
