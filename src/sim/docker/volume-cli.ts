/**
 * `docker volume create|ls|inspect|rm|prune` (docker/cli v27.5.1 cli/command/volume, moby
 * volume/service): local volumes only, their files on the host under /var/lib/docker/volumes.
 */
import { renderTable } from '../format/table';
import { humanSize, rfc3339Nano } from '../format/units';
import type { Daemon, Volume } from '../model';
import { output } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { parse } from './network-cli';
import { checkInspectFormat, renderInspect } from './inspect-output';
import { cancelled, confirmed, deleted } from './system-cli';
import {
  createVolume,
  pruneUnusedVolumes,
  removeVolume,
  volumeDir,
  volumesOf,
  volumeUsers,
} from './volumes';

const DAEMON = 'Error response from daemon: ';

/** `k=v` and bare `k` (empty value), as opts.ConvertKVStringsToMap reads labels and options. */
const keyValues = (items: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    items.map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
    }),
  );

export const VOLUME_CREATE_FLAGS: readonly FlagSpec[] = [
  { long: 'driver', short: 'd', type: 'string' },
  { long: 'label', type: 'list' },
  { long: 'opt', short: 'o', type: 'list' },
  { long: 'name', type: 'string' },
];

const volumeCreate: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, VOLUME_CREATE_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  const flagName = f.strings.get('name');
  if (flagName !== undefined && f.args.length)
    return output(
      p.world,
      '',
      `Conflicting options: either specify --name or provide positional arg, not both\n`,
      1,
    );
  const usage = checkArgs(p.world, path, f.args, { atMost: 1 });
  if (usage) return usage;
  const name = flagName ?? f.args[0] ?? p.ctx.rng.hex(64);
  const driver = f.strings.get('driver') ?? 'local';
  if (driver !== 'local')
    return daemonError(
      p.world,
      `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`,
    );
  const r = updateHost(p.world, p.place.host, (h) =>
    createVolume(
      h,
      name,
      p.ctx,
      keyValues(f.lists.get('label') ?? []),
      keyValues(f.lists.get('opt') ?? []),
    ),
  );
  if (!r.ok) return daemonError(p.world, r.error);
  return output(r.world, `${name}\n`);
};

export const VOLUME_LS_FLAGS: readonly FlagSpec[] = [
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'filter', short: 'f', type: 'list' },
  { long: 'format', type: 'string' },
  { long: 'cluster', type: 'bool' },
];

/** The filters `volume ls` takes (moby volume/service/convert.go acceptedListFilters). */
function volumeFilter(d: Daemon, filters: readonly string[]): ((v: Volume) => boolean) | string {
  const tests: ((v: Volume) => boolean)[] = [];
  for (const raw of filters) {
    const i = raw.indexOf('=');
    if (i < 0) return `bad format of filter (expected name=value)`;
    const key = raw.slice(0, i);
    const value = raw.slice(i + 1);
    if (key === 'dangling') {
      if (!['true', 'false', '1', '0'].includes(value)) return `invalid filter 'dangling=${value}'`;
      const want = value === 'true' || value === '1';
      tests.push((v) => (volumeUsers(d, v.name).length === 0) === want);
    } else if (key === 'name') tests.push((v) => v.name.includes(value));
    else if (key === 'driver') tests.push(() => value === 'local');
    else if (key === 'label') {
      const [k = '', want] = value.split('=', 2);
      tests.push(
        (v) => v.labels?.[k] !== undefined && (want === undefined || v.labels[k] === want),
      );
    } else return `invalid filter '${key}'`;
  }
  return (v) => tests.every((t) => t(v));
}

/** sortorder.NaturalLess on names: digit runs compare as numbers. */
const naturalLess = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant', caseFirst: 'upper' });

const volumeLs: DockerHandler = (p, args, path) => {
  const r = parse(p.world, path, args, VOLUME_LS_FLAGS, { none: true });
  if (r.done) return r.done;
  if (r.flags.strings.has('format') || r.flags.bools.has('cluster'))
    return output(p.world, '', `lab: ${path} --format and --cluster are not simulated\n`, 1);
  const d = hostOf(p.world, p.place.host).docker;
  const keep = volumeFilter(d, r.flags.lists.get('filter') ?? []);
  if (typeof keep === 'string') return daemonError(p.world, keep);
  const names = volumesOf(d)
    .filter(keep)
    .map((v) => v.name)
    .sort(naturalLess);
  if (r.flags.bools.has('quiet')) return output(p.world, names.map((n) => `${n}\n`).join(''));
  return output(
    p.world,
    renderTable(
      ['DRIVER', 'VOLUME NAME'],
      names.map((n) => ['local', n]),
    ),
  );
};

