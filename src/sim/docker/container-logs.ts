/**
 * What `docker logs` replays: the start-up banner a service image prints each time it starts
 * (nginx's entrypoint and notices, redis, tomcat), plus whatever a one-off command wrote. Kept
 * short; the times come from the container's own start time so the output is deterministic.
 */
import type { Container, Image } from '../model';
import { utcFields } from '../format/units';

export interface LogText {
  readonly stdout: string;
  readonly stderr: string;
}

const p2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function nginxBanner(at: number): LogText {
  const t = utcFields(at);
  const stamp = `${t.y}/${p2(t.mo)}/${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
  const ep = '/docker-entrypoint.sh';
  const stdout = [
    `${ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${ep}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${ep}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    `${ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
    `${ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
    `${ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
    `${ep}: Configuration complete; ready for start up`,
  ];
  // nginx's error_log is linked to /dev/stderr in the official image.
  const stderr = [
    'using the "epoll" event method',
    'nginx/1.27.3',
    'built by gcc 12.2.0 (Debian 12.2.0-12)',
    'OS: Linux 5.14.0-503.el9.x86_64',
    'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    'start worker processes',
    'start worker process 29',
  ].map((m) => `${stamp} [notice] 1#1: ${m}`);
  return { stdout: lines(stdout), stderr: lines(stderr) };
}

function redisBanner(at: number): LogText {
  const t = utcFields(at);
  const ms = String(at % 1000).padStart(3, '0');
  const stamp = `${p2(t.d)} ${MONTHS[t.mo - 1]} ${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${ms}`;
  const stdout = [
    `1:C ${stamp} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${stamp} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${stamp} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
    `1:M ${stamp} * monotonic clock: POSIX clock_gettime`,
    `1:M ${stamp} * Running mode=standalone, port=6379.`,
    `1:M ${stamp} * Server initialized`,
    `1:M ${stamp} * Ready to accept connections tcp`,
  ];
  return { stdout: lines(stdout), stderr: '' };
}

function tomcatBanner(at: number): LogText {
  const t = utcFields(at);
  const stamp = (ms: number) =>
    `${p2(t.d)}-${MONTHS[t.mo - 1]}-${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${String(ms).padStart(3, '0')}`;
  const cls = 'org.apache.catalina.startup';
  // java.util.logging's ConsoleHandler writes to stderr.
  const stderr = [
    `${stamp(112)} INFO [main] ${cls}.VersionLoggerListener.log Server version name:   Apache Tomcat/11.0.2`,
    `${stamp(118)} INFO [main] ${cls}.VersionLoggerListener.log CATALINA_HOME:         /usr/local/tomcat`,
    `${stamp(402)} INFO [main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]`,
    `${stamp(431)} INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]`,
    `${stamp(432)} INFO [main] org.apache.catalina.core.StandardEngine.startInternal Starting Servlet engine: [Apache Tomcat/11.0.2]`,
    `${stamp(447)} INFO [main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]`,
    `${stamp(470)} INFO [main] ${cls}.Catalina.start Server startup in [78] milliseconds`,
  ];
  return { stdout: '', stderr: lines(stderr) };
}

const lines = (xs: readonly string[]) => xs.map((l) => `${l}\n`).join('');

/** The banner of the image's own service command, if it has one. */
export function serviceBanner(c: Container, image: Image | undefined, at: number): LogText {
  const own = image && [...(image.entrypoint ?? []), ...image.cmd].join(' ');
  if (!image || own !== [c.path, ...c.args].join(' ')) return { stdout: '', stderr: '' };
  const repo = image.repo.slice(image.repo.lastIndexOf('/') + 1);
  if (repo === 'nginx' || c.args.includes('daemon off;')) return nginxBanner(at);
  if (c.args.includes('redis-server')) return redisBanner(at);
  if (c.path === 'catalina.sh') return tomcatBanner(at);
  return { stdout: '', stderr: '' };
}

/** Everything logged so far: one-shot output recorded by the daemon, then the current run's banner. */
export function containerLogs(c: Container, image: Image | undefined): LogText {
  const banner =
    c.state.startedAt === null
      ? { stdout: '', stderr: '' }
      : serviceBanner(c, image, c.state.startedAt);
  return {
    stdout: (c.logs?.stdout ?? '') + banner.stdout,
    stderr: (c.logs?.stderr ?? '') + banner.stderr,
  };
}

/** `--tail N`: the last N lines of a stream. */
export function tailLines(text: string, n: number): string {
  if (n < 0) return text;
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  const kept = n === 0 ? [] : all.slice(-n);
  return kept.map((l) => `${l}\n`).join('');
}
