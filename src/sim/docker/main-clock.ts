/**
 * Main processes that go on as the world clock moves: a detached `ping` sends one echo a second
 * and writes each reply to the log, `sleep N` waits N seconds; either may end and stop its
 * container. The world only changes when a line runs, so each line first brings these processes
 * up to its clock (`advanceMainProcesses`), walking the echoes that fell due through the network
 * as it stood since the last line. A paused container's processes wait in the freezer. Times and
 * round trips derive from the container and the clock, so a replay writes the same log.
 */
import type { Draft } from 'immer';
import type { ClockedMain, Container, World } from '../model';
import {
  pingExitCode,
  pingStatistics,
  sendEchoes,
  startPing,
  type PingProcess,
  type PingRun,
} from '../packet/ping';
import { rngForContent } from '../rng';
import type { Process } from '../shell/process';
import { isBusybox, whereIs } from '../linux/place';
import { hostOf, updateHost } from '../world';
import { appendLog, type LogWrite } from './container-logs';
import { stopContainer } from './containers';

/** Applies `f` to container `id` of `host` in a draft; the world is unchanged when it is gone. */
export function updateContainer(
  world: World,
  host: string,
  id: string,
  f: (c: Draft<Container>) => void,
): World {
  const r = updateHost(world, host, (h) => {
    const c = h.docker.containers.get(id);
    if (c) f(c);
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : world;
}

/** Logs `writes`, then PID 1 exits with `code` at `at` and the container stops. */
function endMain(
  world: World,
  host: string,
  id: string,
  writes: readonly LogWrite[],
  code: number,
  at: number,
): World {
  const r = updateHost(world, host, (h) => {
    const c = h.docker.containers.get(id);
    if (c) appendLog(c, writes);
    stopContainer(h, id, code, { now: at });
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : world;
}

function setMain(world: World, host: string, id: string, main: ClockedMain): World {
  const r = updateHost(world, host, (h) => {
    const c = h.docker.containers.get(id);
    if (!c) return { ok: true, value: undefined };
    c.main = main as Draft<ClockedMain>;
    if (!h.docker.clocked?.includes(id)) h.docker.clocked = [...(h.docker.clocked ?? []), id];
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : world;
}

/** The ping inside container `id`, with round trips drawn for the batch that starts at `at`. */
const pingIn = (world: World, host: string, id: string, at: number): PingProcess => ({
  world,
  place: { host, containerId: id },
  ctx: { rng: rngForContent(`${id}:${at}`), now: at },
});

/** `sleep 5`, `sleep 1m 30`: the seconds GNU and busybox sleep add up; undefined if not a number. */
function sleepMs(args: readonly string[]): number | undefined {
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
  let total = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * unit[m[2] || 's'] * 1000;
  }
  return args.length ? Math.round(total) : undefined;
}

/** A detached `sleep N` ends N seconds after it starts; undefined when sleep would fail at once. */
export function launchSleep(
  p: Process,
  world: World,
  c: Container,
  argv: readonly string[],
): World | undefined {
  const ms = sleepMs(argv.slice(1));
  if (ms === undefined) return undefined;
  return setMain(world, p.place.host, c.id, { kind: 'sleep', until: p.ctx.now + ms });
}

/**
 * A detached `ping`: it resolves its target and writes its header now, sends the first echo at
 * once, and leaves the rest to the clock. A ping that cannot start writes why and exits.
 */
export function launchPing(p: Process, world: World, c: Container, argv: readonly string[]): World {
  const host = p.place.host;
  const at = p.ctx.now;
  const s = startPing(pingIn(world, host, c.id, at), argv);
  if (!s.ok) {
    const r = s.result;
    const writes: LogWrite[] = [
      { stream: 'stdout', text: r.stdout, at },
      { stream: 'stderr', text: r.stderr, at },
    ];
    return endMain(r.world, host, c.id, writes, r.exitCode, at);
  }
  const first = sendEchoes(pingIn(s.world, host, c.id, at), s.run, 1);
  if (first.unreachable) {
    // busybox says so after its header; iputils' connect() fails before it prints anything.
    const busybox = s.header.endsWith('data bytes\n');
    const writes: LogWrite[] = busybox
      ? [
          { stream: 'stdout', text: s.header, at },
          { stream: 'stderr', text: 'ping: sendto: Network is unreachable\n', at },
        ]
      : [{ stream: 'stderr', text: 'ping: connect: Network is unreachable\n', at }];
    return endMain(first.world, host, c.id, writes, busybox ? 1 : 2, at);
  }
  const started = updateContainer(s.world, host, c.id, (ctr) =>
    appendLog(ctr, [{ stream: 'stdout', text: s.header, at }]),
  );
  const main: ClockedMain = { kind: 'ping', ping: s.run, next: at };
  return advancePing(setMain(started, host, c.id, main), host, c.id, at);
}

/**
 * Sends the echoes that fell due by `now`, logs their lines, and ends the ping after its count.
 * With no route left (the network was disconnected), busybox gives up; iputils reports each send.
 */
function advancePing(world: World, host: string, id: string, now: number): World {
  const c = hostOf(world, host).docker.containers.get(id);
  if (c?.main?.kind !== 'ping') return world;
  const { ping: run, next } = c.main;
  // The freezer holds it: nothing falls due while the container is paused.
  if (c.state.paused)
    return next >= now ? world : setMain(world, host, id, { ...c.main, next: now });
  const left = run.count === undefined ? Infinity : run.count - run.sent;
  const due = Math.min(left, Math.floor((now - next) / run.intervalMs) + 1);
  if (due <= 0) return world;
  const p = pingIn(world, host, id, next);
  const sent = sendEchoes(p, run, due);
  const at = (seq: number) => next + (seq - run.sent) * run.intervalMs;
  let writes: LogWrite[];
  let done: PingRun;
  if (!sent.unreachable) {
    writes = sent.lines.map((l) => ({
      stream: 'stdout',
      text: l.text,
      at: at(l.seq) + Math.floor((l.rttUs ?? 0) / 1000),
    }));
    done = sent.run;
  } else if (isBusybox(whereIs(p).userland)) {
    const gaveUp = {
      stream: 'stderr',
      text: 'ping: sendto: Network is unreachable\n',
      at: next,
    } as const;
    return endMain(sent.world, host, id, [gaveUp], 1, next);
  } else {
    writes = Array.from({ length: due }, (_, i) => ({
      stream: 'stderr',
      text: 'ping: sendmsg: Network is unreachable\n',
      at: at(run.sent + i),
    }));
    done = { ...run, sent: run.sent + due, errors: run.errors + due };
  }
  const last = writes.at(-1)?.at ?? next;
  if (done.count !== undefined && done.sent >= done.count) {
    const stats = { stream: 'stdout', text: `\n${pingStatistics(p, done)}`, at: last } as const;
    return endMain(sent.world, host, id, [...writes, stats], pingExitCode(done), last);
  }
  const logged = updateContainer(sent.world, host, id, (ctr) => appendLog(ctr, writes));
  return setMain(logged, host, id, { ...c.main, ping: done, next: next + due * run.intervalMs });
}

/** Brings every clocked main process of every host up to the world clock. */
export function advanceMainProcesses(world: World): World {
  let w = world;
  for (const [name, h] of Object.entries(world.hosts))
    for (const id of h.docker.clocked ?? []) {
      const c = h.docker.containers.get(id);
      const main = c?.main;
      if (!c || !main || c.state.status !== 'running') continue;
      if (main.kind === 'ping') w = advancePing(w, name, c.id, w.clock);
      else if (!c.state.paused && main.until <= w.clock)
        w = endMain(w, name, c.id, [], 0, main.until);
    }
  return w;
}
