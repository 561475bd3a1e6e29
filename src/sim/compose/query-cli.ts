/**
 * The listing subcommands (docker/compose v2.32.4 cmd/compose ps.go, list.go, logs.go, port.go,
 * images.go): tables with compose's own layout (`NAME IMAGE COMMAND SERVICE CREATED STATUS
 * PORTS`, docker-cli tabwriter; `ls` and `images` use compose's pretty tabwriter, min width 20).
 */
import { flagError } from '../docker/cli-errors';
import { commandColumn, imageColumn, portsColumn, statusText } from '../docker/container-list';
import { parseFlags, type FlagSpec } from '../docker/flags';
import { joinHostPort } from '../docker/ports-format';
import { TOP_TITLES, topRow } from '../docker/top-stats-cli';
import { renderTable } from '../format/table';
import { humanDuration, humanSize } from '../format/units';
import { failure, output } from '../shell/process';
import { hostOf } from '../world';
import { loadFailed, projectOrName, type ComposeHandler } from './command';
import { configFilesOf, projectContainers, projectNames, serviceOf } from './labels';
import { composeLogs } from './logs';

const PS_FLAGS: readonly FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'services', type: 'bool' },
  { long: 'format', type: 'string' },
  { long: 'no-trunc', type: 'bool' },
  { long: 'status', type: 'list' },
  { long: 'filter', type: 'string' },
  { long: 'orphans', type: 'bool' },
];

export const composePs: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, PS_FLAGS, true);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose ps', parsed.error);
  const f = parsed.value;
  const target = projectOrName(c);
  if (!target.ok) return loadFailed(c.p.world, target.error);
  const project = target.value.loaded?.project;
  const missing = project && f.args.find((a) => !project.services.some((s) => s.name === a));
  if (missing) return failure(c.p.world, `no such service: ${missing}`);
  const d = hostOf(c.p.world, c.p.place.host).docker;
  const statuses = f.lists.get('status') ?? [];
  const all = f.bools.has('all') || statuses.length > 0;
  const rows = projectContainers(d, target.value.name, { oneoff: all })
    .filter((x) => all || x.state.status === 'running')
    .filter((x) => !f.args.length || f.args.includes(serviceOf(x)))
    .filter((x) => !statuses.length || statuses.includes(x.state.status));
  if (f.bools.has('quiet')) return output(c.p.world, rows.map((x) => `${x.id}\n`).join(''));
  if (f.bools.has('services'))
    return output(c.p.world, `${[...new Set(rows.map(serviceOf))].join('\n')}\n`);
  const trunc = !f.bools.has('no-trunc');
  const now = c.p.ctx.now;
  const table = renderTable(
    ['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS'],
    rows.map((x) => [
      x.name,
      imageColumn(d, x, trunc),
      commandColumn(x, trunc),
      serviceOf(x),
      `${humanDuration(now - x.created)} ago`,
      statusText(x, now),
      portsColumn(x),
    ]),
  );
  return output(c.p.world, table);
};

const LS_FLAGS: readonly FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'format', type: 'string' },
  { long: 'filter', type: 'list' },
];

/** list.go: one row per project with containers, `running(2)`-style status counts by state. */
export const composeLs: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, LS_FLAGS, true);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose ls', parsed.error);
  const all = parsed.value.bools.has('all');
  const d = hostOf(c.p.world, c.p.place.host).docker;
  const rows = projectNames(d).flatMap((name) => {
    const cs = projectContainers(d, name, { oneoff: true }).filter(
      (x) => all || x.state.status === 'running',
    );
    if (!cs.length) return [];
    const counts = new Map<string, number>();
    for (const x of cs) counts.set(x.state.status, (counts.get(x.state.status) ?? 0) + 1);
    const status = [...counts.keys()]
      .sort()
      .map((k) => `${k}(${counts.get(k)})`)
      .join(', ');
    const files = [...new Set(cs.flatMap((x) => configFilesOf(x).split(',')))].join(',');
    return [[name, status, files]];
  });
  if (parsed.value.bools.has('quiet'))
    return output(c.p.world, rows.map((r) => `${r[0]}\n`).join(''));
  return output(c.p.world, renderTable(['NAME', 'STATUS', 'CONFIG FILES'], rows, 20));
};

const LOGS_FLAGS: readonly FlagSpec[] = [
  { long: 'follow', short: 'f', type: 'bool' },
  { long: 'timestamps', short: 't', type: 'bool' },
  { long: 'tail', short: 'n', type: 'string' },
  { long: 'no-color', type: 'bool' },
  { long: 'no-log-prefix', type: 'bool' },
  { long: 'since', type: 'string' },
  { long: 'until', type: 'string' },
  { long: 'index', type: 'string' },
];

