// `npm test`: every check a change must pass, ending in one plain line `N passed, N failed`
// (this workplace's CI reads only that line, not Vitest's or Playwright's own summaries).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports');

const run = (label, cmd, args, env = {}) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
};
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

let passed = 0;
let failed = 0;
// Static checks count as one test each, so a type error or lint error can never pass silently.
for (const [label, cmd, args] of [
  ['typecheck', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
]) {
  if (run(label, cmd, args)) passed++;
  else failed++;
}

const unitOk = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/vitest.json',
]);
const v = read('reports/vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (!unitOk && (!v || v.numFailedTests === 0)) failed++;

const built = run('build', 'npx', ['vite', 'build']);
if (!built) failed++;
else {
  const e2eOk = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json',
  });
  const p = read('reports/playwright.json');
  if (p) {
    passed += p.stats.expected + p.stats.flaky;
    failed += p.stats.unexpected;
  }
  if (!e2eOk && (!p || p.stats.unexpected === 0)) failed++;
}

// The simulator against the real kernel, where this machine lets us build namespaces (root).
const tool = (t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0;
if (process.getuid?.() === 0 && ['unshare', 'ip', 'iptables', 'ping'].every(tool)) {
  if (run('kernel', 'npx', ['tsx', 'scripts/verify-kernel.ts'])) passed++;
  else failed++;
} else console.log('\n=== kernel: skipped (needs root, unshare, ip, iptables and ping)');

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
