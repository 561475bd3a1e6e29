/**
 * The lab as data: a seed, the command log with a cursor (the history undo, redo and the timeline
 * move along), the world the applied lines produce and what the terminal shows. Pure reducers
 * only; the store binds them (style.md §3.8).
 */
import {
  createWorld,
  DEFAULT_SEED,
  prompt,
  runLine,
  type Output,
  type Trace,
  type World,
} from '../sim';

/** One line as the terminal shows it: the prompt it was typed at, the line, then its output. */
export interface TranscriptEntry extends Output {
  readonly prompt: string;
  readonly command: string;
  /** The packet journey the line caused (ping, curl…), for the trace player. */
  readonly trace?: Trace;
}

/** Something the lab could not open (a share link, a file, the autosaved lab), and why. */
export interface Notice {
  readonly source: 'share' | 'import' | 'autosave';
  /** Stable reason code, for the translated message (`share:reason.<code>` or `share:import.<code>`). */
  readonly code: string;
  readonly values: Readonly<Record<string, string | number>>;
  /** The English message. */
  readonly message: string;
}

export interface LabData {
  readonly seed: number;
  /**
   * Every command line that ran, in order, including lines undone since (the redo tail). Only
   * `log.slice(0, cursor)` is applied (`selectAppliedLog`): `replay(applied, seed).world` is
   * `world` (design rule 1).
   */
  readonly log: readonly string[];
  /** How many lines of `log` are applied: undo, redo and the timeline move it. */
  readonly cursor: number;
  readonly world: World;
  /** What the terminal shows; `clear` empties it without touching the log or the world. */
  readonly transcript: readonly TranscriptEntry[];
  /** A message the lab shows once, above everything (a share link that could not be opened). */
  readonly notice?: Notice;
  /**
   * History cache, so that undo, redo and scrubbing never replay: `worlds[i]` is the world after
   * the first i lines (immutable worlds share structure, so this is cheap), `entries[i]` what
   * line i printed.
   */
  readonly worlds: readonly World[];
  readonly entries: readonly TranscriptEntry[];
  /** The lab that `New lab` (or opening a link or a file) replaced; undo at step 0 brings it back. */
  readonly previous?: LabData;
}

export function createLabData(seed: number = DEFAULT_SEED): LabData {
  const world = createWorld(seed);
  return { seed, log: [], cursor: 0, world, transcript: [], worlds: [world], entries: [] };
}

/** Exit status of a line the core failed on; 70 is EX_SOFTWARE ("internal software error"). */
export const INTERNAL_ERROR_EXIT_CODE = 70;

/**
 * Runs one typed line after the applied ones; undone lines after the cursor are dropped, as a new
 * edit drops the redo stack. A blank line echoes the prompt, as a terminal does, and is not a command.
 * The core throws only on a bug (style.md §3.2); this is the one place that catches it: the
 * transcript says so, and the world and the log stay as they were, so the lab still replays.
 */
export function runCommand(state: LabData, line: string): LabData {
  const before = prompt(state.world);
  if (line.trim() === '') {
    return withEntry(state, { prompt: before, command: line, stdout: '', stderr: '', exitCode: 0 });
  }
  try {
    const { world, output, trace } = runLine(state.world, line);
    // A world the terminal cannot show a prompt for is a core bug too: keep the last good one,
    // which is also why `prompt(state.world)` above cannot throw.
    prompt(world);
    const entry: TranscriptEntry = {
      prompt: before,
      command: line,
      ...output,
      ...(trace ? { trace } : {}),
    };
    const { cursor } = state;
    return {
      ...withEntry(state, entry),
      world,
      log: [...state.log.slice(0, cursor), line],
      cursor: cursor + 1,
      worlds: [...state.worlds.slice(0, cursor + 1), world],
      entries: [...state.entries.slice(0, cursor), entry],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return withEntry(state, {
      prompt: before,
      command: line,
      stdout: '',
      stderr: `internal error: ${message}\n`,
      exitCode: INTERNAL_ERROR_EXIT_CODE,
    });
  }
}

function withEntry(state: LabData, entry: TranscriptEntry): LabData {
  return { ...state, transcript: [...state.transcript, entry] };
}

/** Ctrl+L: a clean screen; the world and the log are untouched. */
export function clearTranscript(state: LabData): LabData {
  return state.transcript.length === 0 ? state : { ...state, transcript: [] };
}
