/**
 * The side panel follows what the learner does: a trace that starts opens Packet events, and a
 * new selection opens the Inspector (except from the Outline, which keeps its keyboard focus).
 */
import { useEffect } from 'react';
import { viewStore } from '../../store/view-store';
import { workspaceStore } from './workspace-store';

export function useAutoTabs(): void {
  useEffect(
    () =>
      viewStore.subscribe((s, prev) => {
        const { sideTab, showTab } = workspaceStore.getState();
        const started =
          s.playback &&
          (!prev.playback ||
            s.playback.entry !== prev.playback.entry ||
            s.playback.computed !== prev.playback.computed);
        if (started) showTab('events');
        else if (s.selected && s.selected !== prev.selected && sideTab !== 'outline')
          showTab('inspector');
      }),
    [],
  );
}