/** volume.Volume as the API's JSON has it (fields in struct order, empty ones omitted). */
export function volumeInspectObject(v: Volume): Record<string, unknown> {
  return {
    CreatedAt: rfc3339Nano(Math.floor(v.created / 1000) * 1000, 0),
    Driver: 'local',
    Labels: v.labels,
    Mountpoint: volumeDir(v.name),
    Name: v.name,
    Options: v.options,
    Scope: 'local',
  };
}

export const VOLUME_INSPECT_FLAGS: readonly FlagSpec[] = [
  { long: 'format', short: 'f', type: 'string' },
];

const volumeInspect: DockerHandler = (p, args, path) => {
  const r = parse(p.world, path, args, VOLUME_INSPECT_FLAGS, { atLeast: 1 });
  if (r.done) return r.done;
  const format = r.flags.strings.get('format') ?? '';
  const bad = checkInspectFormat(p.world, format);
  if (bad) return bad;
  const d = hostOf(p.world, p.place.host).docker;
  return renderInspect(
    p.world,
    format,
    r.flags.args.map((name) => {
      const v = d.volumes?.get(name);
      if (!v) return { ok: false, error: `${DAEMON}get ${name}: no such volume` };
      const json = volumeInspectObject(v);
      return { ok: true, typed: json, json };
    }),
  );
};

export const VOLUME_RM_FLAGS: readonly FlagSpec[] = [{ long: 'force', short: 'f', type: 'bool' }];

/** Each name on its own; the errors together at the end, exit 1 (cli/command/volume/remove.go). */
const volumeRm: DockerHandler = (p, args, path) => {
  const r = parse(p.world, path, args, VOLUME_RM_FLAGS, { atLeast: 1 });
  if (r.done) return r.done;
  const force = r.flags.bools.has('force');
  let world = p.world;
  let stdout = '';
  const errors: string[] = [];
  for (const name of r.flags.args) {
    const removed = updateHost(world, p.place.host, (h) => removeVolume(h, name));
    if (removed.ok) world = removed.world;
    // -f forgives a volume that is not there (the daemon answers it as removed).
    else if (!(force && removed.error.endsWith('no such volume'))) {
      errors.push(`${DAEMON}${removed.error}`);
      continue;
    }
    stdout += `${name}\n`;
  }
  return output(world, stdout, errors.map((e) => `${e}\n`).join(''), errors.length ? 1 : 0);
};

export const VOLUME_PRUNE_FLAGS: readonly FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool' },
  { long: 'force', short: 'f', type: 'bool' },
  { long: 'filter', type: 'list' },
];

const UNUSED_WARNING =
  'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';
const ALL_WARNING =
  'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';

const volumePrune: DockerHandler = (p, args, path) => {
  const r = parse(p.world, path, args, VOLUME_PRUNE_FLAGS, { none: true });
  if (r.done) return r.done;
  if (r.flags.lists.has('filter'))
    return output(p.world, '', `lab: ${path} --filter is not simulated\n`, 1);
  const all = r.flags.bools.has('all');
  let prompt = '';
  if (!r.flags.bools.has('force')) {
    const c = confirmed(p, all ? ALL_WARNING : UNUSED_WARNING);
    if (!c.ok) return cancelled(p.world, c.prompt);
    prompt = c.prompt;
  }
  const pruned = pruneUnusedVolumes(p.world, p.place.host, all);
  return output(
    pruned.world,
    `${prompt}${deleted('Deleted Volumes', pruned.names)}Total reclaimed space: ${humanSize(pruned.size, 4)}\n`,
  );
};

/** `docker volume …` subcommands. */
export const VOLUME_COMMANDS: Readonly<Record<string, DockerHandler>> = {
  create: volumeCreate,
  ls: volumeLs,
  list: volumeLs,
  inspect: volumeInspect,
  rm: volumeRm,
  remove: volumeRm,
  prune: volumePrune,
};
