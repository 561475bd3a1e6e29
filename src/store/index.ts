/** The store layer's public surface for the UI. */
export {
  clearTranscript,
  createLabData,
  runCommand,
  type LabData,
  type TranscriptEntry,
} from './lab';
export {
  createLabStore,
  labStore,
  type LabActions,
  type LabState,
  type LabStore,
} from './lab-store';
export { loadScenario, openShareHash } from './scenario';
export { selectHistory, selectPrompt, selectShareHash } from './selectors';
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
