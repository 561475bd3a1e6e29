/**
 * `export`: the host's login shell marks names for the programs it starts (`export TAG=1.27`
 * before `docker compose up`). With no names, bash lists them as `declare -x` lines. A shell inside
 * a container keeps no variables in the lab, so there it changes nothing.
 */
import { processEnvironment } from '../linux/env';
import { failure, output, type Program } from './process';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const exportBuiltin: Program = (p) => {
  const t = p.world.terminal;
  const names = p.argv.slice(1).filter((a) => a !== '--');
  const inContainer = t.shells.length > 0;
  if (!names.length || names.every((a) => a === '-p')) {
    const env = processEnvironment({ ...p, env: {} });
    const listed = [...new Set([...Object.keys(env), ...(t.exported ?? [])])].sort();
    return output(
      p.world,
      inContainer
        ? ''
        : listed
            .map((k) => (k in env ? `declare -x ${k}="${env[k]}"\n` : `declare -x ${k}\n`))
            .join(''),
    );
  }
  const vars: Record<string, string> = {};
  const marked: string[] = [];
  let errors = '';
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!IDENTIFIER.test(name)) {
      errors += `bash: export: \`${arg}': not a valid identifier\n`;
      continue;
    }
    if (eq >= 0) vars[name] = arg.slice(eq + 1);
    marked.push(name);
  }
  const world = inContainer
    ? p.world
    : {
        ...p.world,
        terminal: {
          ...t,
          vars: { ...t.vars, ...vars },
          exported: [...new Set([...(t.exported ?? []), ...marked])],
        },
      };
  return errors ? failure(world, errors) : output(world);
};
