// Execution state shared by the template evaluator: variables, output, work budget, and the
// "current node" that Go's executor names in errors (`executing "" at <.Foo>`).
import { nodeString, type AnyNode } from './go-template-ast';
import { utf8Length } from './go-template-strconv';

/** Output ceiling (characters); far above any real inspect output. */
export const MAX_OUTPUT_LENGTH = 1 << 20;
/** Evaluation steps (nodes walked plus commands run) before execution is abandoned. */
export const MAX_STEPS = 250_000;

/** Go's `missingkey` option: what a lookup of an absent map key yields. */
export type MissingKey = 'default' | 'zero' | 'error';

/** Marks "no value piped in" for a command's final argument (Go's missingVal). */
export const MISSING = Symbol('missing');

/** An execution error carrying Go's full message; caught at the public boundary. */
export class ExecError extends Error {}

interface Variable {
  readonly name: string;
  value: unknown;
}

/** Mutable during one execution only; created fresh per executeTemplate call. */
export interface ExecState {
  readonly source: string;
  readonly missingKey: MissingKey;
  readonly vars: Variable[];
  readonly out: string[];
  outLength: number;
  steps: number;
  current: AnyNode | undefined;
}

export function createState(source: string, data: unknown, missingKey: MissingKey): ExecState {
  return {
    source,
    missingKey,
    vars: [{ name: '$', value: data }],
    out: [],
    outLength: 0,
    steps: 0,
    current: undefined,
  };
}

/** Records the node being evaluated, for error context (Go's state.at). */
export function at(s: ExecState, node: AnyNode): void {
  s.current = node;
}

function location(source: string, pos: number): string {
  const before = source.slice(0, pos);
  const newline = before.lastIndexOf('\n');
  const line = before.split('\n').length;
  // Go reports the column as a byte offset within the line.
  return `:${line}:${utf8Length(newline < 0 ? before : before.slice(newline + 1))}`;
}

/** Aborts execution with Go's message shape for the current node. */
export function errorf(s: ExecState, message: string): never {
  const node = s.current;
  if (!node) throw new ExecError(`template: : ${message}`);
  const where = location(s.source, node.pos);
  throw new ExecError(`template: ${where}: executing "" at <${nodeString(node)}>: ${message}`);
}

export function tick(s: ExecState): void {
  if (++s.steps > MAX_STEPS) errorf(s, `execution exceeds ${MAX_STEPS} steps`);
}

export function write(s: ExecState, text: string): void {
  s.outLength += text.length;
  if (s.outLength > MAX_OUTPUT_LENGTH) errorf(s, `output exceeds ${MAX_OUTPUT_LENGTH} bytes`);
  s.out.push(text);
}

/** The innermost variable called `name` (variables shadow outer ones). */
export function findVar(s: ExecState, name: string): Variable {
  for (let i = s.vars.length - 1; i >= 0; i--) {
    const v = s.vars[i];
    if (v?.name === name) return v;
  }
  return errorf(s, `undefined variable: ${name}`);
}

export function pushVar(s: ExecState, name: string, value: unknown): void {
  s.vars.push({ name, value });
}

/** Overwrites the n-th variable from the top of the stack (range iteration variables). */
export function setTopVar(s: ExecState, n: number, value: unknown): void {
  const v = s.vars[s.vars.length - n];
  if (v) v.value = value;
}

/** Drops variables declared since `mark` (end of an if/with/range scope). */
export function popVars(s: ExecState, mark: number): void {
  s.vars.length = mark;
}
