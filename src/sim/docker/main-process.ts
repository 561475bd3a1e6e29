/**
 * Starting an existing container (`docker start`, `docker restart`): the daemon builds the sandbox,
 * then PID 1 does what it does — a service keeps running, a one-off command runs and exits, a
 * shell without a terminal reads EOF and exits 0, a shell with one waits (and takes over the
 * terminal when `docker start -ai` attaches to it).
 */
import type { World } from '../model';
import type { Process } from '../shell/process';
import { hostOf, updateHost } from '../world';
import { startContainer, stopContainer } from './containers';
import { mainProcessKind, runOneShot } from './run-cli';

export type StartResult =
  | {
      readonly ok: true;
      readonly world: World;
      readonly stdout: string;
      readonly stderr: string;
      readonly exitCode: number;
    }
  | { readonly ok: false; readonly error: string };

export function startAndRun(
  p: Process,
  world: World,
  id: string,
  attach: boolean,
  interactive = false,
): StartResult {
  const done = (w: World, stdout = '', stderr = '', exitCode = 0): StartResult => ({
    ok: true,
    world: w,
    stdout,
    stderr,
    exitCode,
  });
  const before = hostOf(world, p.place.host).docker.containers.get(id);
  if (!before) return { ok: false, error: `No such container: ${id}` };
  if (before.state.status === 'running') return done(world);
  const started = updateHost(world, p.place.host, (h) => startContainer(h, id, p.ctx));
  if (!started.ok) return started;
  const c = hostOf(started.world, p.place.host).docker.containers.get(id)!;
  const kind = mainProcessKind(c);
  if (kind === 'service') return done(started.world);
  if (kind === 'shell') {
    if (!c.config.openStdin && !c.config.tty) {
      const stopped = updateHost(started.world, p.place.host, (h) => {
        stopContainer(h, id, 0, p.ctx);
        return { ok: true, value: undefined };
      });
      return stopped.ok ? done(stopped.world) : stopped;
    }
    if (!(attach && interactive && c.config.openStdin)) return done(started.world);
    const w = started.world;
    const frame = { containerId: id, program: c.path, main: true };
    return done({ ...w, terminal: { ...w.terminal, shells: [...w.terminal.shells, frame] } });
  }
  const r = runOneShot(p, started.world, c, before.state.status === 'created');
  if (r.startError) return { ok: false, error: r.startError };
  return attach ? done(r.world, r.stdout, r.stderr, r.exitCode) : done(r.world);
}
