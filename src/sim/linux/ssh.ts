/**
 * `ssh` from the host to the LAN client (10.0.2.20): a login shell on another machine of the LAN,
 * so published ports can be tried the way the rest of the network reaches them. The lab set up
 * key-based login for root, so OpenSSH asks nothing; sshd prints its `Last login:` line (ctime
 * format, session.c) and the terminal's next lines run on the client until `exit` (bash says
 * `logout`, then ssh `Connection to … closed.`). `ssh HOST COMMAND` runs one command there.
 *
 * The client is a plain Linux box: lo and eth0 (10.0.2.20/24 by DHCP), and a few tools.
 *
 * The lab's other Docker hosts (`lab add-host`) run sshd too and trust each other's root key:
 * `ssh NAME` there moves the terminal to that host (its prompt, daemon and kernel) until `exit`.
 */
import { MONTHS, weekday } from '../format/log-times';
import { utcFields } from '../format/units';
import type { World } from '../model';
import { isIpv4 } from '../net/ipv4';
import { connectTcp, type ConnectFailure } from '../packet/tcp';
import { eth0Address } from '../lab/add-host';
import { loginVars } from '../world';
import { LAN_CLIENT, LAN_CLIENT_HOSTNAME, LAN_CLIENT_MAC, lanClientRoutes } from '../packet/lan';
import { failure, output, type Process, type ProcessResult, type Program } from '../shell/process';
import { whereIs } from './place';

/** Programs on the client's PATH that the lab models (plus the shell's builtins). */
export const LAN_CLIENT_TOOLS: ReadonlySet<string> = new Set([
  'curl',
  'ping',
  'ip',
  'hostname',
  'cat',
  'grep',
  'head',
  'tail',
  'wc',
  'cut',
  'sleep',
  'whoami',
  'id',
]);

