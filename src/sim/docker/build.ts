/**
 * The builder: runs a parsed Dockerfile's stages against the daemon. Each step turns the stage's
 * image state into the next (image-records.ts): RUN runs the lab's own shell and tools in a build
 * container made from the state (so `apt-get install -y iputils-ping` really adds ping), COPY/ADD
 * write context files into a new layer, the rest set config. What happened is reported step by
 * step for build-output.ts to print as BuildKit or the legacy builder would.
 */
import { castDraft } from 'immer';
import type { Image, World } from '../model';
import type { Ctx } from '../shell/process';
import { hostOf, updateHost } from '../world';
import { resolvePath } from '../linux/file-tree';
import { addDirsToLayer, mergeLayers } from '../linux/layers';
import { argvOf, runIn } from './build-container';
import { configChange, envVars } from './build-config';
import { copyLayer, parents, sourceFiles } from './build-copy';
import type { BuildContext } from './build-context';
import type { Instruction } from './dockerfile';
import { imageOnTop } from './image-records';
import { derivedHex } from './inspect-values';
import { findLocalImage } from './pull';
import { fetchImage } from './registry-pull';
import { parseNamed } from './reference';
import { buildStages, neededStages, substitute } from './build-stages';
import type { BuildOptions, BuildReport, BuildStep } from './build-report';

export type { BuildFailure, BuildOptions, BuildReport, BuildStep } from './build-report';

const EMPTY: Image = {
  id: '',
  repo: '<none>',
  tag: '<none>',
  created: 0,
  size: 0,
  cmd: [],
  entrypoint: null,
  exposedPorts: [],
  env: [],
  workingDir: '',
  tools: [],
  flavour: 'busybox',
  stopExitCode: 137,
  layers: [],
};

