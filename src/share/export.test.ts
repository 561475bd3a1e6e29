import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './codec';
import {
  MAX_FILE_BYTES,
  parseScenarioFile,
  shQuote,
  toScenarioJson,
  toShellScript,
  type TypedLine,
} from './export';

const bytes = (text: string) => new TextEncoder().encode(text);
const HOST = { kind: 'host', depth: 0 } as const;
const onHost = (line: string): TypedLine => ({
  line,
  at: HOST,
  next: HOST,
  inHeredoc: false,
  opensHeredoc: false,
});

describe('JSON export', () => {
  it('round-trips any single-line commands and seed', () => {
    const line = fc.string().filter((s) => !/[\r\n]/.test(s));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.nat(), (commands, seed) => {
        expect(parseScenarioFile(bytes(toScenarioJson({ seed, commands })))).toEqual({
          ok: true,
          commands,
          seed,
        });
      }),
    );
  });

  it('says what it is', () => {
    expect(JSON.parse(toScenarioJson({ seed: 0, commands: ['docker ps'] }))).toEqual({
      format: 'docker-network-lab',
      version: 1,
      seed: 0,
      commands: ['docker ps'],
    });
  });
});

describe('shell script export', () => {
  it('has a header and one command per line, without set -e, and imports back', () => {
    const lines = [
      'docker network create app',
      'docker run -d --name web --network app nginx',
      'docker nope',
    ];
    const script = toShellScript(lines.map(onHost), { url: 'http://lab/#s=v1.x', seed: 0 });
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('# Open it in the lab: http://lab/#s=v1.x');
    expect(script).toMatch(/needs Docker .* and root/);
    expect(script).not.toMatch(/^set -e/m);
    expect(script.trimEnd().split('\n').slice(-3)).toEqual(lines);
    expect(parseScenarioFile(bytes(script))).toEqual({ ok: true, commands: lines, seed: 0 });
  });

  it('runs lines typed in a container shell through docker exec, quoted for sh', () => {
    const box = { kind: 'container', depth: 1, name: 'box', program: 'sh', main: true } as const;
    const web = { kind: 'container', depth: 1, name: 'web', program: 'bash', main: false } as const;
    const typed: TypedLine[] = [
      {
        line: 'docker run -it busybox sh',
        at: HOST,
        next: box,
        inHeredoc: false,
        opensHeredoc: false,
      },
      { line: "echo 'hi' > /tmp/x", at: box, next: box, inHeredoc: false, opensHeredoc: false },
      { line: 'exit', at: box, next: HOST, inHeredoc: false, opensHeredoc: false },
      {
        line: 'docker exec -it web bash',
        at: HOST,
        next: web,
        inHeredoc: false,
        opensHeredoc: false,
      },
      { line: 'ip addr', at: web, next: web, inHeredoc: false, opensHeredoc: false },
      { line: 'exit', at: web, next: HOST, inHeredoc: false, opensHeredoc: false },
      {
        line: 'ssh 10.0.2.20',
        at: HOST,
        next: { kind: 'lan-client', depth: 1 },
        inHeredoc: false,
        opensHeredoc: false,
      },
      {
        line: 'curl 10.0.2.15',
        at: { kind: 'lan-client', depth: 1 },
        next: { kind: 'lan-client', depth: 1 },
        inHeredoc: false,
        opensHeredoc: false,
      },
    ];
    const body = toShellScript(typed, { url: 'u', seed: 0 })
      .split('\n')
      .filter((l) => l && !l.startsWith('#!'));
    expect(body.slice(-8)).toEqual([
      'docker run -d --name box -it busybox sh  # interactive in the lab',
      `docker exec box sh -c 'echo '\\''hi'\\'' > /tmp/x'`,
      'docker stop box  # "exit" left its main shell, which stops it',
      '# docker exec -it web bash  (interactive; the lines typed in it follow)',
      "docker exec web bash -c 'ip addr'",
      '# exit  (leaves the shell in web)',
      '# ssh 10.0.2.20  (interactive; the lines typed in it follow)',
      '# (typed on the LAN client) curl 10.0.2.15',
    ]);
  });

  it('keeps a here-document typed on the host as it is', () => {
    const typed: TypedLine[] = [
      { ...onHost('cat > /etc/docker/daemon.json <<EOF'), opensHeredoc: true },
      { ...onHost('{"bip": "10.1.0.1/24"}'), inHeredoc: true },
      { ...onHost('EOF'), inHeredoc: true },
    ];
    expect(toShellScript(typed, { url: 'u', seed: 0 })).toContain(
      typed.map((t) => t.line).join('\n'),
    );
  });

  it('quotes any text so sh reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const q = shQuote(s);
        expect(q.startsWith("'") && q.endsWith("'")).toBe(true);
        expect(q.slice(1, -1).split(`'\\''`).join("'")).toBe(s);
      }),
    );
  });
});

describe('import refuses bad files with a clear reason', () => {
  const json = (o: unknown) => bytes(JSON.stringify(o));
  const base = { format: 'docker-network-lab', version: 1, seed: 0, commands: ['docker ps'] };
  it.each([
    ['a file too big', new Uint8Array(MAX_FILE_BYTES + 1), 'too-big'],
    ['bytes that are not UTF-8', new Uint8Array([0x64, 0xff, 0xfe, 0x0a]), 'not-utf8'],
    ['broken JSON', bytes('{"format": '), 'bad-json'],
    ['JSON of another program', json({ name: 'x' }), 'not-ours'],
    ['another version', json({ ...base, version: 2 }), 'foreign-version'],
    ['a fractional seed', json({ ...base, seed: 1.5 }), 'bad-seed'],
    ['no commands list', json({ ...base, commands: 'docker ps' }), 'no-command-list'],
    ['a command with a newline', json({ ...base, commands: ['a', 'b\nc'] }), 'bad-command'],
    ['a number as a command', json({ ...base, commands: [1] }), 'bad-command'],
    [
      'too many commands',
      json({ ...base, commands: Array(LIMITS.lines + 1).fill('docker ps') }),
      'too-many-lines',
    ],
    [
      'a command too long',
      json({ ...base, commands: ['x'.repeat(LIMITS.lineChars + 1)] }),
      'line-too-long',
    ],
    ['a script of comments only', bytes('#!/bin/sh\n# nothing\n\n'), 'no-commands'],
  ])('%s', (_kind, file, code) => {
    const result = parseScenarioFile(file);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.error).toMatch(/^The file could not be imported: \S/);
  });

  it('reads a script with CRLF line ends and a BOM', () => {
    expect(parseScenarioFile(bytes('\uFEFFdocker ps\r\n# c\r\nip addr\r\n'))).toEqual({
      ok: true,
      commands: ['docker ps', 'ip addr'],
    });
  });
});
