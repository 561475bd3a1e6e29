import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstLoadJs } from './js-size';

async function builtPage(html: string, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), html);
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  return dir;
}

const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;

describe('firstLoadJs', () => {
  it('counts the entry and its modulepreloads, never a lazy chunk', async () => {
    const entry = 'import("./lazy.js");'.repeat(50);
    const vendor = 'export const big = "cytoscape";'.repeat(200);
    const lazy = 'export const lesson = 1;'.repeat(500);
    const dir = await builtPage(
      `<head><script type="module" crossorigin src="/assets/index.js"></script>
       <link rel="modulepreload" crossorigin href="/assets/vendor.js"></head>`,
      { 'assets/index.js': entry, 'assets/vendor.js': vendor, 'assets/lazy.js': lazy },
    );
    const size = await firstLoadJs(dir);
    expect(size.chunks.map((c) => c.file).sort()).toEqual(['assets/index.js', 'assets/vendor.js']);
    expect(size.gzip).toBe(gz(entry) + gz(vendor));
    expect(size.chunks[0].gzip).toBeGreaterThanOrEqual(size.chunks[1].gzip);
    expect(size.chunks.find((c) => c.file === 'assets/vendor.js')?.bytes).toBe(vendor.length);
  });

  it('reads relative asset URLs (the app builds with a relative base)', async () => {
    const dir = await builtPage(
      `<script type="module" crossorigin src="./assets/index.js"></script>`,
      { 'assets/index.js': 'export {}' },
    );
    expect((await firstLoadJs(dir)).chunks.map((c) => c.file)).toEqual(['assets/index.js']);
  });

  it('refuses a page that loads no module script', async () => {
    const dir = await builtPage('<body>nothing</body>', {});
    await expect(firstLoadJs(dir)).rejects.toThrow(/loads no module script/);
  });
});
