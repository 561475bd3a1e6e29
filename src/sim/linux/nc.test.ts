import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';
import { debianWith } from './testing';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

const web = ['docker run -d --name web nginx', 'docker run -dit --name box busybox'];
const openbsd = [...web, ...debianWith('deb', 'netcat-openbsd')];

describe('busybox nc', () => {
  it('-zv reports an open port, and a refused one only at -vv', () => {
    expect(last([...web, 'docker exec box nc -zv 172.17.0.2 80'])).toMatchObject({
      stderr: '172.17.0.2 (172.17.0.2:80) open\n',
      exitCode: 0,
    });
    expect(last([...web, 'docker exec box nc -zv 172.17.0.2 81'])).toMatchObject({
      stderr: '',
      exitCode: 1,
    });
    expect(last([...web, 'docker exec box nc -zvv 172.17.0.2 81']).stderr).toBe(
      'nc: 172.17.0.2 (172.17.0.2:81): Connection refused\n',
    );
    expect(
      last([
        ...web,
        'iptables -I DOCKER-USER -p tcp --dport 80 -j DROP',
        'docker exec box nc -zv -w 2 172.17.0.2 80',
      ]).stderr,
    ).toBe('nc: 172.17.0.2 (172.17.0.2:80): Connection timed out\n');
    expect(last([...web, 'docker exec box nc -zv nosuch 80']).stderr).toBe(
      "nc: bad address 'nosuch'\n",
    );
  });

  it('on a terminal it is ended by Ctrl+C: busybox says punt! and dies of the signal', () => {
    expect(terminalText(last([...web, 'docker exec -it box nc 172.17.0.2 80']))).toBe('^Cpunt!\n');
    expect(last([...web, 'docker exec -it box nc 172.17.0.2 80']).exitCode).toBe(130);
    expect(last([...web, 'docker exec box nc 172.17.0.2 80'])).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
  });

  it('nc -l as a main process listens (ss/netstat show it) and serves one client, then exits', () => {
    const srv = ['docker run -d --name srv busybox nc -l -p 8080'];
    expect(last([...srv, 'docker exec srv netstat -tln']).stdout).toContain(
      'tcp        0      0 :::8080                 :::*                    LISTEN      \n',
    );
    expect(last([...srv, 'docker run --rm busybox nc -zv 172.17.0.2 8080']).stderr).toBe(
      '172.17.0.2 (172.17.0.2:8080) open\n',
    );
    expect(
      last([
        ...srv,
        'docker run --rm busybox nc -zv 172.17.0.2 8080',
        "docker ps -a --format '{{.Names}} {{.Status}}'",
      ]).stdout,
    ).toMatch(/^srv Exited \(0\) /);
  });

  it("a host-network nc -l shows in the host's ss as a dual-stack socket, owned by nc", () => {
    expect(
      last(['docker run -d --network host --name hsrv busybox nc -l -p 9090', 'ss -ltnp']).stdout,
    ).toContain('LISTEN 0      1                  *:9090            *:*    users:(("nc",pid=');
  });

  it('-l in the shell listens until the lab presses Ctrl+C', () => {
    expect(terminalText(last([...web, 'docker exec -it box nc -lv -p 9000']))).toBe(
      'listening on [::]:9000 ...\n^Cpunt!\n',
    );
  });
});

describe('netcat-openbsd (Debian)', () => {
  it('-zv scans ports: succeeded, refused, and timed out through a DROP rule', () => {
    expect(terminalText(last([...openbsd, 'docker exec deb nc -zv 172.17.0.2 80 81']))).toBe(
      'Connection to 172.17.0.2 80 port [tcp/*] succeeded!\n' +
        'nc: connect to 172.17.0.2 port 81 (tcp) failed: Connection refused\n',
    );
    const drop = 'iptables -I DOCKER-USER -p tcp --dport 80 -j DROP';
    expect(last([...openbsd, drop, 'docker exec deb nc -zv 172.17.0.2 80']).stderr).toBe(
      'nc: connect to 172.17.0.2 port 80 (tcp) failed: Connection timed out\n',
    );
    expect(last([...openbsd, drop, 'docker exec deb nc -zv -w 2 172.17.0.2 80']).stderr).toBe(
      'nc: connect to 172.17.0.2 port 80 (tcp) timed out: Operation now in progress\n',
    );
    expect(last([...openbsd, 'docker exec deb nc -zv nosuch 80'])).toMatchObject({
      stderr: 'nc: getaddrinfo for host "nosuch" port 80: Name or service not known\n',
      exitCode: 1,
    });
  });

  it('names the address it tried: ::1 before 127.0.0.1 for localhost', () => {
    const mysql = ['docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:8.0'];
    const inDb = [...mysql, 'docker run -dit --name side --network container:db debian'];
    const lines = [
      ...inDb,
      'docker exec side apt-get update',
      'docker exec side apt-get install -y netcat-openbsd',
    ];
    expect(last([...lines, 'docker exec side nc -zv localhost 3306']).stderr).toBe(
      'Connection to localhost (::1) 3306 port [tcp/*] succeeded!\n',
    );
  });

  it('checks its options as netcat-openbsd does', () => {
    expect(last([...openbsd, 'docker exec deb nc -lz 80']).stderr).toBe(
      'nc: cannot use -z and -l\n',
    );
    expect(last([...openbsd, 'docker exec deb nc 172.17.0.2']).stderr).toBe(
      'nc: missing port number\n',
    );
    expect(last([...openbsd, 'docker exec deb nc']).stderr).toMatch(
      /^usage: nc \[-46CDdFhklNnrStUuvZz\]/,
    );
  });
});

describe('nc on the CentOS host', () => {
  it('is Ncat there, which the lab says it does not simulate', () => {
    expect(last(['nc -zv 172.17.0.1 22'])).toMatchObject({
      stderr:
        'lab: nc on this CentOS host would be Ncat, which is not simulated; try docker run --rm busybox nc -zv HOST PORT\n',
      exitCode: 1,
    });
  });
});
