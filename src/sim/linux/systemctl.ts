/**
 * `systemctl start|stop|restart|status docker` (and SysV's `service docker restart`) on the
 * CentOS Stream 9 host (systemd 252, docker-ce's docker.service + docker.socket units). Starting
 * dockerd reads /etc/docker/daemon.json; a bad file leaves the unit `failed` and the daemon down.
 */
import { containersToRestore, failDaemon, shutdownDaemon, startDaemonWith } from '../docker/daemon';
import { DAEMON_JSON, readDaemonConfig } from '../docker/daemon-config';
import { stopExitCode } from '../docker/lifecycle-cli';
import { startAndRun } from '../docker/main-process';
import { MONTHS, weekday } from '../format/log-times';
import { utcFields } from '../format/units';
import type { Container, Host, World } from '../model';
import { rngForContent } from '../rng';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';

const UNIT = 'docker.service';
const DESCRIPTION = 'Docker Application Container Engine';
const EXEC_START = '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';

const JOB_FAILED =
  `Job for ${UNIT} failed because the control process exited with error code.\n` +
  `See "systemctl status ${UNIT}" and "journalctl -xeu ${UNIT}" for details.`;

/** `docker`, `docker.service` -> `docker.service`; other names keep or get `.service`. */
const unitName = (arg: string): string => (arg.includes('.') ? arg : `${arg}.service`);

