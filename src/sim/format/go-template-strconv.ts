// Go's strconv/unicode behaviour that the template engine needs: quoting, unquoting, UTF-8 lengths
// and float formatting. Go strings are UTF-8 bytes; ours are UTF-16, so byte counts are computed.

/** Raised by unquote; the parser turns it into a template parse error. */
export class QuoteSyntaxError extends Error {}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** unicode.IsPrint for one code point (ASCII space counts, other spaces do not). */
export function isPrint(cp: number): boolean {
  if (cp < 0 || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

/** Number of UTF-8 bytes Go would use for `s` (lone surrogates become U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(cp: number, quote: string): string {
  const ch = String.fromCodePoint(cp);
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (isPrint(cp)) return ch;
  switch (ch) {
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  return cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
}

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0, '"');
  return out + '"';
}

/** strconv.QuoteRune, as used by %q on integers. */
export function goQuoteRune(cp: number): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return "'" + escapeRune(valid ? cp : 0xfffd, "'") + "'";
}

/** fmt's %#U / %U form: `U+00E9 'é'` (the rune is shown only when printable). */
export function formatRuneU(cp: number, withChar = true): string {
  const code = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return withChar && isPrint(cp) ? `${code} '${String.fromCodePoint(cp)}'` : code;
}

/** The one-letter escapes C, Go and the shells' printf share. */
export const C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** Decodes one escape sequence starting after the backslash; returns [text, next index]. */
function unescape(body: string, i: number, quote: string): [string, number] {
  const c = body[i];
  if (c === undefined) throw new QuoteSyntaxError('invalid syntax');
  if (c in C_ESCAPES) return [C_ESCAPES[c] ?? '', i + 1];
  if (c === quote) return [c, i + 1];
  const radixDigits = (len: number, radix: number, from: number): number => {
    const digits = body.slice(from, from + len);
    const re = radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
    if (digits.length !== len || !re.test(digits)) throw new QuoteSyntaxError('invalid syntax');
    return parseInt(digits, radix);
  };
  if (c === 'x') return [String.fromCharCode(radixDigits(2, 16, i + 1)), i + 3];
  if (c >= '0' && c <= '7') {
    const v = radixDigits(3, 8, i);
    if (v > 255) throw new QuoteSyntaxError('invalid syntax');
    return [String.fromCharCode(v), i + 3];
  }
  if (c === 'u' || c === 'U') {
    const len = c === 'u' ? 4 : 8;
    const v = radixDigits(len, 16, i + 1);
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new QuoteSyntaxError('invalid syntax');
    return [String.fromCodePoint(v), i + 1 + len];
  }
  throw new QuoteSyntaxError('invalid syntax');
}

/** strconv.Unquote for "…", `…` and '…' literals as produced by the lexer. */
export function goUnquote(literal: string): string {
  const quote = literal[0] ?? '';
  const body = literal.slice(1, -1);
  if (literal.length < 2 || literal[literal.length - 1] !== quote) {
    throw new QuoteSyntaxError('invalid syntax');
  }
  if (quote === '`') return body.replaceAll('\r', '');
  let out = '';
  for (let i = 0; i < body.length;) {
    const c = body[i] ?? '';
    if (c === '\\') {
      const [text, next] = unescape(body, i + 1, quote);
      out += text;
      i = next;
    } else {
      if (c === quote || c === '\n') throw new QuoteSyntaxError('invalid syntax');
      out += c;
      i += 1;
    }
  }
  if (quote === "'" && Array.from(out).length !== 1) throw new QuoteSyntaxError('invalid syntax');
  return out;
}

/** Splits a finite non-zero number into significant decimal digits and a decimal exponent. */
function decimalDigits(n: number, precision?: number): { digits: string; exp: number } {
  const [mantissa = '0', e = '0'] = Math.abs(n).toExponential(precision).split('e');
  return { digits: mantissa.replace('.', ''), exp: Number(e) };
}

function withExponent(digits: string, exp: number, upper: boolean): string {
  const mantissa = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
  const sign = exp < 0 ? '-' : '+';
  return `${mantissa}${upper ? 'E' : 'e'}${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function withoutExponent(digits: string, exp: number): string {
  if (exp < 0) return '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** strconv.FormatFloat(f, 'g'|'G', prec, 64); prec < 0 means the shortest exact form. */
export function formatFloatG(n: number, prec = -1, upper = false): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  if (n === 0) return sign + '0';
  const p = prec === 0 ? 1 : prec;
  const parts = decimalDigits(n, p < 0 ? undefined : p - 1);
  const digits = parts.digits.replace(/0+$/, '') || '0';
  // Go: %e is used when the exponent is < -4 or >= the precision (6 for the shortest form).
  let eprec = p < 0 ? 6 : p;
  if (p >= 0 && eprec > digits.length && digits.length >= parts.exp + 1) eprec = digits.length;
  if (parts.exp < -4 || parts.exp >= eprec) return sign + withExponent(digits, parts.exp, upper);
  return sign + withoutExponent(digits, parts.exp);
}

/** strconv.FormatFloat(f, 'e'|'E', prec, 64). */
export function formatFloatE(n: number, prec: number, upper = false): string {
  if (!Number.isFinite(n)) return formatFloatG(n);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const { digits, exp } =
    n === 0 ? { digits: '0'.repeat(prec + 1), exp: 0 } : decimalDigits(n, prec);
  return sign + withExponent(digits, exp, upper);
}

/** strconv.FormatFloat(f, 'f', prec, 64). */
export function formatFloatF(n: number, prec: number): string {
  if (!Number.isFinite(n)) return formatFloatG(n);
  const fixed = Math.abs(n).toFixed(Math.min(prec, 100));
  return (n < 0 || Object.is(n, -0) ? '-' : '') + fixed;
}

const GO_INT = /^[+-]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/;
const GO_FLOAT = /^[+-]?([0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)([eE][+-]?[0-9][0-9_]*)?$/;
const INT64_LIMIT = 2 ** 63;

/**
 * A template number literal, after parse.newNumber: ints (decimal, 0x, 0o, 0b, legacy octal),
 * floats, and 'c' character constants. `isInt` is also true for integral floats such as 1e3.
 * Returns Go's error text for literals it rejects (complex numbers are not supported).
 */
export function parseGoNumber(
  text: string,
  isCharConstant: boolean,
): { value: number; isInt: boolean } | string {
  if (isCharConstant) {
    try {
      return { value: goUnquote(text).codePointAt(0) ?? 0, isInt: true };
    } catch {
      return `malformed character constant: ${text}`;
    }
  }
  const clean = text.replaceAll('_', '');
  if (GO_INT.test(text)) {
    const unsigned = clean.replace(/^[+-]/, '');
    const literal = /^0[0-7]+$/.test(unsigned) ? '0o' + unsigned.slice(1) : unsigned;
    const value = Number(BigInt(literal)) * (clean.startsWith('-') ? -1 : 1);
    if (Math.abs(value) >= INT64_LIMIT) return `integer overflow: ${text}`;
    return { value: value === 0 ? 0 : value, isInt: true };
  }
  if (GO_FLOAT.test(text)) {
    const value = Number(clean);
    // Go: a literal that only parses as a float but looks like an integer is too big for int64.
    if (!/[.eEpP]/.test(text)) return `integer overflow: ${text}`;
    if (!Number.isFinite(value)) return `illegal number syntax: ${goQuote(text)}`;
    return { value, isInt: Number.isInteger(value) && Math.abs(value) < INT64_LIMIT };
  }
  return `illegal number syntax: ${goQuote(text)}`;
}
