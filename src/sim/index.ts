/**
 * The simulation core's public surface; other layers import only this file.
 * A lab is `lines.reduce(runLine, createWorld(seed))`: the scenario is the command log.
 */
import type { World } from './model';
import { runLine } from './shell/run-line';
import type { Output } from './shell/process';
import { createWorld, DEFAULT_SEED } from './world';

export type * from './model';
export * from './output';
export type * from './packet/trace';
export type * from './packet/trace-facts';
export { createWorld, DEFAULT_SEED, serializeWorld } from './world';
export { runLine } from './shell/run-line';
export { loadPart, loadParts, missingPartOf, type PartName } from './parts';
export { prompt } from './shell/prompt';
export { shellWord, shQuote } from './shell/quote';
export { completeLine, type LineCompletion } from './shell/complete';
export { choiceColumns } from './shell/choice-list';
export { afterClearScreen } from './linux/clear';
export {
  failureOf,
  reachability,
  type Reachability,
  type ReachabilityCell,
  type ReachabilityPair,
} from './reachability';

/** One executed line, as the terminal shows it. */
export interface TranscriptEntry extends Output {
  readonly command: string;
}

/** Replays a command log in a fresh world. */
export function replay(
  lines: readonly string[],
  seed: number = DEFAULT_SEED,
): { world: World; transcript: TranscriptEntry[] } {
  let world = createWorld(seed);
  const transcript: TranscriptEntry[] = [];
  for (const command of lines) {
    const r = runLine(world, command);
    world = r.world;
    transcript.push({ command, ...r.output });
  }
  return { world, transcript };
}
export {
  containerViews,
  hostsFileOf,
  hostViews,
  networkViews,
  routeLinesOf,
  type View,
} from './views';
export { imageChoices, type ImageChoice } from './image-choices';
export { nextHostName } from './lab/add-host';
export { editableFileOf, type EditableFile } from './linux/editor';
