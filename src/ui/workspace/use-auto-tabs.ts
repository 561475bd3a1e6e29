/**
 * The side panel follows what the learner does: a trace that starts opens Packet events (unless
 * a lesson is open), and a new selection opens the Inspector (except from the Outline, which
 * keeps its keyboard focus).
 */
import { useEffect } from 'react';
import { viewStore } from '../../store/view-store';
import { lessonStore } from '../lessons/lesson-store';
import { workspaceStore } from './workspace-store';

export function useAutoTabs(): void {
  useEffect(
    () =>
      viewStore.subscribe((s, prev) => {
        const { sideTab, showTab } = workspaceStore.getState();
        const following = sideTab === 'lessons' && lessonStore.getState().progress !== undefined;
        const started =
          s.playback &&
          (!prev.playback ||
            s.playback.entry !== prev.playback.entry ||
            s.playback.computed !== prev.playback.computed);
        // A learner following a lesson keeps it in view; the strip under the graph narrates.
        if (started && !following) showTab('events');
        else if (s.selected && s.selected !== prev.selected && sideTab !== 'outline')
          showTab('inspector');
      }),
    [],
  );
}
