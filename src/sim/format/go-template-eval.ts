// Expression evaluation (pipelines, commands, fields, function calls), after
// go/src/text/template/exec.go. Each helper records the node it works on, so errors name the same
// node Go would.
import {
  nodeString,
  type AnyNode,
  type ArgNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type PipeNode,
  type VariableNode,
} from './go-template-ast';
import {
  FUNCTIONS,
  FuncError,
  MAX_STRING_LENGTH,
  type GoFunction,
  type ParamType,
} from './go-template-funcs';
import { at, errorf, findVar, MISSING, pushVar, tick, type ExecState } from './go-template-state';
import { goQuote } from './go-template-strconv';
import {
  isTrue,
  kindOf,
  mapOptions,
  NIL_POINTER,
  ownValue,
  typeName,
  type GoObject,
} from './go-template-value';

type Args = readonly ArgNode[];

const goParamType = (t: ParamType): string =>
  t === 'strings' ? '[]string' : t === 'any' ? 'interface {}' : t === 'value' ? 'reflect.Value' : t;

/** Checks (and for interface{} params, converts) a value passed to a function parameter. */
function validateType(s: ExecState, value: unknown, typ: ParamType | undefined): unknown {
  if (typ === undefined || typ === 'value') return value;
  if (value === undefined) {
    if (typ === 'any') return null;
    if (typ === 'strings') return [];
    return errorf(s, `invalid value; expected ${goParamType(typ)}`);
  }
  const ok =
    typ === 'any' ||
    (typ === 'string' && typeof value === 'string') ||
    (typ === 'int' && kindOf(value) === 'int') ||
    (typ === 'strings' && Array.isArray(value) && value.every((e) => typeof e === 'string'));
  if (ok) return typ === 'int' ? Number(value) : value;
  return errorf(s, `wrong type for value; expected ${goParamType(typ)}; got ${typeName(value)}`);
}

function notAFunction(s: ExecState, args: Args, final: unknown): void {
  const first = args[0];
  if (first && (args.length > 1 || final !== MISSING)) {
    errorf(s, `can't give argument to non-function ${nodeString(first)}`);
  }
}

function evalField(
  s: ExecState,
  name: string,
  hasArgs: boolean,
  receiver: unknown,
  fromMap: boolean,
): unknown {
  if (receiver === undefined) {
    if (s.missingKey === 'error') errorf(s, `nil data; no entry for key ${goQuote(name)}`);
    return undefined;
  }
  // Go names the receiver's static type, and a map element is an interface {}.
  const typ = fromMap ? 'interface {}' : typeName(receiver);
  const kind = kindOf(receiver);
  if (kind === 'nil' || kind === 'nilptr') errorf(s, `nil pointer evaluating ${typ}.${name}`);
  if (kind === 'struct' && Object.prototype.hasOwnProperty.call(receiver, name)) {
    if (hasArgs) errorf(s, `${name} has arguments but cannot be invoked as function`);
    return ownValue(receiver as GoObject, name) ?? NIL_POINTER;
  }
  if (kind === 'map') {
    if (hasArgs) errorf(s, `${name} is not a method but has arguments`);
    const value = ownValue(receiver as GoObject, name);
    if (value !== undefined) return value;
    if (s.missingKey === 'error') errorf(s, `map has no entry for key ${goQuote(name)}`);
    return s.missingKey === 'zero' ? (mapOptions(receiver)?.zero ?? null) : undefined;
  }
  return errorf(s, `can't evaluate field ${name} in type ${typ}`);
}

function evalFieldChain(
  s: ExecState,
  receiver: unknown,
  ident: readonly string[],
  args: Args,
  final: unknown,
): unknown {
  let value = receiver;
  let fromMap = false;
  ident.forEach((name, i) => {
    const hasArgs = i === ident.length - 1 && (args.length > 1 || final !== MISSING);
    const next = evalField(s, name, hasArgs, value, fromMap);
    fromMap = kindOf(value) === 'map' && mapOptions(value) === undefined;
    value = next;
  });
  return value;
}

function evalFieldNode(s: ExecState, dot: unknown, field: FieldNode, args: Args, final: unknown) {
  at(s, field);
  return evalFieldChain(s, dot, field.ident, args, final);
}

function evalChainNode(s: ExecState, dot: unknown, chain: ChainNode, args: Args, final: unknown) {
  at(s, chain);
  if (chain.node.kind === 'nil')
    errorf(s, `indirection through explicit nil in ${nodeString(chain)}`);
  const receiver = evalArg(s, dot, undefined, chain.node);
  return evalFieldChain(s, receiver, chain.field, args, final);
}

function evalVariableNode(s: ExecState, v: VariableNode, args: Args, final: unknown): unknown {
  at(s, v);
  const value = findVar(s, v.ident[0] ?? '$').value;
  if (v.ident.length === 1) {
    notAFunction(s, args, final);
    return value;
  }
  return evalFieldChain(s, value, v.ident.slice(1), args, final);
}

