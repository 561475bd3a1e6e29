/**
 * `window.__lab`: a read-only view of the lab for end-to-end model assertions (style.md §3.12),
 * installed by src/main.tsx.
 */
import type { World } from '../sim';

export interface LabTestHook {
  getState(): { readonly log: readonly string[]; readonly world: World };
}

declare global {
  interface Window {
    __lab?: LabTestHook;
  }
}
