/**
 * Listening TCP sockets, derived from the world (nothing is stored): the host's sshd, the
 * docker-proxy processes the daemon starts for each published port (userland-proxy, the default),
 * and the server an image's default command starts — in the container's namespace, the donor's for
 * `container:` joiners, the host's for `--network host` (seed 002: `netstat -nltp | grep nginx` on
 * the host shows nginx's master process on 0.0.0.0:80 and :::80).
 *
 * Address families follow what each server binds: nginx's default.conf has `listen 80;` and the
 * entrypoint adds `listen [::]:80;`; redis 7 binds `* -::*`; Apache, Tomcat and MySQL bind one
 * dual-stack `::` socket (netstat shows only a tcp6 line, which still takes IPv4 connections);
 * docker-proxy runs once per family for a 0.0.0.0 binding (seed 002: two PIDs, 0.0.0.0:80 and :::80).
 */
import type { Draft } from 'immer';
import type { Container, Host, Ipv4 } from '../model';
import { gatewayEndpoint } from '../docker/endpoint';
import type { HostDraft } from './kernel';
import { netnsOfContainer } from '../linux/place';
import { ncListenOf } from '../linux/netcat';

/** What answers on a socket: decides the bytes a client gets back. */
export type Service =
  | 'nginx'
  | 'httpd'
  | 'tomcat'
  | 'redis'
  | 'mysql'
  | 'mysqlx'
  | 'wordpress'
  /** distribution's registry: the Docker Registry HTTP API v2. */
  | 'registry'
  | 'sshd'
  /** A container's main process `nc -l` (linux/nc-args.ts). */
  | 'nc'
  | 'docker-proxy'
  /** dockerd in swarm mode: a manager's cluster port 2377 and every node's gossip port 7946. */
  | 'dockerd'
  /** A public site on the lab's internet (packet/outside.ts). */
  | 'web-site';

export interface Listener {
  readonly netns: string;
  readonly family: 4 | 6;
  /** `0.0.0.0`, `::` or a specific address. */
  readonly addr: string;
  readonly port: number;
  /** listen() backlog, as `ss -l` shows in Send-Q. */
  readonly backlog: number;
  readonly service: Service;
  /** PID as seen from the host's PID namespace. */
  readonly pid: number;
  /** PID inside the container's own PID namespace (its main process is 1). */
  readonly containerPid?: number;
  /** The container whose process owns the socket. */
  readonly containerId?: string;
  /** First NUL-separated word of /proc/PID/cmdline (setproctitle titles keep their spaces). */
  readonly cmdline: string;
  /** `comm`, as `ss -p` prints it. */
  readonly comm: string;
  /** docker-proxy forwards to the container's address and port. */
  readonly forward?: { readonly ip: Ipv4; readonly port: number; readonly containerId: string };
}

/** The host's sshd (CentOS Stream 9, OpenSSH 8.7: the listener retitles itself). */
export const SSHD_PID = 1021;
const SSHD_TITLE = 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups';

interface ServerSpec {
  readonly service: Service;
  readonly ports: readonly { port: number; families: readonly (4 | 6)[]; service?: Service }[];
  readonly backlog: number;
  readonly cmdline: string;
  readonly comm: string;
}

const SERVERS: Readonly<Record<string, ServerSpec>> = {
  nginx: {
    service: 'nginx',
    ports: [{ port: 80, families: [4, 6] }],
    backlog: 511,
    cmdline: 'nginx: master process nginx -g daemon off;',
    comm: 'nginx',
  },
  httpd: {
    service: 'httpd',
    ports: [{ port: 80, families: [6] }],
    backlog: 511,
    cmdline: 'httpd',
    comm: 'httpd',
  },
  tomcat: {
    service: 'tomcat',
    ports: [{ port: 8080, families: [6] }],
    backlog: 100,
    cmdline: '/opt/java/openjdk/bin/java',
    comm: 'java',
  },
  redis: {
    service: 'redis',
    ports: [{ port: 6379, families: [4, 6] }],
    backlog: 511,
    cmdline: 'redis-server *:6379',
    comm: 'redis-server',
  },
  mysql: {
    service: 'mysql',
    ports: [
      { port: 3306, families: [6] },
      { port: 33060, families: [6], service: 'mysqlx' },
    ],
    backlog: 151,
    cmdline: 'mysqld',
    comm: 'mysqld',
  },
  // Go listens on `:5000`, one dual-stack socket; its backlog is the kernel's somaxconn.
  registry: {
    service: 'registry',
    ports: [{ port: 5000, families: [6] }],
    backlog: 4096,
    cmdline: 'registry',
    comm: 'registry',
  },
  wordpress: {
    service: 'wordpress',
    ports: [{ port: 80, families: [6] }],
    backlog: 511,
    cmdline: 'apache2',
    comm: 'apache2',
  },
};

