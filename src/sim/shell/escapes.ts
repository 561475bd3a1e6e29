/**
 * Backslash escapes as printf reads them: C's one-letter ones, bash's additions, octal, hex and
 * Unicode code points; an unknown escape stays as written. In the format octal is `\NNN`; in a
 * `%b` argument (as in `echo -e`) it is `\0NNN`, and `\c` there ends all output.
 */
import { C_ESCAPES } from '../format/go-template-strconv';

/** C's escapes, and the ones bash's printf adds (`\e` for ESC, quotes and `?` as themselves). */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  ...C_ESCAPES,
  e: '\x1b',
  E: '\x1b',
  '"': '"',
  "'": "'",
  '?': '?',
};

/**
 * One backslash escape at `s[i]` (just past the backslash): the text and how many characters it
 * took. `%b` arguments write octal as `\0NNN`; the format as `\NNN`.
 */
export function escapeAt(
  s: string,
  i: number,
  inArgument: boolean,
): { text: string; used: number } {
  const c = s[i] ?? '';
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { text: simple, used: 1 };
  const octal = inArgument ? /^0([0-7]{0,3})/.exec(s.slice(i)) : /^([0-7]{1,3})/.exec(s.slice(i));
  if (octal)
    return { text: String.fromCharCode(parseInt(octal[1] || '0', 8) & 255), used: octal[0].length };
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(i));
  if (hex) return { text: String.fromCharCode(parseInt(hex[1], 16)), used: hex[0].length };
  const uni = /^(?:u([0-9a-fA-F]{1,4})|U([0-9a-fA-F]{1,8}))/.exec(s.slice(i));
  if (uni)
    return { text: String.fromCodePoint(parseInt(uni[1] ?? uni[2], 16)), used: uni[0].length };
  return { text: `\\${c}`, used: c ? 1 : 0 };
}

/** `%b`'s argument with its escapes expanded; `\c` ends all output. */
export function expandArgument(s: string): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      text += s[i];
      continue;
    }
    if (s[i + 1] === 'c') return { text, stop: true };
    const e = escapeAt(s, i + 1, true);
    text += e.text;
    i += e.used;
  }
  return { text, stop: false };
}