/** logs: every container of the named services (all by default); `-f` prints what is there now. */
export const composeLogsCmd: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, LOGS_FLAGS, true);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose logs', parsed.error);
  const target = projectOrName(c);
  if (!target.ok) return loadFailed(c.p.world, target.error);
  const wanted = parsed.value.args;
  const d = hostOf(c.p.world, c.p.place.host).docker;
  const cs = projectContainers(d, target.value.name).filter(
    (x) => !wanted.length || wanted.includes(serviceOf(x)),
  );
  const text = composeLogs(c.p.world, cs, !parsed.value.bools.has('no-log-prefix'));
  return output(c.p.world, text);
};

/** port SERVICE PRIVATE_PORT: the first container's binding for it, as `ip:port`. */
export const composePort: ComposeHandler = (c, args) => {
  const parsed = parseFlags(
    args,
    [
      { long: 'protocol', type: 'string' },
      { long: 'index', type: 'string' },
    ],
    true,
  );
  if (!parsed.ok) return flagError(c.p.world, 'docker compose port', parsed.error);
  const [service, port] = parsed.value.args;
  if (service === undefined || port === undefined || parsed.value.args.length !== 2)
    return failure(c.p.world, 'requires exactly 2 arguments');
  const target = projectOrName(c);
  if (!target.ok) return loadFailed(c.p.world, target.error);
  const proto = parsed.value.strings.get('protocol') ?? 'tcp';
  const d = hostOf(c.p.world, c.p.place.host).docker;
  const index = Number(parsed.value.strings.get('index') ?? 1);
  const ctr = projectContainers(d, target.value.name, { service })[index - 1];
  if (!ctr) return failure(c.p.world, `service "${service}" is not running`);
  const m = ctr.ports.find((x) => x.containerPort === Number(port) && x.proto === proto);
  if (!m) return failure(c.p.world, `no port ${port}/${proto} for container ${ctr.name}: []`);
  return output(c.p.world, `${joinHostPort(m.hostIp, String(m.hostPort))}\n`);
};

/** images: one row per container, with the repository, tag and id of the image it runs. */
export const composeImages: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, [{ long: 'quiet', short: 'q', type: 'bool' }], true);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose images', parsed.error);
  const target = projectOrName(c);
  if (!target.ok) return loadFailed(c.p.world, target.error);
  const d = hostOf(c.p.world, c.p.place.host).docker;
  const cs = projectContainers(d, target.value.name).filter(
    (x) => !parsed.value.args.length || parsed.value.args.includes(serviceOf(x)),
  );
  const rows = cs.flatMap((x) => {
    const image = d.images.get(x.imageId);
    return image
      ? [[x.name, image.repo, image.tag, image.id.slice(0, 12), humanSize(image.size)]]
      : [];
  });
  if (parsed.value.bools.has('quiet'))
    return output(c.p.world, [...new Set(rows.map((r) => `${r[3]}\n`))].join(''));
  return output(
    c.p.world,
    renderTable(['CONTAINER', 'REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE'], rows, 20),
  );
};

/**
 * top.go psPrinter: a tabwriter with minwidth 5 and padding 3, where each process row ends its
 * last cell with a tab (so CMD is padded too) but the header's CMD does not, then an empty line.
 */
function psTable(rows: readonly (readonly string[])[]): string {
  const width = (cells: readonly string[]) => Math.max(5, ...cells.map((x) => [...x].length + 3));
  const widths = TOP_TITLES.map((_, i) =>
    width([...(i < TOP_TITLES.length - 1 ? [TOP_TITLES[i]] : []), ...rows.map((r) => r[i])]),
  );
  const pad = (cell: string, i: number) => cell + ' '.repeat(widths[i] - [...cell].length);
  const header = TOP_TITLES.map((t, i) => (i === TOP_TITLES.length - 1 ? t : pad(t, i))).join('');
  return `${header}\n${rows.map((r) => `${r.map(pad).join('')}\n`).join('')}\n`;
}

/** top: each running container (one-offs too) by name, its name line, then its processes. */
export const composeTop: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, [], true);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose top', parsed.error);
  const target = projectOrName(c);
  if (!target.ok) return loadFailed(c.p.world, target.error);
  const h = hostOf(c.p.world, c.p.place.host);
  const wanted = parsed.value.args;
  const text = projectContainers(h.docker, target.value.name, { oneoff: true })
    .filter((x) => x.state.status === 'running')
    .filter((x) => !wanted.length || wanted.includes(serviceOf(x)))
    .map((x) => `${x.name}\n${psTable([topRow(h, x, c.p.ctx.now)])}`)
    .join('');
  return output(c.p.world, text);
};
