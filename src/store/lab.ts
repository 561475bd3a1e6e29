/**
 * The lab as data: a seed, the command log with a cursor (the history undo, redo and the timeline
 * move along), the world the applied lines produce and what the terminal shows. Pure reducers
 * only; the store binds them (style.md §3.8).
 */
import {
  afterClearScreen,
  choiceColumns,
  createWorld,
  DEFAULT_SEED,
  missingPartOf,
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
  /**
   * What the terminal shows: the entries since the screen was last cleared (`clear`, Ctrl+L), and
   * lines shown but never run (a line cancelled with Ctrl+C, the choices a second Tab lists).
   */
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
 * transcript says so, and the world and the log stay as they were, so the lab still replays. A
 * line that needs an engine part still downloading throws MissingPart on, for the store to hold.
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
    // Not a bug: the store runs the line again once the part is in (sim/parts.ts).
    if (missingPartOf(error)) throw error;
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
  const cleared = shownAfterClear(entry);
  return { ...state, transcript: cleared ?? [...state.transcript, entry] };
}

/**
 * A line whose output clears the screen (`clear`) leaves only what it wrote after that: its own
 * prompt line goes with the rest, as on a terminal. Undefined when it clears nothing.
 */
function shownAfterClear(entry: TranscriptEntry): TranscriptEntry[] | undefined {
  const after = afterClearScreen(entry);
  if (!after) return undefined;
  if (!after.stdout && !after.stderr) return [];
  const { exitCode, trace } = entry;
  return [{ prompt: '', command: '', ...after, exitCode, ...(trace ? { trace } : {}) }];
}

/** What the terminal shows after `entries`: those since the last line that cleared the screen. */
export function screenOf(entries: readonly TranscriptEntry[]): readonly TranscriptEntry[] {
  for (let i = entries.length - 1; i >= 0; i--) {
    const cleared = shownAfterClear(entries[i]);
    if (cleared) return [...cleared, ...entries.slice(i + 1)];
  }
  return entries;
}

/**
 * A line shown at the prompt but never run: it is not logged and changes nothing. Ctrl+C shows
 * the line cut off with `^C`; a second Tab shows the typed line with the choices under it.
 */
export function echoLine(state: LabData, command: string, stdout = ''): LabData {
  return withEntry(state, {
    prompt: prompt(state.world),
    command,
    stdout,
    stderr: '',
    exitCode: 0,
  });
}

/** Ctrl+C: the line as typed and `^C`, as the terminal echoes the interrupt character. */
export const interruptLine = (state: LabData, line: string): LabData =>
  echoLine(state, `${line}^C`);

/** A second Tab: the typed line, then its completions in columns of a `columns`-wide screen. */
export const listChoices = (
  state: LabData,
  line: string,
  choices: readonly string[],
  columns: number,
): LabData => echoLine(state, line, choiceColumns(choices, columns));

/** Ctrl+L: a clean screen; the world and the log are untouched. */
export function clearTranscript(state: LabData): LabData {
  return state.transcript.length === 0 ? state : { ...state, transcript: [] };
}
