/**
 * `cd`: moves the shell the line runs in. The host's login shell keeps its directory in PWD (and
 * the previous one in OLDPWD, for `cd -`); a shell inside a container keeps it on its frame.
 */
import type { World } from '../model';
import { cwdOf, exists, isDirectory, resolvePath, treeAt } from '../linux/file-tree';
import { failure, output, type Program } from './process';
import { shellOf } from './spawn';

function moveTo(world: World, dir: string, from: string): World {
  const shells = world.terminal.shells;
  const top = shells.at(-1);
  if (!top || top.lanClient)
    return {
      ...world,
      terminal: { ...world.terminal, vars: { ...world.terminal.vars, OLDPWD: from, PWD: dir } },
    };
  return {
    ...world,
    terminal: { ...world.terminal, shells: [...shells.slice(0, -1), { ...top, cwd: dir }] },
  };
}

export const cd: Program = (p) => {
  const vars = p.world.terminal.vars;
  const arg = p.argv[1];
  const back = arg === '-';
  const home = p.place.containerId ? '/root' : (vars.HOME ?? '/root');
  const target = arg === undefined || arg === '~' ? home : back ? vars.OLDPWD : arg;
  const bash = shellOf(p.world) === 'bash';
  if (target === undefined) return failure(p.world, `${bash ? 'bash' : 'sh'}: cd: OLDPWD not set`);
  const from = cwdOf(p.world, p.place);
  const dir = resolvePath(from, target);
  const tree = treeAt(p.world, p.place);
  if (!isDirectory(tree, dir)) {
    const why = exists(tree, dir) ? 'Not a directory' : 'No such file or directory';
    return failure(
      p.world,
      bash ? `bash: cd: ${target}: ${why}` : `sh: cd: can't cd to ${target}: ${why}`,
    );
  }
  return output(moveTo(p.world, dir, from), back ? `${dir}\n` : '');
};
