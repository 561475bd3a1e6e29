import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from './process';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;
const shown = (lines: readonly string[]) => terminalText(last(lines));

describe('printf', () => {
  it('formats %s %d %i %x %o %c %% and reuses the format for the remaining arguments', () => {
    expect(last([`printf '%s=%d\\n' a 1 b 2 c`]).stdout).toBe('a=1\nb=2\nc=0\n');
    expect(last([`printf '[%5s|%-4s|%.2s]\\n' ab cd efgh`]).stdout).toBe('[   ab|cd  |ef]\n');
    expect(last([`printf '%i %x %X %o %c %%\\n' 42 255 255 8 hello`]).stdout).toBe(
      '42 ff FF 10 h %\n',
    );
    expect(last([`printf '%05d|%+d|%#x|%#o|%x\\n' 42 7 255 8 -1`]).stdout).toBe(
      '00042|+7|0xff|010|ffffffffffffffff\n',
    );
    expect(last([`printf '%d %d\\n' "'A" 0x10`]).stdout).toBe('65 16\n');
    expect(last([`printf '%*d|%.3f|%e|%g\\n' 4 7 3.14159 1234.5 0.0001`]).stdout).toBe(
      '   7|3.142|1.234500e+03|0.0001\n',
    );
  });

  it('turns escapes into characters, and %b does the same for its argument up to \\c', () => {
    expect(last([`printf 'a\\tb\\\\c\\n\\101\\x42\\n'`]).stdout).toBe('a\tb\\c\nAB\n');
    expect(last([`printf '%b|%s\\n' 'x\\ty' 'x\\ty'`]).stdout).toBe('x\ty|x\\ty\n');
    expect(last([`printf '%b' 'one\\ctwo' three`]).stdout).toBe('one');
  });

  it("reports a bad number as the shell's printf does, before the line it was printing", () => {
    const r = last([`printf 'n=%d\\n' abc`]);
    expect(r).toMatchObject({ stdout: 'n=0\n', exitCode: 1 });
    expect(terminalText(r)).toBe('bash: printf: abc: invalid number\nn=0\n');
    expect(last([`printf '%d\\n' 12abc`]).stdout).toBe('12\n');
    expect(last([`printf '%d\\n' 08`]).stderr).toBe('bash: printf: 08: invalid octal number\n');
    expect(last([`printf 'a%yb'`])).toMatchObject({
      stdout: 'a',
      stderr: "bash: printf: `y': invalid format character\n",
      exitCode: 1,
    });
    expect(last([`printf '%5'`]).stderr).toBe("bash: printf: `%5': missing format character\n");
    expect(last(['printf'])).toMatchObject({
      stderr: 'printf: usage: printf [-v var] format [arguments]\n',
      exitCode: 2,
    });
  });

  it('busybox ash and the coreutils program word their errors their own way', () => {
    const inBusybox = ['docker run -dit --name b1 busybox', 'docker exec -it b1 sh'];
    expect(shown([...inBusybox, `printf '%d\\n' abc`])).toBe("sh: invalid number 'abc'\n0\n");
    expect(last([...inBusybox, 'printf'])).toMatchObject({
      stderr: 'sh: usage: printf FORMAT [ARGUMENT...]\n',
      exitCode: 2,
    });
    const debian = ['docker run -dit --name d1 debian'];
    expect(shown([...debian, `docker exec d1 printf '%d\\n' abc`])).toBe(
      "printf: 'abc': expected a numeric value\n0\n",
    );
    expect(last([...debian, 'docker exec d1 printf'])).toMatchObject({
      stderr: "printf: missing operand\nTry 'printf --help' for more information.\n",
      exitCode: 1,
    });
  });

  it('-v puts the text in a shell variable instead', () => {
    expect(last([`printf -v greeting '%s-%s' hello world`, 'echo $greeting']).stdout).toBe(
      'hello-world\n',
    );
  });
});
