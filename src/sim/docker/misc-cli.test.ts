import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker port', () => {
  it('-P hands out 32768, 32769, … and lists both address families', () => {
    const { transcript } = replay([
      'docker run -d -P --name tomcat01 tomcat',
      'docker run -d -P --name tomcat02 tomcat',
      'docker port tomcat01',
      'docker port tomcat02 8080',
    ]);
    expect(transcript[2].stdout).toBe('8080/tcp -> 0.0.0.0:32768\n8080/tcp -> [::]:32768\n');
    expect(transcript[3].stdout).toBe('0.0.0.0:32769\n[::]:32769\n');
  });

  it('sorts naturally and reports an unpublished port as typed', () => {
    const { transcript } = replay([
      'docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret -p 8080:3306 -p 33060:33060 mysql:5.7',
      'docker port db',
      'docker port db 80/tcp',
    ]);
    expect(transcript[1].stdout).toBe(
      '3306/tcp -> 0.0.0.0:8080\n3306/tcp -> [::]:8080\n33060/tcp -> 0.0.0.0:33060\n33060/tcp -> [::]:33060\n',
    );
    expect(transcript[2]).toMatchObject({
      stderr: "Error: No public port '80/tcp' published for db\n",
      exitCode: 1,
    });
  });

  it('a stopped container has no port mappings', () => {
    expect(
      last(['docker run -d -P --name web nginx', 'docker stop web', 'docker port web']),
    ).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
  });
});

describe('docker version', () => {
  it('prints the 27.5.1 client and server blocks', () => {
    const r = last(['docker version']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'Client: Docker Engine - Community',
      ' Version:           27.5.1',
      ' API version:       1.47',
    ]);
    expect(r.stdout).toContain(
      '\n\nServer: Docker Engine - Community\n Engine:\n  Version:          27.5.1\n',
    );
    expect(r.stdout.endsWith('  GitCommit:        de40ad0\n')).toBe(true);
    expect(last(['docker version --format "{{.Server.Version}}"']).stdout).toBe('27.5.1\n');
  });
});
