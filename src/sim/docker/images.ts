/**
 * The registry this lab can pull from: common official images with the facts that matter for
 * networking — default command, exposed ports, and which tools are on the PATH (slim Debian
 * images have no `ip` or `ping`; busybox and alpine have busybox's applets).
 */
import { own } from '../own';
import type { FileLayer, Image, ImageFlavour } from '../model';
import { baseLayer } from '../linux/layers';
import { NGINX_ROOT } from '../packet/http';
import { NGINX_WELCOME } from '../packet/http-releases';
import { toolsOf } from './image-tools';

interface CatalogEntry {
  readonly repo: string;
  readonly tags: readonly string[];
  readonly flavour: ImageFlavour;
  readonly cmd: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly exposedPorts?: readonly string[];
  readonly env?: readonly string[];
  readonly workingDir?: string;
  /** `VOLUME`s of the image's Dockerfile: each container gets an anonymous volume there. */
  readonly volumes?: readonly string[];
  readonly extraTools?: readonly string[];
  /** Files of the image beyond its flavour's directories (nginx's document root). */
  readonly files?: Readonly<Record<string, string>>;
  /** MB, as `docker images` shows it. */
  readonly sizeMb: number;
  readonly stopExitCode: number;
  /** Tags built on another base (`nginx:alpine` is Alpine with busybox, not Debian). */
  readonly variants?: Readonly<
    Record<string, Partial<Omit<CatalogEntry, 'repo' | 'tags' | 'variants'>>>
  >;
}

/** The registry image's /etc/docker/registry/config.yml (distribution-library-image). */
const REGISTRY_CONFIG = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

const REGISTRY_ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const CATALOG: readonly CatalogEntry[] = [
  {
    repo: 'busybox',
    tags: ['latest', '1.36'],
    flavour: 'busybox',
    cmd: ['sh'],
    sizeMb: 4.27,
    stopExitCode: 137,
  },
  {
    repo: 'alpine',
    tags: ['latest', '3.21', '3.20'],
    flavour: 'alpine',
    cmd: ['/bin/sh'],
    sizeMb: 7.83,
    extraTools: ['apk'],
    stopExitCode: 137,
  },
  {
    repo: 'ubuntu',
    tags: ['latest', '24.04', '22.04'],
    flavour: 'debian',
    cmd: ['/bin/bash'],
    sizeMb: 78.1,
    stopExitCode: 137,
  },
  {
    repo: 'debian',
    tags: ['latest', 'bookworm', '12'],
    flavour: 'debian',
    cmd: ['bash'],
    sizeMb: 117,
    stopExitCode: 137,
  },
  {
    repo: 'centos',
    tags: ['latest', '7'],
    flavour: 'centos',
    cmd: ['/bin/bash'],
    sizeMb: 204,
    extraTools: ['ip', 'ping'],
    stopExitCode: 137,
  },
  {
    repo: 'nginx',
    tags: ['latest', '1.27', '1.22.1', 'alpine'],
    flavour: 'debian',
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    exposedPorts: ['80/tcp'],
    extraTools: ['curl', 'nginx'],
    files: { [`${NGINX_ROOT}/index.html`]: NGINX_WELCOME },
    sizeMb: 192,
    stopExitCode: 0,
    variants: { alpine: { flavour: 'alpine', extraTools: ['apk', 'curl', 'nginx'], sizeMb: 47.9 } },
  },
  {
    repo: 'tomcat',
    tags: ['latest', '9.0', '10.1', '11.0'],
    flavour: 'debian',
    cmd: ['catalina.sh', 'run'],
    exposedPorts: ['8080/tcp'],
    workingDir: '/usr/local/tomcat',
    extraTools: ['catalina.sh', 'java', 'curl'],
    env: ['CATALINA_HOME=/usr/local/tomcat'],
    sizeMb: 468,
    stopExitCode: 143,
  },
  {
    repo: 'redis',
    tags: ['latest', '7', '7.4'],
    flavour: 'debian',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    exposedPorts: ['6379/tcp'],
    workingDir: '/data',
    volumes: ['/data'],
    extraTools: ['redis-server', 'redis-cli'],
    sizeMb: 117,
    stopExitCode: 0,
  },
  {
    repo: 'mysql',
    tags: ['latest', '8.0', '5.7'],
    flavour: 'centos',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    exposedPorts: ['3306/tcp', '33060/tcp'],
    volumes: ['/var/lib/mysql'],
    extraTools: ['mysqld', 'mysql'],
    sizeMb: 501,
    stopExitCode: 0,
  },
  {
    repo: 'wordpress',
    tags: ['latest', 'php7.4'],
    flavour: 'debian',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['apache2-foreground'],
    exposedPorts: ['80/tcp'],
    workingDir: '/var/www/html',
    volumes: ['/var/www/html'],
    extraTools: ['curl', 'apache2-foreground'],
    sizeMb: 616,
    stopExitCode: 0,
  },
  {
    // distribution's registry 2.8.3 on Alpine; the image declares VOLUME /var/lib/registry.
    repo: 'registry',
    tags: ['2', 'latest', '2.8', '2.8.3'],
    flavour: 'alpine',
    entrypoint: ['/entrypoint.sh'],
    cmd: ['/etc/docker/registry/config.yml'],
    exposedPorts: ['5000/tcp'],
    extraTools: ['registry'],
    files: {
      '/etc/docker/registry/config.yml': REGISTRY_CONFIG,
      '/entrypoint.sh': REGISTRY_ENTRYPOINT,
    },
    sizeMb: 25.4,
    // registry 2.8 drains its connections on SIGTERM and exits cleanly.
    stopExitCode: 0,
  },
  {
    repo: 'httpd',
    tags: ['latest', '2.4'],
    flavour: 'debian',
    cmd: ['httpd-foreground'],
    exposedPorts: ['80/tcp'],
    workingDir: '/usr/local/apache2',
    extraTools: ['httpd-foreground'],
    sizeMb: 148,
    stopExitCode: 0,
  },
];