function evalFunction(
  s: ExecState,
  dot: unknown,
  node: IdentifierNode,
  cmd: AnyNode,
  args: Args,
  final: unknown,
): unknown {
  at(s, node);
  const fn = FUNCTIONS.get(node.name);
  if (!fn) return errorf(s, `${goQuote(node.name)} is not a defined function`);
  return evalCall(s, dot, fn, cmd, node.name, args, final);
}

function evalCall(
  s: ExecState,
  dot: unknown,
  fn: GoFunction,
  node: AnyNode,
  name: string,
  args: Args,
  final: unknown,
): unknown {
  const argNodes = args.slice(1);
  const numIn = argNodes.length + (final === MISSING ? 0 : 1);
  const numFixed = fn.variadic ? fn.params.length : argNodes.length;
  if (fn.variadic && numIn < numFixed) {
    errorf(s, `wrong number of args for ${name}: want at least ${numFixed} got ${argNodes.length}`);
  } else if (!fn.variadic && numIn !== fn.params.length) {
    errorf(s, `wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
  }
  if (name === 'and' || name === 'or') {
    // Short-circuit: later operands are not evaluated once the result is known.
    let v: unknown;
    for (const a of argNodes) {
      v = evalArg(s, dot, 'value', a);
      if (isTrue(v) === (name === 'or')) return v;
    }
    return final === MISSING ? v : final;
  }
  const argv = argNodes.map((a, i) =>
    evalArg(s, dot, i < numFixed ? fn.params[i] : fn.variadic, a),
  );
  if (final !== MISSING) {
    const t = fn.variadic && numIn - 1 >= numFixed ? fn.variadic : fn.params[numIn - 1];
    argv.push(validateType(s, final, t));
  }
  try {
    const result = fn.call(argv);
    if (typeof result === 'string' && result.length > MAX_STRING_LENGTH) {
      throw new FuncError(`result exceeds ${MAX_STRING_LENGTH} bytes`);
    }
    return result;
  } catch (e) {
    if (!(e instanceof FuncError)) throw e;
    at(s, node);
    return errorf(s, `error calling ${name}: ${e.message}`);
  }
}

function evalArg(s: ExecState, dot: unknown, typ: ParamType | undefined, n: ArgNode): unknown {
  at(s, n);
  switch (n.kind) {
    case 'dot':
      return validateType(s, dot, typ);
    case 'nil':
      if (typ === 'string' || typ === 'int') return errorf(s, `cannot assign nil to ${typ}`);
      return typ === 'any' ? null : typ === 'strings' ? [] : undefined;
    case 'field':
      return validateType(s, evalFieldNode(s, dot, n, [n], MISSING), typ);
    case 'variable':
      return validateType(s, evalVariableNode(s, n, [], MISSING), typ);
    case 'pipe':
      return validateType(s, evalPipeline(s, dot, n), typ);
    case 'identifier':
      return validateType(s, evalFunction(s, dot, n, n, [n], MISSING), typ);
    case 'chain':
      return validateType(s, evalChainNode(s, dot, n, [], MISSING), typ);
  }
  // A literal: Go checks it against the parameter type without conversion.
  if (typ === 'string') {
    return n.kind === 'string' ? n.text : errorf(s, `expected string; found ${nodeString(n)}`);
  }
  if (typ === 'int') {
    if (n.kind === 'number' && n.isInt) return n.value;
    return errorf(s, `expected integer; found ${nodeString(n)}`);
  }
  if (typ === 'strings') return errorf(s, `can't handle ${nodeString(n)} for arg of type []string`);
  return n.kind === 'string' ? n.text : n.value;
}

function evalCommand(s: ExecState, dot: unknown, cmd: CommandNode, final: unknown): unknown {
  tick(s);
  const first = cmd.args[0];
  if (!first) return errorf(s, 'empty command');
  switch (first.kind) {
    case 'field':
      return evalFieldNode(s, dot, first, cmd.args, final);
    case 'chain':
      return evalChainNode(s, dot, first, cmd.args, final);
    case 'identifier':
      return evalFunction(s, dot, first, cmd, cmd.args, final);
    case 'pipe':
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, first);
    case 'variable':
      return evalVariableNode(s, first, cmd.args, final);
  }
  at(s, first);
  notAFunction(s, cmd.args, final);
  switch (first.kind) {
    case 'bool':
    case 'number':
      return first.value;
    case 'string':
      return first.text;
    case 'dot':
      return dot;
    case 'nil':
      return errorf(s, 'nil is not a command');
  }
}

/**
 * Evaluates `a | b | c`, each result feeding the next command as its last argument, then binds
 * any declared variables. `undefined` is Go's "no value"; `null` a nil interface.
 */
export function evalPipeline(s: ExecState, dot: unknown, pipe: PipeNode): unknown {
  at(s, pipe);
  let value: unknown = MISSING;
  for (const cmd of pipe.cmds) {
    value = evalCommand(s, dot, cmd, value);
    // An interface{} result is unwrapped, so a nil interface becomes "no value".
    if (value === null) value = undefined;
  }
  for (const v of pipe.decl) {
    const name = v.ident[0] ?? '$';
    if (pipe.isAssign) findVar(s, name).value = value;
    else pushVar(s, name, value);
  }
  return value;
}
