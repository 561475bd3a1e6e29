/**
 * The terminal: runs one typed line in the shell the previous line left (the host's bash, or a
 * container's shell after `docker exec -it X sh`), with bash's expansion, pipes and `&&`/`||`.
 */
import type { PendingHeredoc, World } from '../model';
import { createRng } from '../rng';
import { ctxFor, hostOf } from '../world';
import { own } from '../own';
import { expand, type Expanded } from './expand';
import { parseHeredocBody } from './heredoc';
import { unwritable } from './redirect-target';
import {
  parseScript,
  type AndOrList,
  type Heredoc,
  type Pipeline,
  type Script,
  type SimpleCommand,
  type Word,
} from './parse';
import { currentPlace, shellOf, spawn } from './spawn';
import type { Trace } from '../packet/trace';
import type { Ctx, Output, Place, ProcessResult } from './process';

/** A typed line takes a few simulated seconds, so `docker ps` shows time passing. */
function advanceClock(world: World): World {
  const jitter = createRng(world.seed, -1 - world.step).int(0, 1999);
  return { ...world, step: world.step + 1, clock: world.clock + 2000 + jitter };
}

/** Shells whose container stopped are gone, as the session would be on a real host. */
function dropDeadShells(world: World): World {
  const h = hostOf(world);
  const alive = world.terminal.shells.filter(
    (s) => s.lanClient || h.docker.containers.get(s.containerId)?.state.status === 'running',
  );
  return alive.length === world.terminal.shells.length
    ? world
    : { ...world, terminal: { ...world.terminal, shells: alive } };
}

interface Env {
  readonly ctx: Ctx;
  readonly place: Place;
  /** The collected body of the line's here-document, once its delimiter line arrived. */
  readonly heredoc?: string;
}

/** bash's expansion of `words`, command substitutions running in this same shell. */
const expandWords = (world: World, words: readonly Word[], env: Env): Expanded =>
  expand(world, words, (w, source) => runScriptText(w, source, env));

function setVars(world: World, vars: Record<string, string>): World {
  return { ...world, terminal: { ...world.terminal, vars: { ...world.terminal.vars, ...vars } } };
}

function runSimple(world: World, cmd: SimpleCommand, stdin: string, env: Env): ProcessResult {
  let w = world;
  let stderr = '';
  const assigned: Record<string, string> = {};
  for (const a of cmd.assignments) {
    const e = expandWords(w, [a.value], env);
    w = e.world;
    stderr += e.stderr;
    assigned[a.name] = e.words.join(' ');
  }
  const e = expandWords(w, cmd.words, env);
  w = e.world;
  stderr += e.stderr;
  if (e.words.length === 0) return { world: setVars(w, assigned), stdout: '', stderr, exitCode: 0 };
  let input = stdin;
  for (const r of cmd.redirects) {
    if (r.heredoc) {
      input = heredocInput(w, r.heredoc, env);
      continue;
    }
    if (r.op !== '<') continue;
    const target = expandWords(w, [r.target], env).words.join(' ');
    const content = own(hostOf(w).files, target);
    if (content === undefined)
      return {
        world: w,
        stdout: '',
        stderr: `${stderr}${shellOf(w)}: ${target}: No such file or directory\n`,
        exitCode: 1,
      };
    input = content;
  }
  // bash opens every output file before the command runs: a bad path means it never starts.
  for (const r of cmd.redirects) {
    if (r.op !== '>' && r.op !== '>>') continue;
    const path = expandWords(w, [r.target], env).words.join(' ');
    const problem = unwritable(hostOf(w).files, shellOf(w), path);
    if (problem) return { world: w, stdout: '', stderr: `${stderr}${problem}\n`, exitCode: 1 };
  }
  const r = spawn(w, env.place, e.words, { stdin: input, tty: true, via: 'shell' }, env.ctx);
  return applyRedirects({ ...r, stderr: stderr + r.stderr }, cmd, env);
}

function heredocInput(world: World, doc: Heredoc, env: Env): string {
  const body = env.heredoc ?? '';
  if (doc.quoted) return body;
  return expandWords(world, [parseHeredocBody(body)], env).words.join('');
}

function applyRedirects(r: ProcessResult, cmd: SimpleCommand, env: Env): ProcessResult {
  let { world, stdout, stderr } = r;
  for (const redir of cmd.redirects) {
    if (redir.op === '2>&1') {
      stdout += stderr;
      stderr = '';
    } else if (redir.op === '2>') {
      stderr = '';
    } else if (redir.op === '>' || redir.op === '>>') {
      const path = expandWords(world, [redir.target], env).words.join(' ');
      if (path !== '/dev/null') {
        const h = hostOf(world);
        const before = redir.op === '>>' ? (own(h.files, path) ?? '') : '';
        world = {
          ...world,
          hosts: {
            ...world.hosts,
            [h.hostname]: { ...h, files: { ...h.files, [path]: before + stdout } },
          },
        };
      }
      stdout = '';
    }
  }
  return { ...r, world, stdout, stderr };
}

