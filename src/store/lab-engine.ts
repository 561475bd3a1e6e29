/**
 * The store's engine side: the pure reducers the lab's actions apply, the questions the UI asks
 * the core, and the simulation core behind them all. The page fetches it after its first paint
 * (lab-store.ts), so nothing the first screen loads may import this module, or anything that
 * imports src/sim, except as a type.
 */
export { clearTranscript, createLabData, interruptLine, listChoices, runCommand } from './lab';
export { newLab, redo, seek, undo } from './history';
export {
  importScenarioFile,
  loadScenario,
  openShareHash,
  restoreSavedLab,
  selectShareHash,
} from './scenario';
export { selectTypedLines } from './typed-lines';
export {
  completeAt,
  dryRun,
  imageChoices,
  inspectViews,
  reachabilityOf,
  type Inspectable,
} from './probes';
export { reachabilityLater } from './reachability-async';
export { loadPart, loadParts, missingPartOf, nextHostName, prompt } from '../sim';
/** Whether a typed line opens the browser's editor (`nano FILE`), and on what. */
export { editableFileOf, type EditableFile } from '../sim';
