/**
 * The terminal: runs one typed line in the shell the previous line left (the host's bash, or a
 * container's shell after `docker exec -it X sh`), with bash's expansion, pipes and `&&`/`||`.
 */
import { gossip } from '../swarm/gossip';
import type { PendingHeredoc, World } from '../model';
import { createRng } from '../rng';
import { ctxFor, hostOf } from '../world';
import { expand, type Expanded } from './expand';
import { parseHeredocBody } from './heredoc';
import { applyRedirects } from './redirects';
import { unwritable } from './redirect-target';
import { cwdOf, readAt, resolvePath, treeAt } from '../linux/file-tree';
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
import { rememberLine } from './history';
import { expandAlias } from './alias';
import { DETACH_LINE, detach } from '../docker/attach-cli';
import { advanceMainProcesses } from '../docker/main-clock';
import type { Trace } from '../packet/trace';
import {
  chunksOf,
  concatOutputs,
  fromChunks,
  withStreams,
  type Ctx,
  type Output,
  type Place,
  type ProcessResult,
} from './process';

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

const SILENT: Output = { stdout: '', stderr: '', exitCode: 0 };

interface Env {
  readonly ctx: Ctx;
  readonly place: Place;
  /** The collected body of the line's here-document, once its delimiter line arrived. */
  readonly heredoc?: string;
  /** A line typed at the prompt: the shell expands aliases (scripts and `sh -c` do not). */
  readonly interactive?: true;
}

/** bash's expansion of `words`, command substitutions running in this same shell. */
const expandWords = (world: World, words: readonly Word[], env: Env): Expanded =>
  expand(world, words, (w, source) => runScriptText(w, source, env));

function setVars(world: World, vars: Record<string, string>): World {
  return { ...world, terminal: { ...world.terminal, vars: { ...world.terminal.vars, ...vars } } };
}

function runSimple(world: World, typed: SimpleCommand, stdin: string, env: Env): ProcessResult {
  const cmd = env.interactive ? expandAlias(world, env.place, typed) : typed;
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
    const content = readAt(w, env.place, target);
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
    if (r.op !== '>' && r.op !== '>>' && r.op !== '2>') continue;
    const path = expandWords(w, [r.target], env).words.join(' ');
    const abs = resolvePath(cwdOf(w, env.place), path);
    const problem = unwritable(treeAt(w, env.place), shellOf(w), path, abs);
    if (problem) return { world: w, stdout: '', stderr: `${stderr}${problem}\n`, exitCode: 1 };
  }
  const toFile = cmd.redirects.some((r) => r.op === '>' || r.op === '>>');
  const opts = {
    stdin: input,
    tty: true,
    via: 'shell' as const,
    ...(toFile ? { stdoutToFile: true as const } : {}),
  };
  const vars = Object.keys(assigned).length ? { ...opts, env: assigned } : opts;
  const r = spawn(w, env.place, e.words, vars, env.ctx);
  return redirected(withStreams(r, concatOutputs({ stdout: '', stderr }, r)), cmd, env);
}

function heredocInput(world: World, doc: Heredoc, env: Env): string {
  const body = env.heredoc ?? '';
  if (doc.quoted) return body;
  return expandWords(world, [parseHeredocBody(body)], env).words.join('');
}

/** The command's writes through its redirections, targets expanded in this shell. */
const redirected = (r: ProcessResult, cmd: SimpleCommand, env: Env): ProcessResult =>
  applyRedirects(r, cmd, env.place, (w, word) => expandWords(w, [word], env).words.join(' '));

/** Each command's stdout feeds the next; the terminal sees every stderr and the last stdout. */
function runPipeline(world: World, p: Pipeline, env: Env): ProcessResult {
  let w = world;
  let stdin = '';
  const shown: Output[] = [];
  let last: ProcessResult = { world, stdout: '', stderr: '', exitCode: 0 };
  for (const [i, cmd] of p.commands.entries()) {
    last = runSimple(w, cmd, stdin, env);
    w = last.world;
    stdin = last.stdout;
    shown.push(i === p.commands.length - 1 ? last : { ...SILENT, stderr: last.stderr });
  }
  return withStreams({ ...last, world: w }, concatOutputs(...shown));
}

function runList(world: World, list: AndOrList, env: Env): ProcessResult {
  let r = runPipeline(world, list.first, env);
  const shown: Output[] = [r];
  let trace = r.trace;
  for (const { op, pipeline } of list.rest) {
    if ((op === '&&') !== (r.exitCode === 0)) continue;
    r = runPipeline(r.world, pipeline, env);
    shown.push(r);
    trace = r.trace ?? trace;
  }
  return withStreams({ ...r, ...(trace ? { trace } : {}) }, concatOutputs(...shown));
}

/** Runs `source` as a script at `place`, in the terminal's current shell state (`sh -c`, a build's `RUN`). */
export const runScriptAt = (world: World, source: string, place: Place, ctx: Ctx): ProcessResult =>
  runScriptText(world, source, { ctx, place });

function runScriptText(world: World, source: string, env: Env): ProcessResult {
  const parsed = parseScript(source);
  if (!parsed.ok) return { world, stdout: '', stderr: `${parsed.error}\n`, exitCode: 2 };
  return runScript(world, parsed.value, env);
}

function runScript(world: World, script: Script, env: Env): ProcessResult {
  let w = world;
  const shown: Output[] = [];
  let exitCode = 0;
  let trace: Trace | undefined;
  for (const list of script) {
    const r = runList(w, list, env);
    w = setVars(r.world, { '?': String(r.exitCode) });
    shown.push(r);
    exitCode = r.exitCode;
    trace = r.trace ?? trace;
  }
  return { world: w, ...concatOutputs(...shown), exitCode, ...(trace ? { trace } : {}) };
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

/**
 * Runs one terminal line. Never throws for anything a user can type. A line that opens a
 * here-document only records it (bash shows `> `); the following lines are its body until the
 * delimiter line, which runs the whole command with the body on its standard input.
 */
export function runLine(world: World, line: string): LineResult {
  const awake = dropDeadShells(advanceMainProcesses(advanceClock(world)));
  const ctx = ctxFor(awake);
  const env = { ctx, place: currentPlace(awake), interactive: true as const };
  const pending = awake.terminal.pending;
  if (pending) {
    const start = rememberLine(awake, line, true);
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
  // Ctrl+P Ctrl+Q (design.md contract 1): the docker client's detach keys, never a command.
  const detached = detach(awake, line);
  if (detached) return finish(detached);
  if (line.trim() === DETACH_LINE) return { world: awake, output: SILENT };
  const start = rememberLine(awake, line, false);
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
    world: gossip(dropDeadShells(r.world)),
    output: { ...fromChunks(chunksOf(r)), exitCode: r.exitCode },
    ...(r.trace ? { trace: r.trace } : {}),
  };
}
