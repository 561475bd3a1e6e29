/**
 * What an image's own server writes as it starts, line by line with the time each line takes, as
 * `docker logs` shows it: nginx's entrypoint and notices, Redis, Tomcat, Apache httpd, WordPress's
 * Apache and MySQL (mysql-startup.ts). Kept to the lines a real start prints, in their streams.
 */
import type { Container, Host } from '../model';
import { apacheErrorTime, nginxErrorTime, redisTime, tomcatTime } from '../format/log-times';
import { KERNEL_RELEASE } from '../linux/system';
import type { Service } from '../net/sockets';
import { nginxVersion, tomcatVersion, wordpressStack } from '../packet/http-releases';
import { rngForContent } from '../rng';
import type { LogWrite } from './container-logs';
import { HOST_CPUS } from './host-facts';
import { mysqlStartup } from './mysql-startup';

/** The lines a server writes as it starts; `exitCode` when it gives up after the last one. */
export interface Startup {
  readonly writes: readonly LogWrite[];
  readonly exitCode?: number;
}

/** Writes `lines` to `stream`, the i-th `offsets[i]` ms after `at` (the last offset repeats). */
export function timed(
  stream: LogWrite['stream'],
  at: number,
  lines: readonly string[],
  offsets: readonly number[] = [0],
): LogWrite[] {
  return lines.map((l, i) => ({
    stream,
    text: `${l}\n`,
    at: at + (offsets[Math.min(i, offsets.length - 1)] ?? 0),
  }));
}

/** Whether an earlier run of `c` wrote `text` (what its volume then holds). */
export const wroteBefore = (c: Container, text: string): boolean =>
  (c.logs ?? []).some((e) => e.text.includes(text));

/** The address a server finds for its own hostname: the container's first IP. */
function ownAddress(h: Host, c: Container): string {
  if (c.hostConfig.networkMode === 'host')
    return (
      h.netns.get('host')?.links.find((l) => l.name === 'eth0')?.addresses[0]?.ip ?? '127.0.0.1'
    );
  return c.endpoints.find((e) => e.joined)?.joined?.ip ?? '127.0.0.1';
}

