/**
 * lz-string 1.5.0's `decompressFromEncodedURIComponent`, with an output cap.
 *
 * Why not call the library: an LZ78-family decoder can turn n input codes into ~n²/2 characters
 * (each new dictionary entry is the previous one plus a character), so a crafted 30 KB link could
 * expand to hundreds of megabytes before any length check ran. This port stops as soon as the
 * output passes `maxChars`. The bit layout follows lz-string's `_decompress` exactly; the codec
 * tests check it against the library's own compressor.
 */

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const CHAR_VALUE = new Map([...URI_SAFE_ALPHABET].map((ch, i) => [ch, i]));

export type LzDecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'alphabet' | 'corrupt' | 'truncated' | 'too-long' };

export function decodeUriSafeLz(input: string, maxChars: number): LzDecodeResult {
  // Some mailers and chat apps turn '+' into a space; lz-string undoes that too.
  const text = input.replaceAll(' ', '+');
  const values: number[] = [];
  for (const ch of text) {
    const v = CHAR_VALUE.get(ch);
    if (v === undefined) return { ok: false, reason: 'alphabet' };
    values.push(v);
  }
  if (values.length === 0) return { ok: false, reason: 'truncated' };

  const RESET = 32; // 6 bits per character, most significant first
  let val = values[0] ?? 0;
  let position = RESET;
  let index = 1;
  const readBits = (n: number): number | undefined => {
    let bits = 0;
    for (let power = 1; power !== 1 << n; power <<= 1) {
      if (index > values.length + 1) return undefined;
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = RESET;
        val = values[index++] ?? 0;
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;

  const first = readBits(2);
  if (first === undefined || first === 2) return { ok: false, reason: 'truncated' };
  const firstChar = readBits(first === 0 ? 8 : 16);
  if (firstChar === undefined) return { ok: false, reason: 'truncated' };
  let w = String.fromCharCode(firstChar);
  dictionary[3] = w;
  const result: string[] = [w];
  let length = w.length;

  for (;;) {
    if (index > values.length) return { ok: false, reason: 'truncated' };
    let c = readBits(numBits);
    if (c === undefined) return { ok: false, reason: 'truncated' };
    if (c === 0 || c === 1) {
      const code = readBits(c === 0 ? 8 : 16);
      if (code === undefined) return { ok: false, reason: 'truncated' };
      dictionary.push(String.fromCharCode(code));
      c = dictionary.length - 1;
      enlargeIn--;
    } else if (c === 2) {
      return { ok: true, text: result.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }

    let entry: string;
    const known = c >= 3 ? dictionary[c] : undefined;
    if (known !== undefined) entry = known;
    else if (c === dictionary.length) entry = w + w.charAt(0);
    else return { ok: false, reason: 'corrupt' };

    length += entry.length;
    if (length > maxChars) return { ok: false, reason: 'too-long' };
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
