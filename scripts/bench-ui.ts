/**
 * npm run bench:ui — the lab's UI cost as ratios against bare Cytoscape doing the same work in
 * the same headless Chromium run (issue #4; bench/README.md "Performance"). A report, not a
 * test: exits 0 whatever the ratios, 1 only when a build or a bench page fails.
 *
 *   npm run bench:ui [-- --json] [--rounds N] [--no-build]
 *
 * --no-build reuses the last build under node_modules/.bench-ui (for re-running the browser part).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';
import { contributors, recordChunkContents } from '../bench/runner/chunk-contents';
import { drive } from '../bench/runner/drive';
import { firstCommand } from '../bench/runner/first-command';
import { firstLoadJs } from '../bench/runner/js-size';
import { figures, partMedians, spread, table } from '../bench/runner/report';
import { serve } from '../bench/runner/serve';
import type { ChunkContents } from '../bench/runner/chunk-contents';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'node_modules/.bench-ui');
const args = process.argv.slice(2);
const json = args.includes('--json');
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 5;
const rebuild = !args.includes('--no-build');
const contentsFile = `${out}/chunk-contents.json`;
// With --json, stdout carries the JSON alone; progress goes to stderr.
const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

/** The app and the size reference with the app's own config, then the bench pages. */
async function buildAll(): Promise<void> {
  const appConfig = resolve(root, 'vite.config.ts');
  log('building the app, the size reference and the bench pages…');
  const quiet = { logLevel: 'warn' as const };
  const recorder = recordChunkContents(root);
  await build({
    ...quiet,
    configFile: appConfig,
    root,
    plugins: [recorder.plugin],
    build: { outDir: `${out}/app`, emptyOutDir: true },
  });
  await build({
    ...quiet,
    configFile: appConfig,
    root: resolve(root, 'bench/size-reference'),
    build: { outDir: `${out}/size-reference`, emptyOutDir: true },
  });
  await build({ configFile: resolve(root, 'bench/vite.config.ts') });
  await writeFile(
    contentsFile,
    JSON.stringify([...recorder.contents].map(([f, a]) => [f, [...a]])),
  );
}

/** The app's chunk contents as the last build recorded them. */
async function lastContents(): Promise<ChunkContents> {
  const saved = JSON.parse(await readFile(contentsFile, 'utf8')) as [string, [string, number][]][];
  return new Map(saved.map(([file, areas]) => [file, new Map(areas)]));
}

async function main(): Promise<number> {
  const started = performance.now();
  if (rebuild) await buildAll();
  const contents = await lastContents();
  const size = {
    lab: await firstLoadJs(`${out}/app`),
    bare: await firstLoadJs(`${out}/size-reference`),
  };

  const server = await serve(`${out}/pages`);
  log(`running ${rounds} rounds of lab and bare in headless Chromium…`);
  const runs = await drive(server.url, rounds, log).finally(() => server.close());

  const sites = await serve(out);
  log(`running ${rounds} rounds of the first command and the reference graph on a slow link…`);
  const urls = { lab: `${sites.url}/app/`, bare: `${sites.url}/size-reference/` };
  const slow = await firstCommand(urls, rounds, log).finally(() => sites.close());

  const rows = figures(runs, size, slow);
  const engine = runs.lab.length ? spread(runs.lab.map((r) => r.addOneEngineMs)) : undefined;
  const parts = runs.lab.length ? partMedians(runs.lab) : undefined;
  const heaviest = contributors(size.lab.chunks, contents).slice(0, 12);
  const seconds = (performance.now() - started) / 1000;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ figures: rows, addOneEngineMs: engine, labParts: parts, size, heaviest, runs, slow, seconds }, null, 2)}\n`,
    );
  } else {
    log('');
    log(table(rows));
    if (engine) {
      log(
        `\nAdd one container, engine part (runLine, lab only; not in the ratio): ` +
          `${engine.median.toFixed(1)} ms (${engine.min.toFixed(1)}–${engine.max.toFixed(1)})`,
      );
    }
    for (const [stretch, split] of Object.entries(parts ?? {})) {
      const text = Object.entries(split).map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`);
      log(`Lab ${stretch}, median parts: ${text.join(' · ')}`);
    }
    log('\nFirst-load JS chunks, gzip -9 (lab app):');
    for (const c of size.lab.chunks)
      log(`  ${(c.gzip / 1000).toFixed(1).padStart(7)} kB  ${c.file}`);
    if (heaviest.length) {
      log('\nLargest first-load contributors (estimated gzip share):');
      for (const c of heaviest) log(`  ${(c.gzip / 1000).toFixed(1).padStart(7)} kB  ${c.area}`);
    }
    log(`\n${rounds} rounds, ${seconds.toFixed(0)} s.`);
  }
  const errors = [...runs.errors, ...slow.errors];
  for (const e of errors) process.stderr.write(`bench page error: ${e}\n`);
  return errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `bench:ui failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
