// Go's comparison builtins (eq, ne, lt, le, gt, ge) from text/template funcs.go: basic kinds
// compare by value, nil compares with anything, mismatched kinds are an error.
import {
  formatValue,
  FuncError,
  indirectInterface,
  kindOf,
  structOptions,
  typeName,
} from './go-template-value';

type BasicKind = 'bool' | 'number' | 'string' | undefined;
const basicKind = (v: unknown): BasicKind => {
  const k = kindOf(v);
  return k === 'int' || k === 'float' ? 'number' : k === 'bool' || k === 'string' ? k : undefined;
};
const incompatible = (a: unknown, b: unknown): FuncError =>
  new FuncError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);

/** Go's eq: basic values by value, nil against anything, structs field by field. */
export function eq(args: readonly unknown[]): boolean {
  const a = indirectInterface(args[0]);
  if (args.length < 2) throw new FuncError('missing argument for comparison');
  const ka = basicKind(a);
  for (const raw of args.slice(1)) {
    const b = indirectInterface(raw);
    const kb = basicKind(b);
    if (ka !== kb) {
      if (a !== undefined && b !== undefined) throw incompatible(a, b);
      continue;
    }
    if (ka !== undefined) {
      if (a === b) return true;
      continue;
    }
    const na = a === undefined || a === null || kindOf(a) === 'nilptr';
    const nb = b === undefined || b === null || kindOf(b) === 'nilptr';
    if (!na && !nb && kindOf(a) !== kindOf(b)) {
      throw new FuncError(
        `non-comparable types ${formatValue(a)}: ${typeName(a)}, ${typeName(b)}: ${formatValue(b)}`,
      );
    }
    if (na || nb) {
      if (na === nb) return true;
      continue;
    }
    if (kindOf(b) !== 'struct')
      throw new FuncError(`non-comparable type ${formatValue(b)}: ${typeName(b)}`);
    const equal = structOptions(a).pointer
      ? a === b
      : formatValue(a, true) === formatValue(b, true);
    if (equal) return true;
  }
  return false;
}

export function lt(args: readonly unknown[]): boolean {
  const a = indirectInterface(args[0]);
  const b = indirectInterface(args[1]);
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === undefined || kb === undefined) throw new FuncError('invalid type for comparison');
  if (ka !== kb) throw incompatible(a, b);
  if (ka === 'bool') throw new FuncError('invalid type for comparison');
  return (a as number | string) < (b as number | string);
}

export const le = (args: readonly unknown[]): boolean => lt(args) || eq(args);
