/**
 * `docker rename` and `docker update` (docker/cli v27.5.1 container/{rename,update}.go; moby
 * daemon/{rename,update}.go). A rename moves the container's links with it: the links it holds
 * as a parent become `/new/alias`, and its parents' links to it name the new child, which is what
 * moby's link index (and so `inspect`'s HostConfig.Links) shows. /etc/hosts lines already written
 * in running parents keep the old name until those restart, as in moby; the embedded DNS answers
 * the new name at once (sandbox Rename updates the service records).
 */
import { output } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { parseLegacyLink } from './containers';
import { NAME_RE } from './create';
import { parseFlags, type FlagSpec } from './flags';
import { containerNamed, findContainer } from './lookup';
import { parseRestart } from './run-options';

export const dockerRename: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 2 });
  if (usage) return usage;
  const [oldName = '', typed = ''] = parsed.value.args.map((a) => a.trim());
  if (!oldName || !typed)
    return output(p.world, '', 'Error: Neither old nor new names may be empty\n', 1);
  const fail = (error: string) =>
    output(
      p.world,
      '',
      `Error response from daemon: ${error}\nError: failed to rename container named ${oldName}\n`,
      1,
    );
  const d = hostOf(p.world, p.place.host).docker;
  const c = findContainer(d, oldName);
  if (!c) return fail(`No such container: ${oldName}`);
  const newName = typed.replace(/^\//, '');
  if (newName === c.name)
    return fail('Renaming a container with the same name as its current name');
  if (!NAME_RE.test(newName))
    return fail(
      `Error when allocating new name: Invalid container name (/${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  const clash = containerNamed(d, newName);
  if (clash)
    return fail(
      `Error when allocating new name: Conflict. The container name "/${newName}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  const r = updateHost(p.world, p.place.host, (h) => {
    for (const o of h.docker.containers.values())
      o.hostConfig.links = o.hostConfig.links.map((link) => {
        const l = parseLegacyLink(link);
        const child = l.child === c.name ? newName : l.child;
        const parent = o.id === c.id ? newName : l.parent;
        return `/${child}:/${parent}/${l.alias}`;
      });
    h.docker.containers.get(c.id)!.name = newName;
    h.docker.names.delete(c.name);
    h.docker.names.set(newName, c.id);
    return { ok: true, value: undefined };
  });
  return r.ok ? output(r.world) : fail(r.error);
};

/** Resource limits are not simulated: only the restart policy can be updated here. */
export const UPDATE_FLAGS: readonly FlagSpec[] = [
  { long: 'restart', type: 'string' },
  ...[
    'blkio-weight',
    'cpu-period',
    'cpu-quota',
    'cpu-rt-period',
    'cpu-rt-runtime',
    'cpuset-cpus',
    'cpuset-mems',
    'memory-reservation',
    'memory-swap',
    'kernel-memory',
    'pids-limit',
    'cpus',
  ].map((long) => ({ long, type: 'string' as const })),
  { long: 'cpu-shares', short: 'c', type: 'string' },
  { long: 'memory', short: 'm', type: 'string' },
];

export const dockerUpdate: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, UPDATE_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { atLeast: 1 });
  if (usage) return usage;
  const flags = parsed.value.strings;
  if (flags.size === 0)
    return output(p.world, '', 'you must provide one or more flags when using this command\n', 1);
  const limits = [...flags.keys()].filter((k) => k !== 'restart');
  if (limits.length)
    return output(
      p.world,
      '',
      `lab: docker update --${limits[0]}: the lab does not simulate resource limits (only --restart)\n`,
      1,
    );
  const policy = parseRestart(flags.get('restart') ?? '');
  if (!policy.ok) return output(p.world, '', `Error response from daemon: ${policy.error}\n`, 1);
  let world = p.world;
  let stdout = '';
  const errors: string[] = [];
  for (const ref of parsed.value.args) {
    const c = findContainer(hostOf(world, p.place.host).docker, ref);
    if (!c) {
      errors.push(`Error response from daemon: No such container: ${ref}`);
      continue;
    }
    if (c.hostConfig.autoRemove && policy.value.name !== 'no') {
      errors.push(
        `Error response from daemon: Cannot update container ${c.id}: Restart policy cannot be updated because AutoRemove is enabled for the container`,
      );
      continue;
    }
    const r = updateHost(world, p.place.host, (h) => {
      h.docker.containers.get(c.id)!.hostConfig.restartPolicy = policy.value;
      return { ok: true, value: undefined };
    });
    if (r.ok) world = r.world;
    stdout += `${ref}\n`;
  }
  return output(
    world,
    stdout,
    errors.length ? `${errors.join('\n')}\n` : '',
    errors.length ? 1 : 0,
  );
};
