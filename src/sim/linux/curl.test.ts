import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import type { TraceEvent } from '../packet/trace';
import { max5 } from './curl';
import { progressLine } from './wget';
import { traced } from './testing';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

describe('curl on the CentOS host (curl 7.76.1)', () => {
  it('reaches a published port through the host IP: the trace shows the DNAT and its undoing', () => {
    const r = traced(['docker run -d --name web -p 8080:80 nginx', 'curl -s 10.0.2.15:8080']);
    expect(r.output.stdout).toContain('<title>Welcome to nginx!</title>');
    const events = r.trace!.events;
    const dnat = events.find(
      (e): e is Extract<TraceEvent, { kind: 'netfilter' }> =>
        e.kind === 'netfilter' && e.verdict === 'DNAT',
    );
    expect(dnat?.hook).toBe('OUTPUT');
    expect(dnat?.matches.at(-1)?.rule).toBe(
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
    const undnat = events.find((e) => e.kind === 'conntrack' && e.direction === 'reply' && e.nat);
    expect(undnat?.kind === 'conntrack' && undnat.nat?.kind).toBe('un-dnat');
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'delivered', direction: 'request', address: '172.17.0.2' }),
    );
    expect(r.trace!.verdict).toBe('delivered');
  });

  it('reaches 127.0.0.1:PORT through docker-proxy, which dials the container', () => {
    const r = traced([
      'docker run -d -p 8080:80 nginx',
      'curl -s -o /dev/null -w "%{http_code}" 127.0.0.1:8080',
    ]);
    expect(r.output.stdout).toBe('200');
    const delivered = r.trace!.events.filter(
      (e) => e.kind === 'delivered' && e.direction === 'request',
    );
    expect(delivered.map((e) => (e.kind === 'delivered' ? e.process : undefined))).toEqual([
      expect.objectContaining({ kind: 'listener', comm: 'docker-proxy', address: '0.0.0.0:8080' }),
      expect.objectContaining({ kind: 'listener', comm: 'nginx', address: '0.0.0.0:80' }),
    ]);
  });

  it('says Connection refused when nothing listens, with exit status 7', () => {
    expect(last(['docker run -d nginx', 'curl 172.17.0.2:81'])).toMatchObject({
      stdout: '',
      stderr: 'curl: (7) Failed to connect to 172.17.0.2 port 81: Connection refused\n',
      exitCode: 7,
    });
  });

  it('says Could not resolve host (6); -s silences it, -sS does not', () => {
    expect(last(['curl nosuch'])).toMatchObject({
      stderr: 'curl: (6) Could not resolve host: nosuch\n',
      exitCode: 6,
    });
    expect(last(['curl -s nosuch'])).toMatchObject({ stderr: '', exitCode: 6 });
    expect(last(['curl -sS nosuch']).stderr).toBe('curl: (6) Could not resolve host: nosuch\n');
  });

  it('times out when a rule drops the SYN: the kernel gives up (7, 7.76.1) or --connect-timeout does (28)', () => {
    // Locally sent: the DNATed SYN meets filter OUTPUT (not FORWARD, so DOCKER-USER would not see it).
    const drop = 'iptables -I OUTPUT -p tcp --dport 80 -j DROP';
    const r = last(['docker run -d --name web -p 8080:80 nginx', drop, 'curl 10.0.2.15:8080']);
    expect(r.stderr).toBe(
      'curl: (7) Failed to connect to 10.0.2.15 port 8080: Connection timed out\n',
    );
    expect(r.exitCode).toBe(7);
    const t = last([
      'docker run -d --name web -p 8080:80 nginx',
      drop,
      'curl --connect-timeout 3 10.0.2.15:8080',
    ]);
    expect(t).toMatchObject({
      stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n',
      exitCode: 28,
    });
  });

  it('prints the progress meter on stderr when the body goes to a file', () => {
    const r = last(['docker run -d nginx', 'curl -o /dev/null 172.17.0.2']);
    expect(r.stderr).toMatch(
      /^ {2}% Total {4}% Received % Xferd {2}Average Speed {3}Time {4}Time {5}Time {2}Current\n {33}Dload {2}Upload {3}Total {3}Spent {4}Left {2}Speed\n100 {3}615 {2}100 {3}615 {4}0 {5}0 {2}[ \d]{4}k {6}0 --:--:-- --:--:-- --:--:-- [ \d]{4}k\n$/,
    );
    expect([max5(615), max5(629760), max5(12_000_000)]).toEqual(['  615', ' 615k', '11.4M']);
  });

  it('answers Apache, Tomcat and redis as those servers do', () => {
    expect(last(['docker run -d httpd', 'curl -s 172.17.0.2']).stdout).toBe(
      '<html><body><h1>It works!</h1></body></html>\n',
    );
    expect(
      last(['docker run -d tomcat', 'curl -s -w "%{http_code}" 172.17.0.2:8080']).stdout,
    ).toMatch(
      /<h1>HTTP Status 404 – Not Found<\/h1>.*<h3>Apache Tomcat\/11\.0\.2<\/h3><\/body><\/html>404$/,
    );
    expect(last(['docker run -d redis', 'curl 172.17.0.2:6379'])).toMatchObject({
      stderr: 'curl: (52) Empty reply from server\n',
      exitCode: 52,
    });
  });
});

describe('curl in containers (Debian bookworm 7.88.1 wording)', () => {
  it('resolves container names on a user-defined network, not on the default bridge', () => {
    const setup = [
      'docker network create mynet',
      'docker run -d --name web --network mynet nginx',
      'docker run -d --name client --network mynet nginx',
      'docker run -d --name lonely nginx',
    ];
    expect(last([...setup, 'docker exec client curl -sI web']).stdout).toMatch(
      /^HTTP\/1\.1 200 OK\n/,
    );
    expect(last([...setup, 'docker exec lonely curl web'])).toMatchObject({
      stderr: 'curl: (6) Could not resolve host: web\n',
      exitCode: 6,
    });
    expect(last([...setup, 'docker exec client curl web:81'])).toMatchObject({
      stderr: "curl: (7) Failed to connect to web port 81 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
  });
});

describe('busybox wget', () => {
  const setup = [
    'docker pull busybox',
    'docker network create mynet',
    'docker run -d --name web --network mynet nginx',
  ];

  it('prints the page with -qO- and saves index.html otherwise', () => {
    expect(
      last([...setup, 'docker run --rm --network mynet busybox wget -qO- web']).stdout,
    ).toContain('<h1>Welcome to nginx!</h1>');
    expect(last([...setup, 'docker run --rm --network mynet busybox wget web'])).toMatchObject({
      stdout: '',
      stderr:
        'Connecting to web (172.18.0.2:80)\n' +
        "saving to 'index.html'\n" +
        `index.html           100% |${'*'.repeat(31)}|   615  --:--:-- ETA\n` +
        "'index.html' saved\n",
      exitCode: 0,
    });
    expect(progressLine('-', 123456)).toBe(
      `-                    100% |${'*'.repeat(31)}|   120k --:--:-- ETA\n`,
    );
  });

  it('fails as busybox does: bad address, refused, server error', () => {
    expect(last([...setup, 'docker run --rm busybox wget -qO- web'])).toMatchObject({
      stderr: "wget: bad address 'web'\n",
      exitCode: 1,
    });
    expect(
      last([...setup, 'docker run --rm --network mynet busybox wget -qO- web:81']).stderr,
    ).toBe("wget: can't connect to remote host (172.18.0.2): Connection refused\n");
    expect(
      last([...setup, 'docker run --rm --network mynet busybox wget -qO- web/nope']).stderr,
    ).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
  });
});
