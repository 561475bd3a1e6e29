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
import { resolveForTool, reverseForTool, type Asker } from './resolve';
import type { Trace } from './trace';
import { sendInWorld, type Outcome } from './walk';

/** Packets sent when no -c/-w is given, before the lab "presses Ctrl+C". */
export const INTERRUPT_AFTER = 4;

interface PingOptions {
  count?: number;
  deadline?: number;
  interval: number;
  size: number;
  quiet: boolean;
  target?: string;
}

const WITH_VALUE = new Set(['c', 'i', 'W', 'w', 's', 't', 'I', 'l', 'p', 'Q', 'M', 'F', 'm']);
const FLAGS = new Set(['q', 'n', '4', 'v', 'D', 'O', 'a', 'A', 'b', 'B', 'd', 'f', 'L', 'R', 'U']);

function parseArgs(argv: readonly string[]): PingOptions | { error: string } {
  const o: PingOptions = { interval: 1, size: 56, quiet: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      o.target ??= a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (FLAGS.has(f)) {
        if (f === 'q') o.quiet = true;
        continue;
      }
      if (!WITH_VALUE.has(f)) return { error: `invalid option -- '${f}'` };
      const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
      if (value === undefined) return { error: `option requires an argument -- '${f}'` };
      const n = Number(value);
      const numeric = ['c', 'i', 'W', 'w', 's'].includes(f);
      if (numeric && (!Number.isFinite(n) || n < 0))
        return { error: `invalid argument: '${value}'` };
      if (f === 'c') o.count = Math.floor(n);
      if (f === 'w') o.deadline = n;
      if (f === 'i') o.interval = n;
      if (f === 's') o.size = Math.floor(n);
      break;
    }
  }
  return o;
}

/** A plausible round trip, in µs, for the path the echo took. */
function rttOf(o: Extract<Outcome, { kind: 'reply' }>, fromContainer: boolean, p: Process): number {
  const r = p.ctx.rng;
  if (o.outside) {
    const [lo, hi] = o.outside.rttUs;
    return r.int(lo, hi) + (fromContainer ? r.int(20, 80) : 0);
  }
  if (o.path === 'local') return r.int(25, 70);
  if (o.path === 'routed') return r.int(60, 190);
  return r.int(40, 150);
}

function withTrace(r: ProcessResult, trace: Trace): ProcessResult {
  return { ...r, trace };
}

export function ping(p: Process): ProcessResult {
  const where = whereIs(p);
  const busybox = isBusybox(where.userland);
  const opts = parseArgs(p.argv);
  if ('error' in opts) return failure(p.world, `ping: ${opts.error}`, busybox ? 1 : 2);
  if (!opts.target)
    return busybox
      ? failure(p.world, 'Usage: ping [OPTIONS] HOST', 1)
      : failure(p.world, 'ping: usage error: Destination address required', 1);
  const target = opts.target;
  const netns = where.netns;
  if (!netns) return failure(p.world, `ping: connect: Network is unreachable`, 2);
  const asker: Asker = {
    host: p.place.host,
    ...(where.container ? { container: where.container } : {}),
  };
  const looked = resolveForTool(p.world, asker, target);
  let world = looked.world;
  const lookup = looked.event ? [looked.event] : [];
  if (!looked.resolution.ok) {
    const trace: Trace = { events: lookup, verdict: 'dropped' };
    if (busybox) return withTrace(failure(world, `ping: bad address '${target}'`, 1), trace);
    const why =
      looked.resolution.error === 'temporary'
        ? 'Temporary failure in name resolution'
        : 'Name or service not known';
    return withTrace(failure(world, `ping: ${target}: ${why}`, 2), trace);
  }
  const { ip, canonical, numeric } = looked.resolution;
  const interrupted = opts.count === undefined && opts.deadline === undefined;
  const count =
    opts.count ??
    (opts.deadline !== undefined
      ? Math.max(1, Math.ceil(opts.deadline / Math.max(opts.interval, 0.2)))
      : INTERRUPT_AFTER);
  const sent = sendInWorld(
    world,
    p.place.host,
    netns,
    { proto: 'icmp', dst: ip, bytes: opts.size + 28 },
    { count },
  );
  world = sent.world;
  const trace: Trace = { events: [...lookup, ...sent.trace.events], verdict: sent.trace.verdict };
  const header = busybox
    ? `PING ${target} (${ip}): ${opts.size} data bytes\n`
    : `PING ${canonical} (${ip}) ${opts.size}(${opts.size + 28}) bytes of data.\n`;
  if (sent.outcomes[0]?.kind === 'unreachable') {
    const r = busybox
      ? { world, stdout: header, stderr: 'ping: sendto: Network is unreachable\n', exitCode: 1 }
      : failure(world, 'ping: connect: Network is unreachable', 2);
    return withTrace(r, trace);
  }
  const display = (addr: string): string => {
    if (numeric) return addr;
    const name = reverseForTool(world, asker, addr);
    return name && name !== addr ? `${name} (${addr})` : addr;
  };
  let stdout = header;
  const rtts: number[] = [];
  let errors = 0;
  sent.outcomes.forEach((o, i) => {
    if (o.kind === 'reply') {
      const us = rttOf(o, !!where.container && netns !== 'host', p);
      rtts.push(us);
      if (opts.quiet) return;
      stdout += busybox
        ? `${opts.size + 8} bytes from ${o.from}: seq=${i} ttl=${o.ttl} time=${busyboxTime(us)} ms\n`
        : `${opts.size + 8} bytes from ${display(o.from)}: icmp_seq=${i + 1} ttl=${o.ttl} time=${iputilsTime(us)} ms\n`;
    } else if (o.kind === 'host-unreachable' && !busybox) {
      errors += 1;
      if (!opts.quiet)
        stdout += `From ${display(o.from)} icmp_seq=${i + 1} Destination Host Unreachable\n`;
    }
  });
  const interval = Math.round(opts.interval * 1000);
  // iputils reports the time from the first send to the last event; one packet shows 0ms.
  const jitter = count > 1 ? p.ctx.rng.int(-1, rtts.length ? 4 : 60) : 0;
  const elapsedMs = Math.max(0, (count - 1) * interval + jitter);
  const summary: PingSummary = {
    name: busybox ? target : canonical,
    transmitted: count,
    rtts,
    errors,
    elapsedMs,
  };
  const exitCode = rtts.length ? 0 : 1;
  if (interrupted && !p.tty)
    return withTrace({ world, stdout: `${stdout}^C\n`, stderr: '', exitCode: 130 }, trace);
  stdout += interrupted ? '^C\n' : '\n';
  stdout += busybox ? busyboxStatistics(summary) : iputilsStatistics(summary);
  return withTrace({ world, stdout, stderr: '', exitCode }, trace);
}
