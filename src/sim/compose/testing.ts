/**
 * Test fixture for compose: a fresh lab where `compose.yaml` is written as a learner's
 * here-document would write it, then command lines run. Used only by the *.test.ts files beside it.
 */
import { createWorld, runLine } from '../index';
import type { World } from '../model';
import type { Output } from '../shell/process';

export function lab(yaml: string, lines: readonly string[] = [], world: World = createWorld()) {
  let w = runLine(world, "cat > compose.yaml <<'EOF'").world;
  for (const l of [...yaml.trimEnd().split('\n'), 'EOF']) w = runLine(w, l).world;
  const outputs: Output[] = [];
  for (const l of lines) {
    const r = runLine(w, l);
    w = r.world;
    outputs.push(r.output);
  }
  return { world: w, outputs };
}
