// `npm test`: every check a change must pass, ending in one plain line `N passed, N failed`
// (this workplace's CI reads only that line, not Vitest's or Playwright's own summaries).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';

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
// A check run alongside others writes to its own file (a pipe could fill while a synchronous
// step blocks this process); the file is printed whole when the check ends, so logs never interleave.
// `nice` lowers a check's priority: it then runs on what the other steps leave idle.
const start = (label, cmd, args, { nice = false } = {}) => {
  const log = `reports/${label}.log`;
  const fd = openSync(log, 'w');
  const [bin, argv] = nice ? ['nice', ['-n', '19', cmd, ...args]] : [cmd, args];
  const child = spawn(bin, argv, { stdio: ['ignore', fd, fd] });
  return new Promise((resolve) => {
    const end = (ok) => {
      closeSync(fd);
      console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}\n${readFileSync(log, 'utf8')}`);
      resolve(ok);
    };
    child.on('error', () => end(false));
    child.on('close', (code) => end(code === 0));
  });
};

// The simulator against the real kernel, where this machine lets us build namespaces (root).
// It mostly waits on pings (about 15% of a core), so it runs beside everything else.
const tool = (t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0;
const kernel =
  process.getuid?.() === 0 && ['unshare', 'ip', 'iptables', 'ping'].every(tool)
    ? start('kernel', 'npx', ['tsx', 'scripts/verify-kernel.ts'])
    : null;

// Static checks count as one test each, so a type error or lint error can never pass silently.
// They have no timeouts, so they run at the lowest priority from the start to the end: the
// end-to-end tests, one browser at a time, leave most of one of the two cores idle, and the checks
// take that. The unit tests (which have timeouts) and the build run first at normal priority, and
// the end-to-end tests then start with only the idle-priority checks beside them.
const nice = tool('nice');
const statics = Promise.all([
  start('typecheck', 'npx', ['tsc', '-b'], { nice }),
  start('lint', 'npx', ['eslint', '.'], { nice }),
  start('format', 'npx', ['prettier', '--check', '.'], { nice }),
]);
const [unitOk, built] = await Promise.all([
  start('unit', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=reports/vitest.json',
  ]),
  start('build', 'npx', ['vite', 'build']),
]);
const v = read('reports/vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (!unitOk && (!v || v.numFailedTests === 0)) failed++;

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

for (const ok of await statics) {
  if (ok) passed++;
  else failed++;
}

if (!kernel) console.log('\n=== kernel: skipped (needs root, unshare, ip, iptables and ping)');
else if (await kernel) passed++;
else failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
