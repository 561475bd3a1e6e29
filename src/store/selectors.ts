/** Named selectors: what components read from the lab, derived from the data, never stored. */
import { SHARE_HASH_PREFIX, encodeScenario } from '../share';
import { DEFAULT_SEED, prompt } from '../sim';
import type { LabData } from './lab';

/** The prompt the next line will be typed at (host bash, or a container's shell). */
export const selectPrompt = (s: LabData): string => prompt(s.world);

/**
 * The lines that make the lab as it stands: the log up to the cursor (undone lines excluded).
 * The same array while nothing is undone; a new one otherwise, so React callers use `useShallow`.
 */
export const selectAppliedLog = (s: LabData): readonly string[] =>
  s.cursor === s.log.length ? s.log : s.log.slice(0, s.cursor);

/**
 * The lines ↑/↓ walk through, oldest first: the applied ones. Repeats of the previous line are
 * kept once, as with `HISTCONTROL=ignoredups`, which CentOS's /etc/profile sets for the host's bash.
 */
export const selectHistory = (s: LabData): string[] =>
  selectAppliedLog(s).filter((line, i, log) => i === 0 || line !== log[i - 1]);

/**
 * The URL fragment (`#s=…`) that reopens this lab (design.md contract 2): its applied lines, or
 * with `atStep` the whole log and the cursor, so the link opens at this step with the rest to redo.
 */
export const selectShareHash = (s: LabData, { atStep = false } = {}): string => {
  const seed = s.seed === DEFAULT_SEED ? {} : { seed: s.seed };
  const scenario =
    atStep && s.cursor < s.log.length
      ? { log: s.log, step: s.cursor, ...seed }
      : { log: selectAppliedLog(s), ...seed };
  return SHARE_HASH_PREFIX + encodeScenario(scenario);
};
