/**
 * What a build's chunks are made of, by area (`src/sim/shell`, `src/ui/terminal`, an npm
 * package), to name what to lazy-load when the first-load JS is over budget. A chunk's gzip
 * size is shared among its areas by their rendered (pre-minify) code length: an estimate, but
 * in the right proportions.
 */
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import type { ChunkSize } from './js-size';

/** Rendered code length per area, by chunk file name. */
export type ChunkContents = Map<string, Map<string, number>>;

export function recordChunkContents(root: string): { plugin: Plugin; contents: ChunkContents } {
  const contents: ChunkContents = new Map();
  const plugin: Plugin = {
    name: 'bench-ui:chunk-contents',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const areas = new Map<string, number>();
        for (const [id, m] of Object.entries(chunk.modules)) {
          const area = areaOf(relative(root, id.replace(/\?.*$/, '')));
          areas.set(area, (areas.get(area) ?? 0) + m.renderedLength);
        }
        contents.set(chunk.fileName, areas);
      }
    },
  };
  return { plugin, contents };
}

function areaOf(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  const parts = path.split('/');
  if (parts[0] !== 'src') return parts[0];
  // src/sim/shell/x.ts -> src/sim/shell; src/main.tsx -> src
  return parts.slice(0, Math.min(parts.length - 1, 3)).join('/');
}

export interface Contributor {
  readonly area: string;
  /** Estimated gzip bytes. */
  readonly gzip: number;
}

/** The areas of the given (initial) chunks, largest estimated gzip first. */
export function contributors(chunks: readonly ChunkSize[], contents: ChunkContents): Contributor[] {
  const total = new Map<string, number>();
  for (const chunk of chunks) {
    const areas = contents.get(chunk.file);
    if (!areas) continue;
    const rendered = [...areas.values()].reduce((a, b) => a + b, 0);
    for (const [area, length] of areas) {
      const share = rendered > 0 ? (chunk.gzip * length) / rendered : 0;
      total.set(area, (total.get(area) ?? 0) + share);
    }
  }
  return [...total].map(([area, gzip]) => ({ area, gzip })).sort((a, b) => b.gzip - a.gzip);
}
