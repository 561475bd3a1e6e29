/**
 * `window.__lab`: a read-only view of the lab for end-to-end model assertions (style.md §3.12),
 * installed by src/main.tsx once the engine is in, a moment after the first paint.
 */
import type { World } from '../sim';

export interface LabTestHook {
  getState(): {
    /** The applied lines (the log up to the history cursor). */
    readonly log: readonly string[];
    readonly world: World;
    /** Every line, undone ones included (what Redo replays). */
    readonly history: readonly string[];
    /** How many lines of `history` are applied. */
    readonly cursor: number;
  };
  /** What the topology graph holds, installed by the GraphView while it is mounted. */
  getGraph?(): GraphSnapshot;
}

/** A rendered box in canvas CSS pixels. */
export interface RenderedBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** What is drawn of an element (design.md contract 5), read from Cytoscape's renderer. */
export interface Drawn {
  /** Nodes: the body; edges: the whole rendered bounding box. */
  readonly box: RenderedBox;
  /** The label as drawn now; null when no label is drawn at this zoom. */
  readonly labelBox: RenderedBox | null;
  /** The label's rendered font size, 0 when it is not drawn. */
  readonly fontPx: number;
}

export interface GraphSnapshot {
  readonly zoom: number;
  readonly canvas: { readonly width: number; readonly height: number };
  readonly nodes: readonly (Drawn & {
    readonly id: string;
    readonly label: string;
    readonly classes: readonly string[];
    /** What selecting the node selects (refs.ts). */
    readonly ref?: string;
    readonly parent?: string;
    /** Model coordinates, and where on the canvas they are drawn. */
    readonly position: { readonly x: number; readonly y: number };
    readonly rendered: { readonly x: number; readonly y: number };
  })[];
  readonly edges: readonly (Drawn & {
    readonly id: string;
    readonly source: string;
    readonly target: string;
    readonly label: string;
    readonly classes: readonly string[];
  })[];
}

declare global {
  interface Window {
    __lab?: LabTestHook;
  }
}
