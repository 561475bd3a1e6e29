/**
 * What every `docker compose` subcommand shares: the global options (`-f`, `-p`, `--progress`),
 * loading the project, and turning a run into terminal output — logrus warnings, then the
 * progress frames, then the error — on stderr, as compose writes them (stdinfo() is stderr).
 */
import type { World } from '../model';
import { processEnvironment } from '../linux/env';
import { cwdOf } from '../linux/file-tree';
import { err, ok, type Result } from '../result';
import { output, written, type Process, type ProcessResult } from '../shell/process';
import { hostOf } from '../world';
import { loadProject, type Loaded, type LoadFailure } from './load';
import { renderProgress, startProgress, warnLine, type ProgressMode } from './progress';
import type { Session } from './session';

export interface ComposeContext {
  readonly p: Process;
  readonly files: readonly string[];
  readonly projectName?: string;
  readonly mode: ProgressMode;
  /** `--env-file`. */
  readonly envFiles: readonly string[];
}

export type ComposeHandler = (c: ComposeContext, args: readonly string[]) => ProcessResult;

export const pwdOf = (p: Process): string => cwdOf(p.world, p.place);

export function load(c: ComposeContext): Result<Loaded, LoadFailure> {
  return loadProject(hostOf(c.p.world, c.p.place.host), {
    files: c.files,
    pwd: pwdOf(c.p),
    environment: processEnvironment(c.p),
    envFiles: c.envFiles,
    ...(c.projectName !== undefined ? { projectName: c.projectName } : {}),
  });
}

/**
 * projectOrName: commands that work from labels alone (`down`, `ps`, `stop`, …) take `-p` without
 * a file; otherwise the file is loaded and its errors stand.
 */
export function projectOrName(
  c: ComposeContext,
): Result<{ loaded: Loaded | null; name: string }, LoadFailure> {
  if (c.files.length === 0 && c.projectName !== undefined) {
    const loaded = load(c);
    return ok({ loaded: loaded.ok ? loaded.value : null, name: c.projectName });
  }
  const loaded = load(c);
  if (!loaded.ok) return err(loaded.error);
  return ok({ loaded: loaded.value, name: loaded.value.project.name });
}

export const loadFailed = (world: World, f: LoadFailure): ProcessResult =>
  output(world, '', `${f.message}\n`, f.exitCode);

export const newSession = (c: ComposeContext, title = 'Running'): Session => ({
  p: c.p,
  world: c.p.world,
  progress: startProgress(title),
});

/**
 * The end of a compose run: warnings, each session's last frame (with what a builder printed on
 * stdout between them, given as text), then the error (exit 1).
 */
export function finish(
  c: ComposeContext,
  world: World,
  parts: {
    readonly warnings?: readonly string[];
    readonly sessions?: readonly (Session | string)[];
    readonly error?: string;
    readonly exitCode?: number;
    readonly stdout?: string;
  },
): ProcessResult {
  const frames = (parts.sessions ?? []).map((s) =>
    typeof s === 'string'
      ? (['stdout', s] as const)
      : (['stderr', renderProgress(s.progress, c.mode)] as const),
  );
  return {
    world,
    exitCode: parts.error ? (parts.exitCode ?? 1) : 0,
    ...written(
      ['stderr', (parts.warnings ?? []).map(warnLine).join('')],
      ...frames,
      ['stderr', parts.error ? `${parts.error}\n` : ''],
      ['stdout', parts.stdout ?? ''],
    ),
  };
}
