// How JSON-like data stands in for Go values: kinds, type names, truth, and fmt's %v printing.
// Plain objects are Go maps (map[string]interface {}); objects tagged with goStruct() are structs.
import { formatFloatG, utf8Length } from './go-template-strconv';

/** Marker for a struct-like object (Go prints it as `{v1 v2}`), as agreed with callers. */
export const GO_STRUCT = Symbol.for('go.struct');
const GO_STRUCT_META = Symbol.for('go.struct.meta');

/** A nil pointer read from a struct field: prints as `<nil>`, unlike a missing map key. */
export const NIL_POINTER: unique symbol = Symbol('go.nil-pointer');

export interface GoStructOptions {
  /** Go type for error messages and %T, e.g. `network.IPAMConfig`. */
  readonly typeName?: string;
  /** The value is a pointer (*T): fmt prints `&{…}` at top level and an address when nested. */
  readonly pointer?: boolean;
  /** Fields with `json:",omitempty"`: left out of `json` output when empty. */
  readonly omitEmpty?: readonly string[];
}

/** Returns a copy of `o` tagged as a Go struct (fields print in insertion order). */
export function goStruct<T extends object>(o: T, options: GoStructOptions = {}): T {
  const copy = { ...o };
  Object.defineProperty(copy, GO_STRUCT, { value: true, enumerable: false });
  Object.defineProperty(copy, GO_STRUCT_META, { value: options, enumerable: false });
  return copy;
}

const GO_MAP_META = Symbol.for('go.map.meta');

export interface GoMapOptions {
  /** Go type for errors and %T, e.g. `map[string]string` (default `map[string]interface {}`). */
  readonly typeName?: string;
  /**
   * Zero value of the element type, which `index` returns for a missing key: `''` for docker's
   * `map[string]string` Options and Labels, so they print empty rather than `<no value>`.
   */
  readonly zero?: string | number | boolean;
}

/** Returns a copy of `o` tagged as a typed Go map (a plain object is `map[string]interface {}`). */
export function goMap<T extends object>(o: T, options: GoMapOptions): T {
  const copy = { ...o };
  Object.defineProperty(copy, GO_MAP_META, { value: options, enumerable: false });
  return copy;
}

export function mapOptions(v: unknown): GoMapOptions | undefined {
  return (v as Record<symbol, unknown>)[GO_MAP_META] as GoMapOptions | undefined;
}

export type GoObject = { readonly [key: string]: unknown };
export type Kind =
  'invalid' | 'nil' | 'nilptr' | 'string' | 'int' | 'float' | 'bool' | 'slice' | 'map' | 'struct';

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'object':
      if (v === null) return 'nil';
      if (Array.isArray(v)) return 'slice';
      return (v as Record<symbol, unknown>)[GO_STRUCT] === true ? 'struct' : 'map';
    default:
      return v === NIL_POINTER ? 'nilptr' : 'nil';
  }
}

export function structOptions(v: unknown): GoStructOptions {
  return ((v as Record<symbol, unknown>)[GO_STRUCT_META] as GoStructOptions | undefined) ?? {};
}

export function isPointerStruct(v: unknown): boolean {
  return kindOf(v) === 'struct' && structOptions(v).pointer === true;
}

/** Own enumerable string keys only, so `constructor` or `__proto__` never resolve. */
export function ownValue(o: GoObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Go ranges over and prints maps in sorted key order (internal/fmtsort). */
export function sortedKeys(o: GoObject): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort(compareKeys);
}

export function structFields(o: GoObject): string[] {
  return Object.keys(o);
}

/** Go type name of a value, as shown by %T and type errors. */
export function typeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<nil>';
    case 'nil':
      return 'interface {}';
    case 'nilptr':
      return '*struct {}';
    case 'string':
      return 'string';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'bool':
      return 'bool';
    case 'slice': {
      const arr = v as readonly unknown[];
      return arr.length > 0 && arr.every((e) => typeof e === 'string')
        ? '[]string'
        : '[]interface {}';
    }
    case 'map':
      return mapOptions(v)?.typeName ?? 'map[string]interface {}';
    case 'struct': {
      const options = structOptions(v);
      return (options.pointer ? '*' : '') + (options.typeName ?? 'struct {}');
    }
  }
}

