/**
 * `docker logs` (docker/cli v27.5.1 container/logs.go, moby daemon/logs.go): what the container's
 * main process wrote, each line to its own stream in the order written. `--tail` that is not a
 * number means all (strconv.Atoi fails, the daemon reads -1); `-f` in the lab shows what exists
 * and returns, as nothing more can arrive while a line runs.
 */
import { failure, output, withStreams } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { readLogs, renderLogs, type Instant } from './container-logs';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer } from './lookup';
import { parseTimestampFlag } from './timestamp-flag';

export const LOGS_FLAGS: readonly FlagSpec[] = [
  { long: 'follow', short: 'f', type: 'bool' },
  { long: 'timestamps', short: 't', type: 'bool' },
  { long: 'details', type: 'bool' },
  { long: 'tail', short: 'n', type: 'string' },
  { long: 'since', type: 'string' },
  { long: 'until', type: 'string' },
];

export const dockerLogs: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, LOGS_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const { strings, bools } = parsed.value;
  // The client turns --since/--until into Unix times before it asks the daemon anything.
  const times: { since?: Instant; until?: Instant } = {};
  for (const flag of ['since', 'until'] as const) {
    const raw = strings.get(flag);
    if (!raw) continue;
    const t = parseTimestampFlag(raw, p.ctx.now);
    if (!t.ok) return failure(p.world, t.error);
    times[flag] = t.value;
  }
  const ref = parsed.value.args[0];
  const c = findContainer(hostOf(p.world, p.place.host).docker, ref);
  if (!c) return daemonError(p.world, `No such container: ${ref}`);
  const tail = strings.get('tail') ?? 'all';
  const entries = readLogs(c, {
    now: p.ctx.now,
    tail: /^[+-]?\d+$/.test(tail) ? Number(tail) : -1,
    ...times,
  });
  const shown = renderLogs(entries, {
    timestamps: bools.has('timestamps'),
    details: bools.has('details'),
  });
  return withStreams(output(p.world), shown);
};
