/** What Tab completion asks a program's completer, and what the completer answers. */
import type { World } from '../model';
import type { Place } from './process';

export interface CompletionRequest {
  readonly world: World;
  /** Where the shell runs (the host, a container, the LAN client). */
  readonly place: Place;
  /** The command's words before the one being completed, unquoted; `[0]` names the program. */
  readonly words: readonly string[];
  /** The word being completed, as far as the caret, unquoted. */
  readonly word: string;
}

export interface Candidate {
  /** The whole word the typed one may become. */
  readonly text: string;
  /** A directory: completing it ends in `/`, not a space, so the next Tab goes on inside it. */
  readonly directory?: boolean;
  /** How a second Tab lists it when not as `text` (readline shows a path's last part). */
  readonly display?: string;
}

/** The words from the caret's command on are another command, run at `place` (`ip netns exec`). */
export interface NestedCommand {
  /** That command's words before the caret's word; empty when the caret's word names it. */
  readonly words: readonly string[];
  readonly place: Place;
}

/** A program's words at the caret (the caller keeps those that start with `word`), or a nested command. */
export type Completer = (r: CompletionRequest) => readonly Candidate[] | NestedCommand;

export const candidates = (texts: Iterable<string>): Candidate[] =>
  [...texts].map((text) => ({ text }));
