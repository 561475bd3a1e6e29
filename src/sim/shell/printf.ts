/**
 * `printf FORMAT [ARG]...`: the shell builtin (bash, busybox ash) and the program (coreutils'
 * /usr/bin/printf, busybox's applet), which share C printf's conversions — `%s %b %c %d %i %u %o
 * %x %X %f %e %g %%` with flags, width and precision (`*` takes them from the arguments) — and
 * the backslash escapes. The format is reused while arguments remain; missing ones read as "" or
 * 0. A bad number is reported, printed as the digits it starts with, and makes the status 1; the
 * messages follow each implementation (bash printf.def, busybox coreutils/printf.c, coreutils).
 */
import { isBusybox, whereIs } from '../linux/place';
import { fromChunks, output, type Chunk, type Process, type ProcessResult } from './process';
import { escapeAt, expandArgument } from './escapes';
import { shellKind } from './shell-kind';

type Dialect = 'bash' | 'ash' | 'busybox' | 'coreutils';

function badNumber(d: Dialect, arg: string): string {
  switch (d) {
    case 'bash': {
      // bash's sh_invalidnum names the base a leading 0 or 0x promised.
      const base = /^0\d/.test(arg) ? 'octal ' : /^0x/.test(arg) ? 'hex ' : '';
      return `bash: printf: ${arg}: invalid ${base}number\n`;
    }
    case 'coreutils':
      return `printf: '${arg}': expected a numeric value\n`;
    default:
      return `${d === 'ash' ? 'sh' : 'printf'}: invalid number '${arg}'\n`;
  }
}

/**
 * What printf wrote, in terminal order: stdout goes through stdio's line buffer (a terminal's),
 * so a message about a bad number reaches the screen before the unfinished line it belongs to.
 */
interface State {
  readonly writes: Chunk[];
  /** stdout not yet flushed: the text after the last newline. */
  pending: string;
  status: number;
  stop: boolean;
}

function emit(st: State, text: string): void {
  st.pending += text;
  const nl = st.pending.lastIndexOf('\n');
  if (nl < 0) return;
  st.writes.push({ stream: 'stdout', text: st.pending.slice(0, nl + 1) });
  st.pending = st.pending.slice(nl + 1);
}

function complain(st: State, text: string): void {
  st.writes.push({ stream: 'stderr', text });
  st.status = 1;
}

/** An integer argument as strtoimax reads it (`'c` is the character's code), or the prefix it parsed. */
function integer(st: State, d: Dialect, arg: string): bigint {
  if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
  if (!m || m[0].length !== arg.length) {
    if (arg !== '') complain(st, badNumber(d, arg));
    if (!m) return 0n;
  }
  const digits = m[2];
  const n = /^0[xX]/.test(digits)
    ? BigInt(digits)
    : digits.length > 1 && digits.startsWith('0')
      ? BigInt(`0o${digits.slice(1)}`)
      : BigInt(digits);
  return m[1] === '-' ? -n : n;
}

function float(st: State, d: Dialect, arg: string): number {
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(arg);
  if (!m || m[0].length !== arg.length) {
    if (arg !== '') complain(st, badNumber(d, arg));
    return m ? Number(m[0]) : 0;
  }
  return Number(arg);
}

/** C's %e: at least two exponent digits. */
const exponential = (v: number, prec: number) =>
  v.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2');

/** C's %g: %e or %f, whichever fits precision P, without trailing zeros. */
function general(v: number, prec: number, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const x = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(v.toExponential(p - 1)))));
  let s = x < -4 || x >= p ? exponential(v, p - 1) : v.toFixed(Math.max(0, p - 1 - x));
  if (!alt) s = s.replace(/\.?0+(e|$)/, '$1');
  return s;
}