function stopDocker(p: Process, world: World): World {
  if (!hostOf(world, p.place.host).docker.running) return world;
  const r = updateHost(world, p.place.host, (h) => {
    shutdownDaemon(h, (c: Container) => stopExitCode(world, c), p.ctx);
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : world;
}

function startDocker(p: Process, world: World): ProcessResult {
  const before = hostOf(world, p.place.host).docker;
  if (before.running) return output(world);
  const restore = containersToRestore(before);
  const config = readDaemonConfig(hostOf(world, p.place.host).files[DAEMON_JSON]);
  const started = updateHost(world, p.place.host, (h) =>
    config.ok ? startDaemonWith(h, config.value, p.ctx) : config,
  );
  if (!started.ok) {
    const failed = updateHost(world, p.place.host, (h) => {
      failDaemon(h, started.error, p.ctx);
      return { ok: true, value: undefined };
    });
    return failure(failed.ok ? failed.world : world, JOB_FAILED, 1);
  }
  let w = started.world;
  for (const id of restore) {
    const r = startAndRun(p, w, id, false);
    if (r.ok) w = r.world;
  }
  return output(w);
}

// ---------------------------------------------------------------- systemctl status

const pad = (n: number) => String(n).padStart(2, '0');

/** `Thu 2026-01-15 08:00:07 UTC` (systemd's format_timestamp; the host runs in UTC). */
function timestamp(ms: number): string {
  const t = utcFields(ms);
  return `${weekday(ms)} ${t.y}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} UTC`;
}

/** systemd's format_timestamp_relative: `5s ago`, `1min 2s ago`, `37min ago`, `2h 3min ago`. */
function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s >= 86_400) return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h ago`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ago`;
  if (s >= 300) return `${Math.floor(s / 60)}min ago`;
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s ago`;
  return `${s}s ago`;
}

/** A journal line's prefix: `Jan 15 08:00:07 docker-host`. */
function journalStamp(ms: number, host: string): string {
  const t = utcFields(ms);
  return `${MONTHS[t.mo - 1]} ${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} ${host}`;
}

/** dockerd's logrus line: `time="2026-01-15T08:00:07.467028425Z" level=info msg="…"`. */
function logrusTime(ms: number, nanos: number): string {
  const t = utcFields(ms);
  const frac = String((ms % 1000) * 1_000_000 + nanos).padStart(9, '0');
  return `${t.y}-${pad(t.mo)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}.${frac}Z`;
}

/** The docker-proxy processes (userland-proxy) of every published port, as the cgroup lists them. */
function proxyProcesses(h: Host): string[] {
  return [...h.docker.containers.values()].flatMap((c) => {
    if (c.state.status !== 'running') return [];
    const ip = c.endpoints.find((e) => e.joined?.ip)?.joined?.ip;
    if (!ip) return [];
    return c.ports.flatMap((m, k) => {
      const args = (hostIp: string) =>
        `/usr/bin/docker-proxy -proto ${m.proto} -host-ip ${hostIp} -host-port ${m.hostPort} -container-ip ${ip} -container-port ${m.containerPort}`;
      const pid = c.state.pid - 40 + k * 8;
      const v4 = `${pid} ${args(m.hostIp || '0.0.0.0')}`;
      return m.hostIp && m.hostIp !== '0.0.0.0' ? [v4] : [v4, `${pid + 7} ${args('::')}`];
    });
  });
}

function status(p: Process): ProcessResult {
  const h = hostOf(p.world, p.place.host);
  const svc = h.docker.service ?? { pid: 0, since: p.ctx.now };
  const rng = rngForContent(`${svc.pid}:${svc.since}`);
  const at = (offset: number) => journalStamp(svc.since + offset, h.hostname);
  const loaded = `     Loaded: loaded (/usr/lib/systemd/system/${UNIT}; enabled; preset: disabled)`;
  const since = `since ${timestamp(svc.since)}; ${ago(p.ctx.now - svc.since)}`;
  const cpu = `${rng.int(40, 120)}ms`;
  if (svc.error !== undefined) {
    // systemd retries three times (StartLimitBurst=3) before the unit settles in `failed`; the
    // lab lets those retries happen within the line that started it.
    const lines = [
      `× ${UNIT} - ${DESCRIPTION}`,
      loaded,
      `     Active: failed (Result: exit-code) ${since}`,
      'TriggeredBy: × docker.socket',
      '       Docs: https://docs.docker.com',
      `    Process: ${svc.pid} ExecStart=${EXEC_START} (code=exited, status=1/FAILURE)`,
      `   Main PID: ${svc.pid} (code=exited, status=1/FAILURE)`,
      `        CPU: ${cpu}`,
      '',
      `${at(0)} systemd[1]: Starting ${DESCRIPTION}...`,
      `${at(0)} dockerd[${svc.pid}]: ${svc.error}`,
      `${at(0)} systemd[1]: ${UNIT}: Main process exited, code=exited, status=1/FAILURE`,
      `${at(0)} systemd[1]: ${UNIT}: Failed with result 'exit-code'.`,
      `${at(0)} systemd[1]: Failed to start ${DESCRIPTION}.`,
      `${at(0)} systemd[1]: ${UNIT}: Scheduled restart job, restart counter is at 3.`,
      `${at(0)} systemd[1]: Stopped ${DESCRIPTION}.`,
      `${at(0)} systemd[1]: ${UNIT}: Start request repeated too quickly.`,
      `${at(0)} systemd[1]: ${UNIT}: Failed with result 'exit-code'.`,
      `${at(0)} systemd[1]: Failed to start ${DESCRIPTION}.`,
    ];
    return output(p.world, `${lines.join('\n')}\n`, '', 3);
  }
  if (!h.docker.running) {
    const lines = [
      `○ ${UNIT} - ${DESCRIPTION}`,
      loaded,
      `     Active: inactive (dead) ${since}`,
      'TriggeredBy: ● docker.socket',
      '       Docs: https://docs.docker.com',
    ];
    return output(p.world, `${lines.join('\n')}\n`, '', 3);
  }
  const proxies = proxyProcesses(h);
  const procs = [`${svc.pid} ${EXEC_START}`, ...proxies];
  const tree = procs.map((x, k) => `             ${k === procs.length - 1 ? '└─' : '├─'}${x}`);
  const dockerd = (offset: number, msg: string) =>
    `${at(offset)} dockerd[${svc.pid}]: time="${logrusTime(svc.since + offset, rng.int(0, 999_999))}" level=info msg=${msg}`;
  const lines = [
    `● ${UNIT} - ${DESCRIPTION}`,
    loaded,
    `     Active: active (running) ${since}`,
    'TriggeredBy: ● docker.socket',
    '       Docs: https://docs.docker.com',
    `   Main PID: ${svc.pid} (dockerd)`,
    `      Tasks: ${8 + rng.int(0, 4) + proxies.length * 5}`,
    `     Memory: ${rng.int(24, 38)}.${rng.int(0, 9)}M`,
    `        CPU: ${rng.int(180, 480)}ms`,
    '     CGroup: /system.slice/docker.service',
    ...tree,
    '',
    `${at(-900)} systemd[1]: Starting ${DESCRIPTION}...`,
    dockerd(-880, '"Starting up"'),
    dockerd(-700, '"Loading containers: start."'),
    dockerd(-150, '"Loading containers: done."'),
    dockerd(
      -60,
      `"Docker daemon" commit=4c9b3b0 containerd-snapshotter=false storage-driver=overlay2 version=${h.docker.version}`,
    ),
    dockerd(-40, '"Daemon has completed initialization"'),
    dockerd(-10, '"API listen on /run/docker.sock"'),
    `${at(0)} systemd[1]: Started ${DESCRIPTION}.`,
  ];
  return output(p.world, `${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------- the commands

function control(p: Process, verb: string, unit: string): ProcessResult {
  if (unit !== UNIT) {
    if (verb === 'status') return failure(p.world, `Unit ${unit} could not be found.`, 4);
    if (verb === 'is-active') return output(p.world, 'inactive\n', '', 3);
    return failure(p.world, `Failed to ${verb} ${unit}: Unit ${unit} not found.`, 5);
  }
  const h = hostOf(p.world, p.place.host);
  switch (verb) {
    case 'status':
      return status(p);
    case 'is-active': {
      const state = h.docker.running ? 'active' : h.docker.service?.error ? 'failed' : 'inactive';
      return output(p.world, `${state}\n`, '', state === 'active' ? 0 : 3);
    }
    case 'start':
      return startDocker(p, p.world);
    case 'stop': {
      // docker.socket stays listening, and systemd says so.
      return output(
        stopDocker(p, p.world),
        '',
        `Warning: Stopping ${UNIT}, but it can still be activated by:\n  docker.socket\n`,
      );
    }
    case 'restart':
    case 'try-restart':
    case 'reload-or-restart': {
      if (verb === 'try-restart' && !h.docker.running) return output(p.world);
      return startDocker(p, stopDocker(p, p.world));
    }
    case 'enable':
    case 'disable':
    case 'reload':
      return output(p.world);
    case 'is-enabled':
      return output(p.world, 'enabled\n');
    default:
      return failure(p.world, `Unknown command verb ${verb}.`, 1);
  }
}

const NOT_BOOTED =
  "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down";

export function systemctl(p: Process): ProcessResult {
  if (p.place.containerId) return failure(p.world, NOT_BOOTED, 1);
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [verb, ...units] = args;
  if (verb === undefined) return failure(p.world, 'Too few arguments.', 1);
  if (verb === 'daemon-reload') return output(p.world);
  if (units.length === 0) return failure(p.world, 'Too few arguments.', 1);
  let r: ProcessResult = output(p.world);
  let stdout = '';
  let stderr = '';
  for (const unit of units) {
    r = control({ ...p, world: r.world }, verb, unitName(unit));
    stdout += r.stdout;
    stderr += r.stderr;
  }
  return { ...r, stdout, stderr };
}

/** RHEL's /usr/sbin/service: a SysV-style front end that hands over to systemctl. */
export function service(p: Process): ProcessResult {
  const [name, action] = p.argv.slice(1);
  if (name === undefined || action === undefined)
    return failure(
      p.world,
      'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]',
      1,
    );
  const unit = unitName(name);
  const r = systemctl({ ...p, argv: ['systemctl', action, unit] });
  const note = `Redirecting to /bin/systemctl ${action} ${unit}\n`;
  return { ...r, stderr: note + r.stderr };
}
