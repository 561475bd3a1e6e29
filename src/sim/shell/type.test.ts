import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;
const busybox = ['docker run -dit --name b1 busybox', 'docker exec -it b1 sh'];

describe('type', () => {
  it('on the CentOS host: builtins, keywords, aliases, the which function, files and misses', () => {
    const r = last(['type echo if ls ping docker nosuch']);
    expect(r.stdout).toBe(
      'echo is a shell builtin\n' +
        'if is a shell keyword\n' +
        "ls is aliased to `ls --color=auto'\n" +
        'ping is /usr/bin/ping\n' +
        'docker is /usr/bin/docker\n',
    );
    expect(r).toMatchObject({ stderr: 'bash: type: nosuch: not found\n', exitCode: 1 });
    expect(last(['type which']).stdout).toMatch(/^which is a function\nwhich \(\) \n\{ \n/);
    expect(last(['type ip iptables ss']).stdout).toBe(
      'ip is /usr/sbin/ip\niptables is /usr/sbin/iptables\nss is /usr/sbin/ss\n',
    );
  });

  it('says "hashed" once the shell has run the program, not before', () => {
    expect(last(['type docker']).stdout).toBe('docker is /usr/bin/docker\n');
    expect(last(['docker ps -q', 'type docker']).stdout).toBe(
      'docker is hashed (/usr/bin/docker)\n',
    );
    // A pipeline's commands run in subshells, whose hash tables the shell never sees.
    expect(last(['docker ps | wc -l', 'type docker wc']).stdout).toBe(
      'docker is /usr/bin/docker\nwc is /usr/bin/wc\n',
    );
  });

  it('-t names the kind, -p and -P print paths only', () => {
    expect(last(['type -t ls if echo ping nosuch'])).toMatchObject({
      stdout: 'alias\nkeyword\nbuiltin\nfile\n',
      stderr: '',
      exitCode: 1,
    });
    expect(last(['type -p echo ping']).stdout).toBe('/usr/bin/ping\n');
    expect(last(['type -P echo']).stdout).toBe('/usr/bin/echo\n');
  });

  it("busybox ash: special builtins, /bin paths, and 'not found' on stdout with 127", () => {
    const r = last([...busybox, 'type echo exit ping env nosuch']);
    expect(r).toMatchObject({
      stdout:
        'echo is a shell builtin\nexit is a special shell builtin\nping is /bin/ping\n' +
        'env is /usr/bin/env\nnosuch: not found\n',
      stderr: '',
      exitCode: 127,
    });
  });

  it("Debian's sh is dash: it calls a program it already ran a tracked alias", () => {
    const dash = ['docker run -dit --name d1 debian', 'docker exec -it d1 sh'];
    expect(last([...dash, 'type cat']).stdout).toBe('cat is /usr/bin/cat\n');
    expect(last([...dash, 'cat /etc/hostname', 'type cat']).stdout).toBe(
      'cat is a tracked alias for /usr/bin/cat\n',
    );
  });
});

describe('which', () => {
  it('prints paths, nothing for a miss, and fails when anything was missing', () => {
    expect(last([...busybox, 'which ping nc nosuch'])).toMatchObject({
      stdout: '/bin/ping\n/bin/nc\n',
      stderr: '',
      exitCode: 1,
    });
    expect(
      last(['docker run -dit --name a1 alpine', 'docker exec a1 which ping nc ip']),
    ).toMatchObject({ stdout: '/bin/ping\n/usr/bin/nc\n/sbin/ip\n', exitCode: 0 });
    // Debian's merged /usr: PATH holds both /usr/bin and /bin.
    expect(last(['docker run -dit --name d1 debian', 'docker exec d1 which -a cat']).stdout).toBe(
      '/usr/bin/cat\n/bin/cat\n',
    );
  });

  it('on the host it is GNU which behind which2.sh: aliases shown, misses name the PATH', () => {
    const r = last(['which docker ll nosuch']);
    expect(r.stdout).toBe("/usr/bin/docker\nalias ll='ls -l --color=auto'\n\t/usr/bin/ls\n");
    expect(r.stderr).toBe(
      '/usr/bin/which: no nosuch in (/root/.local/bin:/root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin)\n',
    );
    expect(r.exitCode).toBe(1);
  });
});
