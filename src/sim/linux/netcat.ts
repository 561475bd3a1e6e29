/**
 * netcat in the lab's images, in its two dialects: busybox's nc (built with NC_110_COMPAT:
 * networking/nc_bloaty.c, `-l -p PORT`, at most HOST PORT) and netcat-openbsd (Debian's 1.219:
 * `nc -l PORT` or `-l -p PORT`, several ports or ranges to scan). Its command line, the socket a
 * container's `nc -l` main process listens on, and that server's end after its one client.
 */
import type { Container, Host, World } from '../model';
import type { Listener } from '../net/sockets';
import type { Process } from '../shell/process';
import { stopContainer } from '../docker/containers';
import { hostOf, updateHost } from '../world';
import { isBusybox } from './place';

export type NcDialect = 'busybox' | 'openbsd';

export interface NcArgs {
  readonly listen: boolean;
  /** -k: keep listening after a client leaves (busybox: only together with -e). */
  readonly keep: boolean;
  readonly zero: boolean;
  /** How many -v were given. */
  readonly verbose: number;
  readonly numeric: boolean;
  readonly udp: boolean;
  /** -w SEC, in seconds. */
  readonly wait?: number;
  /** The local port (-p, or openbsd's `nc -l PORT`). */
  readonly localPort?: string;
  readonly host?: string;
  /** Remote ports as given (openbsd: each may be a range `LO-HI`). */
  readonly ports: readonly string[];
  /** -e PROG…: busybox runs it once a connection opens. */
  readonly exec?: readonly string[];
}

/** The dialect of the nc a container runs: netcat-openbsd once installed, else the image's own. */
export function ncDialectIn(h: Host, c: Container): NcDialect {
  const flavour = h.docker.images.get(c.imageId)?.flavour;
  return !c.installed.includes('nc') && flavour !== undefined && isBusybox(flavour)
    ? 'busybox'
    : 'openbsd';
}

const WITH_VALUE: Readonly<Record<NcDialect, string>> = {
  busybox: 'pswio',
  openbsd: 'IiMmOPpqsTVWwXx',
};

/** Parsed options, or `usage` when the operands do not make a command (each dialect's rules). */
export function parseNcArgs(
  argv: readonly string[],
  d: NcDialect,
): NcArgs | 'usage' | { error: string } {
  const flags = new Map<string, number>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  let exec: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-e' && d === 'busybox') {
      exec = argv.slice(i + 1);
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (WITH_VALUE[d].includes(f)) {
        const v = a.slice(j + 1) || argv[++i];
        if (v === undefined) return 'usage';
        values.set(f, v);
        break;
      }
      if (f === 'e' && d === 'busybox') {
        exec = argv.slice(i + 1);
        i = argv.length;
        break;
      }
      flags.set(f, (flags.get(f) ?? 0) + 1);
    }
  }
  const listen = flags.has('l');
  const base = {
    listen,
    keep: flags.has('k') || (d === 'busybox' && (flags.get('l') ?? 0) > 1),
    zero: flags.has('z'),
    verbose: flags.get('v') ?? 0,
    numeric: flags.has('n'),
    udp: flags.has('u'),
    ...(values.has('w') ? { wait: Number(values.get('w')) } : {}),
    ...(exec ? { exec } : {}),
  };
  if (d === 'busybox') {
    if (operands.length > 2 || (!listen && operands.length < 2)) return 'usage';
    const [host, port] = operands;
    return {
      ...base,
      ...(values.has('p') ? { localPort: values.get('p')! } : {}),
      ...(host !== undefined ? { host } : {}),
      ports: port !== undefined ? [port] : [],
    };
  }
  if (listen && base.zero) return { error: 'cannot use -z and -l' };
  if (!listen && base.keep) return { error: 'must use -l with -k' };
  if (listen) {
    if (operands.length > 1 && values.has('p')) return 'usage';
    const port =
      operands.length === 1 ? operands[0] : operands.length === 0 ? values.get('p') : operands[1];
    if (port === undefined) return { error: 'missing port number' };
    return {
      ...base,
      localPort: port,
      ...(operands.length === 2 ? { host: operands[0] } : {}),
      ports: [],
    };
  }
  if (operands.length < 2)
    return operands.length === 1 ? { error: 'missing port number' } : 'usage';
  return { ...base, host: operands[0], ports: operands.slice(1) };
}

/** The socket a container's main process `nc -l …` listens on, while the container runs. */
export interface NcListen {
  readonly port: number;
  readonly family: 4 | 6;
  readonly addr: string;
  /** It keeps accepting after the first client (busybox: `-lk -e PROG`; openbsd: `-k`). */
  readonly keep: boolean;
}

export function ncListenOf(h: Host, c: Container): NcListen | undefined {
  if (c.path.slice(c.path.lastIndexOf('/') + 1) !== 'nc') return undefined;
  const d = ncDialectIn(h, c);
  const o = parseNcArgs(c.args, d);
  if (typeof o !== 'object' || 'error' in o || !o.listen || o.udp) return undefined;
  const port = Number(o.localPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  // busybox opens an IPv6 socket when no address is given (dual-stack `::`); openbsd binds IPv4.
  return d === 'busybox'
    ? { port, family: 6, addr: '::', keep: o.keep && o.exec !== undefined }
    : { port, family: 4, addr: '0.0.0.0', keep: o.keep };
}

/** A single-shot `nc -l` server exits when its client leaves, and its container with it. */
export function afterClient(
  world: World,
  hostName: string,
  server: Listener | undefined,
  p: Process,
): World {
  if (server?.service !== 'nc' || !server.containerId) return world;
  const h = hostOf(world, hostName);
  const c = h.docker.containers.get(server.containerId);
  if (!c || ncListenOf(h, c)?.keep) return world;
  const r = updateHost(world, hostName, (draft) => {
    stopContainer(draft, server.containerId!, 0, p.ctx);
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : world;
}
