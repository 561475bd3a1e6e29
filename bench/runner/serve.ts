/**
 * A static file server for the built bench pages: enough for Chromium, nothing more. Text goes
 * out gzipped to a client that accepts it, as a static host sends it, so a throttled link
 * carries what it would carry in the field (bench:ui's time to first command).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<Served> {
  // The files do not change while a run serves them: each is compressed once.
  const zipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    // Decoded first, then normalised from `/`: no `..` can climb out of `dir`.
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => {
        const type = TYPES[extname(file)];
        const gzip = type !== undefined && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
        res.writeHead(200, {
          'content-type': type ?? 'application/octet-stream',
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        });
        if (gzip && !zipped.has(file)) zipped.set(file, gzipSync(body, { level: 9 }));
        res.end(gzip ? zipped.get(file) : body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