/** ctime(3) in UTC without its newline: `Thu Jan 15 07:58:12 2026` (day space-padded). */
export function ctime(ms: number): string {
  const t = utcFields(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${weekday(ms)} ${MONTHS[t.mo - 1]} ${String(t.d).padStart(2)} ${two(t.h)}:${two(t.mi)}:${two(t.s)} ${t.y}`;
}

const USAGE =
  'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]\n' +
  '           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]\n' +
  '           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]\n' +
  '           [-i identity_file] [-J [user@]host[:port]] [-L address]\n' +
  '           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]\n' +
  '           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]\n' +
  '           [-w local_tun[:remote_tun]] destination [command [argument ...]]\n';

const WITH_VALUE = new Set('BbcDEeFIiJLlmOopQRSWw'.split(''));

function parseArgs(argv: readonly string[]): { target?: string; command: string[] } {
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') break;
    const last = a[a.length - 1];
    if (a.length === 2 && WITH_VALUE.has(last)) i++;
  }
  return { target: argv[i], command: argv.slice(i + 1) };
}

/** Where a name points, as the host's /etc/hosts says (the LAN has no DNS for its boxes). */
function resolveTarget(p: Process, name: string): string | undefined {
  if (isIpv4(name)) return name;
  const hosts = whereIs(p).host.files['/etc/hosts'] ?? '';
  for (const line of hosts.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && names.includes(name) && isIpv4(ip)) return ip;
  }
  if (name === 'localhost') return '127.0.0.1';
  return undefined;
}

export const ssh: Program = (p) => {
  const { target, command } = parseArgs(p.argv);
  if (!target) return output(p.world, '', USAGE, 255);
  const host = target.slice(target.lastIndexOf('@') + 1);
  const ip = resolveTarget(p, host);
  if (!ip)
    return failure(
      p.world,
      `ssh: Could not resolve hostname ${host}: Name or service not known`,
      255,
    );
  // Each lab host's authorized_keys holds the other hosts' root keys, not its own.
  const labHost = Object.values(p.world.hosts).find(
    (h) => eth0Address(h) === ip && h.hostname !== p.place.host,
  );
  if (labHost) return toLabHost(p, host, ip, labHost.hostname, command);
  if (ip !== LAN_CLIENT) return elsewhere(p, host, ip);
  const client = { host: p.place.host, lanClient: true as const };
  if (command.length)
    return p.spawn(p.world, client, command, { stdin: p.stdin, tty: false, via: 'shell' });
  const frame = { containerId: '', program: 'bash', main: false, lanClient: true as const };
  const world: World = {
    ...p.world,
    terminal: { ...p.world.terminal, shells: [...p.world.terminal.shells, frame] },
  };
  // The previous session: the lab's own setup login, a few hours before.
  const last = p.ctx.now - 3 * 3600_000 - p.ctx.rng.int(0, 3599) * 1000;
  return output(world, `Last login: ${ctime(last)} from 10.0.2.15\n`);
};

/**
 * Another Docker host of the lab (`lab add-host`): its sshd takes root's lab key, so this is a
 * real TCP connection to port 22 across the LAN, then a login shell there (the terminal's lines
 * run on that host until `exit`) or, with a command, `bash -c` of the command line as sshd runs it.
 */
function toLabHost(
  p: Process,
  shown: string,
  ip: string,
  name: string,
  command: readonly string[],
): ProcessResult {
  const where = whereIs(p);
  if (!where.netns)
    return failure(p.world, `ssh: connect to host ${shown} port 22: Network is unreachable`, 255);
  const conn = connectTcp(p.world, p.place.host, where.netns, ip, 22, 'ssh');
  if (!conn.ok) return { ...refused(conn.world, shown, conn.failure), trace: conn.trace };
  if (command.length) {
    const r = p.spawn(conn.world, { host: name, cwd: '/root' }, ['bash', '-c', command.join(' ')], {
      stdin: p.stdin,
      tty: false,
      via: 'exec',
    });
    return { ...r, trace: conn.trace };
  }
  const { hashed, aliases, ...t } = conn.world.terminal;
  const left = {
    host: t.host,
    shells: t.shells,
    vars: t.vars,
    target: shown,
    ...(hashed ? { hashed } : {}),
    ...(aliases ? { aliases } : {}),
  };
  const outer = [...(t.outer ?? []), left];
  const world: World = {
    ...conn.world,
    terminal: { ...t, host: name, shells: [], vars: loginVars(name), outer },
  };
  // The previous session: the lab's provisioning, through the hypervisor's gateway.
  const last = p.ctx.now - 3 * 3600_000 - p.ctx.rng.int(0, 3599) * 1000;
  return {
    ...output(
      world,
      `Last login: ${ctime(last)} from ${p.world.lan.gateway}
`,
    ),
    trace: conn.trace,
  };
}

function refused(world: World, name: string, why: ConnectFailure): ProcessResult {
  const text = {
    refused: 'Connection refused',
    timeout: 'Connection timed out',
    unreachable: 'Network is unreachable',
    'host-unreachable': 'No route to host',
  }[why];
  return failure(world, `ssh: connect to host ${name} port 22: ${text}`, 255);
}

/** Any other machine: only the Docker hosts run an sshd, and the lab holds no key for it. */
function elsewhere(p: Process, name: string, ip: string): ProcessResult {
  const where = whereIs(p);
  if (!where.netns)
    return failure(p.world, `ssh: connect to host ${name} port 22: Network is unreachable`, 255);
  const conn = connectTcp(p.world, p.place.host, where.netns, ip, 22, 'ssh');
  if (conn.ok)
    return {
      ...failure(
        conn.world,
        `root@${name}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).`,
        255,
      ),
      trace: conn.trace,
    };
  return { ...refused(conn.world, name, conn.failure), trace: conn.trace };
}

/** `ip` on the client: its two interfaces and its DHCP routes. */
export const lanClientIp: Program = (p) => {
  const args = p.argv.slice(1).filter((a) => a !== '-4');
  const object = args[0] ?? '';
  if ('address'.startsWith(object) && object) return output(p.world, addrText());
  if ('route'.startsWith(object) && object)
    return output(
      p.world,
      lanClientRoutes(p.world.lan)
        .map((l) => `${l}\n`)
        .join(''),
    );
  if ('link'.startsWith(object) && object) return output(p.world, linkText());
  return failure(p.world, `Object "${object}" is unknown, try "ip help".`, 1);
};

function linkText(): string {
  return (
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n' +
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
    '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\n' +
    `    link/ether ${LAN_CLIENT_MAC} brd ff:ff:ff:ff:ff:ff\n`
  );
}

function addrText(): string {
  return (
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
    '    inet 127.0.0.1/8 scope host lo\n' +
    '       valid_lft forever preferred_lft forever\n' +
    '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n' +
    `    link/ether ${LAN_CLIENT_MAC} brd ff:ff:ff:ff:ff:ff\n` +
    `    inet ${LAN_CLIENT}/24 brd 10.0.2.255 scope global dynamic noprefixroute eth0\n` +
    '       valid_lft 86085sec preferred_lft 86085sec\n'
  );
}

export const lanClientHostname: Program = (p) => output(p.world, `${LAN_CLIENT_HOSTNAME}\n`);

/** Programs that answer differently on the client than on the Docker host. */
export const LAN_CLIENT_PROGRAMS: Readonly<Record<string, Program>> = {
  ip: lanClientIp,
  hostname: lanClientHostname,
};
