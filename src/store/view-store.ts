/**
 * What the learner is looking at, kept apart from the lab (which is only the command log and what
 * it produces): the selection, the theme, and the trace player's position. Nothing here changes
 * the world, so none of it goes into the log, a share link or undo.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ObjectRef } from '../graph/refs';
import type { Trace } from '../sim';

export type Theme = 'light' | 'dark';

export interface Playback {
  /** Index into the lab's transcript of the entry whose trace is shown. */
  readonly entry: number;
  /** How many of the trace's events have been shown (0 … events.length). */
  readonly step: number;
  readonly playing: boolean;
  /**
   * A trace worked out without running anything (the reachability matrix's path when the image
   * has no ping), shown instead of entry `entry`'s; `command` is what it stands for.
   */
  readonly computed?: { readonly command: string; readonly trace: Trace };
}

export interface ViewState {
  readonly selected?: ObjectRef;
  readonly theme: Theme;
  readonly playback?: Playback;
  /** Events per second while playing. */
  readonly speed: number;
  select: (ref: ObjectRef | undefined) => void;
  setTheme: (theme: Theme) => void;
  /** Shows entry `entry`'s trace from its first event and plays it. */
  playTrace: (entry: number) => void;
  setPlayback: (patch: Partial<Playback>) => void;
  stopTrace: () => void;
  setSpeed: (speed: number) => void;
}

export const createViewStore = (theme: Theme = 'light') =>
  createStore<ViewState>()((set) => ({
    theme,
    speed: 2,
    select: (selected) => set({ selected }),
    setTheme: (t) => set({ theme: t }),
    playTrace: (entry) => set({ playback: { entry, step: 0, playing: true } }),
    setPlayback: (patch) =>
      set((s) => (s.playback ? { playback: { ...s.playback, ...patch } } : {})),
    stopTrace: () => set({ playback: undefined }),
    setSpeed: (speed) => set({ speed }),
  }));

export type ViewStore = ReturnType<typeof createViewStore>;

export const viewStore: ViewStore = createViewStore();

export function useView<T>(selector: (s: ViewState) => T): T {
  return useStore(viewStore, selector);
}
