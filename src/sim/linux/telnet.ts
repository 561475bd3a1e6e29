/**
 * `telnet HOST [PORT]` through the lab's network (packet/dial.ts), worded as the telnet of the
 * place: busybox's applet (busybox image; Alpine's comes with busybox-extras), GNU inetutils
 * (Debian and Ubuntu's `telnet` package), and RHEL's netkit-derived client (the CentOS host and
 * CentOS images).
 *
 * The lab cannot hold an interactive session, so once connected it shows what the server sent at
 * once (MySQL's handshake, sshd's version) and then leaves the way a learner would, and the
 * transcript shows those keys: busybox telnet in line mode takes Ctrl+C to its console-escape menu
 * (the terminal echoes `^C`) and `e` exits, unechoed; inetutils and netkit take Ctrl+] (echoed as
 * `^]`) to the `telnet>` prompt, where `quit` closes with `Connection closed.`. Without a terminal
 * (`docker exec` without -t, or input from a pipe) telnet sends its input and stops at its end:
 * busybox quietly, the others with `Connection closed by foreign host.`
 */
import { own } from '../own';
import { CONNECT_ERRNO, dialTcp, type Attempt } from '../packet/dial';
import { bannerOf, onTerminal, withoutTelnetCommands } from '../packet/banner';
import { output, written, type Chunk, type Process, type ProcessResult } from '../shell/process';
import { hostOf } from '../world';
import { afterClient } from './netcat';
import { isBusybox, whereIs } from './place';

type Dialect = 'busybox' | 'inetutils' | 'rhel';
type Write = readonly [Chunk['stream'], string];

/** The few /etc/services names the CentOS host resolves for a port given by name. */
const SERVICES: Readonly<Record<string, number>> = {
  telnet: 23,
  ssh: 22,
  smtp: 25,
  http: 80,
  https: 443,
  mysql: 3306,
};

const BUSYBOX_USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: telnet [-a] [-l USER] HOST [PORT]\n\nConnect to telnet server\n\n\t-a\tAutomatic login with $USER variable\n\t-l USER\tAutomatic login as USER\n';

const CONSOLE_ESCAPE =
  '\nConsole escape. Commands are:\n\n l\tgo to line mode\n c\tgo to character mode\n z\tsuspend telnet\n e\texit telnet\n';

function dialectOf(p: Process): Dialect {
  const w = whereIs(p);
  if (isBusybox(w.userland)) return 'busybox';
  return w.userland === 'debian' ? 'inetutils' : 'rhel';
}

/** The port operand, or the message the dialect prints for one it cannot use. */
function portOf(d: Dialect, host: string, arg: string | undefined): number | string {
  const spec = arg ?? 'telnet';
  if (/^\d+$/.test(spec) && Number(spec) <= 65535) return Number(spec);
  if (d === 'busybox') return arg === undefined ? 23 : `telnet: bad port '${spec}'\n`;
  if (/^\d+$/.test(spec))
    return d === 'inetutils'
      ? `Port number ${spec} is out of range.\n`
      : `telnet: port ${spec} out of range\n`;
  // Debian's images have no /etc/services (no netbase), so only the CentOS host knows names.
  const known = own(SERVICES, spec);
  if (d === 'rhel' && known !== undefined) return known;
  return d === 'inetutils'
    ? `Server lookup failure:  ${host}:${spec}, Servname not supported for ai_socktype\n`
    : `telnet: ${spec}: bad port\n`;
}

/** stdout and stderr of the connection attempts before the one that connected (or the last). */
function attemptLines(d: Dialect, attempts: readonly Attempt[]): Write[] {
  const lines: Write[] = [];
  attempts.forEach((a, i) => {
    lines.push(['stdout', `Trying ${a.address}...\n`]);
    if (!a.failure) return;
    const errno = CONNECT_ERRNO[a.failure];
    if (d === 'rhel') lines.push(['stderr', `telnet: connect to address ${a.address}: ${errno}\n`]);
    else if (i < attempts.length - 1) lines.push(['stderr', `Connection failed: ${errno}\n`]);
    else lines.push(['stderr', `telnet: Unable to connect to remote host: ${errno}\n`]);
  });
  return lines;
}

export function telnet(p: Process): ProcessResult {
  const d = dialectOf(p);
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [host, portArg] = args;
  if (host === undefined || args.length > 2) {
    if (d === 'busybox') return output(p.world, '', BUSYBOX_USAGE, 1);
    // Without a host both clients read commands; at the end of input they quit.
    return output(p.world, 'telnet> \n');
  }
  const port = portOf(d, host, portArg);
  if (typeof port === 'string')
    return d === 'inetutils' ? output(p.world, port, '', 1) : output(p.world, '', port, 1);
  const dial = dialTcp(p, host, port, `telnet (${d})`, d !== 'busybox');
  const traced = (r: ProcessResult): ProcessResult => ({ ...r, trace: dial.trace });
  if (dial.kind === 'no-address') {
    const why =
      dial.error === 'not-found'
        ? 'Name or service not known'
        : 'Temporary failure in name resolution';
    if (d === 'busybox')
      return traced(output(dial.world, '', `telnet: bad address '${host}'\n`, 1));
    if (d === 'inetutils')
      return traced(output(dial.world, `Server lookup failure:  ${host}:${port}, ${why}\n`, '', 1));
    const herror = dial.error === 'not-found' ? `${host}: Unknown host\n` : '';
    return traced(output(dial.world, '', `telnet: ${host}: ${why}\n${herror}`, 1));
  }
  const last = dial.attempts.at(-1)!;
  if (last.failure) {
    if (d === 'busybox')
      return traced(
        output(
          dial.world,
          '',
          `telnet: can't connect to remote host (${last.address}): ${CONNECT_ERRNO[last.failure]}\n`,
          1,
        ),
      );
    return traced({
      world: dial.world,
      exitCode: 1,
      ...written(...attemptLines(d, dial.attempts)),
    });
  }
  const opened: Write[] =
    d === 'busybox'
      ? [['stdout', `Connected to ${host}\n`]]
      : [
          ...attemptLines(d, dial.attempts),
          ['stdout', `Connected to ${host}.\nEscape character is '^]'.\n`],
        ];
  // A docker-proxy that cannot reach its container resets the connection it accepted.
  if (last.proxyFailed)
    return traced({
      world: dial.world,
      exitCode: 1,
      ...written(...opened, [
        'stderr',
        `Connection closed by foreign host${d === 'busybox' ? '' : '.'}\n`,
      ]),
    });
  const banner = onTerminal(
    withoutTelnetCommands(bannerOf(hostOf(dial.world, p.place.host), last.server!, p.ctx.rng)),
  );
  const world = afterClient(dial.world, p.place.host, last.server, p);
  if (!p.tty) {
    if (d === 'busybox') return traced({ world, exitCode: 0, ...written(...opened) });
    const code = d === 'rhel' ? 1 : 0;
    return traced({
      world,
      exitCode: code,
      ...written(...opened, ['stdout', banner], ['stderr', 'Connection closed by foreign host.\n']),
    });
  }
  const leave = d === 'busybox' ? `^C${CONSOLE_ESCAPE}` : '^]\ntelnet> quit\nConnection closed.\n';
  return traced({ world, exitCode: 0, ...written(...opened, ['stdout', banner + leave]) });
}
