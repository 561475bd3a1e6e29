/**
 * `netstat -nltp` (net-tools 2.0 on the host, busybox's applet in busybox/alpine images): the
 * listening TCP sockets of the process's network namespace (net/sockets.ts). Formats from the
 * sources and seed 002: `%-4s  %6ld %6ld %-23s %-23s %-11s` then ` PID/Program name` in 20 columns
 * (net-tools; 19 characters kept, so `4561/nginx: master` ends with a cut space), busybox's
 * `%s   %6lu %6lu %-23s %-23s %-12s` with `tcp` for both families and the name unpadded.
 *
 * The program name is what /proc/PID/cmdline starts with: net-tools takes the basename only when
 * it starts with `/` (`/usr/bin/docker-proxy` → `docker-proxy`, a retitled `nginx: master process
 * …` stays whole), busybox always takes the basename. A process in another PID namespace than the
 * caller's is invisible to it (`-`); inside a container its own processes have their own PIDs.
 */
import { socketsIn, type Listener } from '../net/sockets';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { isBusybox, whereIs } from './place';

interface NetstatOptions {
  listening: boolean;
  tcp: boolean;
  udp: boolean;
  numeric: boolean;
  programs: boolean;
}

function parseArgs(argv: readonly string[]): NetstatOptions | { bad: string } {
  const o: NetstatOptions = {
    listening: false,
    tcp: false,
    udp: false,
    numeric: false,
    programs: false,
  };
  for (const a of argv.slice(1)) {
    if (!a.startsWith('-')) return { bad: a };
    for (const f of a.slice(1)) {
      if (f === 'l') o.listening = true;
      else if (f === 't') o.tcp = true;
      else if (f === 'u') o.udp = true;
      else if (f === 'n') o.numeric = true;
      else if (f === 'p') o.programs = true;
      else if (!'aeW4'.includes(f)) return { bad: `-${f}` };
    }
  }
  return o;
}

const hostPort = (l: Listener) => `${l.addr}:${l.port}`;

/** `PID/name` for one socket, as the caller's netstat can see it. */
function programOf(l: Listener, busybox: boolean, inContainer?: string): string {
  let pid: number | undefined = l.pid;
  if (inContainer !== undefined) pid = l.containerId === inContainer ? l.containerPid : undefined;
  if (pid === undefined) return '-';
  const cmd = l.cmdline;
  const name = busybox || cmd.startsWith('/') ? cmd.slice(cmd.lastIndexOf('/') + 1) : cmd;
  return `${pid}/${name}`.slice(0, 19);
}

export function netstat(p: Process): ProcessResult {
  const where = whereIs(p);
  const busybox = isBusybox(where.userland);
  const o = parseArgs(p.argv);
  if ('bad' in o)
    return busybox
      ? failure(p.world, `netstat: unrecognized option '${o.bad}'`, 1)
      : failure(p.world, `netstat: invalid option -- '${o.bad.replace(/^-/, '')}'`, 1);
  if (!where.netns) return output(p.world, '', '', 0);
  // Listening TCP only: connected sockets and UDP are not modelled, so those parts list nothing.
  const sockets = o.listening && (o.tcp || !o.udp) ? socketsIn(where.host, where.netns) : [];
  const kind = o.listening ? '(only servers)' : '(w/o servers)';
  const inContainer = where.container?.id;
  let out = `Active Internet connections ${kind}\n`;
  out += busybox
    ? `Proto Recv-Q Send-Q Local Address           Foreign Address         State       ${o.programs ? 'PID/Program name    ' : ''}\n`
    : `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${o.programs ? ' PID/Program name    ' : ''}\n`;
  for (const l of sockets) {
    const foreign = l.family === 6 ? ':::*' : '0.0.0.0:*';
    const program = o.programs ? programOf(l, busybox, inContainer) : '';
    if (busybox) {
      out += `tcp   ${'0'.padStart(6)} ${'0'.padStart(6)} ${hostPort(l).padEnd(23)} ${foreign.padEnd(23)} ${'LISTEN'.padEnd(12)}${program}\n`;
    } else {
      const proto = l.family === 6 ? 'tcp6' : 'tcp ';
      const row = `${proto}  ${'0'.padStart(6)} ${'0'.padStart(6)} ${hostPort(l).padEnd(23)} ${foreign.padEnd(23)} ${'LISTEN'.padEnd(11)}`;
      out += o.programs ? `${row} ${program.padEnd(20)}\n` : `${row}\n`;
    }
  }
  return output(p.world, out, '', 0);
}