export function build(
  world: World,
  host: string,
  context: BuildContext,
  instructions: readonly Instruction[],
  opts: BuildOptions,
  ctx: Ctx,
): BuildReport {
  const { stages, metaArgs } = buildStages(instructions, opts.buildArgs);
  const targetIndex =
    opts.target === undefined ? stages.length - 1 : stages.findIndex((s) => s.name === opts.target);
  if (targetIndex < 0)
    return { world, steps: [], stages, failure: { kind: 'target', target: opts.target ?? '' } };
  const needed = opts.legacy ? stages.slice(0, targetIndex + 1) : neededStages(stages, targetIndex);
  let w = world;
  const steps: BuildStep[] = [];
  const results = new Map<number, Image>();
  const cache = new Map(hostOf(w, host).docker.buildCache ?? []);
  // The legacy builder's cache is its intermediate images, not BuildKit's: separate keys.
  const salt = `${opts.legacy ? ':legacy' : ''}${opts.noCache ? `:${ctx.rng.hex(16)}` : ''}`;
  const contextSource = { files: context.files, dirs: new Set(context.dirs) };
  // `COPY --from=NAME`: a stage built before this one (by name or index), or an image.
  const stageSource = (ref: string) => {
    const s = stages.find((x) => x.name === ref.toLowerCase() || String(x.index) === ref);
    const img = s ? results.get(s.index) : findLocalImage(hostOf(w, host).docker.images, ref);
    const tree = mergeLayers(img?.layers ?? []);
    return {
      files: Object.fromEntries(Object.entries(tree.files).map(([p, t]) => [p.slice(1), t])),
      dirs: new Set([...tree.dirs].map((d) => d.slice(1))),
    };
  };
  for (const stage of needed) {
    const from = stage.from;
    const baseRef = substitute(from.kind === 'FROM' ? from.image : '', metaArgs);
    const prior = stages.find((s) => s.name === baseRef.toLowerCase() && s.index < stage.index);
    let state: Image;
    let base: BuildStep['base'];
    if (prior) state = results.get(prior.index)!;
    else if (baseRef === 'scratch') state = EMPTY;
    else {
      if (!parseNamed(baseRef).ok)
        return {
          world: w,
          steps,
          stages,
          failure: { kind: 'stage', instruction: from, error: `invalid reference format` },
        };
      const local = findLocalImage(hostOf(w, host).docker.images, baseRef);
      let pulled = '';
      if (!local) {
        const r = fetchImage(w, host, baseRef, ctx);
        pulled = r.progress;
        if (!r.ok)
          return {
            world: w,
            steps,
            stages,
            failure: { kind: 'pull', instruction: from, ref: baseRef, error: r.error },
          };
        w = r.world;
      }
      state = findLocalImage(hostOf(w, host).docker.images, baseRef)!;
      base = { ref: baseRef, pulled };
    }
    steps.push({
      stage,
      instruction: from,
      number: 1,
      cached: false,
      output: '',
      exitCode: 0,
      image: state,
      ...(base ? { base } : {}),
    });
    let number = 1;
    const args: Record<string, string> = {};
    for (const ins of stage.instructions) {
      const vars = { ...envVars(state.env), ...args };
      const sub = (t: string) => substitute(t, vars);
      const key = (extra = '') => derivedHex(`${state.id}|${ins.original}|${extra}${salt}`, 64);
      const step = (image: Image, more: Partial<BuildStep> = {}) => {
        steps.push({
          stage,
          instruction: ins,
          number: more.number ?? 0,
          cached: false,
          output: '',
          exitCode: 0,
          image,
          ...more,
        });
        state = image;
      };
      switch (ins.kind) {
        case 'ARG':
          for (const [k, v] of ins.args) {
            const value = opts.buildArgs[k] ?? (v !== undefined ? sub(v) : metaArgs[k]);
            if (value !== undefined) args[k] = value;
          }
          break;
        case 'WORKDIR': {
          const dir = resolvePath(state.workingDir || '/', sub(ins.value));
          const made = mergeLayers(state.layers ?? []).dirs.has(dir)
            ? undefined
            : addDirsToLayer(undefined, parents(dir));
          number++;
          const id = key();
          const cached = cache.get(id);
          const image =
            cached && !opts.noCache
              ? cached
              : imageOnTop(state, {
                  id,
                  created: ctx.now,
                  createdBy: `WORKDIR ${dir}`,
                  comment: comment(opts),
                  layer: made,
                  config: { workingDir: dir },
                });
          cache.set(id, image);
          step(image, { number, cached: cached !== undefined && !opts.noCache });
          break;
        }
        case 'RUN': {
          number++;
          // The ARGs in scope are the RUN's environment, so BuildKit's cache key holds their values.
          const id = key(Object.keys(args).length ? JSON.stringify(args) : '');
          const cached = opts.noCache ? undefined : cache.get(id);
          if (cached) {
            step(cached, { number, cached: true });
            break;
          }
          const r = runIn(w, host, state, ins.command, vars, ctx);
          const shell = argvOf(ins.command).join(' ');
          if (r.exitCode !== 0) {
            const failed: BuildStep = {
              stage,
              instruction: ins,
              number,
              cached: false,
              output: r.output,
              exitCode: r.exitCode,
              image: state,
              containerId: r.id,
            };
            steps.push(failed);
            return {
              world: w,
              steps,
              stages,
              failure: { kind: 'run', step: failed, process: shell },
            };
          }
          const image = imageOnTop(state, {
            id,
            created: ctx.now,
            createdBy: opts.legacy ? shell : `RUN ${shell} # buildkit`,
            comment: comment(opts),
            ...(r.layer ? { layer: r.layer } : {}),
            installed: r.installed,
          });
          cache.set(id, image);
          step(image, { number, output: r.output, containerId: r.id });
          break;
        }
        case 'COPY':
        case 'ADD': {
          number++;
          const fromRef = ins.kind === 'COPY' ? ins.from : undefined;
          const from = fromRef === undefined ? contextSource : stageSource(fromRef);
          const got = sourceFiles(ins.sources.map(sub), from);
          if (got.missing !== undefined)
            return {
              world: w,
              steps,
              stages,
              failure: { kind: 'copy', instruction: ins, source: got.missing },
            };
          const rawDest = sub(ins.dest);
          const dest = resolvePath(state.workingDir || '/', rawDest);
          const intoDir =
            rawDest.endsWith('/') ||
            ins.sources.length > 1 ||
            got.fromDir ||
            mergeLayers(state.layers ?? []).dirs.has(dest);
          const layer = copyLayer(got.files, dest, intoDir);
          const digest = derivedHex(JSON.stringify(got.files), 64);
          const id = key(digest);
          const cached = opts.noCache ? undefined : cache.get(id);
          const createdBy = opts.legacy
            ? `/bin/sh -c #(nop) ${ins.kind} ${got.fromDir ? 'dir' : 'file'}:${digest} in ${dest} `
            : `${ins.kind} ${ins.sources.join(' ')} ${rawDest} # buildkit`;
          const image =
            cached ??
            imageOnTop(state, {
              id,
              created: ctx.now,
              createdBy,
              comment: comment(opts),
              ...(layer ? { layer } : {}),
            });
          cache.set(id, image);
          step(image, { number, cached: cached !== undefined });
          break;
        }
        case 'FROM':
          break;
        default: {
          const earlier = stage.instructions.slice(0, stage.instructions.indexOf(ins));
          const change = configChange(ins, state, sub, earlier);
          step(
            imageOnTop(state, {
              id: key(),
              created: ctx.now,
              createdBy: change.createdBy,
              comment: comment(opts),
              config: change.config,
            }),
          );
        }
      }
    }
    results.set(stage.index, state);
  }
  const image = results.get(targetIndex)!;
  const done = updateHost(w, host, (h) => {
    h.docker.buildCache = castDraft(cache);
    return { ok: true, value: undefined };
  });
  return { world: done.ok ? done.world : w, steps, stages, image };
}

const comment = (opts: BuildOptions) => (opts.legacy ? '' : 'buildkit.dockerfile.v0');
