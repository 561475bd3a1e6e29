/**
 * ping's command line, as iputils and busybox read it: bundled short options, a value attached or
 * next, the count, deadline, interval and size the lab acts on, and getopt's errors for the rest.
 */
export interface PingOptions {
  count?: number;
  deadline?: number;
  interval: number;
  size: number;
  quiet: boolean;
  target?: string;
}

const WITH_VALUE = new Set(['c', 'i', 'W', 'w', 's', 't', 'I', 'l', 'p', 'Q', 'M', 'F', 'm']);
const FLAGS = new Set(['q', 'n', '4', 'v', 'D', 'O', 'a', 'A', 'b', 'B', 'd', 'f', 'L', 'R', 'U']);

export function parsePingArgs(argv: readonly string[]): PingOptions | { error: string } {
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
