/** The curl options the lab understands; others that take a value are accepted and ignored. */
import { own } from '../own';

export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  fail: boolean;
  output?: string;
  writeOut?: string;
  timeoutS?: number;
  url?: string;
}

const WITH_VALUE: Readonly<Record<string, keyof CurlOptions>> = {
  o: 'output',
  '--output': 'output',
  w: 'writeOut',
  '--write-out': 'writeOut',
  m: 'timeoutS',
  '--max-time': 'timeoutS',
  '--connect-timeout': 'timeoutS',
};
const IGNORED_WITH_VALUE = new Set(['H', 'X', 'A', 'e', '--header', '--request', '--user-agent']);

/** curl's command line: short flags may cluster (`-sS`), `-o F`/`-oF`, long options. */
export function parseCurlArgs(
  argv: readonly string[],
): CurlOptions | { error: string; code: number } {
  const o: CurlOptions = {
    silent: false,
    showError: false,
    head: false,
    include: false,
    verbose: false,
    fail: false,
  };
  const set = (key: keyof CurlOptions, v: string) => {
    if (key === 'timeoutS') o.timeoutS = Number(v);
    else if (key === 'output') o.output = v;
    else if (key === 'writeOut') o.writeOut = v;
  };
  const flag = (f: string): boolean => {
    const map: Record<string, () => void> = {
      s: () => (o.silent = true),
      S: () => (o.showError = true),
      I: () => (o.head = true),
      i: () => (o.include = true),
      v: () => (o.verbose = true),
      f: () => (o.fail = true),
      L: () => undefined,
      k: () => undefined,
    };
    const fn = own(map, f);
    fn?.();
    return fn !== undefined;
  };
  const LONG: Record<string, string> = {
    '--silent': 's',
    '--show-error': 'S',
    '--head': 'I',
    '--include': 'i',
    '--verbose': 'v',
    '--fail': 'f',
    '--location': 'L',
    '--insecure': 'k',
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const key = own(WITH_VALUE, a);
      if (key || IGNORED_WITH_VALUE.has(a)) {
        const v = argv[++i];
        if (v === undefined) return { error: `curl: option ${a}: requires parameter`, code: 2 };
        if (key) set(key, v);
      } else if (!flag(own(LONG, a) ?? ''))
        return { error: `curl: option ${a}: is unknown`, code: 2 };
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      o.url ??= a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      const key = own(WITH_VALUE, f);
      if (key || IGNORED_WITH_VALUE.has(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return { error: `curl: option -${f}: requires parameter`, code: 2 };
        if (key) set(key, v);
        break;
      }
      if (!flag(f)) return { error: `curl: option -${f}: is unknown`, code: 2 };
    }
  }
  return o;
}
