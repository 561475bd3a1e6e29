/**
 * `docker ps`: running containers (or all with -a), newest first, in docker-cli's default table
 * `{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}`.
 */
import type { Container, Daemon } from '../model';
import { renderRows } from '../format/row-template';
import { renderTable } from '../format/table';
import { goTimeString, humanDuration } from '../format/units';
import { failure, output } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import {
  commandColumn,
  containerNames,
  imageColumn,
  namesColumn,
  networksColumn,
  newestFirst,
  portsColumn,
  stateWord,
  statusText,
} from './container-list';
import { parseFlags, type FlagSpec } from './flags';
import { shortId } from './lookup';

export const PS_FLAGS: readonly FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'no-trunc', type: 'bool' },
  { long: 'latest', short: 'l', type: 'bool' },
  { long: 'last', short: 'n', type: 'string' },
  { long: 'size', short: 's', type: 'bool' },
  { long: 'filter', short: 'f', type: 'list' },
  { long: 'format', type: 'string' },
];

const FILTER_KEYS = new Set(['name', 'id', 'status', 'network', 'ancestor', 'exited']);

type Filter = (c: Container) => boolean;

/** The daemon's `--filter` subset a lab needs: name (regexp), id prefix, status, network, ancestor. */
function parseFilters(d: Daemon, specs: readonly string[]): { error: string } | Filter[] {
  const byKey = new Map<string, string[]>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) return { error: `bad format of filter (expected name=value)` };
    const key = spec.slice(0, eq).trim().toLowerCase();
    if (!FILTER_KEYS.has(key))
      return { error: `Error response from daemon: invalid filter '${key}'` };
    byKey.set(key, [...(byKey.get(key) ?? []), spec.slice(eq + 1)]);
  }
  const any = (key: string, test: (v: string, c: Container) => boolean): Filter | null => {
    const values = byKey.get(key);
    return values ? (c) => values.some((v) => test(v, c)) : null;
  };
  const safeRegex = (v: string) => {
    try {
      return new RegExp(v);
    } catch {
      return null;
    }
  };
  const filters = [
    any('name', (v, c) => containerNames(d, c).some((n) => safeRegex(v)?.test(n) ?? false)),
    any('id', (v, c) => c.id.startsWith(v)),
    any('status', (v, c) => stateWord(c) === v),
    any('exited', (v, c) => c.state.status === 'exited' && String(c.state.exitCode) === v),
    any('ancestor', (v, c) => c.image === v || c.imageId.startsWith(v)),
    any('network', (v, c) =>
      c.endpoints.some((e) => e.networkName === v || (v.length > 0 && e.networkId.startsWith(v))),
    ),
  ];
  return filters.filter((f): f is Filter => f !== null);
}

const HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
};

function row(d: Daemon, c: Container, now: number, trunc: boolean): Record<string, string> {
  return {
    ID: trunc ? shortId(c.id) : c.id,
    Image: imageColumn(d, c, trunc),
    Command: commandColumn(c, trunc),
    CreatedAt: goTimeString(c.created),
    RunningFor: `${humanDuration(now - c.created)} ago`,
    Ports: portsColumn(c),
    State: stateWord(c),
    Status: statusText(c, now),
    Size: '0B',
    Names: namesColumn(d, c, trunc),
    Labels: '',
    Mounts: '',
    Networks: networksColumn(c),
  };
}

export const dockerPs: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, PS_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  const usage = checkArgs(p.world, path, f.args, { none: true });
  if (usage) return usage;
  const d = hostOf(p.world, p.place.host).docker;
  const lastRaw = f.strings.get('last');
  let last = f.bools.has('latest') ? 1 : -1;
  if (lastRaw !== undefined) {
    if (!/^-?\d+$/.test(lastRaw))
      return flagError(
        p.world,
        path,
        `invalid argument "${lastRaw}" for "-n, --last" flag: strconv.ParseInt: parsing "${lastRaw}": invalid syntax`,
      );
    last = Number(lastRaw);
  }
  const filters = parseFilters(d, f.lists.get('filter') ?? []);
  if ('error' in filters) return failure(p.world, filters.error);
  const all = f.bools.has('all') || last > 0;
  let list = newestFirst(d).filter((c) => all || c.state.status === 'running');
  list = list.filter((c) => filters.every((test) => test(c)));
  if (last > 0) list = list.slice(0, last);
  const trunc = !f.bools.has('no-trunc');
  if (f.bools.has('quiet'))
    return output(p.world, list.map((c) => `${trunc ? shortId(c.id) : c.id}\n`).join(''));
  const rows = list.map((c) => row(d, c, p.ctx.now, trunc));
  const format = f.strings.get('format');
  if (format !== undefined && format !== '' && format !== 'table') {
    const r = renderRows(format, HEADERS, rows);
    return r.ok ? output(p.world, r.value) : failure(p.world, r.error);
  }
  const columns = ['ID', 'Image', 'Command', 'RunningFor', 'Status', 'Ports', 'Names'];
  return output(
    p.world,
    renderTable(
      columns.map((k) => HEADERS[k]),
      rows.map((r) => columns.map((k) => r[k])),
    ),
  );
};
