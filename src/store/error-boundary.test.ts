import { describe, expect, it, vi } from 'vitest';
import * as engine from './lab-engine';
import type * as Sim from '../sim';
import { createLabData, INTERNAL_ERROR_EXIT_CODE, runCommand } from './lab';
import { createLabStore } from './lab-store';

// Stand-in core bugs: two magic lines make the real core throw or return a broken world.
vi.mock('../sim', async (importOriginal) => {
  const sim = await importOriginal<typeof Sim>();
  return {
    ...sim,
    runLine: (world: Sim.World, line: string) => {
      if (line === 'crash') throw new Error('veth peer missing');
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
      if (line === 'crash-with-string') throw 'not an Error';
      if (line === 'break-world')
        return { ...sim.runLine(world, 'true'), world: { ...world, hosts: {} } };
      return sim.runLine(world, line);
    },
  };
});

describe('the error boundary around the core', () => {
  it('reports an exception as an internal error and keeps the previous world and log', () => {
    const before = runCommand(createLabData(), 'docker run -d --name web nginx');
    const s = runCommand(before, 'crash');
    expect(s.world).toBe(before.world);
    expect(s.log).toBe(before.log);
    expect(s.transcript.at(-1)).toEqual({
      prompt: '[root@docker-host ~]# ',
      command: 'crash',
      stdout: '',
      stderr: 'internal error: veth peer missing\n',
      exitCode: INTERNAL_ERROR_EXIT_CODE,
    });
  });

  it('reports non-Error throws too', () => {
    const s = runCommand(createLabData(), 'crash-with-string');
    expect(s.transcript[0]?.stderr).toBe('internal error: not an Error\n');
  });

  it('rejects a world the terminal cannot render a prompt for', () => {
    const start = createLabData();
    const s = runCommand(start, 'break-world');
    expect(s.world).toBe(start.world);
    expect(s.log).toEqual([]);
    expect(s.transcript[0]?.stderr).toMatch(/^internal error: /);
  });

  it('keeps the store usable after an internal error', () => {
    const store = createLabStore(engine);
    store.getState().run('crash');
    store.getState().run('docker --version');
    const { log, transcript } = store.getState();
    expect(log).toEqual(['docker --version']);
    expect(transcript.map((e) => e.exitCode)).toEqual([INTERNAL_ERROR_EXIT_CODE, 0]);
  });
});
