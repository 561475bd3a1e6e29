/**
 * Checks a lesson step against the learner's world. Each probe runs with the engine's own
 * `runLine` on the given world and its result is thrown away, so checking never changes the lab.
 * Probes always start at the first host's login prompt, even while the learner sits in a container
 * shell or on another host.
 */
import { runLine, type Output, type World } from '../sim';
import type { Check, Expectation, Lesson, Step } from './lesson';

/** Which part of the expectation failed first. */
export type CheckFailure = 'exitCode' | 'stdoutIncludes' | 'stdoutExcludes' | 'stdoutMatches';

export interface CheckResult {
  readonly check: Check;
  readonly passed: boolean;
  /** What the probe printed (stdout, else stderr), trimmed: the learner sees why it failed. */
  readonly detail: string;
  readonly failure?: CheckFailure;
  readonly output: Output;
}

const MAX_DETAIL_LINES = 4;

/**
 * The world as seen from the first host's own prompt, shell variables kept: a learner logged in
 * to another lab host by `ssh` is taken back to the session that `ssh` left waiting.
 */
export function atHostPrompt(world: World): World {
  const { terminal } = world;
  const home = terminal.outer?.[0];
  if (terminal.shells.length === 0 && !terminal.pending && !home) return world;
  const session = home
    ? { host: home.host, vars: home.vars, hashed: home.hashed, outer: undefined }
    : {};
  return { ...world, terminal: { ...terminal, ...session, shells: [], pending: undefined } };
}

export function failureOf(expect: Expectation, output: Output): CheckFailure | undefined {
  if (expect.exitCode !== undefined && output.exitCode !== expect.exitCode) return 'exitCode';
  if (expect.stdoutIncludes !== undefined && !output.stdout.includes(expect.stdoutIncludes))
    return 'stdoutIncludes';
  if (expect.stdoutExcludes !== undefined && output.stdout.includes(expect.stdoutExcludes))
    return 'stdoutExcludes';
  if (
    expect.stdoutMatches !== undefined &&
    !new RegExp(expect.stdoutMatches, 'm').test(output.stdout)
  )
    return 'stdoutMatches';
  return undefined;
}

function detailOf(output: Output): string {
  const text = (output.stdout.trim() || output.stderr.trim()).split('\n');
  return text.length > MAX_DETAIL_LINES
    ? [...text.slice(0, MAX_DETAIL_LINES), '…'].join('\n')
    : text.join('\n');
}

function runCheck(world: World, check: Check): CheckResult {
  const { output } = runLine(atHostPrompt(world), check.probe);
  const failure = failureOf(check.expect, output);
  return { check, passed: failure === undefined, detail: detailOf(output), failure, output };
}

export function checkStep(world: World, step: Step): CheckResult[] {
  return step.checks.map((check) => runCheck(world, check));
}

export const allPassed = (results: readonly CheckResult[]) => results.every((r) => r.passed);

/**
 * The lines a learner who follows the lesson runs, in order, per step (command, then reveal). A
 * command with a here-document is several lines, typed one after another as in a terminal.
 */
export function stepScript(step: Step): string[] {
  return [step.command, step.question?.reveal]
    .filter((l): l is string => l !== undefined)
    .flatMap(commandLines);
}

/** The terminal lines of a step's command: one, or a here-document's opener, body and end. */
export const commandLines = (command: string): string[] => command.split('\n');

export function lessonScript(lesson: Lesson): string[] {
  return lesson.steps.flatMap(stepScript);
}
