/**
 * The MySQL image's start as `docker logs` shows it (docker-library/mysql docker-entrypoint.sh):
 * the entrypoint's notes on stdout (`date --rfc-3339=seconds` stamps), mysqld's error log on
 * stderr. A first start initialises the data directory through a temporary server, then starts
 * the real one; a later start finds the database and starts at once; a first start with no
 * password option fails with the entrypoint's error and exit 1. Lines and codes follow real
 * 8.0.40 and 9.x logs; 5.7's much longer InnoDB chatter is abridged to its key lines.
 */
import type { Container, Host } from '../model';
import { mysqldTime, rfc3339Seconds } from '../format/log-times';
import { rngForContent } from '../rng';
import type { LogWrite } from './container-logs';
import type { Startup } from './service-startup';
import { wroteBefore } from './service-startup';

const VERSIONS: Readonly<Record<string, { version: string; rpm: string }>> = {
  latest: { version: '9.1.0', rpm: '9.1.0-1.el9' },
  '8.0': { version: '8.0.40', rpm: '8.0.40-1.el9' },
  '5.7': { version: '5.7.44', rpm: '5.7.44-1.el7' },
};

const BASE64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'];
const INNODB = new Set(['013576', '013577']);
const INIT_DONE = 'MySQL init process done. Ready for start up.';
const SOCKET = '/var/run/mysqld/mysqld.sock';

/** Collects the writes of one start, each at `at` plus its offset in ms. */
function writer(at: number, seed: string) {
  const writes: LogWrite[] = [];
  const rng = rngForContent(seed);
  const put = (stream: LogWrite['stream'], ms: number, text: string) =>
    writes.push({ stream, text: `${text}\n`, at: at + ms });
  // mysqld stamps microseconds; lines within one millisecond still go forward.
  let last = { ms: -1, us: 0 };
  const stamp = (ms: number) => {
    const us = ms === last.ms ? Math.min(999, last.us + rng.int(5, 60)) : rng.int(0, 899);
    last = { ms, us };
    return mysqldTime(at + ms, us * 1000);
  };
  return {
    writes,
    note: (ms: number, msg: string, type = 'Note') =>
      put(
        type === 'Note' ? 'stdout' : 'stderr',
        ms,
        `${rfc3339Seconds(at + ms)} [${type}] [Entrypoint]: ${msg}`,
      ),
    /** mysqld's error log: `time thread [label] [MY-code] [subsystem] message` (8.0+). */
    server: (ms: number, thread: number, label: string, code: string, msg: string) =>
      put(
        'stderr',
        ms,
        `${stamp(ms)} ${thread} [${label}] [MY-${code}] [${INNODB.has(code) ? 'InnoDB' : 'Server'}] ${msg}`,
      ),
    /** 5.7's error log has no code or subsystem. */
    old: (ms: number, label: string, msg: string) =>
      put('stderr', ms, `${stamp(ms)} 0 [${label}] ${msg}`),
    out: (ms: number, text: string) => put('stdout', ms, text),
    err: (ms: number, text: string) => put('stderr', ms, text),
  };
}

type Writer = ReturnType<typeof writer>;

const env = (c: Container, name: string): string => {
  const e = c.config.env.find((x) => x.startsWith(`${name}=`));
  return e ? e.slice(name.length + 1) : '';
};

/** One mysqld start up to "ready for connections" (port 0 for the init's socket-only server). */
function serverStart(w: Writer, ms: number, v: string, pid: number, port: number): number {
  const modern = !v.startsWith('8.0');
  if (modern) w.server(ms, 0, 'System', '015015', 'MySQL Server - start.');
  else
    w.server(
      ms,
      0,
      'Warning',
      '011068',
      "The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.",
    );
  w.server(
    ms + 210,
    0,
    'System',
    '010116',
    `/usr/sbin/mysqld (mysqld ${v}) starting as process ${pid}`,
  );
  w.server(ms + 230, 1, 'System', '013576', 'InnoDB initialization has started.');
  w.server(ms + 640, 1, 'System', '013577', 'InnoDB initialization has ended.');
  w.server(ms + 1010, 0, 'Warning', '010068', 'CA certificate ca.pem is self signed.');
  w.server(
    ms + 1010,
    0,
    'System',
    '013602',
    'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.',
  );
  w.server(
    ms + 1013,
    0,
    'Warning',
    '011810',
    "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.",
  );
  const x = port
    ? "Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock"
    : 'Socket: /var/run/mysqld/mysqlx.sock';
  w.server(ms + 1040, 0, 'System', '011323', `X Plugin ready for connections. ${x}`);
  w.server(
    ms + 1041,
    0,
    'System',
    '010931',
    `/usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '${SOCKET}'  port: ${port}  MySQL Community Server - GPL.`,
  );
  return ms + 1041;
}

