import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { displayablePorts } from './ports-format';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker ps', () => {
  it('lists running containers newest first with docker-cli columns', () => {
    const r = last([
      'docker run -d --name web -p 8080:80 nginx',
      'docker run -d -P --name tomcat01 tomcat',
      'docker ps',
    ]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                           NAMES',
    );
    expect(lines[1]).toMatch(
      /^[0-9a-f]{12} {3}tomcat {4}"catalina\.sh run" {8}\d+ seconds ago {3}Up \d+ seconds {3}0\.0\.0\.0:32768->8080\/tcp, \[::\]:32768->8080\/tcp {3}tomcat01$/,
    );
    expect(lines[2]).toContain('"/docker-entrypoint.…"');
    expect(lines[2]).toContain('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(lines[2]).toMatch(/ web$/);
  });

  it('the empty table is just the header', () => {
    expect(last(['docker ps']).stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });

  it('-a shows stopped containers with their exit status and no ports', () => {
    const r = last([
      'docker run -d -P --name tomcat01 tomcat',
      'docker stop tomcat01',
      'docker create --name later nginx',
      'docker ps -a',
    ]);
    const [, created, stopped] = r.stdout.split('\n');
    expect(created).toMatch(/ {3}Created {3}.* later$/);
    expect(stopped).toMatch(/Exited \(143\) \d+ seconds ago {3}/);
    expect(stopped).not.toContain('->');
  });

  it('an exposed but unpublished port shows as 80/tcp; same-port groups keep the v27 :::', () => {
    const r = last([
      'docker run -d --name web1 nginx',
      'docker run -d --name web2 -p 80:80 nginx',
      'docker ps --format "{{.Names}} {{.Ports}}"',
    ]);
    expect(r.stdout).toBe('web2 0.0.0.0:80->80/tcp, :::80->80/tcp\nweb1 80/tcp\n');
  });

  it('-q, -aq and --no-trunc', () => {
    const { transcript } = replay([
      'docker run -d --name web nginx',
      'docker ps -q',
      'docker ps --no-trunc',
    ]);
    const id = transcript[0].stdout.trim();
    expect(transcript[1].stdout).toBe(`${id.slice(0, 12)}\n`);
    expect(transcript[2].stdout).toContain(
      `${id}   nginx     "/docker-entrypoint.sh nginx -g 'daemon off;'"`,
    );
  });

  it('filters by name and status', () => {
    const r = last([
      'docker run -d --name web nginx',
      'docker run -d --name db redis',
      'docker stop db',
      'docker ps -a -f status=exited --format "{{.Names}}"',
    ]);
    expect(r.stdout).toBe('db\n');
    expect(last(['docker run -d --name web nginx', 'docker ps -q -f name=nope']).stdout).toBe('');
  });

  it('rejects arguments and unknown flags like docker-cli', () => {
    expect(last(['docker ps foo'])).toMatchObject({
      stderr:
        '"docker ps" accepts no arguments.\nSee \'docker ps --help\'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers\n',
      exitCode: 1,
    });
    expect(last(['docker ps -z'])).toMatchObject({
      stderr: "unknown shorthand flag: 'z' in -z\nSee 'docker ps --help'.\n",
      exitCode: 125,
    });
  });
});

describe('PORTS column (docker/cli v27.5 DisplayablePorts)', () => {
  const p = (ip: string, privatePort: number, publicPort = 0, type = 'tcp') => ({
    ip,
    privatePort,
    publicPort,
    type,
  });
  it('groups consecutive same-numbered ports per IP, then lists remapped ones', () => {
    expect(
      displayablePorts([
        p('0.0.0.0', 8000, 8000),
        p('0.0.0.0', 8001, 8001),
        p('0.0.0.0', 8002, 8002),
        p('', 3306),
        p('::', 9000, 32768),
        p('0.0.0.0', 9000, 32768),
      ]),
    ).toBe(
      '3306/tcp, 0.0.0.0:8000-8002->8000-8002/tcp, 0.0.0.0:32768->9000/tcp, [::]:32768->9000/tcp',
    );
  });
  it('mysql with -p 3306:3306 (seed 004 shape)', () => {
    expect(displayablePorts([p('0.0.0.0', 3306, 3306), p('::', 3306, 3306), p('', 33060)])).toBe(
      '0.0.0.0:3306->3306/tcp, :::3306->3306/tcp, 33060/tcp',
    );
  });
});
