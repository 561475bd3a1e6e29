/**
 * `nc`: a TCP connection through the lab's network (packet/dial.ts), or a listener, worded as the
 * nc of the place — busybox's applet (nc_bloaty.c) in busybox and Alpine images, netcat-openbsd
 * (Debian 1.219) once installed with apt. The CentOS host's nc would be Ncat, not simulated.
 *
 * `-z` only opens and closes the connection. Otherwise nc shows what the server sends first and
 * then, like telnet (telnet.ts), cannot hold the session: on a terminal the lab presses Ctrl+C
 * (echoed `^C`; busybox says `punt!` and dies of the signal, openbsd's handler exits 0); without
 * one, nc's input ends and so does the exchange. A listener started this way (`nc -l -p 8080`)
 * lives only until that Ctrl+C; as a container's main process it stays and shows in ss/netstat
 * (net/sockets.ts), and a single-shot one exits once its first client has left.
 */
import { CONNECT_ERRNO, dialTcp, type Dial } from '../packet/dial';
import { bannerOf, onTerminal } from '../packet/banner';
import type { World } from '../model';
import { output, written, type Chunk, type Process, type ProcessResult } from '../shell/process';
import { hostOf } from '../world';
import { afterClient, ncDialectIn, parseNcArgs, type NcArgs, type NcDialect } from './netcat';
import { HOST_NC_LINE } from './not-simulated';
import { isBusybox, whereIs } from './place';

type Write = readonly [Chunk['stream'], string];

const BUSYBOX_USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\n' +
  'Usage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n\n' +
  '\t-e PROG\tRun PROG after connect (must be last)\n\t-l\tListen mode, for inbound connects\n' +
  '\t-lk\tWith -e, provides persistent server\n\t-p PORT\tLocal port\n\t-s ADDR\tLocal address\n' +
  '\t-w SEC\tTimeout for connects and final net reads\n\t-i SEC\tDelay interval for lines sent\n' +
  "\t-n\tDon't do DNS resolution\n\t-u\tUDP mode\n\t-b\tAllow broadcasts\n\t-v\tVerbose\n" +
  '\t-o FILE\tHex dump traffic\n\t-z\tZero-I/O mode (scanning)\n';

const OPENBSD_USAGE =
  'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n' +
  '\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n' +
  '\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n' +
  '\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n' +
  '\t  [destination] [port]\n';

/** Alpine ships /etc/services; Debian's and Ubuntu's images do not (no netbase), hence `*`. */
const ALPINE_SERVICES: Readonly<Record<string, string>> = {
  '22': 'ssh',
  '23': 'telnet',
  '25': 'smtp',
  '53': 'domain',
  '80': 'http',
  '443': 'https',
  '3306': 'mysql',
};

function dialectOf(p: Process): NcDialect {
  const w = whereIs(p);
  return w.container
    ? ncDialectIn(w.host, w.container)
    : isBusybox(w.userland)
      ? 'busybox'
      : 'openbsd';
}

/** openbsd's `80`, `80 443` and `20-25` port lists, in order. */
function portList(ports: readonly string[]): number[] | undefined {
  const out: number[] = [];
  for (const spec of ports) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = Number(m[2] ?? m[1]);
    for (let n = Math.min(lo, hi); n <= Math.max(lo, hi); n++) out.push(n);
  }
  return out.every((n) => n >= 1 && n <= 65535) ? out : undefined;
}

/** Ctrl+C ends what nc was waiting for: busybox prints `punt!` and dies of SIGINT (130). */
function interrupted(world: World, d: NcDialect, before: readonly Write[]): ProcessResult {
  return d === 'busybox'
    ? { world, exitCode: 130, ...written(...before, ['stdout', '^C'], ['stderr', 'punt!\n']) }
    : { world, exitCode: 0, ...written(...before, ['stdout', '^C']) };
}

function listen(p: Process, d: NcDialect, o: NcArgs): ProcessResult {
  if (d === 'busybox' && o.localPort === undefined) return output(p.world, '', BUSYBOX_USAGE, 1);
  const shown: Write[] = [];
  if (o.verbose)
    shown.push(
      d === 'busybox'
        ? ['stderr', `listening on [::]:${o.localPort} ...\n`]
        : ['stderr', `Listening on 0.0.0.0 ${o.localPort}\n`],
    );
  return interrupted(p.world, d, shown);
}

