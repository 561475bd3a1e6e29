/**
 * The one lab store, framework-free (zustand vanilla); React binds it in use-lab.ts.
 *
 * The page paints before the simulation core has downloaded (issue 14 §2): the app's store starts
 * booting, with no world, and becomes ready when its engine (lab-engine.ts, the core behind the
 * reducers) arrives. Lines typed meanwhile are echoed at once and run, with every other action
 * asked for, in the order asked, as soon as the engine is in.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabData, Notice, TranscriptEntry } from './lab';
import type * as Engine from './lab-engine';

/** The store's engine side: the pure reducers and the simulation core behind them. */
export type LabEngine = typeof Engine;

/** The lab while its engine downloads: nothing has run yet; typed lines wait, echoed. */
export interface BootingLab {
  readonly engine?: undefined;
  readonly log: readonly string[];
  readonly cursor: number;
  readonly transcript: readonly TranscriptEntry[];
  readonly notice?: Notice;
}

/** The lab with its engine: its data, and the reducers that move it on. */
export type ReadyLab = LabData & { readonly engine: LabEngine };

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

export type LabState = (BootingLab | ReadyLab) & LabActions;
export type ReadyLabState = ReadyLab & LabActions;

type Reducer<A extends unknown[]> = (engine: LabEngine) => (s: LabData, ...args: A) => LabData;

/**
 * A lab store on `engine`: ready at once when given the loaded engine (tests), booting until it
 * arrives when given its download (the app).
 */
export function createLabStore(engine: LabEngine, seed?: number): StoreApi<ReadyLabState>;
export function createLabStore(engine: Promise<LabEngine>, seed?: number): StoreApi<LabState>;
export function createLabStore(engine: LabEngine | Promise<LabEngine>, seed?: number) {
  return createStore<LabState>()((set, get) => {
    const start = (e: LabEngine): ReadyLab => ({ ...e.createLabData(seed), engine: e });
    const started = engine instanceof Promise ? engine.then((e) => set(start(e))) : undefined;
    // Applied now when the engine is in, else once it is, after what was asked before.
    const apply =
      <A extends unknown[]>(reduce: Reducer<A>) =>
      (...args: A) => {
        const now = () => set((s) => (s.engine ? reduce(s.engine)(s, ...args) : s));
        if (get().engine) now();
        else void started?.then(now);
      };
    const run = apply((e) => e.runCommand);
    const actions: LabActions = {
      run: (line) => {
        if (!get().engine) set((s) => ({ transcript: [...s.transcript, echo(line)] }));
        run(line);
      },
      clear: apply((e) => e.clearTranscript),
      interrupt: apply((e) => e.interruptLine),
      listChoices: apply((e) => e.listChoices),
      load: apply((e) => e.loadScenario),
      openHash: apply((e) => e.openShareHash),
      importFile: apply((e) => e.importScenarioFile),
      restore: apply((e) => e.restoreSavedLab),
      reset: apply((e) => e.newLab),
      undo: apply((e) => e.undo),
      redo: apply((e) => e.redo),
      seek: apply((e) => e.seek),
      dismissNotice: () => set({ notice: undefined }),
    };
    const booting: BootingLab = { log: [], cursor: 0, transcript: [] };
    return { ...(engine instanceof Promise ? booting : start(engine)), ...actions };
  });
}

/** A line typed before the engine is in, shown as typed until it runs. */
const echo = (command: string): TranscriptEntry => ({
  prompt: '',
  command,
  stdout: '',
  stderr: '',
  exitCode: 0,
});

export type LabStore = StoreApi<LabState>;

/**
 * The app's lab. Its engine is fetched as this module loads, so it downloads while the page's
 * first paint is on its way. Tests create their own with `createLabStore`.
 */
export const labStore: LabStore = createLabStore(import('./lab-engine'));

/** Resolves once the app's lab has its engine: the page's lazy parts wait for it (ui/lazy.ts). */
export const labReady: Promise<void> = new Promise((resolve) => {
  const stop = labStore.subscribe((s) => {
    if (!s.engine) return;
    stop();
    resolve();
  });
});

/**
 * The app's lab where it must have its engine: in the parts of the page that load after it.
 * Throws otherwise, which would be a loading-order bug.
 */
export function readyLab(s: LabState = labStore.getState()): ReadyLabState {
  if (!s.engine) throw new Error('the lab engine has not loaded yet');
  return s;
}
