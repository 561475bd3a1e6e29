// Recursive-descent parser for the Go template subset. It follows the token handling of
// go/src/text/template/parse/parse.go (three-token lookahead, variable scoping, error wording) so
// that parse errors read like Go's: `template: :1: unexpected "}" in operand`.
import {
  nodeString,
  type ArgNode,
  type CommandNode,
  type ListNode,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
} from './go-template-ast';
import { createCursor, ParseError } from './go-template-cursor';
import type { Item, ItemType } from './go-template-lex';
import { goQuote, goUnquote, parseGoNumber } from './go-template-strconv';

export type ParseResult = { ok: true; root: ListNode } | { ok: false; error: string };

/** Deeper nesting (parentheses or if/range/with) is refused: the evaluator recurses per level. */
export const MAX_NESTING = 200;
const MAX_PIPELINE_COMMANDS = 1000;

type EndMarker = { kind: 'end' | 'else'; pos: number };
const isEndMarker = (n: TemplateNode | EndMarker): n is EndMarker =>
  n.kind === 'end' || n.kind === 'else';

// Tokens that can begin an operand (parse.go's pipeline loop).
const OPERAND_START: ReadonlySet<ItemType> = new Set<ItemType>([
  ...(['bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number'] as const),
  ...(['nil', 'rawString', 'string', 'variable', 'leftParen'] as const),
]);

