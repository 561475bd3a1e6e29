/**
 * `ss` (iproute2 5.x/6.x): the listening TCP sockets of the process's network namespace, from the
 * same derivation netstat uses (net/sockets.ts). Layout from misc/ss.c: every field is buffered,
 * then each column is as wide as its longest content (header included) plus its one-space left
 * delimiter; the address columns are right-aligned up to their `:`, the rest left-aligned and
 * padded — which is why the header reads `Peer Address:PortProcess` and rows keep trailing spaces.
 * On a terminal ss would also spread the spare screen width over the columns; the width of the
 * learner's terminal is not known here, so the lab prints the layout ss uses when it cannot read
 * one (a pipe: `ss -tlnp | grep 8080`), the same on every screen.
 *
 * Addresses: an IPv4 socket prints `0.0.0.0`; an IPv6 wildcard prints `[::]` when the socket is
 * IPV6_V6ONLY (servers that also opened an IPv4 socket: sshd, nginx, docker-proxy, redis) and `*`
 * when it is one dual-stack socket (Apache, Tomcat, MySQL). UDP sockets are not modelled.
 */
import { socketsIn, type Listener } from '../net/sockets';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { whereIs } from './place';

interface SsOptions {
  listening: boolean;
  all: boolean;
  tcp: boolean;
  udp: boolean;
  processes: boolean;
  noHeader: boolean;
}

const SHORT: Readonly<Record<string, keyof SsOptions | null>> = {
  l: 'listening',
  a: 'all',
  t: 'tcp',
  u: 'udp',
  p: 'processes',
  H: 'noHeader',
  n: null,
  '4': null,
  '6': null,
};
const LONG: Readonly<Record<string, keyof SsOptions | null>> = {
  '--listening': 'listening',
  '--all': 'all',
  '--tcp': 'tcp',
  '--udp': 'udp',
  '--processes': 'processes',
  '--no-header': 'noHeader',
  '--numeric': null,
};

function parseArgs(argv: readonly string[]): SsOptions | { bad: string } {
  const o: SsOptions = {
    listening: false,
    all: false,
    tcp: false,
    udp: false,
    processes: false,
    noHeader: false,
  };
  for (const a of argv.slice(1)) {
    if (a.startsWith('--')) {
      const key = LONG[a];
      if (key === undefined) return { bad: a };
      if (key) o[key] = true;
      continue;
    }
    if (!a.startsWith('-')) return { bad: a };
    for (const f of a.slice(1)) {
      const key = SHORT[f];
      if (key === undefined) return { bad: `-${f}` };
      if (key) o[key] = true;
    }
  }
  return o;
}

/** ss.c's columns: header, alignment, left delimiter. */
const COLUMNS = [
  { header: 'Netid', right: false, delim: '' },
  { header: 'State', right: false, delim: ' ' },
  { header: 'Recv-Q', right: false, delim: ' ' },
  { header: 'Send-Q', right: false, delim: ' ' },
  { header: 'Local Address:', right: true, delim: ' ' },
  { header: 'Port', right: false, delim: '' },
  { header: 'Peer Address:', right: true, delim: ' ' },
  { header: 'Port', right: false, delim: '' },
  { header: 'Process', right: false, delim: '' },
] as const;

/** Lays out rows of fields (undefined = a disabled column) the way ss.c's render() does. */
export function renderColumns(rows: readonly (readonly (string | undefined)[])[]): string {
  const enabled = COLUMNS.map((_, i) => rows.some((r) => r[i] !== undefined));
  const width = COLUMNS.map((c, i) => {
    const max = Math.max(0, ...rows.map((r) => r[i]?.length ?? 0));
    const first = enabled.findIndex(Boolean) === i;
    return !first && max > 0 ? max + c.delim.length : max;
  });
  return rows
    .map((r) => {
      let line = '';
      let started = false;
      COLUMNS.forEach((c, i) => {
        const text = r[i];
        if (!enabled[i] || text === undefined) return;
        let cell: string = started ? c.delim : '';
        started = true;
        if (c.right) cell += ' '.repeat(Math.max(0, width[i] - cell.length - text.length));
        cell += text;
        if (!c.right) cell = cell.padEnd(width[i]);
        line += cell;
      });
      return `${line}\n`;
    })
    .join('');
}

/** File descriptors the servers' listening sockets get (IPv4 first when there are two). */
const FDS: Readonly<Record<string, readonly [number, number]>> = {
  sshd: [3, 4],
  'docker-proxy': [4, 4],
  nginx: [6, 7],
  'redis-server': [6, 7],
};

function usersOf(l: Listener, all: readonly Listener[], inContainer?: string): string {
  let pid: number | undefined = l.pid;
  // ss reads /proc of its own PID namespace: a container sees only its own processes.
  if (inContainer !== undefined) pid = l.containerId === inContainer ? l.containerPid : undefined;
  if (pid === undefined) return '';
  const fds = FDS[l.comm] ?? [3, 3];
  const ownV4 = all.some((x) => x.family === 4 && x.port === l.port && x.pid === l.pid);
  const fd = l.family === 6 && ownV4 ? fds[1] : fds[0];
  return ` users:(("${l.comm}",pid=${pid},fd=${fd}))`;
}

/**
 * An IPv6 wildcard bound beside an IPv4 one on the same port must be IPV6_V6ONLY (or the second
 * bind would fail): sshd, nginx (`ipv6only=on` by default), redis and the per-family docker-proxy.
 */
function hasV4Twin(l: Listener, all: readonly Listener[]): boolean {
  return all.some((x) => x.family === 4 && x.port === l.port && x.addr === '0.0.0.0');
}

function addressOf(l: Listener, all: readonly Listener[]): [string, string] {
  if (l.family === 4) return [l.addr, '0.0.0.0'];
  if (l.addr === '::') return hasV4Twin(l, all) ? ['[::]', '[::]'] : ['*', '*'];
  return [`[${l.addr}]`, '[::]'];
}

export function ss(p: Process): ProcessResult {
  const o = parseArgs(p.argv);
  if ('bad' in o) {
    const word = o.bad.startsWith('--') ? `unrecognized option '${o.bad}'` : null;
    if (word) return failure(p.world, `ss: ${word}\nTry 'ss -h' for more information.`, 255);
    if (!o.bad.startsWith('-'))
      return failure(p.world, `ss: bad filter expression near "${o.bad}"`, 255);
    return failure(p.world, `ss: invalid option -- '${o.bad.slice(1)}'`, 255);
  }
  const where = whereIs(p);
  const sockets = where.netns ? socketsIn(where.host, where.netns) : [];
  // Without -l only connected sockets are listed; established connections are not modelled.
  const tcp = o.tcp || !o.udp;
  const shown = (o.listening || o.all) && tcp ? sockets : [];
  // The Netid column appears when more than one socket table is listed (ss.c disables it for one).
  const netid = o.tcp && !o.udp ? undefined : 'tcp';
  const rows: (string | undefined)[][] = [];
  if (!o.noHeader) rows.push(COLUMNS.map((c, i) => (i === 0 && !netid ? undefined : c.header)));
  for (const l of shown) {
    const [local, peer] = addressOf(l, sockets);
    rows.push([
      netid,
      'LISTEN',
      '0'.padEnd(6),
      String(l.backlog).padEnd(6),
      `${local}:`,
      String(l.port),
      `${peer}:`,
      '*',
      o.processes ? usersOf(l, sockets, where.container?.id) : '',
    ]);
  }
  return output(p.world, renderColumns(rows));
}
