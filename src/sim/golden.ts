/**
 * Golden transcripts: a script and what a learner must see, written by hand from the tutorials.
 * Random parts are placeholders — `{{id64}}`, `{{id12}}`, `{{sid}}`/`{{sid12}}` (swarm ids), `{{token}}`, `{{veth}}`, `{{mac}}`, `{{n}}`, `{{*}}`
 * (rest of a line), a line `{{...}}` (any lines) — and may be named (`{{n=a}}`) and referred to
 * later (`{{=a}}`), so pairings such as `eth0@if{{n=b}}` / `{{=b}}: veth…` are checked too.
 * A block may end with `{{exit N}}`.
 */
import type { TranscriptEntry } from './index';
import { terminalText } from './shell/process';

export interface GoldenBlock {
  readonly command: string;
  readonly expected: string;
  readonly exitCode?: number;
}

export function parseGolden(text: string): GoldenBlock[] {
  const blocks: { command: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ')) blocks.push({ command: line.slice(2), lines: [] });
    else if (blocks.length) blocks.at(-1)!.lines.push(line);
  }
  // The file's own final newline is not output; every other blank line is.
  if (blocks.length && blocks.at(-1)!.lines.at(-1) === '') blocks.at(-1)!.lines.pop();
  return blocks.map(({ command, lines }) => {
    const last = lines.at(-1);
    const exit = last ? /^\{\{exit (\d+)\}\}$/.exec(last) : null;
    if (exit) lines.pop();
    return {
      command,
      expected: lines.length ? `${lines.join('\n')}\n` : '',
      ...(exit ? { exitCode: Number(exit[1]) } : {}),
    };
  });
}

const PATTERNS: Record<string, string> = {
  id64: '[0-9a-f]{64}',
  id12: '[0-9a-f]{12}',
  veth: 'veth[0-9a-f]{7}',
  mac: '[0-9a-f]{2}(?::[0-9a-f]{2}){5}',
  n: '\\d+',
  /** swarmkit ids (nodes, clusters, swarm networks): 25 base-36 characters, 12 when truncated. */
  sid: '[0-9a-z]{25}',
  sid12: '[0-9a-z]{12}',
  token: 'SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}',
  '*': '[^\\n]*',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks one block; `names` carries named captures across blocks. Returns null or a diff-ish message. */
export function matchBlock(
  block: GoldenBlock,
  actual: TranscriptEntry,
  names: Map<string, string>,
): string | null {
  const got = terminalText(actual);
  const groups: string[] = [];
  const source = block.expected
    .split(/(\{\{[^}]*\}\}\n?)/)
    .map((part) => {
      const m = /^\{\{([^}]*)\}\}(\n?)$/.exec(part);
      if (!m) return escape(part);
      const [, inner = '', nl = ''] = m;
      if (inner === '...') return `(?:[^\\n]*\\n)*?`;
      if (inner.startsWith('=')) {
        const name = inner.slice(1);
        // Captured earlier in this block: a regex back-reference; in an earlier block: its text.
        if (groups.includes(name)) return `\\k<${name}>${escape(nl)}`;
        return escape(names.get(name) ?? `<unset ${inner}>`) + escape(nl);
      }
      const [kind = '', name] = inner.split('=');
      const pattern = PATTERNS[kind];
      if (!pattern) throw new Error(`unknown placeholder {{${inner}}}`);
      if (!name) return `(?:${pattern})${escape(nl)}`;
      groups.push(name);
      return `(?<${name}>${pattern})${escape(nl)}`;
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(got);
  if (!m) return `$ ${block.command}\n--- expected\n${block.expected}--- got\n${got}`;
  for (const g of groups) names.set(g, m.groups?.[g] ?? '');
  if (block.exitCode !== undefined && block.exitCode !== actual.exitCode)
    return `$ ${block.command}\nexpected exit ${block.exitCode}, got ${actual.exitCode}`;
  return null;
}
