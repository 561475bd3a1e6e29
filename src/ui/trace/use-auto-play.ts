/**
 * A line that sent packets plays its trace as soon as it appears in the transcript; a cleared or
 * reloaded transcript stops a trace whose entry is gone.
 */
import { useEffect } from 'react';
import { labStore } from '../../store';
import { viewStore } from '../../store/view-store';

export function useAutoPlay(): void {
  useEffect(
    () =>
      labStore.subscribe((s, prev) => {
        if (s.transcript === prev.transcript) return;
        const last = s.transcript.length - 1;
        if (s.transcript.length > prev.transcript.length && s.transcript[last]?.trace) {
          viewStore.getState().playTrace(last);
          return;
        }
        const shown = viewStore.getState().playback;
        if (shown && !shown.computed && !s.transcript[shown.entry]?.trace)
          viewStore.getState().stopTrace();
      }),
    [],
  );
}
