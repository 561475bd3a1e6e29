/** The React hook over the lab store: always pass a narrow selector (style.md §4.8). */
import { useStore } from 'zustand';
import { labStore, type LabState } from './lab-store';

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}
