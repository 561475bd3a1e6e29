/**
 * The store layer's public surface for the UI's first screen. Nothing here loads the simulation
 * core: what needs it is in lab-engine.ts, which the parts of the page loaded after the engine
 * import (ui/lazy.ts).
 */
export type { LabData, Notice, TranscriptEntry } from './lab';
/** A transcript entry's writes in terminal order (stdout and stderr interleaved). */
export { chunksOf, terminalText } from '../sim/output';
export {
  createLabStore,
  labReady,
  labStore,
  partsReady,
  readyLab,
  type BootingLab,
  type LabActions,
  type LabEngine,
  type LabState,
  type LabStore,
  type ReadyLab,
  type ReadyLabState,
} from './lab-store';
export { AUTOSAVE_KEY, startAutosave, type KeyValueStorage } from './autosave';
export { canRedo, canUndo, selectAppliedLog, selectHistory, selectPrompt } from './selectors';
export { useLab, useReadyLab } from './use-lab';
export {
  createViewStore,
  useView,
  viewStore,
  type Playback,
  type Theme,
  type ViewState,
  type ViewStore,
} from './view-store';
