/**
 * `ping`: resolves the target as the container (or host) would, walks ICMP echoes through the
 * model and prints what iputils or busybox print (docker-behaviour.md §12, seeds 000 and 002).
 *
 * Without -c or -w a real ping runs until Ctrl+C. The lab cannot wait, so it behaves as if the
 * learner pressed Ctrl+C after the 4th echo: the terminal echoes `^C` (it is the tty, not ping,
 * that prints it) and ping's SIGINT handler prints the statistics, starting with the newline that
 * ends the `^C` line — exactly what the tutorials' screens show. Under `docker exec` without -t
 * there is no tty in the container: Ctrl+C kills the docker client (exit 130) and no statistics
 * appear.
 */
import { isBusybox, whereIs } from '../linux/place';
import { failure, type Process, type ProcessResult } from '../shell/process';
import {
  busyboxStatistics,
  busyboxTime,
  iputilsStatistics,
  iputilsTime,
  type PingSummary,
} from './ping-output';
import { parsePingArgs } from './ping-options';
import { resolveForTool, reverseForTool, type Asker } from './resolve';
import type { Ipv4, World } from '../model';
import type { Trace, TraceEvent } from './trace';
import { sendInWorld, type Outcome } from './walk';

/** Packets sent when no -c/-w is given, before the lab "presses Ctrl+C". */
export const INTERRUPT_AFTER = 4;

/** A plausible round trip, in µs, for the path the echo took. */
function rttOf(
  o: Extract<Outcome, { kind: 'reply' }>,
  fromContainer: boolean,
  p: PingProcess,
): number {
  const r = p.ctx.rng;
  if (o.outside) {
    const [lo, hi] = o.outside.rttUs;
    return r.int(lo, hi) + (fromContainer ? r.int(20, 80) : 0);
  }
  // A real wire between two hosts (virtio NICs on one hypervisor): a few hundred µs.
  if (o.lan) return r.int(300, 900) + (o.path === 'routed' ? r.int(40, 160) : 0);
  if (o.path === 'local') return r.int(25, 70);
  if (o.path === 'routed') return r.int(60, 190);
  return r.int(40, 150);
}

function withTrace(r: ProcessResult, trace: Trace): ProcessResult {
  return { ...r, trace };
}

/** What a ping needs of its process: where it runs, and the line's generator for round trips. */
export type PingProcess = Pick<Process, 'world' | 'place' | 'ctx'>;

/**
 * A ping after its name lookup, as it goes on: ping resolves its target once, then sends one echo
 * per interval. Plain data, so a container's main process can keep it between lines.
 */
export interface PingRun {
  readonly target: string;
  readonly ip: Ipv4;
  readonly canonical: string;
  readonly numeric: boolean;
  readonly size: number;
  readonly intervalMs: number;
  readonly quiet: boolean;
  /** -c, or -w's packet budget; absent when ping runs until it is interrupted. */
  readonly count?: number;
  readonly sent: number;
  /** Round trips of the replies so far, in µs. */
  readonly rtts: readonly number[];
  readonly errors: number;
}

export type PingStart =
  | {
      readonly ok: true;
      readonly world: World;
      readonly run: PingRun;
      /** `PING …` as the dialect prints it before the first echo. */
      readonly header: string;
      readonly lookup: readonly TraceEvent[];
    }
  /** What ping printed as it gave up (bad option, no such host, no network). */
  | { readonly ok: false; readonly result: ProcessResult };

const busyboxAt = (p: PingProcess) => isBusybox(whereIs(p).userland);

/** Parses ping's arguments and resolves its target as the process's place would. */
export function startPing(p: PingProcess, argv: readonly string[]): PingStart {
  const where = whereIs(p);
  const busybox = isBusybox(where.userland);
  const opts = parsePingArgs(argv);
  if ('error' in opts)
    return { ok: false, result: failure(p.world, `ping: ${opts.error}`, busybox ? 1 : 2) };
  if (!opts.target)
    return {
      ok: false,
      result: busybox
        ? failure(p.world, 'Usage: ping [OPTIONS] HOST', 1)
        : failure(p.world, 'ping: usage error: Destination address required', 1),
    };
  const target = opts.target;
  if (!where.netns)
    return { ok: false, result: failure(p.world, `ping: connect: Network is unreachable`, 2) };
  const looked = resolveForTool(p.world, askerOf(p), target);
  const world = looked.world;
  const lookup = looked.event ? [looked.event] : [];
  if (!looked.resolution.ok) {
    const trace: Trace = { events: lookup, verdict: 'dropped' };
    if (busybox)
      return {
        ok: false,
        result: withTrace(failure(world, `ping: bad address '${target}'`, 1), trace),
      };
    const why =
      looked.resolution.error === 'temporary'
        ? 'Temporary failure in name resolution'
        : 'Name or service not known';
    return { ok: false, result: withTrace(failure(world, `ping: ${target}: ${why}`, 2), trace) };
  }
  const { ip, canonical, numeric } = looked.resolution;
  const count =
    opts.count ??
    (opts.deadline !== undefined
      ? Math.max(1, Math.ceil(opts.deadline / Math.max(opts.interval, 0.2)))
      : undefined);
  const run: PingRun = {
    target,
    ip,
    canonical,
    numeric,
    size: opts.size,
    intervalMs: Math.round(opts.interval * 1000),
    quiet: opts.quiet,
    ...(count !== undefined ? { count } : {}),
    sent: 0,
    rtts: [],
    errors: 0,
  };
  const header = busybox
    ? `PING ${target} (${ip}): ${opts.size} data bytes\n`
    : `PING ${canonical} (${ip}) ${opts.size}(${opts.size + 28}) bytes of data.\n`;
  return { ok: true, world, run, header, lookup };
}

