/**
 * A RUN step's build container: made from the stage's image state, on the host's network (so
 * package mirrors answer), running the lab's own shell with the stage's ENV and ARGs as its
 * variables, and gone afterwards; what it wrote and installed is all that is kept.
 */
import { castDraft } from 'immer';
import type { Container, FileLayer, Image, World } from '../model';
import { terminalText, type Ctx } from '../shell/process';
import { runScriptAt } from '../shell/run-line';
import { spawn } from '../shell/spawn';
import { hostOf, updateHost } from '../world';
import type { CommandLine } from './dockerfile-args';

/** The argv a RUN, CMD or ENTRYPOINT stands for (`/bin/sh -c TEXT` for shell form). */
export const argvOf = (c: CommandLine): readonly string[] =>
  c.form === 'exec' ? c.argv : ['/bin/sh', '-c', c.text];

/** Runs a RUN step in a throwaway container made from `state`; the world keeps no trace of it. */
export function runIn(
  world: World,
  host: string,
  state: Image,
  command: CommandLine,
  vars: Record<string, string>,
  ctx: Ctx,
): {
  output: string;
  exitCode: number;
  layer?: FileLayer;
  installed: readonly string[];
  id: string;
} {
  const id = ctx.rng.hex(64);
  const registered = hostOf(world, host).docker.images.has(state.id);
  const container: Container = {
    id,
    name: `buildkit_${id.slice(0, 12)}`,
    image: state.id,
    imageId: state.id,
    created: ctx.now,
    createdNanos: 0,
    path: argvOf(command)[0],
    args: argvOf(command).slice(1),
    config: {
      hostname: id.slice(0, 12),
      domainname: '',
      env: state.env,
      cmd: [],
      entrypoint: null,
      exposedPorts: [],
      tty: false,
      openStdin: false,
      workingDir: state.workingDir,
    },
    // The build container uses the host's network, so package mirrors are reachable.
    hostConfig: {
      networkMode: 'host',
      portBindings: [],
      publishAllPorts: false,
      links: [],
      autoRemove: true,
      restartPolicy: { name: 'no', maximumRetryCount: 0 },
      dns: [],
      extraHosts: [],
    },
    state: { status: 'running', pid: 0, exitCode: 0, startedAt: ctx.now, finishedAt: null },
    endpoints: [],
    linkHosts: [],
    installed: [],
    restartCount: 0,
    ports: [],
    nextEthIndex: 0,
  };
  const set = updateHost(world, host, (h) => {
    if (!registered) h.docker.images.set(state.id, castDraft(state));
    h.docker.containers.set(id, castDraft(container));
    h.docker.names.set(container.name, id);
    return { ok: true, value: undefined };
  });
  if (!set.ok) throw new Error(set.error);
  const cwd = state.workingDir || '/';
  // The step's shell sees the stage's ENV and ARGs as its variables, and is the innermost shell.
  const terminal = world.terminal;
  const inside: World = {
    ...set.world,
    terminal: {
      ...terminal,
      vars,
      shells: [{ containerId: id, program: '/bin/sh', main: false, cwd }],
    },
  };
  const place = { host, containerId: id, cwd };
  const r =
    command.form === 'shell'
      ? runScriptAt(inside, command.text, place, ctx)
      : spawn(inside, place, command.argv, { via: 'exec', env: vars }, ctx);
  const after = hostOf(r.world, host).docker.containers.get(id);
  return {
    output: terminalText(r),
    exitCode: r.exitCode,
    ...(after?.layer ? { layer: after.layer } : {}),
    installed: after?.installed ?? [],
    id,
  };
}
