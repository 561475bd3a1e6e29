import { describe, expect, it } from 'vitest';
import { hostOf } from '../world';
import { addNetwork, containerId, execIn, lab, onHost } from './testing';

const DEFAULTS =
  '127.0.0.1\tlocalhost\n' +
  '::1\tlocalhost ip6-localhost ip6-loopback\n' +
  'fe00::0\tip6-localnet\n' +
  'ff00::0\tip6-mcastprefix\n' +
  'ff02::1\tip6-allnodes\n' +
  'ff02::2\tip6-allrouters\n';

describe('/etc/hosts', () => {
  it('a --link container has the linked child, then its own entry (seed 000)', () => {
    const w = lab([
      'docker run -dit --name tomcat01 busybox',
      'docker run -dit --name tomcat02 busybox',
      'docker run -dit --name tomcat03 --link tomcat02 busybox',
    ]);
    const t02 = containerId(w, 'tomcat02').slice(0, 12);
    const t03 = containerId(w, 'tomcat03').slice(0, 12);
    expect(execIn(w, 'tomcat03', ['cat', '/etc/hosts']).stdout).toBe(
      `${DEFAULTS}172.17.0.3\ttomcat02 ${t02}\n172.17.0.4\t${t03}\n`,
    );
    // The link is one-way: tomcat02 knows nothing of tomcat03.
    expect(execIn(w, 'tomcat02', ['cat', '/etc/hosts']).stdout).toBe(
      `${DEFAULTS}172.17.0.3\t${t02}\n`,
    );
  });

  it('an aliased link adds the child name after its hostname', () => {
    const w = lab([
      'docker run -dit --name db busybox',
      'docker run -dit --name web --link db:webdb busybox',
    ]);
    const db = containerId(w, 'db').slice(0, 12);
    expect(execIn(w, 'web', ['cat', '/etc/hosts']).stdout).toContain(
      `172.17.0.2\twebdb ${db} db\n`,
    );
  });

  it('a user-network container lists only itself; --add-host comes first, domainname as h.d h', () => {
    let w = addNetwork(lab([]), 'wp-net');
    w = onHost(
      w,
      'docker run -dit --name c1 --network wp-net --add-host db.local:10.0.2.20 --hostname app --domainname example.com busybox',
    ).world;
    expect(execIn(w, 'c1', ['cat', '/etc/hosts']).stdout).toBe(
      `${DEFAULTS}10.0.2.20\tdb.local\n172.18.0.2\tapp.example.com app\n`,
    );
    expect(execIn(w, 'c1', ['cat', '/etc/hostname']).stdout).toBe('app\n');
    expect(execIn(w, 'c1', ['hostname']).stdout).toBe('app\n');
  });

  it('--network host copies the host file; container: shares the donor file', () => {
    const w = lab([
      'docker run -dit --name h1 --network host busybox',
      'docker run -dit --name d1 busybox',
      'docker run -dit --name j1 --network container:d1 busybox',
    ]);
    expect(execIn(w, 'h1', ['cat', '/etc/hosts']).stdout).toBe(hostOf(w).files['/etc/hosts']);
    expect(execIn(w, 'h1', ['hostname']).stdout).toBe('docker-host\n');
    expect(execIn(w, 'j1', ['cat', '/etc/hosts']).stdout).toBe(
      execIn(w, 'd1', ['cat', '/etc/hosts']).stdout,
    );
  });

  it('a missing file fails like cat does', () => {
    const w = lab(['docker run -dit --name b1 busybox', 'docker run -dit --name c1 centos']);
    expect(onHost(w, 'cat /x').output).toEqual({
      stdout: '',
      stderr: 'cat: /x: No such file or directory\n',
      exitCode: 1,
    });
    expect(execIn(w, 'c1', ['cat', '/x']).stderr).toBe('cat: /x: No such file or directory\n');
    expect(execIn(w, 'b1', ['cat', '/x']).stderr).toBe(
      "cat: can't open '/x': No such file or directory\n",
    );
  });
});
