/** The React hooks over the lab store: always pass a narrow selector (style.md §4.8). */
import { use } from 'react';
import { useStore } from 'zustand';
import { labReady, labStore, readyLab, type LabState, type ReadyLabState } from './lab-store';

/** The lab as it is, booting or ready: for the first screen, painted before the engine. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}

/** The lab with its engine (its world, its history): suspends the component until it is in. */
export function useReadyLab<T>(selector: (s: ReadyLabState) => T): T {
  if (!labStore.getState().engine) use(labReady);
  return useStore(labStore, (s) => selector(readyLab(s)));
}
