/** Named selectors: what components read from the lab, derived from the data, never stored. */
import { SHARE_HASH_PREFIX, encodeScenario } from '../share';
import { prompt } from '../sim';
import type { LabData } from './lab';

/** The prompt the next line will be typed at (host bash, or a container's shell). */
export const selectPrompt = (s: LabData): string => prompt(s.world);

/**
 * The lines ↑/↓ walk through, oldest first. Repeats of the previous line are kept once, as
 * with `HISTCONTROL=ignoredups`, which CentOS's /etc/profile sets for the host's bash.
 */
export const selectHistory = (s: LabData): string[] =>
  s.log.filter((line, i) => i === 0 || line !== s.log[i - 1]);

/** The URL fragment (`#s=…`) that reopens this lab: its command log (design.md contract 2). */
export const selectShareHash = (s: LabData): string =>
  SHARE_HASH_PREFIX + encodeScenario({ log: s.log });
