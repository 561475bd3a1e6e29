/**
 * bash's word expansion as the tutorials need it: `$VAR`, `${VAR}`, `$?` and `$(…)`, then field
 * splitting of unquoted results (`PID=$(docker inspect -f '{{.State.Pid}}' x)`, `ln -s /proc/$PID/…`).
 */
import type { World } from '../model';
import { own } from '../own';
import type { Word } from './parse';
import type { ProcessResult } from './process';

export type Expanded = { world: World; words: string[]; stderr: string };

/** Runs a `$(…)` body in the current shell and returns what it did. */
export type Substitute = (world: World, source: string) => ProcessResult;

/**
 * Variables and command substitutions in each word; unquoted results are split on whitespace into
 * fields, quoted ones stay whole.
 */
export function expand(world: World, words: readonly Word[], substitute: Substitute): Expanded {
  const out: string[] = [];
  let stderr = '';
  let w = world;
  for (const word of words) {
    let current = '';
    let have = false;
    const fields: string[] = [];
    for (const part of word) {
      if (part.kind === 'lit') {
        current += part.text;
        have = true;
        continue;
      }
      let value: string;
      if (part.kind === 'var') value = lookupVar(w, part.name);
      else {
        const r = substitute(w, part.source);
        w = r.world;
        stderr += r.stderr;
        value = r.stdout.replace(/\n+$/, '');
      }
      if (part.quoted) {
        current += value;
        have = true;
      } else {
        // Unquoted expansions are split on whitespace, as bash does.
        const pieces = value.split(/[ \t\n]+/);
        pieces.forEach((piece, i) => {
          if (i > 0) {
            if (have) fields.push(current);
            current = '';
            have = false;
          }
          if (piece) {
            current += piece;
            have = true;
          }
        });
      }
    }
    if (have) fields.push(current);
    out.push(...fields);
  }
  return { world: w, words: out, stderr };
}

function lookupVar(world: World, name: string): string {
  if (name === '?') return world.terminal.vars['?'] ?? '0';
  return own(world.terminal.vars, name) ?? '';
}
