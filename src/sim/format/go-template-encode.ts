// Text encoders a template can call: docker-cli's `json` and text/template's html, js and
// urlquery escapers.
import { sprint } from './go-template-printf';
import { formatFloatG, utf8Bytes } from './go-template-strconv';
import {
  isNilKind,
  isTrue,
  kindOf,
  printableString,
  structFields,
  structOptions,
  MAX_VALUE_DEPTH,
  ValueDepthError,
  type GoObject,
} from './go-template-value';

/** html/js/urlquery print their operands like `{{.}}` would, then escape the text. */
export function evalArgs(args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (isNilKind(a) ? printableString(a) : a)));
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\ufffd',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};
const JS_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

/** Applies `table` (and, for control characters, `control`) character by character. */
function escapeChars(
  s: string,
  table: Readonly<Record<string, string>>,
  control?: (c: string) => string,
): string {
  let out = '';
  for (const c of s) out += table[c] ?? (control && c < ' ' ? control(c) : c);
  return out;
}

export function htmlEscape(s: string): string {
  return escapeChars(s, HTML_ESCAPES);
}

export function jsEscape(s: string): string {
  return escapeChars(
    s,
    JS_ESCAPES,
    (c) => '\\u00' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
  );
}

export function urlQueryEscape(s: string): string {
  return Array.from(utf8Bytes(s), (b) => {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
    return c === ' ' ? '+' : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }).join('');
}

class JsonUnsupported extends Error {}

function jsonString(s: string): string {
  // Go writes invalid UTF-16 (lone surrogates) as U+FFFD and always escapes U+2028/U+2029.
  const wellFormed = s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
  return JSON.stringify(wellFormed)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function isEmptyJson(v: unknown): boolean {
  const kind = kindOf(v);
  if (kind === 'struct') return false;
  return kind === 'invalid' || kind === 'nil' || kind === 'nilptr' || !isTrue(v);
}

/** encoding/json with SetEscapeHTML(false), as docker-cli's `json` uses since 17.05 (moby#32145). */
export function encodeJson(v: unknown, depth = 0): string {
  if (depth > MAX_VALUE_DEPTH) throw new ValueDepthError('value nested too deeply');
  const inner = (x: unknown): string => encodeJson(x, depth + 1);
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
    case 'nilptr':
      return 'null';
    case 'string':
      return jsonString(v as string);
    case 'int':
      return typeof v === 'bigint' ? v.toString() : String(v);
    case 'float':
      if (!Number.isFinite(v))
        throw new JsonUnsupported(`json: unsupported value: ${formatFloatG(v as number)}`);
      return String(v);
    case 'bool':
      return v ? 'true' : 'false';
    case 'slice':
      return '[' + (v as readonly unknown[]).map(inner).join(',') + ']';
    case 'map': {
      const o = v as GoObject;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined);
      return '{' + keys.map((k) => `${jsonString(k)}:${inner(o[k])}`).join(',') + '}';
    }
    case 'struct': {
      const o = v as GoObject;
      const omit = new Set(structOptions(v).omitEmpty ?? []);
      const keys = structFields(o).filter((k) => !(omit.has(k) && isEmptyJson(o[k])));
      return '{' + keys.map((k) => `${jsonString(k)}:${inner(o[k])}`).join(',') + '}';
    }
  }
}

export function json(args: readonly unknown[]): string {
  try {
    return encodeJson(args[0]);
  } catch (e) {
    // docker-cli ignores the encoder's error and prints what was buffered: nothing.
    if (e instanceof JsonUnsupported) return '';
    throw e;
  }
}
