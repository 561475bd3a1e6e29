import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchBlock, parseGolden } from './golden';
import { replay } from './index';
import { checkInvariants } from './invariants';

const dir = join(import.meta.dirname, '__golden__');

describe('golden transcripts (the tutorials, retold)', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(file, () => {
      const blocks = parseGolden(readFileSync(join(dir, file), 'utf8'));
      const { transcript, world } = replay(blocks.map((b) => b.command));
      const names = new Map<string, string>();
      const failures = blocks.map((b, i) => matchBlock(b, transcript[i], names)).filter(Boolean);
      expect(failures.join('\n\n')).toBe('');
      expect(checkInvariants(world)).toEqual([]);
    });
  }

  it('fails when the output differs (the matcher is not a rubber stamp)', () => {
    const [block] = parseGolden('$ echo hi\nho\n');
    expect(
      matchBlock(block, { command: 'echo hi', stdout: 'hi\n', stderr: '', exitCode: 0 }, new Map()),
    ).not.toBeNull();
    const [paired] = parseGolden('$ x\n{{n=a}}: eth0@if{{=a}}\n');
    expect(
      matchBlock(
        paired,
        { command: 'x', stdout: '7: eth0@if8\n', stderr: '', exitCode: 0 },
        new Map(),
      ),
    ).not.toBeNull();
  });
});
