/**
 * `sh -c SCRIPT` (and bash, ash): a non-interactive shell runs the script with the lab's own
 * grammar and exits with the last command's status; without -c it reads the script from its
 * standard input (`echo 'ip addr' | docker exec -i web sh`, or nothing at all). Inside a
 * container it is that container's shell — its name in error messages, its environment
 * (`$HOSTNAME` is the container's) — and the terminal's own shell state is left as it was.
 */
import type { World } from '../model';
import { containerEnv } from '../linux/env';
import { hostOf } from '../world';
import { failure, type Program } from './process';
import { runScriptAt } from './run-line';
import { basename } from './spawn';

/** The variables a container's process starts with (Docker's environment for it). */
function containerVars(
  world: World,
  host: string,
  id: string,
  tty: boolean,
): Record<string, string> {
  const h = hostOf(world, host);
  const c = h.docker.containers.get(id);
  const env = c ? containerEnv(h, c, tty) : [];
  return Object.fromEntries(
    env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

export const sh: Program = (p) => {
  const name = basename(p.argv[0] ?? 'sh');
  const [flag, script] = p.argv.slice(1);
  if (flag === '-c' && script === undefined)
    return name === 'bash'
      ? failure(p.world, 'bash: -c: option requires an argument', 2)
      : failure(p.world, `${name}: -c requires an argument`, 2);
  const source = flag === '-c' ? script : p.stdin;
  const terminal = p.world.terminal;
  const id = p.place.containerId;
  const inside: World = id
    ? {
        ...p.world,
        terminal: {
          ...terminal,
          shells: [...terminal.shells, { containerId: id, program: name, main: false }],
          vars: containerVars(p.world, p.place.host, id, p.tty),
        },
      }
    : p.world;
  const r = runScriptAt(inside, source, p.place, p.ctx);
  return { ...r, world: { ...r.world, terminal } };
};
