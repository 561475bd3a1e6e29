import { describe, expect, it } from 'vitest';
import { prompt, replay } from '../index';

const run = (lines: string[]) => replay(lines);
const last = (lines: string[]) => run(lines).transcript.at(-1)!;

describe('here-documents typed line by line', () => {
  it('collects the body until the delimiter and writes it with cat > FILE', () => {
    const { world, transcript } = run([
      'cat > /etc/docker/daemon.json <<EOF',
      '{',
      '  "mtu": 1500',
      '}',
      'EOF',
      'cat /etc/docker/daemon.json',
    ]);
    expect(transcript.slice(0, 5).every((t) => t.stdout === '' && t.stderr === '')).toBe(true);
    expect(transcript[5].stdout).toBe('{\n  "mtu": 1500\n}\n');
    expect(world.terminal.pending).toBeUndefined();
  });

  it('shows bash\'s "> " prompt while the body is pending', () => {
    const { world } = run(['cat <<END', 'first']);
    expect(prompt(world)).toBe('> ');
    expect(world.terminal.pending).toMatchObject({ delimiter: 'END', lines: ['first'] });
  });

  it('expands variables and $(…) in an unquoted body, not in a quoted one', () => {
    expect(last(['X=lab', 'cat <<EOF', 'v=$X ${X} $(echo sub) \\$X', 'EOF']).stdout).toBe(
      'v=lab lab sub $X\n',
    );
    expect(last(['X=lab', "cat <<'EOF'", 'v=$X', 'EOF']).stdout).toBe('v=$X\n');
    expect(last(['X=lab', 'cat <<"EOF"', 'v=$X', 'EOF']).stdout).toBe('v=$X\n');
  });

  it('<<- strips leading tabs from the body and the delimiter line', () => {
    expect(last(['cat <<-EOF', '\tindented', '\tEOF']).stdout).toBe('indented\n');
  });

  it('feeds pipelines: the heredoc is stdin of its own command', () => {
    expect(last(['cat <<EOF | grep b', 'a', 'b', 'EOF']).stdout).toBe('b\n');
  });

  it('an empty body writes an empty file', () => {
    expect(last(['cat > /tmp/empty <<EOF', 'EOF', 'cat /tmp/empty']).stdout).toBe('');
  });
});

describe('output redirections bash cannot open', () => {
  it('fails before the command runs when the directory does not exist', () => {
    const t = last(['echo hi > /x/y']);
    expect(t).toMatchObject({
      stdout: '',
      stderr: 'bash: /x/y: No such file or directory\n',
      exitCode: 1,
    });
    expect(last(['echo hi > /x/y', 'cat /x/y']).stderr).toBe(
      'cat: /x/y: No such file or directory\n',
    );
  });

  it('refuses to write over a directory', () => {
    expect(last(['echo hi > /etc'])).toMatchObject({
      stderr: 'bash: /etc: Is a directory\n',
      exitCode: 1,
    });
  });

  it('writes into directories that exist, /etc/docker included', () => {
    expect(
      last(["echo '{}' > /etc/docker/daemon.json", 'cat /etc/docker/daemon.json']).stdout,
    ).toBe('{}\n');
  });
});
