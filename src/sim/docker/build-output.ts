/**
 * A build report as the terminal shows it: BuildKit's progress on stderr (buildx, the default
 * builder of Docker 27.5), or the legacy builder's `Step 1/2 : FROM nginx` stream on stdout.
 */
import type { BuildContext } from './build-context';
import { contextBytes, transferSize } from './build-context';
import type { BuildReport, BuildStep } from './build';
import {
  errorLogs,
  plainProgress,
  sourceExcerpt,
  ttyProgress,
  type Vertex,
} from './build-progress';
import { stageLabel } from './build-stages';
import type { Instruction } from './dockerfile';
import { derivedHex } from './inspect-values';
import { digestIn } from './image-names';
import { parseImageRef } from './images';

/** `nginx` -> `docker.io/library/nginx:latest`, as BuildKit names references. */
export function canonicalRef(ref: string): string {
  const { repo, tag } = parseImageRef(ref);
  const first = repo.split('/')[0];
  if (repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'))
    return `${repo}:${tag}`;
  return `docker.io/${repo.includes('/') ? repo : `library/${repo}`}:${tag}`;
}

/** Seconds a RUN takes here: a little per line of output, the same on every replay. */
const runSeconds = (output: string) =>
  Math.round((0.2 + output.split('\n').length * 0.05) * 10) / 10;

const logLines = (output: string): [number, string][] =>
  output
    .replace(/\n$/, '')
    .split('\n')
    .filter((line, _, all) => all.length > 1 || line !== '')
    .map((line, i) => [0.05 + i * 0.012, line]);

/** `[builder 2/3]`: the stage's name when there are several, the step among its file steps. */
function stepName(report: BuildReport, s: BuildStep): string {
  const total = 1 + s.stage.instructions.filter((i) => FILE_STEPS.has(i.kind)).length;
  const label = report.stages.length > 1 ? `${stageLabel(s.stage)} ` : '';
  return `[${label}${String(s.number).padStart(String(total).length)}/${total}]`;
}

const FILE_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

export interface BuildShown {
  readonly context: BuildContext;
  readonly tags: readonly string[];
  readonly mode: 'plain' | 'tty';
  /** A name buildx's printer puts in each vertex (compose's service): `[web 2/3]`, `[web] exporting…`. */
  readonly prefix?: string;
}

/** buildx progress.WithPrefix: inside the leading bracket, or a bracket of its own. */
const prefixed = (name: string, prefix: string | undefined) =>
  prefix === undefined
    ? name
    : name.startsWith('[')
      ? `[${prefix} ${name.slice(1)}`
      : `[${prefix}] ${name}`;

/** BuildKit's vertices for a report, in the order the plain display prints them. */
function vertices(report: BuildReport, shown: BuildShown): Vertex[] {
  return unprefixedVertices(report, shown).map((v) => ({
    ...v,
    name: prefixed(v.name, shown.prefix),
  }));
}

function unprefixedVertices(report: BuildReport, shown: BuildShown): Vertex[] {
  const { context } = shown;
  const out: Vertex[] = [
    {
      name: `[internal] load build definition from ${context.dockerfile.name}`,
      statuses: [
        `transferring dockerfile: ${transferSize(new TextEncoder().encode(context.dockerfile.text).length)}`,
      ],
      logs: [],
      seconds: 0,
    },
  ];
  const f = report.failure;
  const bases = [
    ...new Set(report.steps.flatMap((s) => (s.base ? [canonicalRef(s.base.ref)] : []))),
  ];
  if (f?.kind === 'pull') bases.push(canonicalRef(f.ref));
  for (const ref of bases) {
    const failed = f?.kind === 'pull' && canonicalRef(f.ref) === ref;
    out.push({
      name: `[internal] load metadata for ${ref}`,
      statuses: [],
      logs: [],
      seconds: failed ? 0.9 : 0,
      ...(failed ? { error: pullError(f.error, ref) } : {}),
    });
    if (failed) return out;
  }
  out.push({
    name: '[internal] load .dockerignore',
    statuses: [`transferring context: ${transferSize(context.ignoreSize)}`],
    logs: [],
    seconds: 0,
  });
  let contextSent = false;
  for (const s of report.steps) {
    if (s.instruction.kind === 'FROM') {
      if (!s.base) continue;
      const ref = canonicalRef(s.base.ref);
      const digest = digestIn(s.image, parseImageRef(s.base.ref).repo);
      const pinned = digest ? `${ref}@${digest}` : ref;
      out.push({
        name: `${stepName(report, s)} FROM ${pinned}`,
        statuses: s.base.pulled ? [`resolve ${pinned}`] : [],
        logs: [],
        seconds: s.base.pulled ? 2.4 : 0,
      });
      continue;
    }
    if (s.number === 0) continue;
    const fromContext =
      (s.instruction.kind === 'COPY' || s.instruction.kind === 'ADD') &&
      !('from' in s.instruction && s.instruction.from);
    if (fromContext && !contextSent) {
      contextSent = true;
      out.push({
        name: '[internal] load build context',
        statuses: [`transferring context: ${transferSize(contextBytes(context))}`],
        logs: [],
        seconds: 0,
      });
    }
    const failed = f?.kind === 'run' && f.step === s;
    out.push({
      name: `${stepName(report, s)} ${s.instruction.original}`,
      statuses: [],
      logs: s.cached ? [] : logLines(s.output),
      seconds: s.cached ? 0 : s.instruction.kind === 'RUN' ? runSeconds(s.output) : 0.1,
      ...(s.cached ? { cached: true } : {}),
      ...(failed
        ? {
            error: `process "${f.process}" did not complete successfully: exit code: ${s.exitCode}`,
          }
        : {}),
    });
  }
  if (f?.kind === 'copy') {
    out.push({
      name: `${copyStepName(report, f.instruction)} ${f.instruction.original}`,
      statuses: [],
      logs: [],
      seconds: 0,
      error: copyError(f.source, f.instruction),
    });
  }
  if (report.image && !f) {
    out.push({
      name: 'exporting to image',
      statuses: [
        'exporting layers',
        `writing image sha256:${report.image.id}`,
        ...shown.tags.map((t) => `naming to ${canonicalRef(t)}`),
      ],
      logs: [],
      seconds: 0.1,
    });
  }
  return out;
}

function copyStepName(report: BuildReport, ins: Instruction): string {
  const stage = report.stages.find((s) => s.instructions.includes(ins))!;
  const number =
    2 +
    stage.instructions
      .slice(0, stage.instructions.indexOf(ins))
      .filter((i) => FILE_STEPS.has(i.kind)).length;
  return stepName(report, { stage, number } as BuildStep);
}

function copyError(source: string, ins: Instruction): string {
  const ref = derivedHex(`moby:${ins.original}`, 25).replace(
    /[a-f]/g,
    (c) => 'kmpqrswxyz'[c.charCodeAt(0) - 97],
  );
  return `failed to calculate checksum of ref moby::${ref}: "/${source.replace(/^\.?\//, '')}": not found`;
}

/** A registry's refusal, in containerd's resolver words (BuildKit asks the registry directly). */
function pullError(daemonError: string, ref: string): string {
  // A registry's 404 (no such tag, or no such repository) is the resolver's `not found`.
  if (daemonError.startsWith('manifest for') || / not found: name unknown: /.test(daemonError))
    return `${ref}: not found`;
  // A registry the daemon cannot reach or speak to: its own error.
  if (daemonError.startsWith('Get "')) return daemonError;
  return 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
}

/** The final `ERROR: failed to solve: …` line's cause. */
function solveError(report: BuildReport, shown: BuildShown): string {
  const f = report.failure!;
  switch (f.kind) {
    case 'run':
      return `process "${f.process}" did not complete successfully: exit code: ${f.step.exitCode}`;
    case 'pull': {
      const ref = canonicalRef(f.ref);
      return `${f.ref}: failed to resolve source metadata for ${ref}: ${pullError(f.error, ref)}`;
    }
    case 'copy':
      return `failed to compute cache key: ${copyError(f.source, f.instruction)}`;
    case 'target':
      return `target stage "${f.target}" could not be found`;
    case 'stage':
      return f.error;
  }
  void shown;
}

/**
 * What BuildKit's printer shows of a report: its vertices, and for a failure, the failed vertex's
 * logs with the Dockerfile lines at fault, and the cause `failed to solve:` names.
 */
export function buildKitParts(
  report: BuildReport,
  shown: BuildShown,
): { vertices: Vertex[]; failure?: { details: string; cause: string } } {
  const vs = vertices(report, shown);
  const f = report.failure;
  if (!f) return { vertices: vs };
  const failed = vs.find((v) => v.error);
  let details = failed ? errorLogs(failed) : '';
  const ins =
    f.kind === 'run' ? f.step.instruction : f.kind === 'target' ? undefined : f.instruction;
  if (ins)
    details += sourceExcerpt(
      shown.context.dockerfile.name,
      shown.context.dockerfile.text,
      ins.line,
      ins.endLine,
    );
  return { vertices: vs, failure: { details, cause: solveError(report, shown) } };
}

/** BuildKit's whole output (all on stderr), and the image ID `-q` prints on stdout. */
export function buildKitOutput(
  report: BuildReport,
  shown: BuildShown,
): { stderr: string; exitCode: number } {
  const parts = buildKitParts(report, shown);
  const stderr =
    shown.mode === 'plain' ? plainProgress(parts.vertices) : ttyProgress(parts.vertices);
  if (!parts.failure) return { stderr, exitCode: 0 };
  return {
    stderr: `${stderr}${parts.failure.details}ERROR: failed to solve: ${parts.failure.cause}\n`,
    exitCode: 1,
  };
}
