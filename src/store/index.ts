/** The store layer's public surface for the UI. */
export {
  clearTranscript,
  createLabData,
  runCommand,
  type LabData,
  type Notice,
  type TranscriptEntry,
} from './lab';
/** A transcript entry's writes in terminal order (stdout and stderr interleaved). */
export { chunksOf, terminalText } from '../sim';
/** Whether a typed line opens the browser's editor (`nano FILE`), and on what. */
export { editableFileOf, type EditableFile } from '../sim';
export {
  createLabStore,
  labStore,
  type LabActions,
  type LabState,
  type LabStore,
} from './lab-store';
export { AUTOSAVE_KEY, restoreSavedLab, startAutosave, type KeyValueStorage } from './autosave';
export { canRedo, canUndo, newLab, redo, seek, undo } from './history';
export { importScenarioFile, loadScenario, openShareHash } from './scenario';
export { selectAppliedLog, selectHistory, selectPrompt, selectShareHash } from './selectors';
export { selectTypedLines } from './typed-lines';
export { useLab } from './use-lab';
export {
  createViewStore,
  useView,
  viewStore,
  type Playback,
  type Theme,
  type ViewState,
  type ViewStore,
} from './view-store';
export {
  completeAt,
  dryRun,
  imageChoices,
  inspectViews,
  reachabilityOf,
  type Inspectable,
} from './probes';
export { reachabilityLater } from './reachability-async';
