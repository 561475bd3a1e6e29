import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

/** Runs a script and returns what the learner sees for each line. */
function run(lines: string[]) {
  const r = replay(lines);
  return { ...r, out: r.transcript.map((t) => t.stdout), err: r.transcript.map((t) => t.stderr) };
}

const last = <T>(xs: T[]): T => xs[xs.length - 1];

const inspect = (stdout: string) =>
  JSON.parse(stdout) as {
    Name: string;
    IPAM: { Config: Record<string, string>[] };
    Containers: Record<string, { Name: string; IPv4Address: string; MacAddress: string }>;
  }[];

describe('docker network ls', () => {
  it('lists the predefined networks as a docker-cli table sorted by name', () => {
    const { out, world } = run(['docker network ls']);
    const ids = Object.fromEntries(
      [...hostOf(world).docker.networks.values()].map((n) => [n.name, n.id.slice(0, 12)]),
    );
    expect(out[0]).toBe(
      'NETWORK ID     NAME      DRIVER    SCOPE\n' +
        `${ids.bridge}   bridge    bridge    local\n` +
        `${ids.host}   host      host      local\n` +
        `${ids.none}   none      null      local\n`,
    );
  });

  it('sorts names naturally and filters, quiet or formatted', () => {
    const { out } = run([
      'docker network create net10',
      'docker network create net9',
      'docker network ls --format "{{.Name}} {{.Driver}}"',
      'docker network ls -q --filter name=net1',
      'docker network ls -f driver=null --format "table {{.Name}}"',
    ]);
    expect(out[2]).toBe('bridge bridge\nhost host\nnet9 bridge\nnet10 bridge\nnone null\n');
    expect(out[3]).toBe(`${out[0].slice(0, 12)}\n`);
    expect(out[4]).toBe('NAME\nnone\n');
  });

  it('rejects a filter without = as a flag error and an unknown key in the daemon', () => {
    const { err, transcript } = run(['docker network ls -f foo', 'docker network ls -f foo=1']);
    expect(err[0]).toBe(
      'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)\n' +
        "See 'docker network ls --help'.\n",
    );
    expect(transcript[0].exitCode).toBe(125);
    expect(err[1]).toBe("Error response from daemon: invalid filter 'foo'\n");
  });
});