/** text/template's truth: non-zero numbers, non-empty strings/collections, non-nil pointers. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
    case 'nilptr':
      return false;
    case 'string':
      return (v as string).length > 0;
    case 'int':
    case 'float':
      return Number(v) !== 0;
    case 'bool':
      return v === true;
    case 'slice':
      return (v as readonly unknown[]).length > 0;
    case 'map':
      return sortedKeys(v as GoObject).length > 0;
    case 'struct':
      return true;
  }
}

/** fmt's %v for an int or float (ints never show a decimal point). */
function formatNumber(v: number | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  return kindOf(v) === 'int' ? BigInt(v).toString() : formatFloatG(v);
}

/** Go's len(): bytes for strings, elements for slices and maps. */
export function goLength(v: unknown): number | undefined {
  switch (kindOf(v)) {
    case 'string':
      return utf8Length(v as string);
    case 'slice':
      return (v as readonly unknown[]).length;
    case 'map':
      return sortedKeys(v as GoObject).length;
    default:
      return undefined;
  }
}

/** A function failed; the evaluator reports it as `error calling <name>: <message>`. */
export class FuncError extends Error {}

/** True for Go's invalid value and for a nil interface. */
export function isNilKind(v: unknown): boolean {
  const k = kindOf(v);
  return k === 'invalid' || k === 'nil';
}

/** reflect's indirectInterface: a nil interface becomes the invalid (missing) value. */
export function indirectInterface(v: unknown): unknown {
  return v === null ? undefined : v;
}

/** Guards recursion on deep or cyclic data; the evaluator turns this into an error result. */
export class ValueDepthError extends Error {}
export const MAX_VALUE_DEPTH = 100;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A stable stand-in for the heap address fmt prints for a nested pointer (real ones vary per run). */
function fakeAddress(body: string): string {
  return '0xc000' + (fnv1a(body) & 0xfffff8).toString(16).padStart(6, '0');
}

/**
 * Formats `v` the way fmt does for one verb, recursing into collections with the same verb.
 * `leaf` formats scalars (strings, numbers, bools, nil) and owns verb-specific rules.
 */
export function formatWith(
  v: unknown,
  depth: number,
  plus: boolean,
  leaf: (scalar: unknown) => string,
): string {
  if (depth > MAX_VALUE_DEPTH) throw new ValueDepthError('value nested too deeply');
  const inner = (x: unknown): string => formatWith(x, depth + 1, plus, leaf);
  switch (kindOf(v)) {
    case 'slice':
      return '[' + (v as readonly unknown[]).map(inner).join(' ') + ']';
    case 'map': {
      const o = v as GoObject;
      return (
        'map[' +
        sortedKeys(o)
          .map((k) => `${inner(k)}:${inner(o[k])}`)
          .join(' ') +
        ']'
      );
    }
    case 'struct': {
      const o = v as GoObject;
      const fields = structFields(o).map((k) => {
        const f = o[k];
        const value = f === undefined || f === null ? leaf(NIL_POINTER) : inner(f);
        return plus ? `${k}:${value}` : value;
      });
      const body = '{' + fields.join(' ') + '}';
      if (!structOptions(v).pointer) return body;
      return depth === 0 ? '&' + body : fakeAddress(body);
    }
    default:
      return leaf(v);
  }
}

/** fmt's %v for a scalar. */
export function formatScalarV(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
    case 'nilptr':
      return '<nil>';
    case 'string':
      return v as string;
    case 'int':
    case 'float':
      return formatNumber(v as number);
    case 'bool':
      return v ? 'true' : 'false';
    default:
      return String(v);
  }
}

/** fmt.Sprint(v) for a single operand (`%v`). */
export function formatValue(v: unknown, plus = false): string {
  return formatWith(v, 0, plus, formatScalarV);
}

/**
 * What `{{pipeline}}` prints: a missing value is `<no value>`, and pointers are dereferenced
 * first (text/template's printableValue), so a *struct prints as `{…}` rather than `&{…}`.
 */
export function printableString(v: unknown): string {
  const kind = kindOf(v);
  if (kind === 'invalid' || kind === 'nil') return '<no value>';
  if (kind === 'struct' && structOptions(v).pointer) return formatValue(v).slice(1);
  return formatValue(v);
}