function askerOf(p: PingProcess): Asker {
  const where = whereIs(p);
  return { host: p.place.host, ...(where.container ? { container: where.container } : {}) };
}

/** One printed line of an echo, with its sequence number and the reply's round trip. */
export interface EchoLine {
  readonly seq: number;
  readonly text: string;
  readonly rttUs?: number;
}

export interface Echoes {
  readonly world: World;
  readonly run: PingRun;
  readonly lines: readonly EchoLine[];
  readonly trace: Trace;
  /** The route lookup failed: nothing was sent. */
  readonly unreachable: boolean;
}

/** Sends the next `n` echoes of `run` through the model and formats what came back. */
export function sendEchoes(p: PingProcess, run: PingRun, n: number): Echoes {
  const where = whereIs(p);
  const busybox = isBusybox(where.userland);
  const netns = where.netns ?? 'host';
  const sent = sendInWorld(
    p.world,
    p.place.host,
    netns,
    { proto: 'icmp', dst: run.ip, bytes: run.size + 28 },
    { count: n },
  );
  const world = sent.world;
  if (sent.outcomes[0]?.kind === 'unreachable')
    return { world, run, lines: [], trace: sent.trace, unreachable: true };
  const asker = askerOf(p);
  const display = (addr: string): string => {
    if (run.numeric) return addr;
    const name = reverseForTool(world, asker, addr);
    return name && name !== addr ? `${name} (${addr})` : addr;
  };
  const rtts = [...run.rtts];
  let errors = run.errors;
  const lines: EchoLine[] = [];
  const bytes = run.size + 8;
  sent.outcomes.forEach((o, i) => {
    const seq = run.sent + i;
    if (o.kind === 'reply') {
      const us = rttOf(o, !!where.container && netns !== 'host', p);
      rtts.push(us);
      if (run.quiet) return;
      const text = busybox
        ? `${bytes} bytes from ${o.from}: seq=${seq} ttl=${o.ttl} time=${busyboxTime(us)} ms\n`
        : `${bytes} bytes from ${display(o.from)}: icmp_seq=${seq + 1} ttl=${o.ttl} time=${iputilsTime(us)} ms\n`;
      lines.push({ seq, text, rttUs: us });
    } else if (o.kind === 'host-unreachable' && !busybox) {
      errors += 1;
      if (!run.quiet)
        lines.push({
          seq,
          text: `From ${display(o.from)} icmp_seq=${seq + 1} Destination Host Unreachable\n`,
        });
    }
  });
  const next: PingRun = { ...run, sent: run.sent + sent.outcomes.length, rtts, errors };
  return { world, run: next, lines, trace: sent.trace, unreachable: false };
}

/**
 * The statistics ping prints as it ends. iputils reports the time from the first send to the last
 * event (one packet shows 0ms), which wanders a little around the intervals.
 */
export function pingStatistics(p: PingProcess, run: PingRun): string {
  const busybox = busyboxAt(p);
  const jitter = run.sent > 1 ? p.ctx.rng.int(-1, run.rtts.length ? 4 : 60) : 0;
  const summary: PingSummary = {
    name: busybox ? run.target : run.canonical,
    transmitted: run.sent,
    rtts: run.rtts,
    errors: run.errors,
    elapsedMs: Math.max(0, (run.sent - 1) * run.intervalMs + jitter),
  };
  return busybox ? busyboxStatistics(summary) : iputilsStatistics(summary);
}

/** ping exits 0 when any reply came back, 1 when none did. */
export const pingExitCode = (run: PingRun): number => (run.rtts.length ? 0 : 1);

export function ping(p: Process): ProcessResult {
  const started = startPing(p, p.argv);
  if (!started.ok) return started.result;
  const { run, header, lookup } = started;
  const interrupted = run.count === undefined;
  const echoes = sendEchoes({ ...p, world: started.world }, run, run.count ?? INTERRUPT_AFTER);
  const world = echoes.world;
  const trace: Trace = {
    events: [...lookup, ...echoes.trace.events],
    verdict: echoes.trace.verdict,
  };
  if (echoes.unreachable) {
    const r = busyboxAt(p)
      ? { world, stdout: header, stderr: 'ping: sendto: Network is unreachable\n', exitCode: 1 }
      : failure(world, 'ping: connect: Network is unreachable', 2);
    return withTrace(r, trace);
  }
  const stdout = header + echoes.lines.map((l) => l.text).join('');
  const done = echoes.run;
  const statistics = pingStatistics({ ...p, world }, done);
  if (interrupted && !p.tty)
    return withTrace({ world, stdout: `${stdout}^C\n`, stderr: '', exitCode: 130 }, trace);
  const end = interrupted ? '^C\n' : '\n';
  return withTrace(
    { world, stdout: stdout + end + statistics, stderr: '', exitCode: pingExitCode(done) },
    trace,
  );
}
