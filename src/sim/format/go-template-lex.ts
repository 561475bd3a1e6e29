// Lexer for the Go text/template subset (mirrors go/src/text/template/parse/lex.go, Go 1.22+):
// trim markers, comments, and the same error texts, so docker users see the messages they know.
import { formatRuneU, goQuote, utf8Length } from './go-template-strconv';

export type Keyword =
  | 'block'
  | 'break'
  | 'continue'
  | 'define'
  | 'dot'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  | Keyword;

/** One token; `pos` is a UTF-16 offset into the source. */
export interface Item {
  readonly type: ItemType;
  readonly pos: number;
  readonly val: string;
}

const KEYWORDS: ReadonlyMap<string, Keyword> = new Map<string, Keyword>([
  ['.', 'dot'],
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['nil', 'nil'],
  ['range', 'range'],
  ['template', 'template'],
  ['with', 'with'],
]);
const KEYWORD_TYPES: ReadonlySet<string> = new Set(KEYWORDS.values());

/** How Go's item.String() shows a token inside "unexpected …" errors. */
export function describeItem(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.val;
  if (KEYWORD_TYPES.has(item.type)) return `<${item.val}>`;
  if (utf8Length(item.val) > 10) return goQuote(Array.from(item.val).slice(0, 10).join('')) + '...';
  return goQuote(item.val);
}

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\r' || c === '\n';
const ALNUM = /^[\p{L}\p{Nd}_]$/u;
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && ALNUM.test(c);

/** Splits `input` into items; stops after the first error or at EOF (both are emitted). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;

  const charAt = (i: number): string | undefined => {
    const cp = input.codePointAt(i);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  };
  const emit = (type: ItemType): void => {
    items.push({ type, pos: start, val: input.slice(start, pos) });
    start = pos;
  };
  const fail = (message: string): false => {
    items.push({ type: 'error', pos: start, val: message });
    return false;
  };
  const hasLeftTrim = (i: number): boolean => input[i] === '-' && isSpace(input[i + 1]);
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (isSpace(input[pos]) && input[pos + 1] === '-' && input.startsWith('}}', pos + 2)) {
      return { delim: true, trim: true };
    }
    return { delim: input.startsWith('}}', pos), trim: false };
  };
  const skipSpaces = (): void => {
    while (isSpace(input[pos])) pos++;
    start = pos;
  };
  const atTerminator = (): boolean => {
    const c = input[pos];
    if (c === undefined || isSpace(c) || '.,|:()'.includes(c)) return true;
    return input.startsWith('}}', pos);
  };
  const accept = (valid: string): boolean => {
    const c = input[pos];
    if (c !== undefined && valid.includes(c)) {
      pos++;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string): void => {
    while (accept(valid));
  };
  const badCharacter = (): false =>
    fail(`bad character ${formatRuneU(input.codePointAt(pos) ?? -1)}`);

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(charAt(pos))) {
      pos += charAt(pos)?.length ?? 1;
      return false;
    }
    return true;
  };
  const lexNumber = (): boolean => {
    if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
    if (input[pos] === '+' || input[pos] === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') {
        return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      }
      emit('complex');
      return true;
    }
    emit('number');
    return true;
  };
  const lexQuoted = (quote: string, type: ItemType, message: string): boolean => {
    for (;;) {
      const c = input[pos++];
      if (c === '\\' && quote !== '`') {
        const next = input[pos++];
        if (next !== undefined && next !== '\n') continue;
        return fail(message);
      }
      if (c === undefined || (c === '\n' && quote !== '`')) return fail(message);
      if (c === quote) break;
    }
    emit(type);
    return true;
  };
  const lexFieldOrVariable = (type: 'field' | 'variable'): boolean => {
    if (atTerminator()) {
      emit(type === 'variable' ? 'variable' : 'dot');
      return true;
    }
    while (isAlphaNumeric(charAt(pos))) pos += charAt(pos)?.length ?? 1;
    if (!atTerminator()) return badCharacter();
    emit(type);
    return true;
  };
  const lexIdentifier = (): boolean => {
    while (isAlphaNumeric(charAt(pos))) pos += charAt(pos)?.length ?? 1;
    if (!atTerminator()) return badCharacter();
    const word = input.slice(start, pos);
    const keyword = KEYWORDS.get(word);
    emit(keyword ?? (word === 'true' || word === 'false' ? 'bool' : 'identifier'));
    return true;
  };

  /** Scans one action after its left delimiter; false once an error item was emitted. */
  const lexInsideAction = (): boolean => {
    for (;;) {
      const { delim, trim } = atRightDelim();
      if (delim) {
        if (parenDepth !== 0) return fail('unclosed left paren');
        if (trim) pos += 2;
        start = pos;
        pos += 2;
        emit('rightDelim');
        if (trim) skipSpaces();
        return true;
      }
      const c = charAt(pos);
      if (c === undefined) return fail('unclosed action');
      let ok = true;
      if (isSpace(c)) {
        let n = 0;
        while (isSpace(input[pos])) {
          pos++;
          n++;
        }
        // " -}}" closes the action: the last space belongs to the trim marker.
        if (input[pos] === '-' && input.startsWith('}}', pos + 1)) {
          pos--;
          if (n === 1) continue;
        }
        emit('space');
        continue;
      }
      pos += c.length;
      if (c === '=') emit('assign');
      else if (c === ':') {
        if (input[pos++] !== '=') return fail('expected :=');
        emit('declare');
      } else if (c === '|') emit('pipe');
      else if (c === '"') ok = lexQuoted('"', 'string', 'unterminated quoted string');
      else if (c === '`') ok = lexQuoted('`', 'rawString', 'unterminated raw quoted string');
      else if (c === "'") ok = lexQuoted("'", 'charConstant', 'unterminated character constant');
      else if (c === '$') ok = lexFieldOrVariable('variable');
      else if (c === '.' && pos < input.length && !/[0-9]/.test(input[pos] ?? '')) {
        ok = lexFieldOrVariable('field');
      } else if (c === '.' || c === '+' || c === '-' || /[0-9]/.test(c)) {
        pos -= 1;
        ok = lexNumber();
      } else if (isAlphaNumeric(c)) {
        pos -= c.length;
        ok = lexIdentifier();
      } else if (c === '(') {
        parenDepth++;
        emit('leftParen');
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen');
      } else if (c >= ' ' && c <= '~') emit('char');
      else return fail(`unrecognized character in action: ${formatRuneU(c.codePointAt(0) ?? 0)}`);
      if (!ok) return false;
    }
  };

  for (;;) {
    const x = input.indexOf('{{', pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      emit('eof');
      return items;
    }
    pos = x;
    if (hasLeftTrim(x + 2)) while (pos > start && isSpace(input[pos - 1])) pos--;
    if (pos > start) emit('text');
    pos = x + 2;
    start = x;
    const afterMarker = hasLeftTrim(pos) ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      const end = input.indexOf('*/', pos + 2);
      if (end < 0) {
        fail('unclosed comment');
        return items;
      }
      pos = end + 2;
      const { delim, trim } = atRightDelim();
      if (!delim) {
        fail('comment ends before closing delimiter');
        return items;
      }
      pos += trim ? 4 : 2;
      if (trim) skipSpaces();
      start = pos;
      continue;
    }
    emit('leftDelim');
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    if (!lexInsideAction()) return items;
  }
}
