// fmt.Sprint / Sprintln / Sprintf for the template's print, println and printf functions,
// including Go's in-band error forms such as `%!d(string=abc)` and `%!s(MISSING)`.
import {
  formatFloatE,
  formatFloatF,
  formatFloatG,
  goQuote,
  goQuoteRune,
  utf8Bytes,
} from './go-template-strconv';
import { formatScalarV, formatValue, formatWith, kindOf, typeName } from './go-template-value';

interface Spec {
  readonly minus: boolean;
  readonly plus: boolean;
  /** `%+v`: struct field names; fmt then drops the plus flag for the values themselves. */
  readonly plusV: boolean;
  readonly sharp: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  readonly width: number | undefined;
  readonly prec: number | undefined;
  readonly verb: string;
}

/** fmt's width/precision ceiling; larger values print %!(BADWIDTH) / %!(BADPREC). */
const MAX_WIDTH = 1_000_000;

function pad(s: string, spec: Spec, zeroOk: boolean): string {
  const width = spec.width ?? 0;
  const len = Array.from(s).length;
  if (len >= width) return s;
  if (spec.minus) return s + ' '.repeat(width - len);
  if (spec.zero && zeroOk) {
    const sign = /^[+\- ]/.test(s) ? (s[0] ?? '') : '';
    return sign + '0'.repeat(width - len) + s.slice(sign.length);
  }
  return ' '.repeat(width - len) + s;
}

function badVerb(v: unknown, verb: string): string {
  const kind = kindOf(v);
  if (kind === 'invalid' || kind === 'nil') return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatValue(v)})`;
}

function signed(digits: string, negative: boolean, spec: Spec): string {
  if (negative) return '-' + digits;
  if (spec.plus) return '+' + digits;
  return spec.space ? ' ' + digits : digits;
}

function formatInt(n: bigint, spec: Spec): string {
  const verb = spec.verb;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const base =
    verb === 'b' ? 2 : verb === 'o' || verb === 'O' ? 8 : verb === 'x' || verb === 'X' ? 16 : 10;
  let digits = abs.toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  if (spec.prec !== undefined) {
    digits = spec.prec === 0 && abs === 0n ? '' : digits.padStart(spec.prec, '0');
  } else if (spec.zero && !spec.minus && spec.width !== undefined) {
    const room = spec.width - (negative || spec.plus || spec.space ? 1 : 0);
    digits = digits.padStart(room, '0');
  }
  if (spec.sharp && base !== 10)
    digits = (base === 2 ? '0b' : base === 8 ? '0' : '0' + verb) + digits;
  if (verb === 'O') digits = '0o' + digits;
  return pad(signed(digits, negative, spec), spec, false);
}

function formatIntVerb(v: number | bigint, spec: Spec): string {
  const n = BigInt(v);
  switch (spec.verb) {
    case 'v':
    case 'd':
    case 'b':
    case 'o':
    case 'O':
    case 'x':
    case 'X':
      return formatInt(n, spec);
    case 'c':
      return pad(String.fromCodePoint(n >= 0n && n <= 0x10ffffn ? Number(n) : 0xfffd), spec, false);
    case 'q':
      return pad(goQuoteRune(Number(n)), spec, false);
    case 'U': {
      const code = 'U+' + n.toString(16).toUpperCase().padStart(4, '0');
      return pad(spec.sharp ? `${code} '${String.fromCodePoint(Number(n))}'` : code, spec, false);
    }
    default:
      return badVerb(Number(v), spec.verb);
  }
}

function formatFloatVerb(v: number, spec: Spec): string {
  const upper = spec.verb === spec.verb.toUpperCase();
  let body: string;
  switch (spec.verb) {
    case 'v':
    case 'g':
    case 'G':
      body = formatFloatG(Math.abs(v), spec.prec ?? -1, upper);
      break;
    case 'e':
    case 'E':
      body = formatFloatE(Math.abs(v), spec.prec ?? 6, upper);
      break;
    case 'f':
    case 'F':
      body = formatFloatF(Math.abs(v), spec.prec ?? 6);
      break;
    default:
      return badVerb(v, spec.verb);
  }
  const negative = v < 0 || Object.is(v, -0);
  return pad(signed(body, negative, spec), spec, Number.isFinite(v));
}

function formatStringVerb(s: string, spec: Spec): string {
  const truncated = spec.prec === undefined ? s : Array.from(s).slice(0, spec.prec).join('');
  switch (spec.verb) {
    case 'v':
    case 's':
      return pad(truncated, spec, true);
    case 'q':
      return pad(
        spec.sharp && !/[`\p{Cc}]/u.test(s) ? '`' + s + '`' : goQuote(truncated),
        spec,
        true,
      );
    case 'x':
    case 'X': {
      const hex = Array.from(utf8Bytes(truncated), (b) => b.toString(16).padStart(2, '0')).join('');
      return pad(spec.verb === 'X' ? hex.toUpperCase() : hex, spec, true);
    }
    default:
      return badVerb(s, spec.verb);
  }
}

