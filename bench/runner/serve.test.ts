import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './serve';

describe('serve', () => {
  let server: Served;

  beforeAll(async () => {
    const parent = await mkdtemp(join(tmpdir(), 'bench-ui-serve-'));
    const dir = join(parent, 'pages');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'lab.html'), '<p>lab</p>');
    await writeFile(join(dir, 'assets', 'lab.js'), 'export {}');
    await writeFile(join(parent, 'secret.txt'), 'outside the served folder');
    server = await serve(dir);
  });
  afterAll(() => server.close());

  it('serves the built pages with their content types', async () => {
    const page = await fetch(`${server.url}/lab.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe('<p>lab</p>');
    const script = await fetch(`${server.url}/assets/lab.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('gzips text for a client that accepts it', async () => {
    const body = await new Promise<Buffer>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const headers = { 'accept-encoding': 'gzip, deflate' };
      request({ hostname, port, path: '/assets/lab.js', headers }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        res
          .on('data', (c: Buffer) => chunks.push(c))
          .on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(gunzipSync(body).toString()).toBe('export {}');
  });

  it('answers 404 for a missing file and never leaves its folder', async () => {
    expect((await fetch(`${server.url}/nope.js`)).status).toBe(404);
    // Raw, so no client tidies the path first: an encoded slash hides the `..` from URL parsing.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      request({ hostname, port, path: '/..%2fsecret.txt' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
  });
});
