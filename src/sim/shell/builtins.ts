/** Shell builtins: they run in the shell itself, so they exist in every container. */
import { exportBuiltin } from './export';
import type { World } from '../model';
import { hostOf, updateHost } from '../world';
import { stopContainer } from '../docker/containers';
import { output, type ProcessResult, type Program } from './process';
import { LAN_CLIENT } from '../packet/outside';
import { help } from './help';
import { history } from './history';
import { printfBuiltin } from './printf';
import { type } from './type';
import { cd } from './cd';
import { aliasBuiltin, unaliasBuiltin } from './alias';

/** Leaving a shell; if it was the container's main process, the container stops with its code. */
const exit: Program = (p) => {
  const code = Number(p.argv[1] ?? 0) & 255;
  const shells = p.world.terminal.shells;
  const top = shells.at(-1);
  if (!top) return leaveSsh(p.world, code);
  let world: World = { ...p.world, terminal: { ...p.world.terminal, shells: shells.slice(0, -1) } };
  if (top.main && hostOf(world).docker.containers.get(top.containerId)) {
    const r = updateHost(world, world.terminal.host, (h) => {
      stopContainer(h, top.containerId, code, p.ctx);
      return { ok: true, value: undefined };
    });
    if (r.ok) world = r.world;
  }
  // A login shell over ssh says `logout`, then the ssh client reports the closed connection.
  if (top.lanClient)
    return output(world, '', `logout\nConnection to ${LAN_CLIENT} closed.\n`, code);
  // Interactive bash says `exit` on its way out; busybox sh leaves silently.
  return output(world, '', top.program.endsWith('bash') ? 'exit\n' : '', code);
};

/** The host's login shell ends: back to the session `ssh` left on the previous host. */
function leaveSsh(world: World, code: number): ProcessResult {
  const back = world.terminal.outer?.at(-1);
  if (!back) return output(world, '', '', code);
  const { target, ...session } = back;
  // What this login's bash hashed and the session stack itself go; the one left comes back.
  const terminal = { ...world.terminal, ...session };
  delete terminal.outer;
  if (!session.hashed) delete terminal.hashed;
  if (!session.aliases) delete terminal.aliases;
  const outer = world.terminal.outer?.slice(0, -1) ?? [];
  const next: World = { ...world, terminal: outer.length ? { ...terminal, outer } : terminal };
  return output(next, '', `logout\nConnection to ${target} closed.\n`, code);
}

const echo: Program = (p) => {
  const args = p.argv.slice(1);
  const noNewline = args[0] === '-n';
  const text = (noNewline ? args.slice(1) : args).join(' ');
  return output(p.world, noNewline ? text : `${text}\n`);
};

export const BUILTINS: Readonly<Record<string, Program>> = {
  exit,
  logout: exit,
  echo,
  true: (p) => output(p.world),
  false: (p) => output(p.world, '', '', 1),
  cd,
  export: exportBuiltin,
  ':': (p) => output(p.world),
  printf: printfBuiltin,
  type,
  history,
  help,
  alias: aliasBuiltin,
  unalias: unaliasBuiltin,
};