interface Spec {
  flags: string;
  width?: number;
  prec?: number;
  conv: string;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (s.length >= width) return s;
  if (spec.flags.includes('-')) return s.padEnd(width);
  if (numeric && spec.flags.includes('0') && spec.prec === undefined) {
    const sign = /^[+ -]|^0[xX]/.exec(s)?.[0] ?? '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

function convert(st: State, d: Dialect, spec: Spec, arg: string): string {
  const { flags, prec, conv } = spec;
  const sign = (neg: boolean) =>
    neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  switch (conv) {
    case 's':
      return pad(prec === undefined ? arg : arg.slice(0, prec), spec, false);
    case 'c':
      return pad(arg.slice(0, 1), spec, false);
    case 'd':
    case 'i': {
      const n = integer(st, d, arg);
      const digits = (n < 0n ? -n : n).toString().padStart(prec ?? 1, '0');
      return pad(sign(n < 0n) + (prec === 0 && n === 0n ? '' : digits), spec, true);
    }
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      let n = integer(st, d, arg);
      if (n < 0n) n = BigInt.asUintN(64, n);
      const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
      let digits = n.toString(base).padStart(prec ?? 1, '0');
      if (conv === 'X') digits = digits.toUpperCase();
      if (flags.includes('#') && n !== 0n)
        digits =
          conv === 'o'
            ? `0${digits}`
            : conv === 'x'
              ? `0x${digits}`
              : conv === 'X'
                ? `0X${digits}`
                : digits;
      return pad(digits, spec, true);
    }
    default: {
      const v = float(st, d, arg);
      const p = prec ?? 6;
      const body =
        conv === 'f' || conv === 'F'
          ? Math.abs(v).toFixed(p)
          : conv === 'e' || conv === 'E'
            ? exponential(Math.abs(v), p)
            : general(Math.abs(v), p, flags.includes('#'));
      const text = sign(v < 0 || Object.is(v, -0)) + body;
      return pad(conv === 'E' || conv === 'G' ? text.toUpperCase() : text, spec, true);
    }
  }
}

const CONVERSIONS = 'sbcdiouxXfFeEgG';

function unknownConversion(d: Dialect, directive: string, c: string): string {
  if (d === 'bash')
    return c
      ? `bash: printf: \`${c}': invalid format character\n`
      : `bash: printf: \`${directive}': missing format character\n`;
  if (d === 'coreutils') return `printf: ${directive}: invalid conversion specification\n`;
  return `${d === 'ash' ? 'sh' : 'printf'}: ${directive}: invalid format\n`;
}

/** One pass over the format; returns how many arguments it used, or -1 after a fatal error. */
function pass(st: State, d: Dialect, format: string, args: readonly string[]): number {
  let used = 0;
  const next = () => args[used++] ?? '';
  for (let i = 0; i < format.length && !st.stop; i++) {
    const c = format[i];
    if (c === '\\') {
      if (format[i + 1] === 'c' && d !== 'coreutils') {
        st.stop = true;
        break;
      }
      const e = escapeAt(format, i + 1, false);
      emit(st, e.text);
      i += e.used;
      continue;
    }
    if (c !== '%') {
      emit(st, c);
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlLqjzt]*(.?)/.exec(format.slice(i))!;
    i += m[0].length - 1;
    if (m[4] === '%') {
      emit(st, '%');
      continue;
    }
    const conv = m[4];
    if (!CONVERSIONS.includes(conv) || conv === '') {
      complain(st, unknownConversion(d, m[0], conv));
      return -1;
    }
    if (conv === 'b') {
      const e = expandArgument(next());
      emit(st, e.text);
      st.stop = e.stop;
      continue;
    }
    const spec: Spec = { flags: m[1], conv };
    if (m[2] !== undefined)
      spec.width = m[2] === '*' ? Number(integer(st, d, next())) : Number(m[2]);
    if (spec.width !== undefined && spec.width < 0) {
      spec.flags += '-';
      spec.width = -spec.width;
    }
    if (m[3] !== undefined)
      spec.prec = m[3] === '*' ? Number(integer(st, d, next())) : Number(m[3] || 0);
    emit(st, convert(st, d, spec, next()));
  }
  return used;
}

function printfAs(p: Process, d: Dialect): ProcessResult {
  let args = p.argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  let target: string | undefined;
  if (d === 'bash' && args[0] === '-v' && args[1] !== undefined) {
    target = args[1];
    args = args.slice(2);
  }
  const format = args[0];
  if (format === undefined) {
    if (d === 'bash')
      return output(p.world, '', 'printf: usage: printf [-v var] format [arguments]\n', 2);
    if (d === 'ash') return output(p.world, '', 'sh: usage: printf FORMAT [ARGUMENT...]\n', 2);
    if (d === 'coreutils')
      return output(
        p.world,
        '',
        "printf: missing operand\nTry 'printf --help' for more information.\n",
        1,
      );
    return output(
      p.world,
      '',
      'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: printf FORMAT [ARG]...\n\nFormat and print ARG(s) according to FORMAT (a-la C printf)\n',
      1,
    );
  }
  const st: State = { writes: [], pending: '', status: 0, stop: false };
  let rest = args.slice(1);
  for (;;) {
    const used = pass(st, d, format, rest);
    if (used <= 0 || st.stop || used >= rest.length) break;
    rest = rest.slice(used);
  }
  st.writes.push({ stream: 'stdout', text: st.pending });
  const streams = fromChunks(st.writes);
  if (target === undefined) return { world: p.world, exitCode: st.status, ...streams };
  const terminal = {
    ...p.world.terminal,
    vars: { ...p.world.terminal.vars, [target]: streams.stdout },
  };
  return output({ ...p.world, terminal }, '', streams.stderr, st.status);
}

/** The shell's own printf (busybox ash's is the applet's code; dash is treated the same). */
export function printfBuiltin(p: Process): ProcessResult {
  return printfAs(p, shellKind(p.world, p.place) === 'bash' ? 'bash' : 'ash');
}

/** /usr/bin/printf: coreutils, or the busybox applet in busybox and alpine images. */
export function printfCommand(p: Process): ProcessResult {
  return printfAs(p, isBusybox(whereIs(p).userland) ? 'busybox' : 'coreutils');
}
