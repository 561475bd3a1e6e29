/**
 * Named selectors: what components read from the lab, derived from the data, never stored. These
 * work on a booting lab too (lab-store.ts), for the parts of the page painted before the engine.
 */
import type { LabData } from './lab';
import type { BootingLab, ReadyLab } from './lab-store';

type Lab = BootingLab | ReadyLab;

/** The prompt the next line will be typed at (host bash, or a container's shell); none yet while booting. */
export const selectPrompt = (s: Lab): string => (s.engine ? s.engine.prompt(s.world) : '');

/**
 * The lines that make the lab as it stands: the log up to the cursor (undone lines excluded).
 * The same array while nothing is undone; a new one otherwise, so React callers use `useShallow`.
 */
export const selectAppliedLog = (s: Pick<LabData, 'log' | 'cursor'>): readonly string[] =>
  s.cursor === s.log.length ? s.log : s.log.slice(0, s.cursor);

/**
 * The lines ↑/↓ walk through, oldest first: the applied ones. Repeats of the previous line are
 * kept once, as with `HISTCONTROL=ignoredups`, which CentOS's /etc/profile sets for the host's bash.
 */
export const selectHistory = (s: Pick<LabData, 'log' | 'cursor'>): string[] =>
  selectAppliedLog(s).filter((line, i, log) => i === 0 || line !== log[i - 1]);

/** Undo goes back a line, or at step 0 to the lab that `New lab` (or a link, a file) replaced. */
export const canUndo = (s: Pick<LabData, 'cursor' | 'previous'>): boolean =>
  s.cursor > 0 || s.previous !== undefined;
export const canRedo = (s: Pick<LabData, 'log' | 'cursor'>): boolean => s.cursor < s.log.length;
