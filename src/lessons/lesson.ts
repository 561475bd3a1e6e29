/**
 * What a guided lesson is: plain data. Texts are keys into the `lessons` i18n namespace (English
 * and Chinese JSON side by side); commands are real Docker 27 / Linux lines that run through the
 * lab exactly as if typed, so the engine decides every output.
 */

export interface Lesson {
  /** Stable id, used in `#lesson=<id>` links and in saved progress. */
  readonly id: string;
  readonly titleKey: string;
  readonly goalKey: string;
  readonly steps: readonly Step[];
  readonly summaryKey: string;
}

export interface Step {
  readonly textKey: string;
  /** Shown with a "Run this" button; the learner may also type it, or anything else. */
  readonly command?: string;
  /** What to look at on the graph once the command ran. */
  readonly lookKey?: string;
  /** Observations of the learner's world that must hold before the next step. */
  readonly checks: readonly Check[];
  readonly question?: Question;
}

/** A probe command run from the host's prompt on a scratch copy of the world. */
export interface Check {
  readonly descriptionKey: string;
  readonly probe: string;
  readonly expect: Expectation;
}

/** Every field given must hold; an empty expectation only asks that the probe ran. */
export interface Expectation {
  readonly exitCode?: number;
  readonly stdoutIncludes?: string;
  readonly stdoutExcludes?: string;
  /** A regular expression (source text, multiline) the whole stdout must match somewhere. */
  readonly stdoutMatches?: string;
}

/** Predict, then reveal: the learner picks an answer before the packet shows the truth. */
export interface Question {
  readonly promptKey: string;
  readonly choices: readonly Choice[];
  /** The command whose output (and packet trace) reveals the answer. */
  readonly reveal: string;
  readonly explanationKey: string;
}

export interface Choice {
  readonly key: string;
  readonly correct: boolean;
}
