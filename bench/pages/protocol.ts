/**
 * What a bench page offers the runner (scripts/bench-ui.ts) on `window.__bench`, and what it
 * measures. DOM-free so the Node runner can import the types.
 */

/** The lab sizes issue #4 sets the targets on. */
export const SCENARIO = {
  networks: 20,
  /** Containers for the first-draw and add-one figures. */
  bigLab: 500,
  /** Containers for the packet-animation figure. */
  animLab: 200,
  /** How long the packet animation runs, ms. */
  animMs: 2000,
  /**
   * Containers added one after the other for the add-one figure: a page's figure is the median
   * of these, so one burst of the shared machine's other work does not make the page's figure.
   */
  adds: 5,
} as const;

/** The player tweens a hop for 800 ms of each 1000 ms step (use-trace-on-graph.ts). */
export const TWEEN_SHARE = 0.8;

export interface PageResult {
  /** ms from the start of the work until the frame after Cytoscape's first `render`. */
  readonly firstDrawMs: number;
  /**
   * Graph part of adding one container to the big lab, ms until the next frame: the median of
   * `SCENARIO.adds` containers added in turn.
   */
  readonly addOneMs: number;
  /** Each of those adds, ms. */
  readonly addOneSamplesMs?: readonly number[];
  /** Engine part of an add (`runLine`), median ms; the lab side only, 0 on the bare side. */
  readonly addOneEngineMs: number;
  /** 95th percentile of requestAnimationFrame deltas while the packet animates, ms. */
  readonly frameP95Ms: number;
  /** Frames recorded during the animation. */
  readonly frames: number;
  /** Every frame delta, for --json readers who want more than the p95. */
  readonly frameDeltasMs: readonly number[];
  /** Untimed preparation before the first clock (building the labs), ms. */
  readonly setupMs: number;
  /** Elements on the big graph, so both sides can be checked to draw the same thing. */
  readonly elements: number;
  /** Hops the packet visits. */
  readonly hops: number;
  /** Zoom after fitting the big graph: equal on both sides, or the draws are not comparable. */
  readonly zoom: number;
  /** The lab's timed stretches split into project / layout / sync / render, ms. */
  readonly parts?: {
    readonly firstDraw: Record<string, number>;
    readonly addOne: Record<string, number>;
  };
}

export interface BenchApi {
  run(): Promise<PageResult>;
}