function busyboxConnect(p: Process, o: NcArgs, host: string, port: number): ProcessResult {
  const dial = dialTcp(p, host, port, 'nc (busybox)', false);
  const traced = (r: ProcessResult): ProcessResult => ({ ...r, trace: dial.trace });
  if (dial.kind === 'no-address')
    return traced(output(dial.world, '', `nc: bad address '${host}'\n`, 1));
  const a = dial.attempts.at(-1)!;
  const where = `${host} (${a.address}:${port})`;
  if (a.failure) {
    // Refusals are reported only from -vv: a scan at -v lists open ports alone.
    const say = o.verbose > 1 || (o.verbose === 1 && a.failure !== 'refused');
    return traced(
      output(dial.world, '', say ? `nc: ${where}: ${CONNECT_ERRNO[a.failure]}\n` : '', 1),
    );
  }
  const opened: Write[] = o.verbose ? [['stderr', `${where} open\n`]] : [];
  return traced(session(p, dial, 'busybox', o, opened));
}

/** After connect(): -z closes at once; else the server's first words, then the end of input. */
function session(
  p: Process,
  dial: Extract<Dial, { kind: 'dialed' }>,
  d: NcDialect,
  o: NcArgs,
  opened: Write[],
): ProcessResult {
  const a = dial.attempts.at(-1)!;
  const world = afterClient(dial.world, p.place.host, a.server, p);
  if (o.zero || a.proxyFailed) return { world, exitCode: 0, ...written(...opened) };
  const banner = onTerminal(bannerOf(hostOf(dial.world, p.place.host), a.server!, p.ctx.rng));
  const shown: Write[] = [...opened, ['stdout', banner]];
  if (!p.tty) return { world, exitCode: 0, ...written(...shown) };
  return interrupted(world, d, shown);
}

function openbsdConnect(
  p: Process,
  o: NcArgs,
  host: string,
  ports: readonly number[],
): ProcessResult {
  const shown: Write[] = [];
  let world = p.world;
  let status = 1;
  let last: ProcessResult | undefined;
  const userland = whereIs(p).userland;
  for (const port of ports) {
    const dial = dialTcp({ ...p, world }, host, port, 'nc (openbsd)', true);
    world = dial.world;
    if (dial.kind === 'no-address') {
      const why =
        dial.error === 'not-found'
          ? 'Name or service not known'
          : 'Temporary failure in name resolution';
      shown.push(['stderr', `nc: getaddrinfo for host "${host}" port ${port}: ${why}\n`]);
      return { world, exitCode: 1, trace: dial.trace, ...written(...shown) };
    }
    for (const a of dial.attempts) {
      const named = host === a.address || o.numeric ? host : `${host} (${a.address})`;
      if (a.failure && o.verbose) {
        const how =
          a.failure === 'timeout' && o.wait !== undefined
            ? 'timed out: Operation now in progress'
            : `failed: ${CONNECT_ERRNO[a.failure]}`;
        shown.push(['stderr', `nc: connect to ${named} port ${port} (tcp) ${how}\n`]);
      } else if (!a.failure && o.verbose) {
        const service = (userland === 'alpine' && ALPINE_SERVICES[String(port)]) || '*';
        shown.push(['stderr', `Connection to ${named} ${port} port [tcp/${service}] succeeded!\n`]);
      }
    }
    if (dial.attempts.at(-1)!.failure) {
      last = { world, exitCode: 1, trace: dial.trace, stdout: '', stderr: '' };
      continue;
    }
    status = 0;
    if (!o.zero)
      return { ...session({ ...p, world }, dial, 'openbsd', o, shown), trace: dial.trace };
    world = afterClient(world, p.place.host, dial.attempts.at(-1)!.server, p);
    last = { world, exitCode: 0, trace: dial.trace, stdout: '', stderr: '' };
  }
  return { ...last!, world, exitCode: status, ...written(...shown) };
}

export function nc(p: Process): ProcessResult {
  if (whereIs(p).userland === 'host') return output(p.world, '', HOST_NC_LINE, 1);
  const d = dialectOf(p);
  const o = parseNcArgs(p.argv.slice(1), d);
  if (o === 'usage') return output(p.world, '', d === 'busybox' ? BUSYBOX_USAGE : OPENBSD_USAGE, 1);
  if ('error' in o) return output(p.world, '', `nc: ${o.error}\n`, 1);
  if (o.udp)
    return output(p.world, '', 'lab: nc -u is not simulated; the lab models TCP connections\n', 1);
  if (o.listen) return listen(p, d, o);
  const host = o.host!;
  if (d === 'busybox') {
    const port = Number(o.ports[0]);
    if (!/^\d+$/.test(o.ports[0]) || port > 65535)
      return output(p.world, '', `nc: bad port '${o.ports[0]}'\n`, 1);
    return busyboxConnect(p, o, host, port);
  }
  const ports = portList(o.ports);
  if (!ports) return output(p.world, '', `nc: port number invalid: ${o.ports.join(' ')}\n`, 1);
  return openbsdConnect(p, o, host, ports);
}
