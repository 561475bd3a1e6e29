import { describe, expect, it } from 'vitest';
import { parseScript } from './parse';

const words = (src: string) => {
  const r = parseScript(src);
  if (!r.ok) throw new Error(r.error);
  return r.value.map((l) =>
    l.first.commands.map((c) =>
      c.words.map((w) =>
        w
          .map((p) =>
            p.kind === 'lit' ? p.text : `<${p.kind}:${p.kind === 'var' ? p.name : p.source}>`,
          )
          .join(''),
      ),
    ),
  );
};

describe('bash word splitting the tutorials rely on', () => {
  it('keeps quoted strings whole and strips the quotes', () => {
    expect(words(`docker inspect -f '{{.State.Pid}}' web`)).toEqual([
      [['docker', 'inspect', '-f', '{{.State.Pid}}', 'web']],
    ]);
    expect(words('docker commit -m "add ip and ping" t1')).toEqual([
      [['docker', 'commit', '-m', 'add ip and ping', 't1']],
    ]);
  });

  it('sees variables and command substitutions', () => {
    expect(words('ln -s /proc/$PID/ns/net /var/run/netns/${PID}')).toEqual([
      [['ln', '-s', '/proc/<var:PID>/ns/net', '/var/run/netns/<var:PID>']],
    ]);
    expect(words("PID=$(docker inspect -f '{{.State.Pid}}' x)")).toEqual([[[]]]);
  });

  it('splits pipelines and lists', () => {
    const r = parseScript('a | b && c; d || e');
    expect(r.ok && r.value.length).toBe(2);
    expect(r.ok && r.value[0].first.commands.length).toBe(2);
    expect(r.ok && r.value[0].rest.map((x) => x.op)).toEqual(['&&']);
  });

  it("reports bash's syntax errors", () => {
    expect(parseScript("echo 'oops")).toEqual({
      ok: false,
      error: "bash: unexpected EOF while looking for matching `''",
    });
    expect(parseScript('| x')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `|'",
    });
  });
});

describe('here-document delimiters', () => {
  const heredoc = (src: string) => {
    const r = parseScript(src);
    if (!r.ok) throw new Error(r.error);
    return r.value[0].first.commands[0].redirects.find((x) => x.heredoc)?.heredoc;
  };

  it('reads the delimiter with its quotes removed, and whether it was quoted', () => {
    expect(heredoc('cat > /etc/docker/daemon.json <<EOF')).toEqual({
      delimiter: 'EOF',
      quoted: false,
      stripTabs: false,
    });
    expect(heredoc("cat <<'EOF'")).toEqual({ delimiter: 'EOF', quoted: true, stripTabs: false });
    expect(heredoc('cat <<"E"OF')).toEqual({ delimiter: 'EOF', quoted: true, stripTabs: false });
    expect(heredoc('tee f <<-END')).toEqual({ delimiter: 'END', quoted: false, stripTabs: true });
  });

  it('needs a delimiter word', () => {
    expect(parseScript('cat <<')).toEqual({
      ok: false,
      error: "bash: syntax error near unexpected token `newline'",
    });
  });
});
