import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;
const STAMP = '\\[15/Jan/2026:08:0\\d:\\d\\d \\+0000\\]';

describe('web servers’ access logs show where each request came from', () => {
  const web = 'docker run -d -p 8080:80 --name web nginx';

  it('the host through the published port: docker-proxy connects from the bridge gateway', () => {
    const r = last([web, 'curl -s localhost:8080 -o /dev/null', 'docker logs --tail 1 web']);
    expect(r.stdout).toMatch(
      new RegExp(
        `^172\\.17\\.0\\.1 - - ${STAMP} "GET / HTTP/1\\.1" 200 615 "-" "curl/7\\.76\\.1" "-"\\n$`,
      ),
    );
  });

  it('another container by IP: its own address, its own user agent', () => {
    const r = last([
      web,
      'docker run --rm busybox wget -q -O /dev/null http://172.17.0.2/',
      'docker logs --tail 1 web',
    ]);
    expect(r.stdout).toMatch(
      new RegExp(`^172\\.17\\.0\\.3 - - ${STAMP} "GET / HTTP/1\\.1" 200 615 "-" "Wget" "-"\\n$`),
    );
  });

  it('a LAN machine through DNAT: its address survives the NAT', () => {
    const r = last([
      web,
      'ssh 10.0.2.20 curl -s -o /dev/null http://10.0.2.15:8080/nope',
      'docker logs --tail 1 web',
    ]);
    expect(r.stdout).toMatch(
      new RegExp(
        `^10\\.0\\.2\\.20 - - ${STAMP} "GET /nope HTTP/1\\.1" 404 153 "-" "curl/7\\.76\\.1" "-"\\n$`,
      ),
    );
  });

  it('is written in order with everything else, and replays the same', () => {
    const lines = [
      web,
      'curl -sI localhost:8080',
      'curl -s localhost:8080 -o /dev/null',
      'docker logs web',
    ];
    const a = replay(lines).transcript.at(-1)!;
    expect(a).toEqual(replay(lines).transcript.at(-1));
    const tail = a.stdout.split('\n').slice(-3, -1);
    expect(tail[0]).toMatch(/"HEAD \/ HTTP\/1\.1" 200 0 /);
    expect(tail[1]).toMatch(/"GET \/ HTTP\/1\.1" 200 615 /);
  });

  it('httpd logs the common format, `-` for a body it did not send', () => {
    const r = last([
      'docker run -d -p 8081:80 --name ap httpd',
      'curl -s localhost:8081 -o /dev/null',
      'curl -sI localhost:8081',
      'docker logs ap',
    ]);
    expect(r.stdout).toMatch(
      new RegExp(
        `^172\\.17\\.0\\.1 - - ${STAMP} "GET / HTTP/1\\.1" 200 45\\n172\\.17\\.0\\.1 - - ${STAMP} "HEAD / HTTP/1\\.1" 200 -\\n$`,
      ),
    );
  });
});
