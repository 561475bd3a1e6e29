/**
 * The `type` builtin: how the shell would run each name. bash (builtins/type.def) looks at aliases,
 * keywords, functions, builtins, its hash table, then the PATH, and says `not found` on stderr;
 * busybox ash and dash (describe_command) look at keywords first, call POSIX special builtins so,
 * and print `NAME: not found` on stdout with status 127. dash calls a hashed program a tracked alias.
 */
import { own } from '../own';
import { commandPath } from '../linux/command-path';
import { hashedAt } from './history';
import { output, type Process, type ProcessResult } from './process';
import {
  aliasesAt,
  isBuiltin,
  isKeyword,
  isSpecialBuiltin,
  shellKind,
  type ShellKind,
} from './shell-kind';

/**
 * CentOS Stream 9's /etc/profile.d/which2.sh makes `which` a function that feeds the aliases and
 * functions to GNU which; this is how bash prints it back.
 */
export const WHICH_FUNCTION =
  'which () \n{ \n    ( alias;\n    eval ${which_declare} ) | /usr/bin/which --tty-only --read-alias --read-functions --show-tilde --show-dot "$@"\n}\n';

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'file';

interface Found {
  readonly kind: Kind;
  readonly text: string;
  readonly path?: string;
}

function describe(p: Process, kind: ShellKind, name: string, pathOnly: boolean): Found | undefined {
  const alias = own(aliasesAt(p.world, p.place), name);
  const hashed = hashedAt(p.world).includes(name);
  if (!pathOnly) {
    if (kind !== 'bash' && isKeyword(kind, name))
      return { kind: 'keyword', text: `${name} is a shell keyword` };
    if (alias !== undefined)
      return kind === 'bash'
        ? { kind: 'alias', text: `${name} is aliased to \`${alias}'` }
        : { kind: 'alias', text: `${name} is an alias for ${alias}` };
    if (isKeyword(kind, name)) return { kind: 'keyword', text: `${name} is a shell keyword` };
    if (kind === 'bash' && name === 'which' && !p.place.containerId)
      return { kind: 'function', text: `which is a function\n${WHICH_FUNCTION.slice(0, -1)}` };
    if (isBuiltin(kind, name)) {
      const special = isSpecialBuiltin(kind, name) ? 'special ' : '';
      return { kind: 'builtin', text: `${name} is a ${special}shell builtin` };
    }
  }
  const path = commandPath(p.world, p.place, name);
  if (!path) return undefined;
  if (hashed && kind === 'bash') return { kind: 'file', path, text: `${name} is hashed (${path})` };
  if (hashed && kind === 'dash')
    return { kind: 'file', path, text: `${name} is a tracked alias for ${path}` };
  return { kind: 'file', path, text: `${name} is ${path}` };
}

export function type(p: Process): ProcessResult {
  const kind = shellKind(p.world, p.place);
  const args = p.argv.slice(1);
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    for (const f of args[i].slice(1)) flags.add(f);
  }
  const names = args.slice(i);
  if (kind !== 'bash') {
    // ash and dash only look at whether an option was given: it prints bare paths.
    const brief = flags.size > 0;
    let stdout = '';
    let status = 0;
    for (const name of names) {
      const found = describe(p, kind, name, false);
      if (!found) {
        stdout += brief ? '' : `${name}: not found\n`;
        status = 127;
      } else stdout += brief ? `${found.path ?? name}\n` : `${found.text}\n`;
    }
    return output(p.world, stdout, '', status);
  }
  const bad = [...flags].find((f) => !'tpP'.includes(f));
  if (bad)
    return output(
      p.world,
      '',
      `lab: type -${bad} is not simulated; type, type -t, -p and -P are\n`,
      1,
    );
  let stdout = '';
  let stderr = '';
  let status = 0;
  for (const name of names) {
    const found = describe(p, kind, name, flags.has('P'));
    if (!found) {
      if (!flags.has('t') && !flags.has('p') && !flags.has('P'))
        stderr += `bash: type: ${name}: not found\n`;
      status = 1;
    } else if (flags.has('t')) stdout += `${found.kind}\n`;
    else if (flags.has('p') || flags.has('P')) stdout += found.path ? `${found.path}\n` : '';
    else stdout += `${found.text}\n`;
  }
  return output(p.world, stdout, stderr, status);
}
