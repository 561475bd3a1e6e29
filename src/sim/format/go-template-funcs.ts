// The functions a docker format template can call: text/template's builtins (funcs.go) plus
// docker-cli's additions (docker/cli templates/templates.go: json, split, join, title, lower,
// upper, pad, truncate). Errors are thrown as FuncError and reported as `error calling <name>: …`.
import { eq, le, lt } from './go-template-compare';
import { evalArgs, htmlEscape, jsEscape, json, urlQueryEscape } from './go-template-encode';
import { sprint, sprintf, sprintln } from './go-template-printf';
import { utf8Bytes, utf8Decode } from './go-template-strconv';
import {
  FuncError,
  goLength,
  indirectInterface,
  isNilKind,
  isTrue,
  kindOf,
  mapOptions,
  ownValue,
  typeName,
  type GoObject,
} from './go-template-value';

export { FuncError } from './go-template-value';

/**
 * How an argument is checked before a call, after Go's reflect types:
 * `any` = interface{} (a missing value becomes nil), `value` = reflect.Value (passed as is),
 * `string`, `int`, and `strings` = []string.
 */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'strings';

export interface GoFunction {
  readonly params: readonly ParamType[];
  readonly variadic?: ParamType;
  readonly call: (args: readonly unknown[]) => unknown;
}

/** Largest string any function may build; bigger results are refused, not allocated. */
export const MAX_STRING_LENGTH = 1 << 20;

function indexArg(index: unknown, cap: number): number {
  const kind = kindOf(index);
  if (kind === 'invalid' || kind === 'nil')
    throw new FuncError('cannot index slice/array with nil');
  if (kind !== 'int') throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  const x = Number(index);
  if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`);
  return x;
}

function index(args: readonly unknown[]): unknown {
  let item = indirectInterface(args[0]);
  if (item === undefined) throw new FuncError('index of untyped nil');
  for (const raw of args.slice(1)) {
    const key = indirectInterface(raw);
    const kind = kindOf(item);
    if (kind === 'nil' || kind === 'nilptr') throw new FuncError('index of nil pointer');
    if (kind === 'slice' || kind === 'string') {
      const isString = kind === 'string';
      const bytes = isString ? utf8Bytes(item as string) : undefined;
      const length = bytes ? bytes.length : (item as readonly unknown[]).length;
      const x = indexArg(key, length);
      if (x === length)
        throw new FuncError(`reflect: ${isString ? 'string' : 'slice'} index out of range`);
      item = bytes ? bytes[x] : (item as readonly unknown[])[x];
    } else if (kind === 'map') {
      if (isNilKind(key)) throw new FuncError('value is nil; should be of type string');
      if (typeof key !== 'string')
        throw new FuncError(`value has type ${typeName(key)}; should be string`);
      // A missing key yields the element type's zero value: nil for interface{}.
      item = ownValue(item as GoObject, key) ?? mapOptions(item)?.zero ?? null;
    } else {
      throw new FuncError(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(args: readonly unknown[]): unknown {
  const item = indirectInterface(args[0]);
  const indexes = args.slice(1);
  if (item === undefined) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const kind = kindOf(item);
  if (kind === 'string' && indexes.length === 3)
    throw new FuncError('cannot 3-index slice a string');
  if (kind !== 'string' && kind !== 'slice')
    throw new FuncError(`can't slice item of type ${typeName(item)}`);
  const length = goLength(item) ?? 0;
  const idx = [0, length, length];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, length)));
  const [from = 0, to = 0, max = 0] = idx;
  if (from > to) throw new FuncError(`invalid slice index: ${from} > ${to}`);
  if (indexes.length === 3 && to > max) throw new FuncError(`invalid slice index: ${to} > ${max}`);
  if (kind === 'string') return utf8Decode(utf8Bytes(item as string).slice(from, to));
  return (item as readonly unknown[]).slice(from, to);
}

function length(args: readonly unknown[]): number {
  const item = args[0];
  const kind = kindOf(item);
  if (kind === 'nil' || kind === 'nilptr') throw new FuncError('len of nil pointer');
  if (kind === 'invalid') throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  const n = goLength(item);
  if (n === undefined) throw new FuncError(`len of type ${typeName(item)}`);
  return n;
}

