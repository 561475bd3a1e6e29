/**
 * Questions the UI asks the core about a world without changing the lab: a dry run of a dialog's
 * command line, Tab completion, the inspector's views, the reachability matrix, the image
 * catalog. Like `runCommand`, this is a boundary: a core bug becomes an "internal error" answer
 * here and never reaches the user as an exception.
 */
import {
  completeLine,
  containerViews,
  hostViews,
  imageChoices,
  missingPartOf,
  networkViews,
  reachability,
  runLine,
  type LineCompletion,
  type Output,
  type Reachability,
  type View,
  type World,
} from '../sim';
import { INTERNAL_ERROR_EXIT_CODE } from './lab';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What `line` would print on `world`; the world itself is left alone (runLine is pure). */
export function dryRun(world: World, line: string): Output {
  try {
    return runLine(world, line).output;
  } catch (error) {
    // A line whose engine part is still downloading cannot be checked yet; running it will wait.
    if (missingPartOf(error)) return { stdout: '', stderr: '', exitCode: 0 };
    return {
      stdout: '',
      stderr: `internal error: ${message(error)}\n`,
      exitCode: INTERNAL_ERROR_EXIT_CODE,
    };
  }
}

/** What Tab does to `line` at `caret`; a core failure completes nothing rather than break typing. */
export function completeAt(world: World, line: string, caret: number): LineCompletion {
  try {
    return completeLine(world, line, caret);
  } catch {
    return { line, caret, choices: [] };
  }
}

/** `host`: the lab host it is on, when not the terminal's. */
export type Inspectable = { readonly host?: string } & (
  | { readonly kind: 'container'; readonly name: string }
  | { readonly kind: 'network'; readonly name: string }
  | { readonly kind: 'host' }
);

/** The inspector's blocks; a core failure shows as one block saying so. */
export function inspectViews(world: World, what: Inspectable): View[] {
  try {
    if (what.kind === 'container') return containerViews(world, what.name, what.host);
    if (what.kind === 'network') return networkViews(world, what.name, what.host);
    return hostViews(world, what.host);
  } catch (error) {
    return [{ command: 'internal error', text: `${message(error)}\n` }];
  }
}

const reachabilityCache = new WeakMap<World, Reachability | undefined>();

/** Every container pair's reachability, memoised per world; undefined if the core failed. */
export function reachabilityOf(world: World): Reachability | undefined {
  if (reachabilityCache.has(world)) return reachabilityCache.get(world);
  let r: Reachability | undefined;
  try {
    r = reachability(world);
  } catch {
    r = undefined;
  }
  reachabilityCache.set(world, r);
  return r;
}

export { imageChoices };
