import { describe, expect, it } from 'vitest';
import { runLine } from '../index';
import { execIn, lab, onHost } from '../linux/testing';

describe('aliases', () => {
  it("CentOS root's aliases: ll runs ls -l, and `alias` lists them as bash prints them", () => {
    const w = lab([]);
    expect(onHost(w, 'll -d /etc').output.stdout).toMatch(
      /^drwxr-xr-x \d+ root root 4096 .* \/etc\n$/,
    );
    const listed = onHost(w, 'alias').output.stdout;
    expect(listed).toContain("alias ll='ls -l --color=auto'\n");
    expect(listed.split('\n').filter(Boolean)).toEqual(
      [...listed.split('\n').filter(Boolean)].sort(),
    );
    expect(onHost(w, 'echo hello | grep hel').output.stdout).toBe('hello\n');
  });

  it('alias NAME=VALUE lasts the session; unalias removes it; typed lines expand, scripts do not', () => {
    let w = runLine(lab([]), 'alias d=docker').world;
    expect(runLine(w, "d ps --format '{{.Names}}'").output.exitCode).toBe(0);
    expect(runLine(w, 'alias d').output.stdout).toBe("alias d='docker'\n");
    expect(runLine(w, "bash -c 'd ps'").output.stderr).toContain('d: command not found');
    w = runLine(w, 'unalias d').world;
    expect(runLine(w, 'd ps').output.stderr).toBe('bash: d: command not found\n');
    expect(runLine(w, 'unalias d').output.stderr).toBe('bash: unalias: d: not found\n');
    expect(runLine(w, "alias 'a b=x'").output.stderr).toBe(
      "bash: alias: `a b': invalid alias name\n",
    );
  });

  it('an alias that names another expands again, but never itself', () => {
    let w = runLine(lab([]), "alias l='ll -d'").world;
    w = runLine(w, "alias ls='ls -d'").world;
    expect(runLine(w, 'l /etc').output.stdout).toMatch(/^drwxr-xr-x .* \/etc\n$/);
    expect(runLine(w, 'ls /etc').output.stdout).toBe('/etc\n');
  });

  it('busybox sh prints aliases without the word alias and has none to start with', () => {
    const w = lab(['docker run -dit --name b1 busybox', 'docker exec -it b1 sh']);
    expect(runLine(w, 'alias').output.stdout).toBe('');
    const set = runLine(w, "alias la='ls -a'").world;
    expect(runLine(set, 'alias').output.stdout).toBe("la='ls -a'\n");
    expect(execIn(set, 'b1', ['sh', '-c', 'alias']).stdout).toBe('');
  });

  it('aliases typed on one host stay there across ssh', () => {
    let w = lab(['lab add-host host2', 'alias d=docker']);
    w = runLine(w, 'ssh host2').world;
    expect(runLine(w, 'd ps').output.stderr).toBe('bash: d: command not found\n');
    w = runLine(w, 'exit').world;
    expect(runLine(w, 'alias d').output.stdout).toBe("alias d='docker'\n");
  });
});
