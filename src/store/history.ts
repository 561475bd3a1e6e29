/**
 * Undo, redo and the timeline: the lab's history is its command log with a cursor (design rule
 * 1). Moving the cursor looks the world and the transcript up in the history cache, so it costs
 * the same on a 200-line log as on a 2-line one; running a line after an undo drops the redo tail.
 */
import { createLabData, screenOf, type LabData } from './lab';
import { canRedo } from './selectors';

/** The lab with its first `cursor` lines applied; the terminal shows what those lines printed. */
export function seek(state: LabData, cursor: number): LabData {
  const to = Math.max(0, Math.min(state.log.length, Math.trunc(cursor)));
  if (to === state.cursor) return state;
  const world = state.worlds[to];
  if (world === undefined) throw new Error(`history cache has no world for step ${to}`);
  return { ...state, cursor: to, world, transcript: screenOf(state.entries.slice(0, to)) };
}

/** One line back; at step 0, back to the lab that `New lab` replaced. */
export function undo(state: LabData): LabData {
  if (state.cursor > 0) return seek(state, state.cursor - 1);
  const { previous } = state;
  if (!previous) return state;
  return { ...previous, transcript: screenOf(previous.entries.slice(0, previous.cursor)) };
}

export function redo(state: LabData): LabData {
  return canRedo(state) ? seek(state, state.cursor + 1) : state;
}

/**
 * `New lab`: an empty lab with the same seed, keeping the old one as an undo step. An empty lab
 * stays itself (only its screen is cleared), so pressing it twice does not stack empty labs.
 */
export function newLab(state: LabData): LabData {
  return { ...createLabData(state.seed), previous: previousOf(state) };
}

/** What a lab that replaces this one (a link, a file) keeps for undo: this one, unless empty. */
export const previousOf = (state: LabData): LabData | undefined =>
  state.log.length > 0 ? { ...state, notice: undefined } : state.previous;
