/**
 * The terminal: runs one typed line in the shell the previous line left (the host's bash, or a
 * container's shell after `docker exec -it X sh`), with bash's expansion, pipes and `&&`/`||`.
 */
import type { World } from '../model';
import { createRng } from '../rng';
import { ctxFor, hostOf } from '../world';
import { parseScript, type AndOrList, type Pipeline, type SimpleCommand, type Word } from './parse';
import { currentPlace, shellOf, spawn } from './spawn';
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
    (s) => h.docker.containers.get(s.containerId)?.state.status === 'running',
  );
  return alive.length === world.terminal.shells.length
    ? world
    : { ...world, terminal: { ...world.terminal, shells: alive } };
}

interface Env {
  readonly ctx: Ctx;
  readonly place: Place;
}

type Expanded = { world: World; words: string[]; stderr: string };

function expandWords(world: World, words: readonly Word[], env: Env): Expanded {
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
        const r = runScriptText(w, part.source, env);
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
  return world.terminal.vars[name] ?? '';
}

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
    if (r.op !== '<') continue;
    const target = expandWords(w, [r.target], env).words.join(' ');
    const content = hostOf(w).files[target];
    if (content === undefined)
      return {
        world: w,
        stdout: '',
        stderr: `${stderr}${shellOf(w)}: ${target}: No such file or directory\n`,
        exitCode: 1,
      };
    input = content;
  }
  const r = spawn(w, env.place, e.words, { stdin: input, tty: true, via: 'shell' }, env.ctx);
  return applyRedirects({ ...r, stderr: stderr + r.stderr }, cmd, env);
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
        const before = redir.op === '>>' ? (h.files[path] ?? '') : '';
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
  for (const { op, pipeline } of list.rest) {
    if ((op === '&&') !== (r.exitCode === 0)) continue;
    r = runPipeline(r.world, pipeline, env);
    stdout += r.stdout;
    stderr += r.stderr;
  }
  return { ...r, stdout, stderr };
}

function runScriptText(world: World, source: string, env: Env): ProcessResult {
  const parsed = parseScript(source);
  if (!parsed.ok) return { world, stdout: '', stderr: `${parsed.error}\n`, exitCode: 2 };
  let w = world;
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const list of parsed.value) {
    const r = runList(w, list, env);
    w = setVars(r.world, { '?': String(r.exitCode) });
    stdout += r.stdout;
    stderr += r.stderr;
    exitCode = r.exitCode;
  }
  return { world: w, stdout, stderr, exitCode };
}

/** Runs one terminal line. Never throws for anything a user can type. */
export function runLine(world: World, line: string): { world: World; output: Output } {
  const start = dropDeadShells(advanceClock(world));
  const ctx = ctxFor(start);
  const r = runScriptText(start, line, { ctx, place: currentPlace(start) });
  return {
    world: dropDeadShells(r.world),
    output: { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
  };
}
