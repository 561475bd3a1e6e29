/**
 * `docker attach` / `docker container attach`: the terminal joins the container's main process.
 * A shell run with -it takes the terminal over as `docker run -it` left it, so `exit` ends PID 1
 * and stops the container, while the detach keys (Ctrl+P Ctrl+Q, a `^P^Q` line) leave it running.
 * The state checks and their texts are docker/cli's (container/attach.go inspectContainerAndCheckState).
 */
import type { ShellFrame, World } from '../model';
import { failure, output, type ProcessResult } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer } from './lookup';
import { mainProcessKind } from './main-process';

export const ATTACH_FLAGS: readonly FlagSpec[] = [
  { long: 'detach-keys', type: 'string' },
  { long: 'no-stdin', type: 'bool' },
  { long: 'sig-proxy', type: 'bool' },
];

/** Docker's default detach sequence, as the command log writes it. */
export const DETACH_LINE = '^P^Q';

/**
 * `--detach-keys` (`ctrl-p,ctrl-q`, `ctrl-a,x`) in caret notation, the way a script line spells the
 * keys; null when a key is not one Docker accepts (moby/term ToBytes: a letter, or ctrl- plus
 * a-z, @, [, \, ], ^, _).
 */
export function detachLine(keys: string): string | null {
  const parts = keys.split(',').map((k) => k.trim());
  const caret = parts.map((k) => {
    const m = /^ctrl-([a-z@[\\\]^_])$/i.exec(k);
    if (m) return `^${m[1].toUpperCase()}`;
    return k.length === 1 ? k : null;
  });
  return caret.includes(null) ? null : caret.join('');
}

export const dockerAttach: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, ATTACH_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const ref = parsed.value.args[0] ?? '';
  const keys = parsed.value.strings.get('detach-keys');
  const line = keys === undefined ? DETACH_LINE : detachLine(keys);
  const c = findContainer(hostOf(p.world, p.place.host).docker, ref);
  if (!c) return daemonError(p.world, `No such container: ${ref}`);
  const status: string = c.state.status;
  if (status === 'paused')
    return failure(p.world, 'You cannot attach to a paused container, unpause it first');
  if (status === 'restarting')
    return failure(
      p.world,
      'You cannot attach to a restarting container, wait until it is running',
    );
  if (status !== 'running')
    return failure(p.world, 'You cannot attach to a stopped container, start it first');
  if (line === null) return failure(p.world, `Invalid detach keys (${keys}) provided`);
  if (mainProcessKind(c) !== 'shell')
    return failure(
      p.world,
      `lab: docker attach ${ref} would stream what its main process writes from now on and hold the terminal; the lab does not hold it. Use \`docker logs ${ref}\` to read what it wrote.`,
    );
  // A shell without -i reads nothing from the terminal; without -t there is no prompt to show.
  const frame: ShellFrame = {
    containerId: c.id,
    program: c.path,
    main: true,
    ...(line !== DETACH_LINE ? { detachKeys: line } : {}),
  };
  return output(enter(p.world, frame));
};

const enter = (world: World, frame: ShellFrame): World => ({
  ...world,
  terminal: { ...world.terminal, shells: [...world.terminal.shells, frame] },
});

/**
 * A typed `^P^Q` (or the frame's own --detach-keys): the client leaves the container's terminal
 * and the container keeps running. Null when the line is not a detach here (on the host, or in a
 * session whose keys differ), so the shell runs it as any other line.
 */
export function detach(world: World, line: string): ProcessResult | null {
  const top = world.terminal.shells.at(-1);
  if (!top || top.lanClient) return null;
  if (line.trim() !== (top.detachKeys ?? DETACH_LINE)) return null;
  const shells = world.terminal.shells.slice(0, -1);
  return output(
    { ...world, terminal: { ...world.terminal, shells } },
    '',
    'read escape sequence\n',
  );
}
