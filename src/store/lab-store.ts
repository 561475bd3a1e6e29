/**
 * The one lab store, framework-free (zustand vanilla); React binds it in use-lab.ts.
 *
 * The page paints before the simulation core has downloaded (issue 14 §2): the app's store starts
 * booting, with no world, and becomes ready when its engine (lab-engine.ts, the core behind the
 * reducers) arrives. Lines typed meanwhile are echoed at once and run, with every other action
 * asked for, in the order asked, as soon as the engine is in. The engine's heavier parts (Compose
 * and its YAML parser, the image builder) follow on idle; a line that needs one before it is in
 * waits for it the same way, and so does everything asked after that line.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabData, Notice, TranscriptEntry } from './lab';
import type * as Engine from './lab-engine';
import type { PartName } from '../sim';

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

/** How long a failed download of an engine part waits before it is tried again. */
const PART_RETRY_MS = 3000;

/** Resolves once `load` has succeeded, trying it again while it fails; `failed` hears of the first failure. */
function untilLoaded(load: () => Promise<void>, failed?: () => void): Promise<void> {
  return new Promise((resolve) => {
    const attempt = (first: boolean) =>
      void load().then(resolve, () => {
        if (first) failed?.();
        setTimeout(() => attempt(false), PART_RETRY_MS);
      });
    attempt(true);
  });
}

/**
 * A lab store on `engine`: ready at once when given the loaded engine (tests), booting until it
 * arrives when given its download (the app).
 */
export function createLabStore(engine: LabEngine, seed?: number): StoreApi<ReadyLabState>;
export function createLabStore(engine: Promise<LabEngine>, seed?: number): StoreApi<LabState>;
export function createLabStore(engine: LabEngine | Promise<LabEngine>, seed?: number) {
  return createStore<LabState>()((set, get) => {
    const start = (e: LabEngine): ReadyLab => ({ ...e.createLabData(seed), engine: e });
    // What is asked while the lab cannot apply it (its engine, or a part of the engine a line
    // needs, still downloading: sim/parts.ts) waits here, to run in the order asked.
    const waiting: (() => void)[] = [];
    let held = engine instanceof Promise;
    const drain = () => {
      held = false;
      while (!held && waiting.length > 0) waiting.shift()?.();
    };
    // Offline before the part was ever cached: say so once, and keep trying; nothing is lost.
    const fetchPart = (e: LabEngine, part: PartName) =>
      void untilLoaded(
        () => e.loadPart(part),
        () => set((s) => ({ transcript: [...s.transcript, partDelayed(part)] })),
      ).then(drain);
    // Applied now when nothing waits, else after what waits. A line `echoed` is shown as typed
    // while it waits; its echo gives way to the line's real entry when it runs.
    const apply =
      <A extends unknown[]>(
        reduce: Reducer<A>,
        echoed?: (s: LabState, ...args: A) => TranscriptEntry,
      ) =>
      (...args: A) => {
        let shown: TranscriptEntry | undefined;
        const show = () => {
          if (!echoed || shown) return;
          const entry = echoed(get(), ...args);
          shown = entry;
          set((s) => ({ transcript: [...s.transcript, entry] }));
        };
        const attempt = () => {
          const s = get();
          if (!s.engine) return;
          const e = s.engine;
          const before = shown ? { ...s, transcript: s.transcript.filter((t) => t !== shown) } : s;
          try {
            set(reduce(e)(before, ...args));
          } catch (error) {
            const part = e.missingPartOf(error);
            if (!part) throw error;
            held = true;
            waiting.unshift(attempt);
            show();
            fetchPart(e, part);
          }
        };
        if (!held) return attempt();
        waiting.push(attempt);
        show();
      };
    if (engine instanceof Promise)
      void engine.then((e) => {
        set((s) => ({ ...start(e), transcript: s.transcript }));
        drain();
      });
    const actions: LabActions = {
      run: apply(
        (e) => e.runCommand,
        (s, line) => echo(s.engine ? s.engine.prompt(s.world) : '', line),
      ),
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

/** A line typed while the lab cannot run it yet, shown as typed until it runs. */
const echo = (prompt: string, command: string): TranscriptEntry => ({
  prompt,
  command,
  stdout: '',
  stderr: '',
  exitCode: 0,
});

/** Said once when a part of the engine could not be downloaded; the held line runs when it can. */
const partDelayed = (part: PartName): TranscriptEntry => ({
  prompt: '',
  command: '',
  stdout: '',
  stderr: `lab: the simulator's ${part} part could not be downloaded yet; trying again...\n`,
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
 * Resolves once the engine's parts are in too. They download once the page is idle, so that a
 * compose, build or `--format` line seldom waits, and again while offline; the page's parts that
 * run such lines themselves (a lesson's checks, the inspector's views) wait for this.
 */
export const partsReady: Promise<void> = labReady
  .then(
    () =>
      new Promise<void>((resolve) => {
        if (typeof requestIdleCallback === 'function')
          requestIdleCallback(() => resolve(), { timeout: 2000 });
        else setTimeout(resolve, 0);
      }),
  )
  .then(() => untilLoaded(() => readyLab().engine.loadParts()));

/**
 * The app's lab where it must have its engine: in the parts of the page that load after it.
 * Throws otherwise, which would be a loading-order bug.
 */
export function readyLab(s: LabState = labStore.getState()): ReadyLabState {
  if (!s.engine) throw new Error('the lab engine has not loaded yet');
  return s;
}
