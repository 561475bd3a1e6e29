/** The one lab store, framework-free (zustand vanilla); React binds it in use-lab.ts. */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_SEED } from '../sim';
import { restoreSavedLab } from './autosave';
import { newLab, redo, seek, undo } from './history';
import {
  clearTranscript,
  createLabData,
  interruptLine,
  listChoices,
  runCommand,
  type LabData,
} from './lab';
import { importScenarioFile, loadScenario, openShareHash } from './scenario';

export interface LabActions {
  /** Runs a typed (or clicked) command line, exactly as the terminal would. */
  run: (line: string) => void;
  /** Clears the visible transcript; the world and the log stay. */
  clear: () => void;
  /** Ctrl+C on a typed line: shown with `^C`, never run nor logged. */
  interrupt: (line: string) => void;
  /** A second Tab: the typed line and its completions, listed for a `columns`-wide screen. */
  listChoices: (line: string, choices: readonly string[], columns: number) => void;
  /** Starts over with `log` replayed, each line shown as if typed (undo brings back this lab). */
  load: (log: readonly string[]) => void;
  /** Opens the share link in a `location.hash`, if any (design.md contract 2). */
  openHash: (hash: string) => void;
  /** Opens an exported JSON file or shell script; a bad file leaves a notice and this lab. */
  importFile: (bytes: Uint8Array) => void;
  /** Restores an autosaved lab (the text stored under `AUTOSAVE_KEY`, or null for none). */
  restore: (saved: string | null) => void;
  /** `New lab`: an empty lab with the same seed; undo brings this one back. */
  reset: () => void;
  undo: () => void;
  redo: () => void;
  /** Moves the timeline: the first `cursor` lines applied, the rest redo-able. */
  seek: (cursor: number) => void;
  /** Hides the notice. */
  dismissNotice: () => void;
}

export type LabState = LabData & LabActions;

export const createLabStore = (seed: number = DEFAULT_SEED) =>
  createStore<LabState>()((set) => ({
    ...createLabData(seed),
    run: (line) => set((s) => runCommand(s, line)),
    clear: () => set(clearTranscript),
    interrupt: (line) => set((s) => interruptLine(s, line)),
    listChoices: (line, choices, columns) => set((s) => listChoices(s, line, choices, columns)),
    load: (log) => set((s) => loadScenario(s, log)),
    openHash: (hash) => set((s) => openShareHash(s, hash)),
    importFile: (bytes) => set((s) => importScenarioFile(s, bytes)),
    restore: (saved) => set((s) => restoreSavedLab(s, saved)),
    reset: () => set(newLab),
    undo: () => set(undo),
    redo: () => set(redo),
    seek: (cursor) => set((s) => seek(s, cursor)),
    dismissNotice: () => set({ notice: undefined }),
  }));

export type LabStore = ReturnType<typeof createLabStore>;

/** The app's lab. Tests create their own with `createLabStore`. */
export const labStore: LabStore = createLabStore();
