/**
 * Opening a shared scenario: the log is replayed line by line through `runCommand`, the same path
 * as typing, so the transcript shows every command of the link, failures included (design rule 1).
 */
import { decodeScenario, SHARE_HASH_PREFIX } from '../share';
import { createLabData, runCommand, type LabData } from './lab';

/** A fresh lab (same seed) with `log` replayed into it. */
export function loadScenario(state: LabData, log: readonly string[]): LabData {
  return { ...log.reduce(runCommand, createLabData(state.seed)), notice: undefined };
}

/**
 * The lab a page opens on for its `location.hash`: an empty lab when there is no share link, the
 * replayed scenario for a good one, and an empty lab with a notice saying why for a broken one.
 */
export function openShareHash(state: LabData, hash: string): LabData {
  if (!hash.startsWith(SHARE_HASH_PREFIX)) return state;
  const result = decodeScenario(hash.slice(SHARE_HASH_PREFIX.length));
  return result.ok
    ? loadScenario(state, result.log)
    : { ...createLabData(state.seed), notice: result.error };
}