function formatScalar(v: unknown, spec: Spec): string {
  switch (kindOf(v)) {
    case 'string':
      return formatStringVerb(v as string, spec);
    case 'int':
      return formatIntVerb(v as number | bigint, spec);
    case 'float':
      return formatFloatVerb(v as number, spec);
    case 'bool':
      return spec.verb === 'v' || spec.verb === 't'
        ? pad(v ? 'true' : 'false', spec, false)
        : badVerb(v, spec.verb);
    default:
      return pad(formatScalarV(v), spec, false);
  }
}

function formatArg(v: unknown, spec: Spec): string {
  if (spec.verb === 'T') return pad(typeName(v), spec, false);
  // A nil operand is an error for most verbs, but a nil inside a collection prints as <nil>.
  const kind = kindOf(v);
  if ((kind === 'invalid' || kind === 'nil') && spec.verb !== 'v') return badVerb(v, spec.verb);
  return formatWith(v, 0, spec.plusV, (scalar) => formatScalar(scalar, spec));
}

/** fmt.Sprint: operands are separated by a space when neither side is a string. */
export function sprint(args: readonly unknown[]): string {
  let out = '';
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(arg);
  });
  return out;
}

/** fmt.Sprintln: operands always separated by spaces, plus a newline. */
export function sprintln(args: readonly unknown[]): string {
  return args.map((a) => formatValue(a)).join(' ') + '\n';
}

/** fmt.Sprintf with flags, width and precision (no explicit argument indexes). */
export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const readNumber = (): number | undefined => {
    const m = /^[0-9]+/.exec(format.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return Number(m[0]);
  };
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const flags = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (let c = format[i]; c !== undefined && '-+# 0'.includes(c); c = format[++i]) {
      if (c === '-') flags.minus = true;
      else if (c === '+') flags.plus = true;
      else if (c === '#') flags.sharp = true;
      else if (c === ' ') flags.space = true;
      else flags.zero = true;
    }
    const width = readNumber();
    let prec: number | undefined;
    if (format[i] === '.') {
      i++;
      prec = readNumber() ?? 0;
    }
    if ((width ?? 0) > MAX_WIDTH) {
      out += '%!(BADWIDTH)';
      continue;
    }
    if ((prec ?? 0) > MAX_WIDTH) {
      out += '%!(BADPREC)';
      continue;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const plusV = flags.plus && verb === 'v';
    const spec: Spec = {
      ...flags,
      plus: flags.plus && !plusV,
      plusV,
      zero: flags.zero && !flags.minus,
      width,
      prec,
      verb,
    };
    out += formatArg(args[argNum++], spec);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((a) => {
      const kind = kindOf(a);
      return kind === 'invalid' || kind === 'nil' ? '<nil>' : `${typeName(a)}=${formatValue(a)}`;
    });
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
