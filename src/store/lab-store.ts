/** The one lab store, framework-free (zustand vanilla); React binds it in use-lab.ts. */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_SEED } from '../sim';
import { clearTranscript, createLabData, runCommand, type LabData } from './lab';
import { loadScenario, openShareHash } from './scenario';

export interface LabActions {
  /** Runs a typed (or clicked) command line, exactly as the terminal would. */
  run: (line: string) => void;
  /** Clears the visible transcript; the world and the log stay. */
  clear: () => void;
  /** Starts over with `log` replayed, each line shown as if typed. */
  load: (log: readonly string[]) => void;
  /** Opens the share link in a `location.hash`, if any (design.md contract 2). */
  openHash: (hash: string) => void;
  /** Starts an empty lab with the same seed. */
  reset: () => void;
  /** Hides the notice. */
  dismissNotice: () => void;
}

export type LabState = LabData & LabActions;

export const createLabStore = (seed: number = DEFAULT_SEED) =>
  createStore<LabState>()((set) => ({
    ...createLabData(seed),
    run: (line) => set((s) => runCommand(s, line)),
    clear: () => set(clearTranscript),
    load: (log) => set((s) => loadScenario(s, log)),
    openHash: (hash) => set((s) => openShareHash(s, hash)),
    reset: () => set((s) => createLabData(s.seed)),
    dismissNotice: () => set({ notice: undefined }),
  }));

export type LabStore = ReturnType<typeof createLabStore>;

/** The app's lab. Tests create their own with `createLabStore`. */
export const labStore: LabStore = createLabStore();
