/**
 * `docker top` and `docker stats --no-stream` (docker/cli v27.5.1 container/{top,stats}.go,
 * formatter_stats.go). The lab models each container's main process only, so top lists that one
 * process (as `ps -ef` on the host sees it) and stats draws steady, idle-server figures from the
 * container's id: the same container always shows the same numbers.
 */
import type { Container, Daemon, Host } from '../model';
import { renderTable } from '../format/table';
import { bytesSize, humanSize, utcFields } from '../format/units';
import { serverOf } from '../net/sockets';
import { rngForContent } from '../rng';
import { output } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { commandText, newestFirst } from './container-list';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer, shortId } from './lookup';
import { HOST_MEMORY } from './host-facts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ps's STIME: `HH:MM` for a process started today, `MonDD` before (UTC, the lab's zone). */
function startTime(startedAt: number, now: number): string {
  const s = utcFields(startedAt);
  const n = utcFields(now);
  if (s.y === n.y && s.mo === n.mo && s.d === n.d) return `${pad2(s.h)}:${pad2(s.mi)}`;
  const months = 'JanFebMarAprMayJunJulAugSepOctNovDec';
  return `${months.slice((s.mo - 1) * 3, s.mo * 3)}${pad2(s.d)}`;
}

/** The titles of `ps -ef`, which the daemon runs for a container's top (moby ContainerTop). */
export const TOP_TITLES = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

/** A running container's one modelled process, as the daemon's ContainerTop answers it. */
export function topRow(h: Host, c: Container, now: number): string[] {
  return [
    'root',
    String(c.state.pid),
    // containerd-shim-runc-v2 forks just before the container's init.
    String(c.state.pid - 13),
    '0',
    startTime(c.state.startedAt ?? now, now),
    c.config.tty ? 'pts/0' : '?',
    '00:00:00',
    serverOf(h, c)?.cmdline ?? commandText(c),
  ];
}

export const dockerTop: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], false);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { atLeast: 1 });
  if (usage) return usage;
  const [ref = '', ...psArgs] = parsed.value.args;
  if (psArgs.length)
    return output(
      p.world,
      '',
      `lab: docker top ${ref} ${psArgs.join(' ')}: the lab shows only ps's default -ef columns\n`,
      1,
    );
  const h = hostOf(p.world, p.place.host);
  const c = findContainer(h.docker, ref);
  if (!c) return daemonError(p.world, `No such container: ${ref}`);
  if (c.state.status !== 'running') return daemonError(p.world, `container ${c.id} is not running`);
  return output(p.world, renderTable(TOP_TITLES, [topRow(h, c, p.ctx.now)], 20));
};

/** Typical resident memory and task count of an idle main process, by what it runs. */
const PROFILES: Readonly<Record<string, { mib: number; pids: number }>> = {
  nginx: { mib: 3.2, pids: 3 },
  httpd: { mib: 4.1, pids: 82 },
  tomcat: { mib: 96, pids: 31 },
  redis: { mib: 3.9, pids: 6 },
  mysql: { mib: 362, pids: 37 },
  wordpress: { mib: 12.5, pids: 6 },
};

function statsRow(d: Daemon, c: Container, trunc: boolean, now: number): string[] {
  const id = trunc ? shortId(c.id) : c.id;
  if (c.state.status !== 'running')
    return [id, c.name, '0.00%', '0B / 0B', '0.00%', '0B / 0B', '0B / 0B', '0'];
  const rng = rngForContent(c.id);
  const image = d.images.get(c.imageId);
  const profile = PROFILES[image?.repo.replace(/^library\//, '') ?? ''] ?? { mib: 0.4, pids: 1 };
  const memory = Math.round(profile.mib * 1024 * 1024 * (0.9 + rng.next() * 0.2));
  const up = Math.max(1, Math.floor((now - (c.state.startedAt ?? now)) / 1000));
  // Each interface hears the bridge's IPv6 router solicitations and ARP: a few hundred bytes.
  const rx =
    c.endpoints.filter((e) => e.joined).length * (rng.int(700, 1300) + Math.min(up, 600) * 2);
  const cpu = c.state.paused ? 0 : rng.int(0, 3) / 100;
  return [
    id,
    c.name,
    `${cpu.toFixed(2)}%`,
    `${bytesSize(memory)} / ${bytesSize(HOST_MEMORY)}`,
    `${((memory / HOST_MEMORY) * 100).toFixed(2)}%`,
    `${humanSize(rx)} / 0B`,
    '0B / 0B',
    String(profile.pids),
  ];
}

const STATS_HEADER = [
  'CONTAINER ID',
  'NAME',
  'CPU %',
  'MEM USAGE / LIMIT',
  'MEM %',
  'NET I/O',
  'BLOCK I/O',
  'PIDS',
];

export const STATS_FLAGS: readonly FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool' },
  { long: 'no-stream', type: 'bool' },
  { long: 'no-trunc', type: 'bool' },
  { long: 'format', type: 'string' },
];

export const dockerStats: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, STATS_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  if (!f.bools.has('no-stream'))
    return output(
      p.world,
      '',
      'lab: docker stats redraws the screen every second; the lab prints one sample with --no-stream\n',
      1,
    );
  if (f.strings.has('format'))
    return output(
      p.world,
      '',
      'lab: docker stats --format is not simulated; the lab prints the default table\n',
      1,
    );
  const d = hostOf(p.world, p.place.host).docker;
  const trunc = !f.bools.has('no-trunc');
  let list: Container[];
  const errors: string[] = [];
  if (f.args.length) {
    list = [];
    for (const ref of f.args) {
      const c = findContainer(d, ref);
      if (c) list.push(c);
      else errors.push(`Error response from daemon: No such container: ${ref}`);
    }
  } else list = newestFirst(d).filter((c) => f.bools.has('all') || c.state.status === 'running');
  if (errors.length) return output(p.world, '', `${errors.join('\n')}\n`, 1);
  return output(
    p.world,
    renderTable(
      STATS_HEADER,
      list.map((c) => statsRow(d, c, trunc, p.ctx.now)),
    ),
  );
};
