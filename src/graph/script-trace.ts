/** Test helper: runs a script in a fresh world and hands back the last line's trace. */
import { createWorld, runLine, type Trace, type World } from '../sim';

export function scriptTrace(lines: readonly string[]): { trace: Trace; world: World } {
  let world = createWorld(0);
  let trace: Trace | undefined;
  for (const line of lines) {
    const r = runLine(world, line);
    world = r.world;
    trace = r.trace;
  }
  if (!trace) throw new Error(`no trace for ${lines.at(-1)}`);
  return { trace, world };
}
