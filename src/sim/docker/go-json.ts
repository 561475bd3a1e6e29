/**
 * JSON as Go's encoding/json reads it, for the files dockerd parses: the same syntax, and on a
 * mistake the scanner's own words (`invalid character 'x' looking for beginning of value`).
 */
import { err, ok, type Result } from '../result';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Go's quoteChar: how encoding/json names the byte it choked on. */
function quoteChar(byte: number): string {
  if (byte === 0x27) return "'\\''";
  if (byte === 0x22) return "'\"'";
  const named: Record<number, string> = {
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
  };
  if (named[byte]) return `'\\${named[byte]}'`;
  if (byte < 0x20 || byte === 0x7f) return `'\\x${byte.toString(16).padStart(2, '0')}'`;
  // Go turns the lone byte into a rune, so a UTF-8 lead byte shows as a Latin-1 letter.
  if (byte >= 0x80 && byte < 0xa0) return `'\\u00${byte.toString(16)}'`;
  if (byte === 0xad) return "'\\u00ad'";
  return `'${String.fromCharCode(byte)}'`;
}

/** Unwinds the recursive parser to its one catch; never escapes this module. */
class JsonError extends Error {}

/** A JSON parser with encoding/json's scanner errors (`invalid character 'x' looking for …`). */
export function parseJson(text: string): Result<Json> {
  const b = new TextEncoder().encode(text);
  let i = 0;
  const fail = (context: string): never => {
    if (i >= b.length) throw new JsonError('unexpected end of JSON input');
    throw new JsonError(`invalid character ${quoteChar(b[i])} ${context}`);
  };
  const ws = () => {
    while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  };
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  const literal = (word: string, v: Json): Json => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (b[i] !== word.charCodeAt(k)) fail(`in literal ${word} (expecting '${word[k]}')`);
    }
    i++;
    return v;
  };
  const string = (): string => {
    const start = ++i;
    for (;;) {
      if (i >= b.length) fail('');
      const c = b[i];
      if (c === 0x22) break;
      if (c < 0x20) fail('in string literal');
      if (c === 0x5c) {
        i++;
        if (b[i] === 0x75) {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(String.fromCharCode(b[i] ?? 0)))
              fail('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(b[i] ?? 0)))
          fail('in string escape code');
      }
      i++;
    }
    const raw = new TextDecoder().decode(b.slice(start - 1, i + 1));
    i++;
    return JSON.parse(raw) as string;
  };
  const number = (): number => {
    const start = i;
    if (b[i] === 0x2d) i++;
    if (!isDigit(b[i])) fail('in numeric literal');
    if (b[i] === 0x30) i++;
    else while (isDigit(b[i])) i++;
    if (b[i] === 0x2e) {
      i++;
      if (!isDigit(b[i])) fail('after decimal point in numeric literal');
      while (isDigit(b[i])) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      if (!isDigit(b[i])) fail('in exponent of numeric literal');
      while (isDigit(b[i])) i++;
    }
    return Number(new TextDecoder().decode(b.slice(start, i)));
  };
  const value = (): Json => {
    ws();
    const c = b[i];
    if (c === 0x7b) return object();
    if (c === 0x5b) return array();
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    if (c === 0x74) return literal('true', true);
    if (c === 0x66) return literal('false', false);
    if (c === 0x6e) return literal('null', null);
    return fail('looking for beginning of value');
  };
  const object = (): Json => {
    const o: { [k: string]: Json } = {};
    i++;
    ws();
    if (b[i] === 0x7d) {
      i++;
      return o;
    }
    for (;;) {
      ws();
      if (b[i] !== 0x22) fail('looking for beginning of object key string');
      const key = string();
      ws();
      if (b[i] !== 0x3a) fail('after object key');
      i++;
      o[key] = value();
      ws();
      if (b[i] === 0x2c) {
        i++;
        continue;
      }
      if (b[i] === 0x7d) {
        i++;
        return o;
      }
      fail('after object key:value pair');
    }
  };
  const array = (): Json => {
    const a: Json[] = [];
    i++;
    ws();
    if (b[i] === 0x5d) {
      i++;
      return a;
    }
    for (;;) {
      a.push(value());
      ws();
      if (b[i] === 0x2c) {
        i++;
        continue;
      }
      if (b[i] === 0x5d) {
        i++;
        return a;
      }
      fail('after array element');
    }
  };
  try {
    const v = value();
    ws();
    if (i < b.length) fail('after top-level value');
    return ok(v);
  } catch (e) {
    if (e instanceof JsonError) return err(e.message);
    throw e;
  }
}
