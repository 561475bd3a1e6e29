/**
 * What a line printed, as the terminal shows it: the part of the core's surface the page needs
 * before the engine has loaded. index.ts re-exports it; importing index.ts itself brings the
 * whole engine.
 */
export type { Chunk, Output } from './shell/process';
export { chunksOf, terminalText } from './shell/process';