/** The server a container's main process runs, when it runs its image's default command. */
export function serverOf(h: Host, c: Container): ServerSpec | undefined {
  const image = h.docker.images.get(c.imageId);
  if (!image) return undefined;
  const spec = SERVERS[(image.origin ?? image).repo.replace(/^library\//, '')];
  if (!spec) return undefined;
  const wanted = [...(image.entrypoint ?? []), ...image.cmd];
  const actual = [c.path, ...c.args];
  return wanted.length === actual.length && wanted.every((w, i) => w === actual[i])
    ? spec
    : undefined;
}

/** docker-proxy PIDs: started just before the container's init (moby starts proxies at bind time). */
function proxyPid(c: Container, index: number): number {
  return c.state.pid - 36 + 6 * index;
}

/** Every listening TCP socket on the host, in every namespace. */
export function listeningSockets(h: Host): Listener[] {
  const out: Listener[] = [sshd(4, '0.0.0.0'), sshd(6, '::'), ...swarmPorts(h)];
  const containers = [...h.docker.containers.values()].filter((c) => c.state.status === 'running');
  for (const c of containers) {
    let n = 0;
    for (const m of c.ports) {
      if (m.proto !== 'tcp') continue;
      const ip = containerAddress(h, c);
      if (!ip) continue;
      const families: [4 | 6, string][] =
        m.hostIp === '0.0.0.0'
          ? [
              [4, '0.0.0.0'],
              [6, '::'],
            ]
          : [[4, m.hostIp]];
      for (const [family, addr] of families)
        out.push({
          netns: 'host',
          family,
          addr,
          port: m.hostPort,
          backlog: 4096,
          service: 'docker-proxy',
          pid: proxyPid(c, n++),
          cmdline: '/usr/bin/docker-proxy',
          comm: 'docker-proxy',
          forward: { ip, port: m.containerPort, containerId: c.id },
        });
    }
    const netns = netnsOfContainer(c);
    const nc = netns ? ncListenOf(h, c) : undefined;
    if (nc && netns)
      out.push({
        netns,
        family: nc.family,
        addr: nc.addr,
        port: nc.port,
        backlog: 1,
        service: 'nc',
        pid: c.state.pid,
        containerPid: 1,
        containerId: c.id,
        cmdline: c.path,
        comm: 'nc',
      });
    const spec = serverOf(h, c);
    if (!spec || !netns) continue;
    for (const p of spec.ports)
      for (const family of p.families)
        out.push({
          netns,
          family,
          addr: family === 4 ? '0.0.0.0' : '::',
          port: p.port,
          backlog: spec.backlog,
          service: p.service ?? spec.service,
          pid: c.state.pid,
          containerPid: 1,
          containerId: c.id,
          cmdline: spec.cmdline,
          comm: spec.comm,
        });
  }
  return out;
}

/** Go listens on `[::]` for both families; workers have no cluster port, only the gossip one. */
function swarmPorts(h: Host): Listener[] {
  const swarm = h.docker.swarm;
  const pid = h.docker.service?.pid;
  if (swarm?.state !== 'active' || pid === undefined) return [];
  const ports = swarm.manager ? [2377, 7946] : [7946];
  return ports.map((port) => ({
    netns: 'host',
    family: 6,
    addr: '::',
    port,
    backlog: 4096,
    service: 'dockerd',
    pid,
    cmdline: '/usr/bin/dockerd',
    comm: 'dockerd',
  }));
}

function sshd(family: 4 | 6, addr: string): Listener {
  return {
    netns: 'host',
    family,
    addr,
    port: 22,
    backlog: 128,
    service: 'sshd',
    pid: SSHD_PID,
    cmdline: SSHD_TITLE,
    comm: 'sshd',
  };
}

/** The address docker-proxy dials: the DNAT target, the gateway endpoint's (ports.ts binds there). */
function containerAddress(h: Host, c: Container): Ipv4 | undefined {
  // Read-only use of the draft-typed helper: it only filters and sorts.
  return gatewayEndpoint(h as unknown as HostDraft, c as Draft<Container>)?.e.joined?.ip;
}

/** Sockets of one namespace, in /proc/net/tcp then tcp6 order (listening hash bucket, port & 31). */
export function socketsIn(h: Host, netns: string): Listener[] {
  const all = listeningSockets(h).filter((l) => l.netns === netns);
  const byBucket = (a: Listener, b: Listener) => (a.port & 31) - (b.port & 31);
  return [
    ...all.filter((l) => l.family === 4).sort(byBucket),
    ...all.filter((l) => l.family === 6).sort(byBucket),
  ];
}

/**
 * The socket an IPv4 SYN to `dst:port` in `netns` reaches: an exact IPv4 bind, then an IPv4
 * wildcard, then a dual-stack `::` socket (the kernel scores AF_INET sockets higher for IPv4).
 */
export function findListener(
  h: Host,
  netns: string,
  dst: Ipv4,
  port: number,
): Listener | undefined {
  const here = listeningSockets(h).filter((l) => l.netns === netns && l.port === port);
  return (
    here.find((l) => l.family === 4 && l.addr === dst) ??
    here.find((l) => l.family === 4 && l.addr === '0.0.0.0') ??
    here.find((l) => l.family === 6 && l.addr === '::')
  );
}
