import type { Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { contributors, recordChunkContents } from './chunk-contents';

const ROOT = '/repo';

function chunk(fileName: string, modules: Record<string, number>) {
  return {
    type: 'chunk',
    fileName,
    modules: Object.fromEntries(
      Object.entries(modules).map(([id, renderedLength]) => [id, { renderedLength }]),
    ),
  };
}

/** Runs the plugin's generateBundle hook on a hand-made bundle. */
function record(bundle: Record<string, unknown>) {
  const { plugin, contents } = recordChunkContents(ROOT);
  const hook = plugin.generateBundle as unknown as (o: unknown, b: Rolldown.OutputBundle) => void;
  hook.call({}, {}, bundle as Rolldown.OutputBundle);
  return contents;
}

describe('chunk contents', () => {
  it('groups modules by source folder and npm package', () => {
    const contents = record({
      'assets/index.js': chunk('assets/index.js', {
        '/repo/src/sim/shell/run-line.ts': 300,
        '/repo/src/sim/shell/expand.ts': 100,
        '/repo/src/main.tsx?v=1': 50,
        '/repo/node_modules/@scope/pkg/index.js': 40,
        '/repo/node_modules/i18next/dist/esm/i18next.js': 10,
      }),
      'assets/style.css': { type: 'asset', fileName: 'assets/style.css' },
    });
    expect([...contents.keys()]).toEqual(['assets/index.js']);
    expect(Object.fromEntries(contents.get('assets/index.js')!)).toEqual({
      'src/sim/shell': 400,
      src: 50,
      '@scope/pkg': 40,
      i18next: 10,
    });
  });

  it('shares each initial chunk’s gzip size among its areas by rendered length', () => {
    const contents = record({
      'assets/index.js': chunk('assets/index.js', {
        '/repo/src/sim/a.ts': 750,
        '/repo/src/ui/terminal/T.tsx': 250,
      }),
      'assets/lazy.js': chunk('assets/lazy.js', { '/repo/src/lessons/l.ts': 999 }),
    });
    const heaviest = contributors([{ file: 'assets/index.js', bytes: 1000, gzip: 400 }], contents);
    expect(heaviest).toEqual([
      { area: 'src/sim', gzip: 300 },
      { area: 'src/ui/terminal', gzip: 100 },
    ]);
  });
});
