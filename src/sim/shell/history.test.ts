import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

describe('history', () => {
  it("numbers the host shell's lines from 1 and skips a repeated line (HISTCONTROL=ignoredups)", () => {
    expect(last(['docker ps -q', 'docker ps -q', '', 'echo hi', 'history']).stdout).toBe(
      '    1  docker ps -q\n    2  echo hi\n    3  history\n',
    );
    expect(last(['echo a', 'echo b', 'echo c', 'history 2']).stdout).toBe(
      '    3  echo c\n    4  history 2\n',
    );
    expect(last(['echo a', 'history -c', 'history']).stdout).toBe('    1  history\n');
  });

  it('keeps a here-document with the line that opened it, as one entry', () => {
    expect(last(['cat > /tmp/f <<EOF', 'one', 'EOF', 'history']).stdout).toBe(
      '    1  cat > /tmp/f <<EOF\none\nEOF\n    2  history\n',
    );
  });

  it("is the history of the place's shell: a container's lines stay in the container", () => {
    const lines = [
      'docker run -dit --name b1 busybox',
      'docker exec -it b1 sh',
      'hostname',
      'exit',
      'docker exec -it b1 sh',
      'history',
    ];
    // busybox's editor numbers from 0, writes on stderr and keeps ~/.ash_history across sessions.
    expect(last(lines)).toMatchObject({
      stdout: '',
      stderr: '   0 hostname\n   1 exit\n   2 history\n',
    });
    // The host's shell read only the two docker lines, the second a repeat of the first.
    expect(last([...lines, 'exit', 'history']).stdout).toBe(
      '    1  docker run -dit --name b1 busybox\n    2  docker exec -it b1 sh\n    3  history\n',
    );
  });

  it("Ubuntu's root .bashrc also skips lines that start with a space; dash has no history", () => {
    expect(
      last([
        'docker run -dit --name u1 ubuntu',
        'docker exec -it u1 bash',
        ' echo secret',
        'history',
      ]).stdout,
    ).toBe('    1  history\n');
    expect(
      last(['docker run -dit --name d1 debian', 'docker exec -it d1 sh', 'history']),
    ).toMatchObject({
      stderr: 'sh: history: not found\n',
      exitCode: 127,
    });
  });
});
