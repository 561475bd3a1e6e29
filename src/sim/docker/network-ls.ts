/**
 * `docker network ls`: the daemon's filters (moby daemon/network/filter.go), then docker-cli's
 * sort by name in natural order and its table or `--format` output (cli/command/network/list.go,
 * formatter.go).
 */
import { naturalCompare } from '../format/natural-sort';
import type { Host, Network } from '../model';
import { renderRows } from '../format/row-template';
import { renderTable } from '../format/table';
import { rfc3339Nano } from '../format/units';
import { failure, output } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { filterArgs, parseFlags, type FlagSpec } from './flags';
import { isPredefinedName } from './networks';

const PATH = 'docker network ls';

export const NETWORK_LS_FLAGS: readonly FlagSpec[] = [
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'no-trunc', type: 'bool' },
  { long: 'format', type: 'string' },
  { long: 'filter', short: 'f', type: 'list' },
];

/** Column titles docker-cli's networkContext gives each field (formatter.go). */
const HEADERS: Readonly<Record<string, string>> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

const ACCEPTED_FILTERS = new Set(['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);

type Filters = ReadonlyMap<string, readonly string[]>;

/** `name` and `id` match as regular expressions anywhere (filters.Args.Match); the rest exactly. */
function matches(host: Host, n: Network, filters: Filters): boolean {
  const regex = (values: readonly string[], s: string) =>
    values.some((v) => {
      try {
        return new RegExp(v).test(s);
      } catch {
        return false;
      }
    });
  for (const [key, values] of filters) {
    const ok =
      key === 'name'
        ? regex(values, n.name)
        : key === 'id'
          ? regex(values, n.id)
          : key === 'driver'
            ? values.includes(n.driver)
            : key === 'scope'
              ? values.includes(n.scope ?? 'local')
              : key === 'type'
                ? values.some((v) => (v === 'custom') === !isPredefinedName(n.name))
                : key === 'label'
                  ? values.some((v) => {
                      const [k, val] = v.split('=', 2) as [string, string | undefined];
                      return k in n.labels && (val === undefined || n.labels[k] === val);
                    })
                  : values.some((v) => (v === 'true') === isDangling(host, n));
    if (!ok) return false;
  }
  return true;
}

function isDangling(host: Host, n: Network): boolean {
  return (
    !isPredefinedName(n.name) &&
    ![...host.docker.containers.values()].some((c) => c.endpoints.some((e) => e.networkId === n.id))
  );
}

/** The fields a `--format` template sees for one row (networkContext). */
function rowData(n: Network, trunc: boolean): Record<string, string> {
  return {
    ID: trunc ? n.id.slice(0, 12) : n.id,
    Name: n.name,
    Driver: n.driver,
    Scope: n.scope ?? 'local',
    IPv6: 'false',
    Internal: String(n.internal),
    Labels: Object.entries(n.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    CreatedAt: rfc3339Nano(n.created, n.createdNanos),
  };
}

export const networkLs: DockerHandler = (p, args) => {
  const parsed = parseFlags(args, NETWORK_LS_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, PATH, parsed.error);
  const f = parsed.value;
  const parsedFilters = filterArgs(f.lists.get('filter') ?? []);
  if (!parsedFilters.ok) return flagError(p.world, PATH, parsedFilters.error);
  const filters = parsedFilters.value;
  const usage = checkArgs(p.world, PATH, f.args, { none: true });
  if (usage) return usage;
  const bad = [...filters.keys()].find((k) => !ACCEPTED_FILTERS.has(k));
  if (bad !== undefined) return daemonError(p.world, `invalid filter '${bad}'`);
  const host = hostOf(p.world, p.place.host);
  const networks = [...host.docker.networks.values()]
    .filter((n) => matches(host, n, filters))
    .sort((a, b) => naturalCompare(a.name, b.name));
  const rows = networks.map((n) => rowData(n, !f.bools.has('no-trunc')));
  const format = f.strings.get('format') ?? '';
  // The default formats are fixed templates; rendering them directly gives the same text.
  if (format === '' || format === 'table') {
    if (f.bools.has('quiet')) return output(p.world, rows.map((r) => `${r.ID}\n`).join(''));
    const cells = rows.map((r) => [r.ID, r.Name, r.Driver, r.Scope]);
    return output(p.world, renderTable(['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], cells));
  }
  const text = renderRows(format, HEADERS, rows);
  return text.ok ? output(p.world, text.value) : failure(p.world, text.error);
};
