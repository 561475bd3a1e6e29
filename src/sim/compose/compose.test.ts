import { describe, expect, it } from 'vitest';
import { createWorld, runLine } from '../index';
import type { World } from '../model';
import { hostOf } from '../world';
import { lab } from './testing';
import { LABEL } from './labels';
import { loadProject, normalizeProjectName } from './load';
import { renderProgress, startProgress, emit, done, working } from './progress';

const load = (yaml: string, o: { projectName?: string; pwd?: string } = {}) =>
  loadProject(hostOf(lab(yaml).world), {
    files: [],
    pwd: o.pwd ?? '/root',
    environment: {},
    envFiles: [],
    ...o,
  });

const containers = (w: World) => [...hostOf(w).docker.containers.values()];
const networkNames = (w: World) => [...hostOf(w).docker.networks.values()].map((n) => n.name);

const TWO = `
name: demo
services:
  web:
    image: busybox
    command: sleep 3600
    depends_on: [db]
    ports: ["8080:80", "127.0.0.1:9000-9001:9000-9001/udp"]
  db:
    image: busybox
    command: ["sleep", "3600"]
    environment:
      - A=1
      - B
`;

describe('compose model', () => {
  it('normalizes services as compose-go does: default network, long port syntax, depends_on', () => {
    const r = load(TWO);
    if (!r.ok) throw new Error(r.error.message);
    const { project } = r.value;
    expect(project.name).toBe('demo');
    expect(project.services.map((s) => s.name)).toEqual(['db', 'web']);
    const web = project.services[1];
    expect(web.command).toEqual(['sleep', '3600']);
    expect(web.networks).toEqual([{ key: 'default', aliases: [], priority: 0, bare: true }]);
    expect(web.ports).toEqual([
      { mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' },
      { mode: 'ingress', hostIp: '127.0.0.1', target: 9000, published: '9000', protocol: 'udp' },
      { mode: 'ingress', hostIp: '127.0.0.1', target: 9001, published: '9001', protocol: 'udp' },
    ]);
    expect(web.dependsOn).toEqual([
      { service: 'db', condition: 'service_started', restart: false, required: true },
    ]);
    expect(project.services[0].environment).toEqual({ A: '1', B: null });
    expect(project.networks.map((n) => [n.key, n.name])).toEqual([['default', 'demo_default']]);
  });

  it('names the project from -p, then name:, then the directory, normalized', () => {
    expect(normalizeProjectName('My.App_2')).toBe('myapp_2');
    expect(normalizeProjectName('-_x')).toBe('x');
    const plain = load('services: {web: {image: nginx}}');
    expect(plain.ok && plain.value.project.name).toBe('root');
    const named = load('name: Shop\nservices: {web: {image: nginx}}');
    expect(named.ok && named.value.project.name).toBe('shop');
    const flag = load('name: shop\nservices: {web: {image: nginx}}', { projectName: 'other' });
    expect(flag.ok && flag.value.project.name).toBe('other');
  });

  it('drops declared networks no service uses and names external ones as they are', () => {
    const r = load(`
services:
  web: {image: nginx, networks: [front, outside]}
networks:
  front: {}
  unused: {}
  outside: {external: true}
`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.project.networks.map((n) => [n.key, n.name, n.external])).toEqual([
      ['front', 'root_front', false],
      ['outside', 'outside', true],
    ]);
  });

  it('reports mistakes in compose-go words with their exit codes', () => {
    const message = (yaml: string) => {
      const r = load(yaml);
      return r.ok ? null : [r.error.message, r.error.exitCode];
    };
    expect(message('services:\n  web:\n    image: nginx\n    netwrks: [a]\n')).toEqual([
      'validating /root/compose.yaml: services.web Additional property netwrks is not allowed',
      15,
    ]);
    expect(message('services:\n  web:\n    image: nginx\n    tty: 3\n')).toEqual([
      'validating /root/compose.yaml: services.web.tty must be a boolean or string',
      15,
    ]);
    expect(message('services:\n  web:\n    image: nginx\n    depends_on: [db]\n')).toEqual([
      'service "web" depends on undefined service "db": invalid compose project',
      15,
    ]);
    expect(
      message('services:\n  web:\n    image: nginx\n    network_mode: host\n    networks: [a]\n'),
    ).toEqual([
      'service web declares mutually exclusive `network_mode` and `networks`: invalid compose project',
      15,
    ]);
    expect(message('services:\n  web:\n    image: nginx\n    env_file: web.env\n')).toEqual([
      'env file /root/web.env not found: stat /root/web.env: no such file or directory',
      14,
    ]);
    expect(message('- a\n- b\n')).toEqual(['Top-level object must be a mapping', 15]);
  });

  it('warns that `version` is obsolete', () => {
    const r = load("version: '3.8'\nservices: {web: {image: nginx}}");
    expect(r.ok && r.value.warnings).toEqual([
      '/root/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
    ]);
  });
});

describe('docker compose against the daemon', () => {
  it('creates what docker itself would show, with compose labels and aliases', () => {
    const { world } = lab(TWO, ['docker compose up -d']);
    const web = containers(world).find((c) => c.name === 'demo-web-1')!;
    expect(web.state.status).toBe('running');
    expect(web.config.labels?.[LABEL.project]).toBe('demo');
    expect(web.config.labels?.[LABEL.service]).toBe('web');
    expect(web.config.labels?.[LABEL.number]).toBe('1');
    expect(web.config.labels?.[LABEL.dependsOn]).toBe('db:service_started:false');
    expect(web.endpoints.map((e) => [e.networkName, e.aliases])).toEqual([
      ['demo_default', ['demo-web-1', 'web']],
    ]);
    const net = [...hostOf(world).docker.networks.values()].find((n) => n.name === 'demo_default')!;
    expect(net.labels[LABEL.network]).toBe('default');
    expect(net.labels[LABEL.project]).toBe('demo');
  });

  it('creates dependencies first and removes them last', () => {
    const { outputs } = lab(TWO, [
      'docker compose --progress plain up -d',
      'docker compose --progress plain down',
    ]);
    const order = (text: string, word: string) =>
      text
        .split('\n')
        .filter((l) => l.endsWith(` ${word}`) && l.includes('Container'))
        .map((l) => l.trim().split(/\s+/)[1]);
    expect(order(outputs[0].stderr, 'Created')).toEqual(['demo-db-1', 'demo-web-1']);
    expect(order(outputs[1].stderr, 'Removed')).toEqual(['demo-web-1', 'demo-db-1']);
  });

  it('is idempotent: a second up keeps every container', () => {
    const { world, outputs } = lab(TWO, ['docker compose up -d', 'docker compose up -d']);
    expect(outputs[1].stderr).toContain(' ✔ Container demo-web-1  Running');
    const again = runLine(world, 'docker compose up -d').world;
    expect(containers(again).map((c) => c.id)).toEqual(containers(world).map((c) => c.id));
  });

  it('recreates a container whose service changed, and only that one', () => {
    const first = lab(TWO, ['docker compose up -d']);
    const before = new Map(containers(first.world).map((c) => [c.name, c.id]));
    const changed = lab(
      TWO.replace('command: sleep 3600', 'command: sleep 60'),
      ['docker compose up -d --no-start', 'docker compose up -d'],
      first.world,
    );
    expect(changed.outputs[0].stderr).toContain(' ✔ Container demo-web-1  Recreated');
    expect(changed.outputs[0].stderr).toContain(' ✔ Container demo-db-1   Running');
    // The start that follows a recreate has the last word on the same line, as in compose.
    expect(changed.outputs[1].stderr).toContain(' ✔ Container demo-web-1  Started');
    const after = new Map(containers(changed.world).map((c) => [c.name, c.id]));
    expect(after.get('demo-db-1')).toBe(before.get('demo-db-1'));
    expect(after.get('demo-web-1')).not.toBe(before.get('demo-web-1'));
  });

  it('scales with --scale and deploy.replicas, numbering from 1', () => {
    const { world } = lab(
      'name: s\nservices:\n  w:\n    image: busybox\n    command: sleep 3600\n    deploy: {replicas: 2}\n',
      ['docker compose up -d --scale w=3'],
    );
    expect(
      containers(world)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['s-w-1', 's-w-2', 's-w-3']);
    const down = runLine(world, 'docker compose up -d').world;
    expect(
      containers(down)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['s-w-1', 's-w-2']);
  });

  it('down removes exactly what the project made', () => {
    let w = createWorld();
    for (const l of ['docker network create keep', 'docker run -d --name other busybox sleep 3600'])
      w = runLine(w, l).world;
    const { world } = lab(TWO, ['docker compose up -d', 'docker compose down'], w);
    expect(containers(world).map((c) => c.name)).toEqual(['other']);
    expect(networkNames(world)).toEqual(['bridge', 'host', 'none', 'keep']);
  });
});

describe('compose progress', () => {
  it('lays out the tty frame as compose does on an 80-column terminal', () => {
    const p = startProgress('Running');
    emit(p, working('Network demo_default', 'Creating'));
    emit(p, done('Network demo_default', 'Created'), 100);
    emit(p, working('Container demo-web-1', 'Creating'));
    emit(p, done('Container demo-web-1', 'Started'), 300);
    expect(renderProgress(p, 'tty')).toBe(
      '[+] Running 2/2\n' +
        ` ✔ Network demo_default  Created${' '.repeat(43)}0.1s \n` +
        ` ✔ Container demo-web-1  Started${' '.repeat(43)}0.3s \n`,
    );
    expect(renderProgress(p, 'plain')).toBe(
      ' Network demo_default  Creating\n Network demo_default  Created\n' +
        ' Container demo-web-1  Creating\n Container demo-web-1  Started\n',
    );
  });
});

describe('docker compose top', () => {
  it('prints each running container by name, then its processes as top.go lays them out', () => {
    const { outputs } = lab(TWO, [
      'docker compose up -d',
      'docker compose top',
      'docker compose top db',
    ]);
    const lines = outputs[1].stdout.split('\n');
    expect(lines[0]).toBe('demo-db-1');
    expect(lines[1]).toBe('UID    PID    PPID   C    STIME   TTY   TIME       CMD');
    // Each process cell ends with a tab in top.go, so CMD is padded; a blank line closes each table.
    expect(lines[2]).toMatch(
      /^root {3}\d+ {3}\d+ {3}0 {4}\d\d:\d\d {3}\? {5}00:00:00 {3}sleep 3600 {3}$/,
    );
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('demo-web-1');
    expect(outputs[2].stdout.split('\n')[0]).toBe('demo-db-1');
    expect(outputs[2].stdout).not.toContain('demo-web-1');
  });
});
