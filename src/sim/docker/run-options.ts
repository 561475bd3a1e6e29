/** `docker run` / `docker create` flags, parsed and checked the way docker-cli 27 does before the daemon sees them. */
import type { PortBinding } from '../model';
import { err, ok, type Result } from '../result';
import { parseFlags, type FlagSpec } from './flags';
import { parsePortSpec } from './port-spec';
import { parseMountFlag, type MountRequest } from './mount-spec';

export const RUN_FLAGS: readonly FlagSpec[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'rm', type: 'bool' },
  { long: 'name', type: 'string' },
  { long: 'network', type: 'string', aliases: ['net'] },
  { long: 'link', type: 'list' },
  { long: 'network-alias', type: 'list', aliases: ['net-alias'] },
  { long: 'hostname', short: 'h', type: 'string' },
  { long: 'domainname', type: 'string' },
  { long: 'ip', type: 'string' },
  { long: 'publish', short: 'p', type: 'list' },
  { long: 'publish-all', short: 'P', type: 'bool' },
  { long: 'expose', type: 'list' },
  { long: 'env', short: 'e', type: 'list' },
  { long: 'restart', type: 'string' },
  { long: 'dns', type: 'list' },
  { long: 'add-host', type: 'list' },
  { long: 'entrypoint', type: 'string' },
  { long: 'workdir', short: 'w', type: 'string' },
  { long: 'volume', short: 'v', type: 'list' },
  { long: 'mount', type: 'list' },
  { long: 'privileged', type: 'bool' },
  { long: 'cap-add', type: 'list' },
  { long: 'mac-address', type: 'string' },
  { long: 'pull', type: 'string' },
  { long: 'platform', type: 'string' },
  { long: 'memory', short: 'm', type: 'string' },
  { long: 'user', short: 'u', type: 'string' },
  { long: 'label', short: 'l', type: 'list' },
];

export interface RunOptions {
  readonly detach: boolean;
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly autoRemove: boolean;
  readonly name?: string;
  /** As typed; `default` and absent both mean the default bridge. */
  readonly network: string;
  readonly links: readonly string[];
  readonly aliases: readonly string[];
  readonly hostname?: string;
  readonly domainname: string;
  readonly ip?: string;
  readonly publish: readonly PortBinding[];
  readonly publishAll: boolean;
  readonly expose: readonly string[];
  readonly env: readonly string[];
  readonly restart: { name: string; maximumRetryCount: number };
  readonly dns: readonly string[];
  readonly addHosts: readonly string[];
  readonly privileged?: boolean;
  readonly capAdd?: readonly string[];
  readonly entrypoint?: string;
  readonly workdir?: string;
  readonly image: string;
  readonly cmd: readonly string[];
  /** `-v` specs as typed: the daemon parses them (ParseMountRaw) when it creates the container. */
  readonly volumes?: readonly string[];
  /** `--mount`s, parsed by the CLI. */
  readonly mounts?: readonly MountRequest[];
}

export type RunParse =
  | { readonly kind: 'ok'; readonly options: RunOptions }
  | { readonly kind: 'flag-error'; readonly error: string }
  | { readonly kind: 'usage' }
  | { readonly kind: 'run-error'; readonly error: string };

const RESTART_POLICIES = new Set(['no', 'always', 'unless-stopped', 'on-failure']);

export function parseRestart(s: string): Result<{ name: string; maximumRetryCount: number }> {
  const [name = '', max] = s.split(':');
  if (!RESTART_POLICIES.has(name)) return err(`invalid restart policy '${s}'`);
  if (max !== undefined && (name !== 'on-failure' || !/^\d+$/.test(max)))
    return err(
      name === 'on-failure'
        ? `invalid restart policy '${s}'`
        : `maximum retry count cannot be used with restart policy '${name}'`,
    );
  return ok({ name: name === 'no' ? 'no' : name, maximumRetryCount: max ? Number(max) : 0 });
}

export function parseRunArgs(args: readonly string[]): RunParse {
  const parsed = parseFlags(args, RUN_FLAGS, false);
  if (!parsed.ok) return { kind: 'flag-error', error: parsed.error };
  const f = parsed.value;
  const [image, ...cmd] = f.args;
  if (image === undefined) return { kind: 'usage' };
  const publish: PortBinding[] = [];
  for (const spec of f.lists.get('publish') ?? []) {
    const r = parsePortSpec(spec);
    if (!r.ok) return { kind: 'run-error', error: r.error };
    publish.push(...r.value);
  }
  const expose: string[] = [];
  for (const e of f.lists.get('expose') ?? []) {
    const [port = '', proto = 'tcp'] = e.split('/');
    if (!/^\d+(-\d+)?$/.test(port))
      return {
        kind: 'run-error',
        error: `invalid range format for --expose: ${e}, error: strconv.ParseUint: parsing "${port}": invalid syntax`,
      };
    expose.push(`${port}/${proto}`);
  }
  const mounts: MountRequest[] = [];
  for (const spec of f.lists.get('mount') ?? []) {
    const m = parseMountFlag(spec);
    if (!m.ok)
      return m.error.startsWith('invalid mount config')
        ? { kind: 'run-error', error: `Error response from daemon: ${m.error}` }
        : {
            kind: 'flag-error',
            error: `invalid argument "${spec}" for "--mount" flag: ${m.error}`,
          };
    mounts.push(m.value);
  }
  const restart = parseRestart(f.strings.get('restart') ?? 'no');
  if (!restart.ok) return { kind: 'run-error', error: restart.error };
  const autoRemove = f.bools.has('rm');
  if (autoRemove && restart.value.name !== 'no')
    return { kind: 'run-error', error: 'Conflicting options: --restart and --rm' };
  return {
    kind: 'ok',
    options: {
      detach: f.bools.has('detach'),
      interactive: f.bools.has('interactive'),
      tty: f.bools.has('tty'),
      autoRemove,
      name: f.strings.get('name'),
      network: f.strings.get('network') ?? 'default',
      links: f.lists.get('link') ?? [],
      aliases: f.lists.get('network-alias') ?? [],
      hostname: f.strings.get('hostname'),
      domainname: f.strings.get('domainname') ?? '',
      ip: f.strings.get('ip'),
      publish,
      publishAll: f.bools.has('publish-all'),
      expose,
      env: f.lists.get('env') ?? [],
      restart: restart.value,
      dns: f.lists.get('dns') ?? [],
      addHosts: f.lists.get('add-host') ?? [],
      ...(f.bools.has('privileged') ? { privileged: true } : {}),
      ...(f.lists.get('cap-add') ? { capAdd: f.lists.get('cap-add') } : {}),
      entrypoint: f.strings.get('entrypoint'),
      workdir: f.strings.get('workdir'),
      image,
      cmd,
      ...(f.lists.has('volume') ? { volumes: f.lists.get('volume') } : {}),
      ...(mounts.length ? { mounts } : {}),
    },
  };
}
