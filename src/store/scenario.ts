/**
 * Opening a scenario (a share link, an imported file, the autosaved lab): its log is replayed
 * line by line through `runCommand`, the same path as typing, so the transcript shows every
 * command, failures included (design rule 1). The lab it replaces stays one undo away.
 */
import { decodeScenario, parseScenarioFile, SHARE_HASH_PREFIX } from '../share';
import { DEFAULT_SEED } from '../sim';
import { previousOf, seek } from './history';
import { createLabData, runCommand, screenOf, type LabData, type Notice } from './lab';

export interface LoadOptions {
  /** How many lines to apply; the rest stay redo-able (a share link's step). Default: all. */
  readonly step?: number;
  /** Default: the lab's own seed. */
  readonly seed?: number;
}

/** A fresh lab with `log` replayed into it, at `step`. */
export function loadScenario(
  state: LabData,
  log: readonly string[],
  { step, seed = state.seed }: LoadOptions = {},
): LabData {
  const full = log.reduce(runCommand, createLabData(seed));
  const at = seek(full, step ?? full.log.length);
  return {
    ...at,
    transcript: screenOf(at.entries.slice(0, at.cursor)),
    previous: previousOf(state),
  };
}

/**
 * The lab a page opens on for its `location.hash`: this one when there is no share link, the
 * replayed scenario for a good one, and an empty lab with a notice saying why for a broken one.
 */
export function openShareHash(state: LabData, hash: string): LabData {
  if (!hash.startsWith(SHARE_HASH_PREFIX)) return state;
  const result = decodeScenario(hash.slice(SHARE_HASH_PREFIX.length));
  const seed = result.ok ? (result.seed ?? DEFAULT_SEED) : DEFAULT_SEED;
  if (result.ok) return loadScenario(state, result.log, { step: result.step, seed });
  const notice: Notice = {
    source: 'share',
    code: result.code,
    values: result.values,
    message: result.error,
  };
  return { ...createLabData(seed), previous: previousOf(state), notice };
}

/** An exported JSON file or shell script; a file that cannot be read leaves the lab as it was. */
export function importScenarioFile(state: LabData, bytes: Uint8Array): LabData {
  const result = parseScenarioFile(bytes);
  if (!result.ok) {
    const { code, values, error } = result;
    return { ...state, notice: { source: 'import', code, values, message: error } };
  }
  return loadScenario(state, result.commands, { seed: result.seed ?? DEFAULT_SEED });
}
