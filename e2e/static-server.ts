/**
 * A plain static file server for dist/ under a sub-path (`http://127.0.0.1:PORT/lab/`), as a
 * GitHub Pages project site or a school's intranet folder serves it: no SPA rewrites, no Vite.
 * `swSuffix` appends bytes to sw.js, which is what a new deploy looks like to the browser.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticSite {
  readonly url: string;
  /** Appended to sw.js from now on. */
  swSuffix: string;
  close(): Promise<void>;
}

export async function serveDist(root: string, port: number, prefix = '/lab/'): Promise<StaticSite> {
  const site = { swSuffix: '' };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(root, rel)).then(
      (body) => {
        const ext = extname(rel);
        const out = rel === 'sw.js' ? Buffer.concat([body, Buffer.from(site.swSuffix)]) : body;
        res.writeHead(200, {
          'content-type': TYPES[ext] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        });
        res.end(out);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return Object.assign(site, {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
