/**
 * First-load JavaScript of a built page: the entry script and the chunks its index.html
 * modulepreloads (what the browser fetches before the first paint), never lazy chunks.
 * Sizes are gzip level 9 (node:zlib), the figure a CDN serving static gzip would send.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

export interface FirstLoad {
  readonly gzip: number;
  readonly chunks: readonly ChunkSize[];
}

const INITIAL_JS = [
  /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g,
  /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g,
];

/** Reads `dir/index.html` and sizes every script it loads up front, largest first. */
export async function firstLoadJs(dir: string): Promise<FirstLoad> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const pattern of INITIAL_JS) {
    // `/assets/…` or, with the app's relative base, `./assets/…`: both name `assets/…`.
    for (const m of html.matchAll(pattern)) files.add(m[1].replace(/^\.?\//, ''));
  }
  if (files.size === 0) throw new Error(`${dir}/index.html loads no module script`);
  const chunks: ChunkSize[] = [];
  for (const file of files) {
    const body = await readFile(join(dir, file));
    chunks.push({ file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  chunks.sort((a, b) => b.gzip - a.gzip);
  return { gzip: chunks.reduce((sum, c) => sum + c.gzip, 0), chunks };
}