/** The image's own files and directories, over its flavour's. */
function ownLayer(e: CatalogEntry): FileLayer {
  const files = e.files ?? {};
  const dirs = [
    ...Object.keys(files).map((f) => f.slice(0, f.lastIndexOf('/'))),
    ...(e.workingDir ? [e.workingDir] : []),
  ];
  // Each parent of a directory is one too (`/usr/share/nginx` under `/usr/share`).
  const all = new Set(
    dirs.flatMap((d) => d.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))),
  );
  all.delete('');
  return { files, dirs: [...all], removed: [] };
}

/** `nginx` -> `{repo: 'nginx', tag: 'latest'}`; `nginx:1.22.1`; `library/nginx`. */
export function parseImageRef(ref: string): { repo: string; tag: string } {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const hasTag = colon > slash;
  const repo = (hasTag ? ref.slice(0, colon) : ref).replace(/^(docker\.io\/)?library\//, '');
  return { repo, tag: hasTag ? ref.slice(colon + 1) : 'latest' };
}

/** The image a registry would serve for this reference, if the lab knows it. */
export function registryImage(
  repo: string,
  tag: string,
  idHex: (n: number) => string,
  now: number,
): Image | undefined {
  const base = CATALOG.find((x) => x.repo === repo);
  if (!base || !base.tags.includes(tag)) return undefined;
  const e: CatalogEntry = { ...base, ...own(base.variants, tag) };
  return {
    id: idHex(64),
    repo,
    tag,
    created: now - 86_400_000 * (14 + (e.sizeMb % 20)),
    size: Math.round(e.sizeMb * 1_000_000),
    cmd: e.cmd,
    entrypoint: e.entrypoint ?? null,
    exposedPorts: e.exposedPorts ?? [],
    env: [PATH_ENV, ...(e.env ?? [])],
    workingDir: e.workingDir ?? '',
    tools: toolsOf(e),
    flavour: e.flavour,
    layers: [baseLayer(e.flavour), ownLayer(e)],
    stopExitCode: e.stopExitCode,
    ...(e.volumes ? { volumes: e.volumes } : {}),
  };
}

/** The tags the lab's Docker Hub has for `repo` (none if it has no such repository). */
export const catalogTags = (repo: string): readonly string[] =>
  CATALOG.find((x) => x.repo === repo)?.tags ?? [];

export function knownRepos(): readonly string[] {
  return CATALOG.map((e) => e.repo);
}
