/** The one lab store, framework-free (zustand vanilla); React binds it in use-lab.ts. */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_SEED } from '../sim';
import { clearTranscript, createLabData, runCommand, type LabData } from './lab';

export interface LabActions {
  /** Runs a typed (or clicked) command line, exactly as the terminal would. */
  run: (line: string) => void;
  /** Clears the visible transcript; the world and the log stay. */
  clear: () => void;
}

export type LabState = LabData & LabActions;

export const createLabStore = (seed: number = DEFAULT_SEED) =>
  createStore<LabState>()((set) => ({
    ...createLabData(seed),
    run: (line) => set((s) => runCommand(s, line)),
    clear: () => set(clearTranscript),
  }));

export type LabStore = ReturnType<typeof createLabStore>;

/** The app's lab. Tests create their own with `createLabStore`. */
export const labStore: LabStore = createLabStore();
