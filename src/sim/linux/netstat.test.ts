import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { listeningSockets } from '../net/sockets';
import { hostOf } from '../world';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;
const HEAD =
  'Active Internet connections (only servers)\n' +
  'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n';

describe('listening sockets, derived from the world', () => {
  it('a published port is one docker-proxy per family on the host (seed 002)', () => {
    const { world } = replay(['docker run -d -p 80:80 nginx:1.22.1']);
    const proxies = listeningSockets(hostOf(world)).filter((l) => l.service === 'docker-proxy');
    expect(proxies.map((l) => [l.netns, l.addr, l.port, l.forward?.ip, l.forward?.port])).toEqual([
      ['host', '0.0.0.0', 80, '172.17.0.2', 80],
      ['host', '::', 80, '172.17.0.2', 80],
    ]);
    expect(proxies[0].pid).not.toBe(proxies[1].pid);
  });

  it('a server runs only when the container runs its image default command', () => {
    const { world } = replay([
      'docker run -d --name web1 nginx',
      'docker run -d --name web2 nginx sleep 1000',
    ]);
    const nginx = listeningSockets(hostOf(world)).filter((l) => l.service === 'nginx');
    expect(nginx).toHaveLength(2);
    expect(new Set(nginx.map((l) => l.containerId)).size).toBe(1);
  });
});

describe('netstat -nltp', () => {
  it('on the host: docker-proxy and sshd, tcp before tcp6 (seed 002 columns)', () => {
    const r = last(['docker run -d -p 80:80 nginx:1.22.1', 'netstat -nltp']);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${HEAD.replace(/[()]/g, '\\$&')}` +
          'tcp        0      0 0\\.0\\.0\\.0:80              0\\.0\\.0\\.0:\\*               LISTEN      \\d+/docker-proxy   \n' +
          'tcp        0      0 0\\.0\\.0\\.0:22              0\\.0\\.0\\.0:\\*               LISTEN      1021/sshd: /usr/sbi \n' +
          'tcp6       0      0 :::80                   :::\\*                    LISTEN      \\d+/docker-proxy   \n' +
          'tcp6       0      0 :::22                   :::\\*                    LISTEN      1021/sshd: /usr/sbi \n$',
      ),
    );
  });

  it('a --net=host nginx listens on the host itself, as its master process', () => {
    const r = last(['docker run -d --net=host nginx:1.22.1', 'netstat -tlnp | grep nginx']);
    expect(r.stdout).toMatch(
      /^tcp {8}0 {6}0 0\.0\.0\.0:80 {14}0\.0\.0\.0:\* {15}LISTEN {6}(\d+)\/nginx: master {2}\ntcp6 {7}0 {6}0 :::80 {19}:::\* {20}LISTEN {6}\1\/nginx: master {2}\n$/,
    );
  });

  it('busybox netstat beside a container:x donor shows its server, the process as -', () => {
    const setup = ['docker run -d --name web httpd', 'docker pull busybox'];
    expect(
      last([...setup, 'docker run --rm --network container:web busybox netstat -nltp']).stdout,
    ).toBe(
      `${HEAD}tcp        0      0 :::80                   :::*                    LISTEN      -\n`,
    );
    // Debian-based images ship neither net-tools nor iproute2.
    expect(
      last(['docker run -d --name cache redis', 'docker exec cache netstat -nlt']),
    ).toMatchObject({ exitCode: 126 });
  });
});

describe('nslookup and getent', () => {
  it('bind-utils nslookup on the host asks its resolver; container names are unknown there', () => {
    expect(last(['nslookup www.baidu.com']).stdout).toBe(
      'Server:\t\t114.114.114.114\nAddress:\t114.114.114.114#53\n\n' +
        'Non-authoritative answer:\nwww.baidu.com\tcanonical name = www.a.shifen.com.\n' +
        'Name:\twww.a.shifen.com\nAddress: 110.242.68.66\n\n',
    );
    expect(last(['docker run -d --name web nginx', 'nslookup web'])).toMatchObject({
      stdout:
        "Server:\t\t114.114.114.114\nAddress:\t114.114.114.114#53\n\n** server can't find web: NXDOMAIN\n\n",
      exitCode: 1,
    });
  });

  it('busybox nslookup on a user network asks 127.0.0.11, also for names it forwards', () => {
    const setup = ['docker pull busybox', 'docker network create mynet'];
    expect(
      last([...setup, 'docker run --rm --network mynet busybox nslookup nosuch']),
    ).toMatchObject({
      stdout:
        'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n' +
        "** server can't find nosuch: NXDOMAIN\n\n** server can't find nosuch: NXDOMAIN\n\n",
      exitCode: 1,
    });
  });

  it('getent hosts reads /etc/hosts first, then DNS; not found is status 2', () => {
    expect(last(['getent hosts localhost']).stdout).toBe(
      '127.0.0.1       localhost localhost.localdomain localhost4 localhost4.localdomain4\n',
    );
    expect(last(['getent hosts nosuch'])).toMatchObject({ stdout: '', exitCode: 2 });
    const linked = [
      'docker run -d --name db redis',
      'docker run -d --name app --link db:database nginx',
      'docker exec app getent hosts database',
    ];
    expect(last(linked).stdout).toMatch(/^172\.17\.0\.2 {6}database [0-9a-f]{12} db\n$/);
  });
});
