// Parse-tree node types for the Go template subset, and their Go String() forms, which appear in
// execution errors as `executing "" at <.Foo>`.

export interface FieldNode {
  readonly kind: 'field';
  readonly pos: number;
  readonly ident: readonly string[];
}
/** `$x.A.B`: ident[0] is the variable name (including `$`). */
export interface VariableNode {
  readonly kind: 'variable';
  readonly pos: number;
  readonly ident: readonly string[];
}
/** `(pipe).A.B` or `fn.A`: fields applied to the result of another term. */
export interface ChainNode {
  readonly kind: 'chain';
  readonly pos: number;
  readonly node: ArgNode;
  readonly field: readonly string[];
}
export interface IdentifierNode {
  readonly kind: 'identifier';
  readonly pos: number;
  readonly name: string;
}
export interface DotNode {
  readonly kind: 'dot';
  readonly pos: number;
}
export interface NilNode {
  readonly kind: 'nil';
  readonly pos: number;
}
export interface BoolNode {
  readonly kind: 'bool';
  readonly pos: number;
  readonly value: boolean;
}
/** `isInt` follows Go: integer literals and integral floats may be used where an int is required. */
export interface NumberNode {
  readonly kind: 'number';
  readonly pos: number;
  readonly text: string;
  readonly value: number;
  readonly isInt: boolean;
}
export interface StringNode {
  readonly kind: 'string';
  readonly pos: number;
  readonly quoted: string;
  readonly text: string;
}
export interface CommandNode {
  readonly kind: 'command';
  readonly pos: number;
  readonly args: readonly ArgNode[];
}
export interface PipeNode {
  readonly kind: 'pipe';
  readonly pos: number;
  readonly isAssign: boolean;
  readonly decl: readonly VariableNode[];
  readonly cmds: readonly CommandNode[];
}

export type ArgNode =
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

export interface TextNode {
  readonly kind: 'text';
  readonly pos: number;
  readonly text: string;
}
export interface ActionNode {
  readonly kind: 'action';
  readonly pos: number;
  readonly pipe: PipeNode;
}
/** if / range / with; `elseList` holds `{{else}}` (an `{{else if}}` is a nested if inside it). */
export interface BranchNode {
  readonly kind: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}
export interface LoopControlNode {
  readonly kind: 'break' | 'continue';
  readonly pos: number;
}
export interface ListNode {
  readonly kind: 'list';
  readonly pos: number;
  readonly nodes: readonly TemplateNode[];
}

export type TemplateNode = TextNode | ActionNode | BranchNode | LoopControlNode | ListNode;
export type AnyNode = TemplateNode | ArgNode | CommandNode;

function pipeString(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) {
    s = p.decl.map((v) => v.ident.join('.')).join(', ') + (p.isAssign ? ' = ' : ' := ');
  }
  return s + p.cmds.map(nodeString).join(' | ');
}

/** Go's Node.String(): the node as template source text. */
export function nodeString(n: AnyNode): string {
  switch (n.kind) {
    case 'field':
      return '.' + n.ident.join('.');
    case 'variable':
      return n.ident.join('.');
    case 'chain': {
      const head = n.node.kind === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return head + n.field.map((f) => '.' + f).join('');
    }
    case 'identifier':
      return n.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'pipe':
      return pipeString(n);
    case 'command':
      return n.args
        .map((a) => (a.kind === 'pipe' ? `(${nodeString(a)})` : nodeString(a)))
        .join(' ');
    case 'text':
      return n.text;
    case 'action':
      return `{{${pipeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with': {
      const elsePart = n.elseList ? `{{else}}${nodeString(n.elseList)}` : '';
      return `{{${n.kind} ${pipeString(n.pipe)}}}${nodeString(n.list)}${elsePart}{{end}}`;
    }
    case 'break':
    case 'continue':
      return `{{${n.kind}}}`;
    case 'list':
      return n.nodes.map(nodeString).join('');
  }
}
