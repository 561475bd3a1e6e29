// Go text/template subset used by `docker inspect -f` and `docker network inspect -f`: the public
// entry point plus statement execution (text, actions, if/with/range). It follows
// go/src/text/template/exec.go; like Go's executor it aborts by throwing internally and turns
// that into a result here, at the public boundary.
import type { BranchNode, TemplateNode } from './go-template-ast';
import { evalPipeline } from './go-template-eval';
import { FUNCTION_NAMES } from './go-template-funcs';
import { parseTemplate } from './go-template-parse';
import {
  at,
  createState,
  errorf,
  ExecError,
  findVar,
  popVars,
  setTopVar,
  tick,
  write,
  type ExecState,
  type MissingKey,
} from './go-template-state';
import {
  formatValue,
  isPointerStruct,
  isTrue,
  kindOf,
  printableString,
  sortedKeys,
  ValueDepthError,
  type GoObject,
} from './go-template-value';

export { MAX_OUTPUT_LENGTH, MAX_STEPS } from './go-template-state';

export type TemplateResult = { ok: true; value: string } | { ok: false; error: string };

export interface TemplateOptions {
  /**
   * Go's `missingkey` option for map lookups: `default` yields `<no value>`, `zero` the zero
   * value (nil), `error` fails with `map has no entry for key "X"`. docker-cli re-runs a failed
   * inspect template on the raw JSON with `error` (cli/command/inspect/inspector.go).
   */
  readonly missingKey?: MissingKey;
}

/** A `{{break}}` or `{{continue}}` travelling up to its enclosing range. */
type Signal = 'break' | 'continue' | undefined;

function walkIfOrWith(s: ExecState, dot: unknown, node: BranchNode): Signal {
  const mark = s.vars.length;
  const value = evalPipeline(s, dot, node.pipe);
  let signal: Signal;
  if (isTrue(value)) signal = walk(s, node.kind === 'with' ? value : dot, node.list);
  else if (node.elseList) signal = walk(s, dot, node.elseList);
  popVars(s, mark);
  return signal;
}

/** Collects what `range` iterates over: slices by index, maps in sorted key order. */
function rangeEntries(s: ExecState, value: unknown): [unknown, unknown][] {
  switch (kindOf(value)) {
    case 'slice':
      return (value as readonly unknown[]).map((e, i) => [i, e]);
    case 'map':
      return sortedKeys(value as GoObject).map((k) => [k, (value as GoObject)[k]]);
    case 'invalid':
      return []; // a missing value ranges like an empty map
    default: {
      const shown = isPointerStruct(value) ? formatValue(value).slice(1) : formatValue(value);
      return errorf(s, `range can't iterate over ${shown}`);
    }
  }
}

function walkRange(s: ExecState, dot: unknown, node: BranchNode): Signal {
  at(s, node);
  const outerMark = s.vars.length;
  const entries = rangeEntries(s, evalPipeline(s, dot, node.pipe));
  const mark = s.vars.length;
  const { decl, isAssign } = node.pipe;
  for (const [index, elem] of entries) {
    // With one variable it gets the element; with two, the index (or key) and the element.
    if (decl.length > 0) {
      if (isAssign) findVar(s, decl[0]?.ident[0] ?? '$').value = decl.length > 1 ? index : elem;
      else setTopVar(s, 1, elem);
    }
    if (decl.length > 1) {
      if (isAssign) findVar(s, decl[1]?.ident[0] ?? '$').value = elem;
      else setTopVar(s, 2, index);
    }
    const signal = walk(s, elem, node.list);
    popVars(s, mark);
    if (signal === 'break') break;
  }
  let signal: Signal;
  if (entries.length === 0 && node.elseList) signal = walk(s, dot, node.elseList);
  popVars(s, outerMark);
  return signal;
}

function walk(s: ExecState, dot: unknown, node: TemplateNode): Signal {
  tick(s);
  at(s, node);
  switch (node.kind) {
    case 'action': {
      const value = evalPipeline(s, dot, node.pipe);
      if (node.pipe.decl.length === 0) {
        at(s, node);
        write(s, printableString(value));
      }
      return undefined;
    }
    case 'break':
    case 'continue':
      return node.kind;
    case 'if':
    case 'with':
      return walkIfOrWith(s, dot, node);
    case 'range':
      return walkRange(s, dot, node);
    case 'text':
      write(s, node.text);
      return undefined;
    case 'list':
      for (const child of node.nodes) {
        const signal = walk(s, dot, child);
        if (signal) return signal;
      }
      return undefined;
  }
}

function execute(root: TemplateNode, data: unknown, source: string, options: TemplateOptions) {
  // A nil root is Go's invalid value: fields of it print <no value>.
  const dot = data ?? undefined;
  const s = createState(source, dot, options.missingKey ?? 'default');
  try {
    walk(s, dot, root);
  } catch (e) {
    // Deep or cyclic data: report it at the node being executed, like any other error.
    if (e instanceof ValueDepthError) errorf(s, e.message);
    throw e;
  }
  return s.out.join('');
}

/** Go's parse error for `source`, without executing it; undefined when it parses. */
export function templateSyntaxError(source: string): string | undefined {
  const parsed = parseTemplate(source, FUNCTION_NAMES);
  return parsed.ok ? undefined : parsed.error;
}

/**
 * Parses and executes `source` against `data` (plain JSON-like value: objects with string keys in
 * insertion order, arrays, strings, numbers, booleans, null). Objects are Go maps unless tagged
 * with `goStruct`. Never throws: parse and execution errors come back as Go's error text, without
 * docker's `template parsing error: ` prefix.
 */
export function executeTemplate(
  source: string,
  data: unknown,
  options: TemplateOptions = {},
): TemplateResult {
  try {
    const parsed = parseTemplate(source, FUNCTION_NAMES);
    if (!parsed.ok) return parsed;
    return { ok: true, value: execute(parsed.root, data, source, options) };
  } catch (e) {
    if (e instanceof ExecError) return { ok: false, error: e.message };
    // Anything else (e.g. a stack overflow on hostile input) must still not escape.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `template: : internal error: ${detail}` };
  }
}
