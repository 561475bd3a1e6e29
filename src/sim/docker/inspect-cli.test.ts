/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- docker's JSON is untyped */
import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;
const inspect = (lines: string[]) => {
  const r = last(lines);
  return JSON.parse(r.stdout) as Record<string, any>[];
};

describe('docker inspect <container>', () => {
  it('seed 000: tomcat03 records its legacy link', () => {
    const lines = [
      'docker run -d -P --name tomcat02 tomcat',
      'docker run -d -P --name tomcat03 --link tomcat02 tomcat',
    ];
    const [c] = inspect([...lines, 'docker inspect tomcat03']);
    expect(c.HostConfig.Links).toEqual(['/tomcat02:/tomcat03/tomcat02']);
    expect(last([...lines, "docker inspect -f '{{.HostConfig.Links}}' tomcat03"]).stdout).toBe(
      '[/tomcat02:/tomcat03/tomcat02]\n',
    );
  });

  it('prints a 4-space indented array with v27 key order', () => {
    const r = last(['docker run -d --name web -p 8080:80 nginx', 'docker inspect web']);
    expect(r.stdout.startsWith('[\n    {\n        "Id": "')).toBe(true);
    const [c] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Object.keys(c)).toEqual([
      'Id',
      'Created',
      'Path',
      'Args',
      'State',
      'Image',
      'ResolvConfPath',
      'HostnamePath',
      'HostsPath',
      'LogPath',
      'Name',
      'RestartCount',
      'Driver',
      'Platform',
      'MountLabel',
      'ProcessLabel',
      'AppArmorProfile',
      'ExecIDs',
      'HostConfig',
      'GraphDriver',
      'Mounts',
      'Config',
      'NetworkSettings',
    ]);
    const ns = c.NetworkSettings as Record<string, any>;
    expect(ns.Ports).toEqual({
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
    });
    expect([ns.IPAddress, ns.MacAddress, ns.Gateway]).toEqual([
      '172.17.0.2',
      '02:42:ac:11:00:02',
      '172.17.0.1',
    ]);
    expect(Object.keys(ns.Networks.bridge)).toEqual([
      'IPAMConfig',
      'Links',
      'Aliases',
      'MacAddress',
      'DriverOpts',
      'NetworkID',
      'EndpointID',
      'Gateway',
      'IPAddress',
      'IPPrefixLen',
      'IPv6Gateway',
      'GlobalIPv6Address',
      'GlobalIPv6PrefixLen',
      'DNSNames',
    ]);
    expect(ns.Networks.bridge.DNSNames).toBeNull();
  });

  it('-f reaches the pid and the addresses', () => {
    const { world, transcript } = replay([
      'docker run -d --name web nginx',
      'docker inspect -f "{{.State.Pid}}|{{.NetworkSettings.IPAddress}}|{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}" web',
    ]);
    const pid = Object.values(world.hosts)[0].docker.containers.get(transcript[0].stdout.trim())!
      .state.pid;
    expect(transcript[1].stdout).toBe(`${pid}|172.17.0.2|172.17.0.2\n`);
  });

  it('a stopped container keeps its network but no address', () => {
    const [c] = inspect([
      'docker run -d --name web nginx',
      'docker stop web',
      'docker inspect web',
    ]);
    expect(c.State).toMatchObject({ Status: 'exited', Running: false, Pid: 0, ExitCode: 0 });
    expect(c.NetworkSettings).toMatchObject({ IPAddress: '', SandboxKey: '', Ports: {} });
    expect(c.NetworkSettings.Networks.bridge).toMatchObject({
      IPAddress: '',
      EndpointID: '',
      MacAddress: '',
    });
    expect(c.NetworkSettings.Networks.bridge.NetworkID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('user networks: DNSNames (v25+ order) and aliases; container: mode has no networks', () => {
    const [c, joiner] = inspect([
      'docker network create mynet',
      'docker run -d --name web --net mynet --network-alias www nginx',
      'docker run -d --name side --net container:web busybox sleep 1000',
      'docker inspect web side',
    ]);
    const ep = c.NetworkSettings.Networks.mynet;
    expect(ep.Aliases).toEqual(['www']);
    expect(ep.DNSNames).toEqual(['web', 'www', c.Id.slice(0, 12)]);
    expect(ep.IPAddress).toBe('172.18.0.2');
    expect(c.NetworkSettings.IPAddress).toBe('');
    expect(joiner.HostConfig.NetworkMode).toBe(`container:${c.Id}`);
    expect(joiner.NetworkSettings.Networks).toEqual({});
    expect(joiner.HostsPath).toBe(`/var/lib/docker/containers/${c.Id}/hosts`);
  });

  it('host mode: an endpoint without addresses', () => {
    const [c] = inspect([
      'docker run -d --name hostweb --net host nginx',
      'docker inspect hostweb',
    ]);
    expect(c.NetworkSettings.Networks.host).toMatchObject({
      IPAddress: '',
      MacAddress: '',
      Gateway: '',
    });
    expect(c.NetworkSettings.SandboxKey).toBe('/var/run/docker/netns/default');
  });
});

describe('docker inspect lookups', () => {
  it('unknown names: [] on stdout, the error on stderr, exit 1', () => {
    expect(last(['docker inspect nosuch'])).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error: No such object: nosuch\n',
      exitCode: 1,
    });
  });

  it('found objects print, errors for the rest follow', () => {
    const r = last(['docker run -d --name web nginx', 'docker inspect -f "{{.Name}}" web nosuch']);
    expect(r).toMatchObject({
      stdout: '/web\n',
      stderr: 'Error: No such object: nosuch\n',
      exitCode: 1,
    });
  });

  it('falls through to images and networks', () => {
    const { transcript } = replay([
      'docker pull tomcat',
      'docker inspect -f "{{.RepoTags}} {{.Config.Cmd}} {{.Config.ExposedPorts}}" tomcat',
      'docker inspect -f "{{.Name}} {{.Driver}}" bridge',
    ]);
    expect(transcript[1].stdout).toBe('[tomcat:latest] [catalina.sh run] map[8080/tcp:{}]\n');
    expect(transcript[2].stdout).toBe('bridge bridge\n');
  });

  it('rejects an unknown --type and a broken template', () => {
    expect(last(['docker inspect --type foo x']).stderr).toBe(
      '"foo" is not a valid value for --type\n',
    );
    expect(last(['docker inspect -f "{{.Name" x']).exitCode).toBe(64);
  });
});
