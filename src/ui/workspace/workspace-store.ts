/**
 * How the page is arranged, apart from the lab and from what is selected: the side panel's open
 * tab, the phone layout's region, and whether the page presents (graph and terminal only, for a
 * projector). None of it is part of the lab, a share link or undo.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const SIDE_TABS = ['lessons', 'outline', 'inspector', 'matrix', 'events'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

export const PHONE_REGIONS = ['graph', 'terminal', 'tools'] as const;
export type PhoneRegion = (typeof PHONE_REGIONS)[number];

export interface WorkspaceState {
  readonly sideTab: SideTab;
  readonly phoneRegion: PhoneRegion;
  readonly presenting: boolean;
  /** Where the trace player draws its event list: the Packet events tab, once mounted. */
  readonly eventsSlot: HTMLElement | null;
  showTab: (tab: SideTab) => void;
  showRegion: (region: PhoneRegion) => void;
  setPresenting: (presenting: boolean) => void;
  setEventsSlot: (slot: HTMLElement | null) => void;
}

export const createWorkspaceStore = () =>
  createStore<WorkspaceState>()((set) => ({
    sideTab: 'lessons',
    phoneRegion: 'graph',
    presenting: false,
    eventsSlot: null,
    showTab: (sideTab) => set({ sideTab }),
    showRegion: (phoneRegion) => set({ phoneRegion }),
    setPresenting: (presenting) => set({ presenting }),
    setEventsSlot: (eventsSlot) => set({ eventsSlot }),
  }));

export const workspaceStore = createWorkspaceStore();

export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useStore(workspaceStore, selector);
}
