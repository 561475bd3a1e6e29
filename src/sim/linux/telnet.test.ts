import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';
import { debianWith, traced } from './testing';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

const web = ['docker run -d --name web nginx', 'docker run -dit --name box busybox'];
const drop = 'iptables -I DOCKER-USER -p tcp --dport 80 -j DROP';
const debian = [...web, ...debianWith('deb', 'telnet')];

describe('busybox telnet', () => {
  it('connects, shows the server, and leaves through Ctrl+C and the console-escape menu', () => {
    const r = traced([...web, 'docker exec -it box telnet 172.17.0.2 80']);
    expect(r.output).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.output.stdout).toBe(
      'Connected to 172.17.0.2\n^C\nConsole escape. Commands are:\n\n' +
        ' l\tgo to line mode\n c\tgo to character mode\n z\tsuspend telnet\n e\texit telnet\n',
    );
    expect(r.trace?.verdict).toBe('delivered');
    expect(
      r.trace?.events.some(
        (e) =>
          e.kind === 'delivered' && e.process?.kind === 'listener' && e.process.comm === 'nginx',
      ),
    ).toBe(true);
  });

  it('without a terminal, stops at the end of its input', () => {
    expect(last([...web, 'docker exec box telnet 172.17.0.2 80'])).toMatchObject({
      stdout: 'Connected to 172.17.0.2\n',
      exitCode: 0,
    });
  });

  it('is refused where nothing listens, times out through a DROP rule, and names a bad address', () => {
    expect(last([...web, 'docker exec box telnet 172.17.0.2 81'])).toMatchObject({
      stderr: "telnet: can't connect to remote host (172.17.0.2): Connection refused\n",
      exitCode: 1,
    });
    const dropped = traced([...web, drop, 'docker exec box telnet 172.17.0.2 80']);
    expect(dropped.output.stderr).toBe(
      "telnet: can't connect to remote host (172.17.0.2): Connection timed out\n",
    );
    expect(dropped.trace?.verdict).toBe('dropped');
    expect(last([...web, 'docker exec box telnet nosuch 80'])).toMatchObject({
      stderr: "telnet: bad address 'nosuch'\n",
      exitCode: 1,
    });
  });

  it('is not in Alpine until busybox-extras brings it', () => {
    expect(
      last(['docker run -dit --name a1 alpine', 'docker exec a1 telnet 172.17.0.1 22']).stdout,
    ).toMatch(/exec: "telnet": executable file not found in \$PATH/);
    expect(
      last([
        'docker run -dit --name a1 alpine',
        'docker exec a1 apk add busybox-extras',
        'docker exec a1 telnet 172.17.0.1 22',
      ]).stdout,
    ).toBe('Connected to 172.17.0.1\n');
  });
});

describe('inetutils telnet (Debian)', () => {
  it('is not installed until apt installs it', () => {
    expect(
      last([
        ...web,
        'docker run -dit --name deb debian',
        'docker exec -it deb bash',
        'telnet web 80',
      ]),
    ).toMatchObject({
      stderr: 'bash: telnet: command not found\n',
      exitCode: 127,
    });
  });

  it('tries each address, connects, and quits at the telnet> prompt after Ctrl+]', () => {
    expect(last([...debian, 'docker exec -it deb telnet 172.17.0.2 80'])).toMatchObject({
      stdout:
        "Trying 172.17.0.2...\nConnected to 172.17.0.2.\nEscape character is '^]'.\n" +
        '^]\ntelnet> quit\nConnection closed.\n',
      exitCode: 0,
    });
    // localhost is ::1 first; nothing listens in deb's own namespace.
    expect(terminalText(last([...debian, 'docker exec deb telnet localhost 80']))).toBe(
      'Trying ::1...\nConnection failed: Connection refused\nTrying 127.0.0.1...\n' +
        'telnet: Unable to connect to remote host: Connection refused\n',
    );
  });

  it('times out through a DROP rule and reports a failed lookup on stdout', () => {
    expect(terminalText(last([...debian, drop, 'docker exec deb telnet 172.17.0.2 80']))).toBe(
      'Trying 172.17.0.2...\ntelnet: Unable to connect to remote host: Connection timed out\n',
    );
    expect(last([...debian, 'docker exec deb telnet nosuch 80'])).toMatchObject({
      stdout: 'Server lookup failure:  nosuch:80, Name or service not known\n',
      exitCode: 1,
    });
  });
});

describe('telnet on the CentOS host (netkit, RHEL)', () => {
  it('connects to a published port and to sshd over ::1', () => {
    expect(last(['docker run -d -p 8080:80 nginx', 'telnet 127.0.0.1 8080']).stdout).toBe(
      "Trying 127.0.0.1...\nConnected to 127.0.0.1.\nEscape character is '^]'.\n^]\ntelnet> quit\nConnection closed.\n",
    );
    expect(last(['telnet localhost 22']).stdout).toBe(
      "Trying ::1...\nConnected to localhost.\nEscape character is '^]'.\nSSH-2.0-OpenSSH_8.7\n^]\ntelnet> quit\nConnection closed.\n",
    );
  });

  it('says which address refused, and that an unknown host is unknown', () => {
    expect(terminalText(last(['telnet 10.0.2.15 81']))).toBe(
      'Trying 10.0.2.15...\ntelnet: connect to address 10.0.2.15: Connection refused\n',
    );
    expect(last(['telnet nosuch 80'])).toMatchObject({
      stderr: 'telnet: nosuch: Name or service not known\nnosuch: Unknown host\n',
      exitCode: 1,
    });
  });
});
