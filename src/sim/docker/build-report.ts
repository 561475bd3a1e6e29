/** What a build did, step by step, for build-output.ts to print as BuildKit or the legacy builder. */
import type { Image, World } from '../model';
import type { Stage } from './build-stages';
import type { Instruction } from './dockerfile';

export interface BuildOptions {
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly noCache: boolean;
  readonly target?: string;
  readonly legacy: boolean;
}

/** One instruction as it ran. */
export interface BuildStep {
  readonly stage: Stage;
  readonly instruction: Instruction;
  /** Position among the stage's steps that touch files (BuildKit's `[2/3]`), 0 for config steps. */
  readonly number: number;
  readonly cached: boolean;
  /** What RUN printed, as a terminal shows it. */
  readonly output: string;
  readonly exitCode: number;
  /** The image state after the step. */
  readonly image: Image;
  /** The base image a FROM resolved to, and its pull progress when it had to be pulled. */
  readonly base?: { readonly ref: string; readonly pulled: string };
  /** The build container a RUN (or, in the legacy builder, a config step) ran in. */
  readonly containerId?: string;
}

export type BuildFailure =
  | { readonly kind: 'run'; readonly step: BuildStep; readonly process: string }
  | {
      readonly kind: 'pull';
      readonly instruction: Instruction;
      readonly ref: string;
      readonly error: string;
    }
  | { readonly kind: 'copy'; readonly instruction: Instruction; readonly source: string }
  | { readonly kind: 'target'; readonly target: string }
  | { readonly kind: 'stage'; readonly instruction: Instruction; readonly error: string };

export interface BuildReport {
  readonly world: World;
  readonly steps: readonly BuildStep[];
  readonly stages: readonly Stage[];
  readonly image?: Image;
  readonly failure?: BuildFailure;
}