function nginx(h: Host, c: Container, at: number): Startup {
  const image = h.docker.images.get(c.imageId);
  const alpine = image?.flavour === 'alpine';
  const ep = '/docker-entrypoint.sh';
  const v = nginxVersion(image?.tag);
  // GCC's version string ends in a space, and nginx prints it as it is.
  const gcc = alpine
    ? '13.2.1 20240309 (Alpine 13.2.1_git20240309) '
    : v === '1.22.1'
      ? '10.2.1 20210110 (Debian 10.2.1-6) '
      : '12.2.0 (Debian 12.2.0-14) ';
  const firstWorker = alpine ? 30 : 29;
  const notices = [
    'using the "epoll" event method',
    `nginx/${v}`,
    `built by gcc ${gcc}`,
    `OS: Linux ${KERNEL_RELEASE}`,
    // systemd's LimitNOFILE=infinity on an EL9 host, as dockerd passes it on.
    'getrlimit(RLIMIT_NOFILE): 1073741816:1073741816',
    'start worker processes',
    // worker_processes auto: one per CPU.
    ...Array.from({ length: HOST_CPUS }, (_, i) => `start worker process ${firstWorker + i}`),
  ];
  const t = at + 41;
  return {
    writes: [
      ...timed(
        'stdout',
        at,
        [
          `${ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
          `${ep}: Looking for shell scripts in /docker-entrypoint.d/`,
          `${ep}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
          '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
          '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
          `${ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
          `${ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
          `${ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
          `${ep}: Configuration complete; ready for start up`,
        ],
        [2, 3, 4, 11, 19, 21, 24, 33, 38],
      ),
      // The official image links nginx's error_log to /dev/stderr.
      ...timed(
        'stderr',
        t,
        notices.map((m) => `${nginxErrorTime(t)} [notice] 1#1: ${m}`),
      ),
    ],
  };
}

function redis(at: number): Startup {
  // [ms after start, role (C: the config phase, M: the master), level mark and message]
  const lines: [number, string, string][] = [
    [6, 'C', '* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'],
    [6, 'C', '* Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started'],
    [
      6,
      'C',
      '# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
    ],
    [7, 'M', '* monotonic clock: POSIX clock_gettime'],
    [8, 'M', '* Running mode=standalone, port=6379.'],
    [9, 'M', '* Server initialized'],
    [9, 'M', '* Ready to accept connections tcp'],
  ];
  return {
    writes: lines.map(([ms, role, m]) => ({
      stream: 'stdout',
      text: `1:${role} ${redisTime(at + ms)} ${m}\n`,
      at: at + ms,
    })),
  };
}

function tomcat(h: Host, c: Container, at: number): Startup {
  const v = tomcatVersion(h.docker.images.get(c.imageId)?.tag);
  const cls = 'org.apache.catalina.startup';
  const offsets = [112, 118, 402, 431, 432, 447, 470];
  const messages = [
    `[main] ${cls}.VersionLoggerListener.log Server version name:   Apache Tomcat/${v}`,
    `[main] ${cls}.VersionLoggerListener.log CATALINA_HOME:         /usr/local/tomcat`,
    '[main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]',
    '[main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]',
    `[main] org.apache.catalina.core.StandardEngine.startInternal Starting Servlet engine: [Apache Tomcat/${v}]`,
    '[main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]',
    `[main] ${cls}.Catalina.start Server startup in [78] milliseconds`,
  ];
  // java.util.logging's ConsoleHandler writes to stderr.
  return {
    writes: timed(
      'stderr',
      at,
      messages.map((m, i) => `${tomcatTime(at + offsets[i])} INFO ${m}`),
      offsets,
    ),
  };
}

/**
 * Apache's own start: the server-name warning from the configuration pass and again from the
 * real start (stderr until ErrorLog opens, which the images point at stderr too), then its notices.
 */
function apache(
  c: Container,
  at: number,
  o: { name: string; address: string; mpm: string; version: string; command: string },
): LogWrite[] {
  const warning = `AH00558: ${o.name}: Could not reliably determine the server's fully qualified domain name, using ${o.address}. Set the 'ServerName' directive globally to suppress this message`;
  const rng = rngForContent(`${c.id}:${at}`);
  const nanos = rng.int(0, 900_000);
  const t = at + 29;
  // mpm_event logs the thread (a pthread_t, an address); prefork has only the process.
  const who =
    o.mpm === 'event'
      ? `[pid 1:tid ${140_000_000_000_000 + rng.int(0, 999_999) * 4096}]`
      : '[pid 1]';
  const code = o.mpm === 'event' ? 'AH00489' : 'AH00163';
  return [
    ...timed('stderr', at, [warning, warning], [14, 22]),
    ...timed('stderr', t, [
      `[${apacheErrorTime(t, nanos)}] [mpm_${o.mpm}:notice] ${who} ${code}: ${o.version} configured -- resuming normal operations`,
      `[${apacheErrorTime(t, nanos + 79_000)}] [core:notice] ${who} AH00094: Command line: '${o.command}'`,
    ]),
  ];
}

function httpd(h: Host, c: Container, at: number): Startup {
  return {
    writes: apache(c, at, {
      name: 'httpd',
      address: ownAddress(h, c),
      mpm: 'event',
      version: 'Apache/2.4.62 (Unix)',
      command: 'httpd -D FOREGROUND',
    }),
  };
}

/** The entrypoint copies WordPress into its volume on the first start (seed 002's log). */
function wordpress(h: Host, c: Container, at: number): Startup {
  const dir = '/var/www/html';
  const copied = 'WordPress has been successfully copied';
  const wpEnvs = c.config.env
    .map((e) => e.slice(0, e.indexOf('=')))
    .filter((n) => n.startsWith('WORDPRESS_'))
    .sort();
  const first = wroteBefore(c, copied)
    ? []
    : [
        `WordPress not found in ${dir} - copying now...`,
        `Complete! ${copied} to ${dir}`,
        ...(wpEnvs.length
          ? [
              `No 'wp-config.php' found in ${dir}, but 'WORDPRESS_...' variables supplied; copying 'wp-config-docker.php' (${wpEnvs.join(' ')})`,
            ]
          : []),
      ];
  const stack = wordpressStack(h.docker.images.get(c.imageId)?.tag);
  return {
    writes: [
      ...timed('stderr', at, first, [3, 812, 815]),
      ...apache(c, at + (first.length ? 820 : 0), {
        name: 'apache2',
        address: ownAddress(h, c),
        mpm: 'prefork',
        version: `${stack.apache} ${stack.php}`,
        command: 'apache2 -D FOREGROUND',
      }),
    ],
  };
}

/** The start-up of `service`, the server `c` runs as its image's own command. */
export function serviceStartup(h: Host, c: Container, service: Service, at: number): Startup {
  switch (service) {
    case 'nginx':
      return nginx(h, c, at);
    case 'redis':
      return redis(at);
    case 'tomcat':
      return tomcat(h, c, at);
    case 'httpd':
      return httpd(h, c, at);
    case 'wordpress':
      return wordpress(h, c, at);
    case 'mysql':
      return mysqlStartup(h, c, at);
    default:
      return { writes: [] };
  }
}