describe('docker network create: default address pools (moby v27 first-fit)', () => {
  const subnetOf = (stdout: string) => inspect(stdout)[0].IPAM.Config[0];

  it('gives 172.18 then 172.19, and reuses 172.18 after rm', () => {
    const { out } = run([
      'docker network create a1',
      'docker network create a2',
      'docker network inspect a1',
      'docker network inspect a2',
      'docker network rm a1',
      'docker network create a3',
      'docker network inspect a3',
    ]);
    expect(out[0]).toMatch(/^[0-9a-f]{64}\n$/);
    expect(subnetOf(out[2])).toEqual({ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' });
    expect(subnetOf(out[3])).toEqual({ Subnet: '172.19.0.0/16', Gateway: '172.19.0.1' });
    expect(out[4]).toBe('a1\n');
    expect(subnetOf(out[6])).toEqual({ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' });
  });

  it('moves on to 192.168.0.0/20 after 172.31', () => {
    const creates = Array.from({ length: 15 }, (_, i) => `docker network create n${i}`);
    const { out } = run([...creates, 'docker network inspect n13 n14']);
    const [n13, n14] = inspect(last(out));
    expect(n13.IPAM.Config[0]).toEqual({ Subnet: '172.31.0.0/16', Gateway: '172.31.0.1' });
    expect(n14.IPAM.Config[0]).toEqual({ Subnet: '192.168.0.0/20', Gateway: '192.168.0.1' });
  });

  it('shows only the Subnet when --subnet came without --gateway (seed 002 net0)', () => {
    const { out } = run([
      'docker network create -d bridge --subnet 172.100.0.0/16 net0',
      'docker network inspect net0',
      'docker network inspect -f "{{range .IPAM.Config}}[{{.Gateway}}]{{end}}" net0',
    ]);
    expect(out[1]).toContain(
      '            "Config": [\n                {\n                    "Subnet": "172.100.0.0/16"\n                }\n            ]',
    );
    expect(out[2]).toBe('[]\n');
  });
});

describe('docker network create: errors', () => {
  it.each([
    [
      'docker network create bridge',
      'Error response from daemon: operation is not permitted on predefined bridge network \n',
    ],
    [
      'docker network create host',
      'Error response from daemon: operation is not permitted on predefined host network \n',
    ],
    [
      'docker network create --subnet 10.9.0.0/24 --subnet 10.10.0.0/24 x',
      "Error response from daemon: bridge driver doesn't support multiple subnets\n",
    ],
    [
      'docker network create --subnet foo x',
      'Error response from daemon: invalid network config:\ninvalid subnet foo: invalid CIDR block notation\n',
    ],
    [
      'docker network create --subnet 10.1.2.3/16 x',
      'Error response from daemon: invalid network config:\ninvalid subnet 10.1.2.3/16: it should be 10.1.0.0/16\n',
    ],
    [
      'docker network create --subnet 10.1.0.0/16 --gateway 10.2.0.1 x',
      'no matching subnet for gateway 10.2.0.1\n',
    ],
    [
      'docker network create --gateway 10.2.0.1 x',
      'every ip-range or gateway must have a corresponding subnet\n',
    ],
    [
      'docker network create --subnet 172.17.0.0/24 x',
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    ],
    [
      'docker network create -d overlay x',
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    ],
  ])('%s', (line, stderr) => {
    const { err, transcript } = run([line]);
    expect(err[0]).toBe(stderr);
    expect(transcript[0].exitCode).toBe(1);
  });

  it('refuses a duplicate name and an unknown driver', () => {
    const { err } = run([
      'docker network create mynet',
      'docker network create mynet',
      'docker network create -d weave mv',
    ]);
    expect(err[1]).toBe('Error response from daemon: network with name mynet already exists\n');
    expect(err[2]).toBe('Error response from daemon: plugin "weave" not found\n');
  });

  it('frames usage and flag errors as docker-cli 27 does', () => {
    const { err, transcript } = run(['docker network create', 'docker network create --bogus x']);
    expect(err[0]).toBe(
      '"docker network create" requires exactly 1 argument.\n' +
        "See 'docker network create --help'.\n\n" +
        'Usage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n',
    );
    expect(transcript[0].exitCode).toBe(1);
    expect(err[1]).toBe("unknown flag: --bogus\nSee 'docker network create --help'.\n");
    expect(transcript[1].exitCode).toBe(125);
  });
});

describe('seed 000: a user network, two containers, and connect', () => {
  const script = [
    'docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet',
    'docker run -d -P --name tomcat-net-01 --net mynet busybox sleep 3600',
    'docker run -d -P --name tomcat-net-02 --net mynet busybox sleep 3600',
    'docker run -d -P --name tomcat01 busybox sleep 3600',
    'docker network connect mynet tomcat01',
    'docker network inspect mynet',
    'docker exec tomcat01 ip addr',
  ];

  it('hands out .2 and .3, then .4 to tomcat01 on its second interface eth1', () => {
    const { out, err } = run(script);
    expect(out[4]).toBe('');
    expect(err[4]).toBe('');
    const [mynet] = inspect(out[5]);
    expect(mynet.IPAM.Config).toEqual([{ Subnet: '192.168.0.0/16', Gateway: '192.168.0.1' }]);
    const byName = Object.fromEntries(
      Object.values(mynet.Containers).map((c) => [c.Name, c.IPv4Address]),
    );
    expect(byName).toEqual({
      'tomcat-net-01': '192.168.0.2/16',
      'tomcat-net-02': '192.168.0.3/16',
      tomcat01: '192.168.0.4/16',
    });
    expect(out[6]).toMatch(/eth1@if\d+:.*\n.*02:42:c0:a8:00:04[^]*inet 192\.168\.0\.4\/16/);
  });

  it('prints the JSON with 4-space indentation and the API key order', () => {
    const { out } = run(script);
    const keys = [...out[5].matchAll(/^ {8}"(\w+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual(
      [
        'Name',
        'Id',
        'Created',
        'Scope',
        'Driver',
        'EnableIPv6',
        'IPAM',
        'Internal',
        'Attachable',
        'Ingress',
        'ConfigFrom',
        'Containers',
        'Options',
        'Labels',
      ].flatMap((k) => (k === 'Containers' ? ['ConfigOnly', k] : [k])),
    );
    expect(out[5]).toMatch(
      /^\[\n {4}\{\n {8}"Name": "mynet",\n {8}"Id": "[0-9a-f]{64}",\n {8}"Created": "2026-01-15T08:00:\d\d(\.\d+)?Z",/,
    );
  });

  it('runs -f templates on each network, one line each', () => {
    const { out } = run([
      ...script.slice(0, 5),
      'docker network inspect -f "{{range .IPAM.Config}}{{.Subnet}}{{end}}" mynet bridge',
      'docker network inspect -f "{{len .Containers}} {{.Name}}" mynet',
      "docker network inspect -f '{{json .Containers}}' bridge",
    ]);
    expect(out[5]).toBe('192.168.0.0/16\n172.17.0.0/16\n');
    expect(out[6]).toBe('3 mynet\n');
    expect(out[7]).toMatch(
      /^\{"[0-9a-f]{64}":\{"Name":"tomcat01","EndpointID":"[0-9a-f]{64}","MacAddress":"02:42:ac:11:00:02","IPv4Address":"172.17.0.2\/16","IPv6Address":""\}\}\n$/,
    );
  });
});

describe('docker network inspect: errors', () => {
  it('prints [] and the daemon error for an unknown network', () => {
    const { out, err, transcript } = run(['docker network inspect foo']);
    expect(out[0]).toBe('[]\n');
    expect(err[0]).toBe('Error response from daemon: network foo not found\n');
    expect(transcript[0].exitCode).toBe(1);
  });

  it('reports template parse errors with exit 64 and missing keys from the raw fallback', () => {
    const { out, err, transcript } = run([
      'docker network inspect -f "{{.Name" bridge',
      'docker network inspect -f "{{.Id}}{{.Nope}}" bridge',
    ]);
    expect(err[0]).toBe('template parsing error: template: :1: unclosed action\n');
    expect(transcript[0].exitCode).toBe(64);
    expect(out[1]).toBe('\n');
    expect(err[1]).toBe(
      'template parsing error: template: :1:9: executing "" at <.Nope>: map has no entry for key "Nope"\n',
    );
  });
});

describe('docker network rm', () => {
  it('removes each network in turn and reports each failure', () => {
    const { out, err, transcript } = run([
      'docker network create mynet',
      'docker network create other',
      'docker run -d --name web --network mynet busybox sleep 3600',
      'docker network rm other bridge mynet nosuch',
      'docker network rm -f nosuch',
    ]);
    const id = out[0].trim();
    expect(out[3]).toBe('other\n');
    expect(err[3]).toBe(
      'Error response from daemon: bridge is a pre-defined network and cannot be removed\n' +
        `Error response from daemon: error while removing network: network mynet id ${id} has active endpoints\n` +
        'Error response from daemon: network nosuch not found\n',
    );
    expect(transcript[3].exitCode).toBe(1);
    expect(transcript[4].exitCode).toBe(0);
  });

  it('allows removal once the only container is stopped', () => {
    const { out } = run([
      'docker network create mynet',
      'docker run -d --name web --network mynet busybox sleep 3600',
      'docker stop web',
      'docker network remove mynet',
    ]);
    expect(out[3]).toBe('mynet\n');
  });
});