function runPipeline(world: World, p: Pipeline, env: Env): ProcessResult {
  let w = world;
  let stdin = '';
  let stderr = '';
  let last: ProcessResult = { world, stdout: '', stderr: '', exitCode: 0 };
  for (const cmd of p.commands) {
    last = runSimple(w, cmd, stdin, env);
    w = last.world;
    stderr += last.stderr;
    stdin = last.stdout;
  }
  return { ...last, world: w, stderr };
}

function runList(world: World, list: AndOrList, env: Env): ProcessResult {
  let r = runPipeline(world, list.first, env);
  let stdout = r.stdout;
  let stderr = r.stderr;
  let trace = r.trace;
  for (const { op, pipeline } of list.rest) {
    if ((op === '&&') !== (r.exitCode === 0)) continue;
    r = runPipeline(r.world, pipeline, env);
    stdout += r.stdout;
    stderr += r.stderr;
    trace = r.trace ?? trace;
  }
  return { ...r, stdout, stderr, ...(trace ? { trace } : {}) };
}

function runScriptText(world: World, source: string, env: Env): ProcessResult {
  const parsed = parseScript(source);
  if (!parsed.ok) return { world, stdout: '', stderr: `${parsed.error}\n`, exitCode: 2 };
  return runScript(world, parsed.value, env);
}

function runScript(world: World, script: Script, env: Env): ProcessResult {
  let w = world;
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  let trace: Trace | undefined;
  for (const list of script) {
    const r = runList(w, list, env);
    w = setVars(r.world, { '?': String(r.exitCode) });
    stdout += r.stdout;
    stderr += r.stderr;
    exitCode = r.exitCode;
    trace = r.trace ?? trace;
  }
  return { world: w, stdout, stderr, exitCode, ...(trace ? { trace } : {}) };
}

/** The first here-document a parsed line opens, if any. */
function heredocIn(script: Script): Heredoc | undefined {
  for (const list of script)
    for (const pipeline of [list.first, ...list.rest.map((r) => r.pipeline)])
      for (const cmd of pipeline.commands)
        for (const r of cmd.redirects) if (r.heredoc) return r.heredoc;
  return undefined;
}

const setPending = (world: World, pending?: PendingHeredoc): World => {
  const terminal = { ...world.terminal };
  delete terminal.pending;
  return { ...world, terminal: pending ? { ...terminal, pending } : terminal };
};

const SILENT: Output = { stdout: '', stderr: '', exitCode: 0 };

/**
 * Runs one terminal line. Never throws for anything a user can type. A line that opens a
 * here-document only records it (bash shows `> `); the following lines are its body until the
 * delimiter line, which runs the whole command with the body on its standard input.
 */
export function runLine(world: World, line: string): LineResult {
  const start = dropDeadShells(advanceClock(world));
  const ctx = ctxFor(start);
  const env = { ctx, place: currentPlace(start) };
  const pending = start.terminal.pending;
  if (pending) {
    const text = pending.stripTabs ? line.replace(/^\t+/, '') : line;
    if (text !== pending.delimiter)
      return {
        world: setPending(start, { ...pending, lines: [...pending.lines, text] }),
        output: SILENT,
      };
    const body = pending.lines.map((l) => `${l}\n`).join('');
    const parsed = parseScript(pending.command);
    const cleared = setPending(start);
    if (!parsed.ok)
      return { world: cleared, output: { ...SILENT, stderr: `${parsed.error}\n`, exitCode: 2 } };
    const r = runScript(cleared, parsed.value, { ...env, heredoc: body });
    return finish(r);
  }
  const parsed = parseScript(line);
  if (parsed.ok) {
    const doc = heredocIn(parsed.value);
    if (doc)
      return {
        world: setPending(start, { command: line, ...doc, lines: [] }),
        output: SILENT,
      };
  }
  return finish(runScriptText(start, line, env));
}

/** A line's effect; `trace` is the last packet journey it caused (ping), for the UI to animate. */
export interface LineResult {
  readonly world: World;
  readonly output: Output;
  readonly trace?: Trace;
}

function finish(r: ProcessResult): LineResult {
  return {
    world: dropDeadShells(r.world),
    output: { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
    ...(r.trace ? { trace: r.trace } : {}),
  };
}
