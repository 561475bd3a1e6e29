import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

describe('export', () => {
  it('sets and marks variables the programs the shell starts inherit', () => {
    expect(last(['export TAG=1.27', 'echo $TAG']).stdout).toBe('1.27\n');
    expect(last(['export TAG=1.27', 'printenv TAG']).stdout).toBe('1.27\n');
    // An unexported assignment stays in the shell; `VAR=x cmd` reaches only that command.
    expect(last(['LOCAL=1', 'printenv LOCAL']).stdout).toBe('');
    expect(last(['ONCE=1 printenv ONCE']).stdout).toBe('1\n');
    expect(last(['LATER=2', 'export LATER', 'printenv LATER']).stdout).toBe('2\n');
  });

  it('lists as declare -x and refuses a bad name as bash does', () => {
    const listed = last(['export A=1', 'export']).stdout;
    expect(listed).toMatch(/^declare -x A="1"\ndeclare -x HOME="\/root"\n/);
    expect(last(['export 1x=2'])).toMatchObject({
      stderr: "bash: export: `1x=2': not a valid identifier\n",
      exitCode: 1,
    });
  });
});