function checkedRepeat(count: number, fnName: string): string {
  if (count < 0) throw new FuncError(`strings: negative Repeat count`);
  if (count > MAX_STRING_LENGTH)
    throw new FuncError(`${fnName} result exceeds ${MAX_STRING_LENGTH} bytes`);
  return ' '.repeat(count);
}

/** strings.Title: upper-cases the first letter of every word (words split at non-letters). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const separator = prev.charCodeAt(0) < 0x80 ? !/[A-Za-z0-9_]/.test(prev) : /\s/u.test(prev);
    out += separator ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function truncate(s: string, n: number): string {
  const bytes = utf8Bytes(s);
  if (bytes.length < n) return s;
  if (n < 0) throw new FuncError(`runtime error: slice bounds out of range [:${n}]`);
  return utf8Decode(bytes.slice(0, n));
}

const str = (v: unknown): string => v as string;
const int = (v: unknown): number => v as number;
const fn = (
  params: readonly ParamType[],
  call: GoFunction['call'],
  variadic?: ParamType,
): GoFunction => (variadic ? { params, variadic, call } : { params, call });

function andOr(wantTruth: boolean) {
  return (args: readonly unknown[]): unknown =>
    args.find((a) => isTrue(a) === wantTruth) ?? args[args.length - 1];
}

/** Every function name a template may use; `and`/`or` short-circuit in the evaluator. */
export const FUNCTIONS: ReadonlyMap<string, GoFunction> = new Map<string, GoFunction>([
  ['and', fn(['value'], andOr(false), 'value')],
  ['or', fn(['value'], andOr(true), 'value')],
  ['not', fn(['value'], (a) => !isTrue(a[0]))],
  [
    'call',
    fn(
      ['value'],
      (a) => {
        throw new FuncError(
          isNilKind(a[0]) ? 'call of nil' : `non-function of type ${typeName(a[0])}`,
        );
      },
      'value',
    ),
  ],
  ['html', fn([], (a) => htmlEscape(evalArgs(a)), 'any')],
  ['js', fn([], (a) => jsEscape(evalArgs(a)), 'any')],
  ['urlquery', fn([], (a) => urlQueryEscape(evalArgs(a)), 'any')],
  ['index', fn(['value'], index, 'value')],
  ['slice', fn(['value'], slice, 'value')],
  ['len', fn(['value'], length)],
  ['print', fn([], sprint, 'any')],
  ['printf', fn(['string'], (a) => sprintf(str(a[0]), a.slice(1)), 'any')],
  ['println', fn([], sprintln, 'any')],
  ['eq', fn(['value'], eq, 'value')],
  ['ne', fn(['value', 'value'], (a) => !eq(a))],
  ['lt', fn(['value', 'value'], lt)],
  ['le', fn(['value', 'value'], le)],
  ['gt', fn(['value', 'value'], (a) => !le(a))],
  ['ge', fn(['value', 'value'], (a) => !lt(a))],
  ['json', fn(['any'], json)],
  [
    'split',
    fn(['string', 'string'], (a) =>
      str(a[1]) === '' ? Array.from(str(a[0])) : str(a[0]).split(str(a[1])),
    ),
  ],
  ['join', fn(['strings', 'string'], (a) => (a[0] as readonly string[]).join(str(a[1])))],
  ['title', fn(['string'], (a) => title(str(a[0])))],
  ['lower', fn(['string'], (a) => str(a[0]).toLowerCase())],
  ['upper', fn(['string'], (a) => str(a[0]).toUpperCase())],
  [
    'pad',
    fn(['string', 'int', 'int'], (a) =>
      str(a[0]) === ''
        ? ''
        : checkedRepeat(int(a[1]), 'pad') + str(a[0]) + checkedRepeat(int(a[2]), 'pad'),
    ),
  ],
  ['truncate', fn(['string', 'int'], (a) => truncate(str(a[0]), int(a[1])))],
]);

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(FUNCTIONS.keys());