/** Parses `source`; `functions` are the names callable in it (Go checks them at parse time). */
export function parseTemplate(source: string, functions: ReadonlySet<string>): ParseResult {
  const cursor = createCursor(source);
  const { next, backup, peek, nextNonSpace, peekNonSpace, errorf, unexpected, expect } = cursor;
  const vars: string[] = ['$'];
  let rangeDepth = 0;
  let depth = 0;

  const newVariable = (pos: number, name: string): VariableNode => ({
    kind: 'variable',
    pos,
    ident: name.split('.'),
  });
  const enter = (message: string): void => {
    if (++depth > MAX_NESTING) errorf(message);
  };

  const term = (): ArgNode | undefined => {
    const t = nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!functions.has(t.val)) errorf(`function ${goQuote(t.val)} not defined`);
        return { kind: 'identifier', pos: t.pos, name: t.val };
      case 'dot':
        return { kind: 'dot', pos: t.pos };
      case 'nil':
        return { kind: 'nil', pos: t.pos };
      case 'variable':
        if (!vars.includes(t.val)) errorf(`undefined variable ${goQuote(t.val)}`);
        return newVariable(t.pos, t.val);
      case 'field':
        return { kind: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { kind: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number': {
        const n = parseGoNumber(t.val, t.type === 'charConstant');
        if (typeof n === 'string') return errorf(n);
        return { kind: 'number', pos: t.pos, text: t.val, ...n };
      }
      case 'leftParen': {
        enter('max expression depth exceeded');
        const p = pipeline('parenthesized pipeline', 'rightParen');
        depth--;
        return p;
      }
      case 'string':
      case 'rawString': {
        let text = '';
        try {
          text = goUnquote(t.val);
        } catch {
          errorf('invalid syntax');
        }
        return { kind: 'string', pos: t.pos, quoted: t.val, text };
      }
    }
    backup();
    return undefined;
  };

  const operand = (): ArgNode | undefined => {
    const node = term();
    if (!node || peek().type !== 'field') return node;
    const pos = peek().pos;
    const fields: string[] = [];
    while (peek().type === 'field') fields.push(next().val.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return { kind: 'chain', pos, node, field: fields };
    }
  };

  const command = (): CommandNode => {
    const pos = peekNonSpace().pos;
    const args: ArgNode[] = [];
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) args.push(op);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') backup();
      else if (t.type !== 'pipe') unexpected(t, 'operand');
      break;
    }
    if (args.length === 0) errorf('empty command');
    return { kind: 'command', pos, args };
  };

  const pipeline = (context: string, end: ItemType): PipeNode => {
    const pos = peekNonSpace().pos;
    const decl: VariableNode[] = [];
    let isAssign = false;
    for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      next();
      const afterVariable = peek();
      const following = peekNonSpace();
      if (following.type === 'assign' || following.type === 'declare') {
        isAssign = following.type === 'assign';
        nextNonSpace();
        decl.push(newVariable(v.pos, v.val));
        vars.push(v.val);
      } else if (following.type === 'char' && following.val === ',') {
        nextNonSpace();
        decl.push(newVariable(v.pos, v.val));
        vars.push(v.val);
        if (context === 'range' && decl.length < 2) {
          const t = peekNonSpace().type;
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue;
          errorf('range can only initialize variables');
        }
        errorf(`too many declarations in ${context}`);
      } else if (afterVariable.type === 'space') {
        // Push back the variable and the space after it: "$x foo" is a command, not a declaration.
        cursor.backup3(v, afterVariable);
      } else {
        cursor.backup2(v);
      }
      break;
    }
    const cmds: CommandNode[] = [];
    const pipe = (): PipeNode => ({ kind: 'pipe', pos, isAssign, decl, cmds });
    for (;;) {
      const t = nextNonSpace();
      if (t.type === end) {
        if (cmds.length === 0) errorf(`missing value for ${context}`);
        cmds.slice(1).forEach((c, i) => {
          const first = c.args[0]?.kind;
          if (
            first === 'bool' ||
            first === 'dot' ||
            first === 'nil' ||
            first === 'number' ||
            first === 'string'
          ) {
            errorf(`non executable command in pipeline stage ${i + 2}`);
          }
        });
        return pipe();
      }
      if (!OPERAND_START.has(t.type)) unexpected(t, context);
      backup();
      cmds.push(command());
      if (cmds.length > MAX_PIPELINE_COMMANDS) errorf('pipeline too long');
    }
  };

  const control = (kind: 'if' | 'range' | 'with'): TemplateNode => {
    enter('max nesting depth exceeded');
    const savedVars = vars.length;
    const pipe = pipeline(kind, 'rightDelim');
    if (kind === 'range') rangeDepth++;
    const [list, end] = itemList();
    if (kind === 'range') rangeDepth--;
    let elseList: ListNode | undefined;
    if (end.kind === 'else') {
      // "{{else if x}}" / "{{else with x}}" nest a new control that shares this {{end}}.
      if ((kind === 'if' || kind === 'with') && peek().type === kind) {
        next();
        elseList = { kind: 'list', pos: end.pos, nodes: [control(kind)] };
      } else {
        const [rest, close] = itemList();
        if (close.kind !== 'end') errorf(`expected end; found {{${close.kind}}}`);
        elseList = rest;
      }
    }
    vars.length = savedVars;
    depth--;
    return { kind, pos: pipe.pos, pipe, list, elseList };
  };

  const loopControl = (t: Item, kind: 'break' | 'continue'): TemplateNode => {
    const close = nextNonSpace();
    if (close.type !== 'rightDelim') unexpected(close, `{{${kind}}}`);
    if (rangeDepth === 0) errorf(`{{${kind}}} outside {{range}}`);
    return { kind, pos: t.pos };
  };

  const action = (): TemplateNode | EndMarker => {
    const t = nextNonSpace();
    switch (t.type) {
      case 'break':
      case 'continue':
        return loopControl(t, t.type);
      case 'else': {
        const p = peekNonSpace();
        if (p.type === 'if' || p.type === 'with') return { kind: 'else', pos: p.pos };
        return { kind: 'else', pos: expect('rightDelim', 'else').pos };
      }
      case 'end':
        return { kind: 'end', pos: expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return control(t.type);
    }
    backup();
    const pos = peek().pos;
    return { kind: 'action', pos, pipe: pipeline('command', 'rightDelim') };
  };

  const textOrAction = (): TemplateNode | EndMarker => {
    const t = nextNonSpace();
    if (t.type === 'text') return { kind: 'text', pos: t.pos, text: t.val };
    if (t.type !== 'leftDelim') return unexpected(t, 'input');
    cursor.actionPos = t.pos;
    try {
      return action();
    } finally {
      cursor.actionPos = -1;
    }
  };

  function itemList(): [ListNode, EndMarker] {
    const nodes: TemplateNode[] = [];
    const list: ListNode = { kind: 'list', pos: peekNonSpace().pos, nodes };
    while (peekNonSpace().type !== 'eof') {
      const n = textOrAction();
      if (isEndMarker(n)) return [list, n];
      nodes.push(n);
    }
    return errorf('unexpected EOF');
  }

  try {
    const nodes: TemplateNode[] = [];
    const root: ListNode = { kind: 'list', pos: peek().pos, nodes };
    while (peek().type !== 'eof') {
      const n = textOrAction();
      if (isEndMarker(n)) errorf(`unexpected {{${n.kind}}}`);
      else nodes.push(n);
    }
    return { ok: true, root };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}
