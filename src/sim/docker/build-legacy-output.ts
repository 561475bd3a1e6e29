/**
 * The legacy builder's output (`DOCKER_BUILDKIT=0`): `Step 1/2 : FROM nginx`, each intermediate
 * container and image ID, then `Successfully built` and `Successfully tagged`, all on stdout.
 */
import { humanSize } from '../format/units';
import type { Chunk } from '../shell/process';
import { contextTarSize } from './build-context';
import type { Instruction } from './dockerfile';
import { derivedHex } from './inspect-values';
import { parseImageRef } from './images';
import type { BuildReport } from './build';
import type { BuildShown } from './build-output';
import { shortId } from './lookup';
/** The legacy builder's stream: each instruction as a Step, the intermediate IDs, then the tags. */
export function legacyOutput(
  report: BuildReport,
  shown: BuildShown,
  instructions: readonly Instruction[],
): { chunks: Chunk[]; exitCode: number } {
  const chunks: Chunk[] = [];
  const say = (text: string) => chunks.push({ stream: 'stdout', text });
  const fail = (text: string) => {
    chunks.push({ stream: 'stderr', text: `${text}\n` });
    return { chunks, exitCode: 1 };
  };
  say(
    `Sending build context to Docker daemon ${humanSize(contextTarSize(shown.context), 4).padStart(8)}\n`,
  );
  const total = instructions.length;
  const stepLine = (ins: Instruction) =>
    say(`Step ${instructions.indexOf(ins) + 1}/${total} : ${ins.original}\n`);
  for (const s of report.steps) {
    stepLine(s.instruction);
    if (s.instruction.kind === 'FROM') {
      if (s.base?.pulled) say(s.base.pulled.replace(/^Unable to find image .*\n/, ''));
      say(` ---> ${shortId(s.image.id)}\n`);
      continue;
    }
    if (s.cached) {
      say(` ---> Using cache\n ---> ${shortId(s.image.id)}\n`);
      continue;
    }
    const copies = s.instruction.kind === 'COPY' || s.instruction.kind === 'ADD';
    const container = shortId(s.containerId ?? derivedHex(`legacy:${s.image.id}`, 64));
    if (!copies) say(` ---> Running in ${container}\n${s.output}`);
    if (report.failure?.kind === 'run' && report.failure.step === s)
      return fail(
        `The command '${report.failure.process}' returned a non-zero code: ${s.exitCode}`,
      );
    if (!copies) say(` ---> Removed intermediate container ${container}\n`);
    say(` ---> ${shortId(s.image.id)}\n`);
  }
  const f = report.failure;
  if (f?.kind === 'pull') {
    stepLine(f.instruction);
    return fail(f.error);
  }
  if (f?.kind === 'copy') {
    stepLine(f.instruction);
    return fail(
      `COPY failed: file not found in build context or excluded by .dockerignore: stat ${f.source}: file does not exist`,
    );
  }
  if (f?.kind === 'target') return fail(`failed to reach build target ${f.target} in Dockerfile`);
  if (f?.kind === 'stage') return fail(f.error);
  say(`Successfully built ${shortId(report.image!.id)}\n`);
  for (const t of shown.tags) {
    const { repo, tag } = parseImageRef(t);
    say(`Successfully tagged ${repo}:${tag}\n`);
  }
  return { chunks, exitCode: 0 };
}
