/**
 * Autosave: after every change the lab's log, cursor and seed go to localStorage, and a reload
 * replays them (`restoreSavedLab`, beside the other ways of opening a lab in scenario.ts).
 */
import type { LabData } from './lab';
import type { LabState } from './lab-store';

export const AUTOSAVE_KEY = 'dnl.lab.v1';
export const AUTOSAVE_VERSION = 1;

export interface SavedLab {
  readonly version: number;
  readonly seed: number;
  readonly log: readonly string[];
  readonly cursor: number;
}

export const serializeLab = ({ seed, log, cursor }: LabData): string =>
  JSON.stringify({ version: AUTOSAVE_VERSION, seed, log, cursor } satisfies SavedLab);

/** Minimal Storage, so tests can pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Writes the lab whenever its log, cursor or seed change (a few KB, so no throttling). A full or
 * forbidden storage (private mode, quota) only loses the autosave, never the lab.
 */
export function startAutosave(
  store: { subscribe(l: (s: LabState, prev: LabState) => void): () => void },
  storage: KeyValueStorage,
): () => void {
  return store.subscribe((s, prev) => {
    // The engine's arrival replaces the booting lab with an empty one: nothing of the learner's.
    if (!s.engine || !prev.engine) return;
    if (s.log === prev.log && s.cursor === prev.cursor && s.seed === prev.seed) return;
    try {
      storage.setItem(AUTOSAVE_KEY, serializeLab(s));
    } catch {
      // Nothing to do: the lab itself is unaffected.
    }
  });
}
