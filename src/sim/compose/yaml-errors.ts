/**
 * Reading a compose file's YAML with the `yaml` package, and reporting its mistakes in the words
 * compose prints: compose-go decodes with gopkg.in/yaml.v3, whose errors are libyaml's
 * (`yaml: line 3: mapping values are not allowed in this context`). yaml.v3's `parser.fail` names
 * the line of the error's context mark when there is one: for a scanner error that is the
 * offending spot (0-based, plus one), for a parser error it is the start of the block being
 * parsed, 0-based and not corrected — which is why yaml.v3 often blames the line before.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { err, ok, type Result } from '../result';

const indentOf = (s: string) => s.length - s.trimStart().length;
const isContent = (s: string | undefined): s is string =>
  s !== undefined && s.trim() !== '' && !s.trimStart().startsWith('#');

/**
 * libyaml's context for "did not find expected key": the open block mapping the offending line
 * falls back into (the deepest enclosing indentation not beyond it), as its first key's 0-based
 * line.
 */
function enclosingBlockLine(lines: readonly string[], errorLine: number): number {
  const col = indentOf(lines[errorLine - 1] ?? '');
  const before = lines
    .slice(0, errorLine - 1)
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => isContent(l));
  let level = 0;
  let shallowest = Infinity;
  for (const { l } of [...before].reverse()) {
    const ind = indentOf(l);
    if (ind >= shallowest) continue;
    shallowest = ind;
    if (ind <= col) {
      level = ind;
      break;
    }
  }
  let first = 0;
  for (const { l, i } of [...before].reverse()) {
    const ind = indentOf(l);
    if (ind < level) break;
    if (ind === level) first = i;
  }
  return first;
}

const where = (line: number) => (line > 0 ? `line ${line}: ` : '');

/** yaml.v3's text for the first syntax error of `doc`. */
function libyamlMessage(doc: Document, text: string, lc: LineCounter): string | null {
  const e = doc.errors[0];
  if (!e) return null;
  const line = lc.linePos(e.pos[0]).line;
  const lines = text.split('\n');
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return `yaml: ${where(line)}found character that cannot start any token`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (e.message.startsWith('Nested mappings'))
        return `yaml: ${where(line)}mapping values are not allowed in this context`;
      break;
    case 'BAD_INDENT':
      if (e.message.startsWith('Flow'))
        return `yaml: ${where(line - 1)}did not find expected ',' or ']'`;
      break;
    default:
      break;
  }
  return `yaml: ${where(enclosingBlockLine(lines, line))}did not find expected key`;
}

/**
 * yaml.v3 decoding into a map refuses a key given twice in one mapping, naming both lines
 * (`yaml: unmarshal errors:` then one indented line per duplicate).
 */
function duplicateKeys(doc: Document, lc: LineCounter): string | null {
  const found: string[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const line = lc.linePos(pair.key.range[0]).line;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, line);
        else found.push(`  line ${line}: mapping key "${key}" already defined at line ${first}`);
      }
    },
  });
  return found.length ? `yaml: unmarshal errors:\n${found.join('\n')}` : null;
}

/** The file as plain data (`{}` when empty), or compose's error text for it. */
export function readYaml(text: string): Result<Record<string, unknown> | null> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  const syntax = libyamlMessage(doc, text, lc);
  if (syntax) return err(syntax);
  const dup = duplicateKeys(doc, lc);
  if (dup) return err(dup);
  if (doc.contents === null) return ok(null);
  if (!isMap(doc.contents)) return err('Top-level object must be a mapping');
  return ok(doc.toJS() as Record<string, unknown>);
}