/** The data directory's first initialisation through a temporary server (8.0 and 9.x). */
function initialise(w: Writer, c: Container, v: string): number {
  const modern = !v.startsWith('8.0');
  w.note(900, 'Initializing database files');
  if (modern) w.server(1100, 0, 'System', '015017', 'MySQL Server Initialization - start.');
  else
    w.server(
      1100,
      0,
      'Warning',
      '011068',
      "The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.",
    );
  w.server(
    1110,
    0,
    'System',
    '013169',
    `/usr/sbin/mysqld (mysqld ${v}) initializing of server in progress as process 80`,
  );
  w.server(1120, 1, 'System', '013576', 'InnoDB initialization has started.');
  w.server(1300, 1, 'System', '013577', 'InnoDB initialization has ended.');
  w.server(
    1940,
    6,
    'Warning',
    '010453',
    'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.',
  );
  if (modern) w.server(4200, 0, 'System', '015018', 'MySQL Server Initialization - end.');
  w.note(4210, 'Database files initialized');
  w.note(4210, 'Starting temporary server');
  let t = serverStart(w, 4300, v, 124, 0);
  w.note(t, 'Temporary server started.');
  w.out(t + 20, `'/var/lib/mysql/mysql.sock' -> '${SOCKET}'`);
  for (const f of [
    'iso3166.tab',
    'leap-seconds.list',
    'leapseconds',
    'tzdata.zi',
    'zone.tab',
    'zone1970.tab',
  ])
    w.err(t + 900, `Warning: Unable to load '/usr/share/zoneinfo/${f}' as time zone. Skipping it.`);
  t += 1700;
  if (env(c, 'MYSQL_RANDOM_ROOT_PASSWORD')) {
    // `openssl rand -base64 24`: 32 base64 characters.
    const r = rngForContent(`${c.id}:password`);
    w.note(
      t,
      `GENERATED ROOT PASSWORD: ${Array.from({ length: 32 }, () => r.pick(BASE64)).join('')}`,
    );
  }
  const db = env(c, 'MYSQL_DATABASE');
  const user = env(c, 'MYSQL_USER');
  if (db) w.note(t, `Creating database ${db}`);
  if (user && env(c, 'MYSQL_PASSWORD')) {
    w.note(t + 10, `Creating user ${user}`);
    if (db) w.note(t + 20, `Giving user ${user} access to schema ${db}`);
  }
  w.out(t + 30, '');
  w.note(t + 30, 'Stopping temporary server');
  w.server(
    t + 40,
    10,
    'System',
    '013172',
    `Received SHUTDOWN from user root. Shutting down mysqld (Version: ${v}).`,
  );
  w.server(
    t + 1040,
    0,
    'System',
    '010910',
    `/usr/sbin/mysqld: Shutdown complete (mysqld ${v})  MySQL Community Server - GPL.`,
  );
  if (modern) w.server(t + 1040, 0, 'System', '015016', 'MySQL Server - end.');
  w.note(t + 1800, 'Temporary server stopped');
  w.out(t + 1800, '');
  w.note(t + 1800, INIT_DONE);
  w.out(t + 1800, '');
  return t + 1900;
}

/** 5.7: the same entrypoint, mysqld's older log format (abridged). */
function start57(w: Writer, first: boolean, v: string): void {
  let t = 300;
  if (first) {
    w.note(900, 'Initializing database files');
    w.old(
      1100,
      'Warning',
      'TIMESTAMP with implicit DEFAULT value is deprecated. Please use --explicit_defaults_for_timestamp server option (see documentation for more details).',
    );
    w.old(
      1900,
      'Warning',
      'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.',
    );
    w.note(4200, 'Database files initialized');
    w.note(4210, 'Starting temporary server');
    w.note(5400, 'Temporary server started.');
    w.note(7000, 'Stopping temporary server');
    w.note(9000, 'Temporary server stopped');
    w.out(9000, '');
    w.note(9000, INIT_DONE);
    w.out(9000, '');
    t = 9100;
  }
  w.old(t, 'Note', `mysqld (mysqld ${v}) starting as process 1 ...`);
  w.old(t + 600, 'Note', "Server hostname (bind-address): '*'; port: 3306");
  w.old(t + 610, 'Note', 'mysqld: ready for connections.');
  w.err(t + 610, `Version: '${v}'  socket: '${SOCKET}'  port: 3306  MySQL Community Server (GPL)`);
}

export function mysqlStartup(h: Host, c: Container, at: number): Startup {
  const { version: v, rpm } =
    VERSIONS[h.docker.images.get(c.imageId)?.tag ?? 'latest'] ?? VERSIONS.latest;
  const w = writer(at, `${c.id}:${at}`);
  const started = `Entrypoint script for MySQL Server ${rpm} started.`;
  // The entrypoint runs as root, re-executes itself as the mysql user, and says so each time.
  w.note(180, started);
  w.note(520, "Switching to dedicated user 'mysql'");
  w.note(560, started);
  const first = !wroteBefore(c, INIT_DONE);
  const password = [
    'MYSQL_ROOT_PASSWORD',
    'MYSQL_ALLOW_EMPTY_PASSWORD',
    'MYSQL_RANDOM_ROOT_PASSWORD',
  ];
  if (first && !password.some((p) => env(c, p))) {
    w.note(
      600,
      [
        'Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        ...password.map((p) => `    - ${p}`),
      ].join('\n'),
      'ERROR',
    );
    return { writes: w.writes, exitCode: 1 };
  }
  if (v.startsWith('5.')) {
    start57(w, first, v);
    return { writes: w.writes };
  }
  const t = first
    ? initialise(w, c, v)
    : (w.out(600, `'/var/lib/mysql/mysql.sock' -> '${SOCKET}'`), 650);
  serverStart(w, t, v, 1, 3306);
  return { writes: w.writes };
}
