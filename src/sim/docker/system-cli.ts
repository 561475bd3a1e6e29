/**
 * `docker info`, `docker system df|prune` and `docker container prune` (docker/cli v27.5.1
 * cli/command/system/{info,df,prune}.go, container/prune.go, formatter/disk_usage.go). The
 * lab's host is the CentOS Stream 9 VM the rest of the lab describes: cgroup v2 under systemd,
 * overlay2 on xfs, runc 1.2.4 and containerd 1.7.25 as docker-ce 27.5.1 ships them.
 */
import type { Daemon, Host, World } from '../model';
import { renderTable } from '../format/table';
import { bytesSize, humanSize } from '../format/units';
import { rngForContent } from '../rng';
import { output, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { DAEMON_JSON } from './daemon-config';
import { parseFlags, type FlagSpec, type ParsedFlags } from './flags';
import { HOST_CPUS, HOST_MEMORY } from './host-facts';
import { pruneNetworks } from './networks';

/** Registry settings from daemon.json (the lab reads the file as dockerd does at start). */
function registryConfig(h: Host): { insecure: string[]; mirrors: string[] } {
  try {
    const o = JSON.parse(h.files[DAEMON_JSON] ?? '{}') as Record<string, unknown>;
    const list = (k: string) =>
      Array.isArray(o[k])
        ? (o[k] as unknown[]).filter((v): v is string => typeof v === 'string')
        : [];
    return {
      insecure: list('insecure-registries'),
      // The daemon normalises each mirror to a URL with a trailing slash.
      mirrors: list('registry-mirrors').map((m) => (m.endsWith('/') ? m : `${m}/`)),
    };
  } catch {
    return { insecure: [], mirrors: [] };
  }
}

/** The engine ID: a UUID dockerd generates once per host (/var/lib/docker/engine-id). */
function engineId(hostname: string): string {
  const hex = rngForContent(`engine-id ${hostname}`).hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const CLIENT_INFO = `Client: Docker Engine - Community
 Version:    27.5.1
 Context:    default
 Debug Mode: false
 Plugins:
  buildx: Docker Buildx (Docker Inc.)
    Version:  v0.20.0
    Path:     /usr/libexec/docker/cli-plugins/docker-buildx
  compose: Docker Compose (Docker Inc.)
    Version:  v2.32.4
    Path:     /usr/libexec/docker/cli-plugins/docker-compose
`;

function serverInfo(h: Host): string {
  const d = h.docker;
  const all = [...d.containers.values()];
  const running = all.filter((c) => c.state.status === 'running');
  const paused = running.filter((c) => c.state.paused).length;
  const reg = registryConfig(h);
  const insecure = [
    ...reg.insecure.filter((r) => !/\/\d+$/.test(r)),
    ...reg.insecure.filter((r) => /\/\d+$/.test(r)),
    '127.0.0.0/8',
  ];
  const lines = [
    `Server:`,
    ` Containers: ${all.length}`,
    `  Running: ${running.length - paused}`,
    `  Paused: ${paused}`,
    `  Stopped: ${all.length - running.length}`,
    ` Images: ${d.images.size}`,
    ` Server Version: 27.5.1`,
    ` Storage Driver: overlay2`,
    `  Backing Filesystem: xfs`,
    `  Supports d_type: true`,
    `  Using metacopy: false`,
    `  Native Overlay Diff: true`,
    `  userxattr: false`,
    ` Logging Driver: json-file`,
    ` Cgroup Driver: systemd`,
    ` Cgroup Version: 2`,
    ` Plugins:`,
    `  Volume: local`,
    `  Network: bridge host ipvlan macvlan null overlay`,
    `  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog`,
    ` Swarm: inactive`,
    ` Runtimes: io.containerd.runc.v2 runc`,
    ` Default Runtime: runc`,
    ` Init Binary: docker-init`,
    ` containerd version: bcc810d6b9066471b0b6fa75f557a15a1cbf31bb`,
    ` runc version: v1.2.4-0-g6c52b3f`,
    ` init version: de40ad0`,
    ` Security Options:`,
    `  seccomp`,
    `   Profile: builtin`,
    `  cgroupns`,
    ` Kernel Version: 5.14.0-503.el9.x86_64`,
    ` Operating System: CentOS Stream 9`,
    ` OSType: linux`,
    ` Architecture: x86_64`,
    ` CPUs: ${HOST_CPUS}`,
    ` Total Memory: ${bytesSize(HOST_MEMORY)}`,
    ` Name: ${h.hostname}`,
    ` ID: ${engineId(h.hostname)}`,
    ` Docker Root Dir: /var/lib/docker`,
    ` Debug Mode: false`,
    ` Experimental: false`,
    ` Insecure Registries:`,
    ...insecure.map((r) => `  ${r}`),
    ...(reg.mirrors.length ? [' Registry Mirrors:', ...reg.mirrors.map((m) => `  ${m}`)] : []),
    ` Live Restore Enabled: false`,
    ...(d.addressPools?.length
      ? [
          ' Default Address Pools:',
          ...d.addressPools.map((p) => `   Base: ${p.base}, Size: ${p.size}`),
        ]
      : []),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

export const dockerInfo: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [{ long: 'format', short: 'f', type: 'string' }], true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  if (parsed.value.strings.has('format'))
    return output(
      p.world,
      '',
      'lab: docker info --format is not simulated; the lab prints the full report\n',
      1,
    );
  return output(p.world, `${CLIENT_INFO}\n${serverInfo(hostOf(p.world, p.place.host))}`);
};

/** formatter/disk_usage.go: `SIZE (PCT%)` once anything has a size, the bare size otherwise. */
function reclaimable(amount: number, total: number): string {
  return total > 0
    ? `${humanSize(amount)} (${Math.floor((amount * 100) / total)}%)`
    : humanSize(amount);
}

function diskUsage(d: Daemon): string[][] {
  const images = [...d.images.values()];
  const containers = [...d.containers.values()];
  const used = new Set(containers.map((c) => c.imageId));
  const total = images.reduce((s, i) => s + i.size, 0);
  const inUse = images.filter((i) => used.has(i.id)).reduce((s, i) => s + i.size, 0);
  const active = containers.filter((c) => c.state.status === 'running').length;
  return [
    [
      'Images',
      String(images.length),
      String(images.filter((i) => used.has(i.id)).length),
      humanSize(total),
      reclaimable(total - inUse, total),
    ],
    // The lab keeps no container-layer files, so every writable layer is empty.
    ['Containers', String(containers.length), String(active), '0B', '0B'],
    ['Local Volumes', '0', '0', '0B', '0B'],
    ['Build Cache', '0', '0', '0B', '0B'],
  ];
}

const systemDf: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(
    args,
    [
      { long: 'verbose', short: 'v', type: 'bool' },
      { long: 'format', type: 'string' },
    ],
    true,
  );
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  if (parsed.value.bools.has('verbose') || parsed.value.strings.has('format'))
    return output(
      p.world,
      '',
      'lab: docker system df -v and --format are not simulated; the lab prints the summary\n',
      1,
    );
  const d = hostOf(p.world, p.place.host).docker;
  return output(
    p.world,
    renderTable(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], diskUsage(d)),
  );
};

/** command.PromptForConfirmation: the question, ` [y/N] `, then one line from stdin. */
function confirmed(p: Process, question: string): { ok: boolean; prompt: string } {
  const prompt = `${question} [y/N] `;
  const answer = (p.stdin.split('\n')[0] ?? '').trim().toLowerCase();
  return { ok: answer === 'y', prompt };
}

/** Removes every stopped container (moby ContainersPrune), returning their ids in walk order. */
function pruneContainers(world: World, host: string): { world: World; ids: string[] } {
  const ids: string[] = [];
  const r = updateHost(world, host, (h) => {
    for (const c of [...h.docker.containers.values()])
      if (c.state.status !== 'running') {
        ids.push(c.id);
        h.docker.containers.delete(c.id);
      }
    return { ok: true, value: undefined };
  });
  return { world: r.ok ? r.world : world, ids };
}

/** Dangling images (`<none>:<none>`) no container uses. */
function pruneDangling(world: World, host: string): { world: World; ids: string[]; size: number } {
  const ids: string[] = [];
  let size = 0;
  const r = updateHost(world, host, (h) => {
    const used = new Set([...h.docker.containers.values()].map((c) => c.imageId));
    for (const img of [...h.docker.images.values()])
      if (img.repo === '<none>' && !used.has(img.id)) {
        ids.push(img.id);
        size += img.size;
        h.docker.images.delete(img.id);
      }
    return { ok: true, value: undefined };
  });
  return { world: r.ok ? r.world : world, ids, size };
}

const PRUNE_FLAGS: readonly FlagSpec[] = [
  { long: 'force', short: 'f', type: 'bool' },
  { long: 'filter', type: 'list' },
];

function pruneArgs(
  p: Process,
  args: readonly string[],
  path: string,
  extra: readonly FlagSpec[] = [],
): { done: ProcessResult } | { flags: ParsedFlags } {
  const parsed = parseFlags(args, [...PRUNE_FLAGS, ...extra], true);
  if (!parsed.ok) return { done: flagError(p.world, path, parsed.error) };
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return { done: usage };
  if (parsed.value.lists.has('filter'))
    return { done: output(p.world, '', `lab: ${path} --filter is not simulated\n`, 1) };
  return { flags: parsed.value };
}

/** A refused prompt is errdefs.Cancelled, which the CLI ends quietly with status 0. */
const cancelled = (world: World, prompt: string): ProcessResult => output(world, prompt);

export const containerPrune: DockerHandler = (p, args, path) => {
  const r = pruneArgs(p, args, path);
  if ('done' in r) return r.done;
  let prompt = '';
  if (!r.flags.bools.has('force')) {
    const c = confirmed(
      p,
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?',
    );
    if (!c.ok) return cancelled(p.world, c.prompt);
    prompt = c.prompt;
  }
  const { world, ids } = pruneContainers(p.world, p.place.host);
  const report = ids.length ? `Deleted Containers:\n${ids.map((id) => `${id}\n`).join('')}\n` : '';
  return output(world, `${prompt}${report}Total reclaimed space: 0B\n`);
};

const SYSTEM_PRUNE_WARNING =
  'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n';

const systemPrune: DockerHandler = (p, args, path) => {
  const r = pruneArgs(p, args, path, [
    { long: 'all', short: 'a', type: 'bool' },
    { long: 'volumes', type: 'bool' },
  ]);
  if ('done' in r) return r.done;
  const all = r.flags.bools.has('all');
  if (all)
    return output(
      p.world,
      '',
      'lab: docker system prune -a is not simulated (images in use are tracked, unused ones are not pruned)\n',
      1,
    );
  const volumes = r.flags.bools.has('volumes');
  let prompt = '';
  if (!r.flags.bools.has('force')) {
    const warning =
      SYSTEM_PRUNE_WARNING +
      (volumes ? '  - all anonymous volumes not used by at least one container\n' : '') +
      '  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue?';
    const c = confirmed(p, warning);
    if (!c.ok) return cancelled(p.world, c.prompt);
    prompt = c.prompt;
  }
  const containers = pruneContainers(p.world, p.place.host);
  let networks: string[] = [];
  const n = updateHost(containers.world, p.place.host, (h) => {
    networks = pruneNetworks(h);
    return { ok: true, value: undefined };
  });
  const images = pruneDangling(n.ok ? n.world : containers.world, p.place.host);
  const section = (title: string, items: readonly string[]) =>
    items.length ? `${title}:\n${items.map((i) => `${i}\n`).join('')}\n` : '';
  const text =
    section('Deleted Containers', containers.ids) +
    section('Deleted Networks', networks) +
    section(
      'Deleted Images',
      images.ids.map((id) => `deleted: sha256:${id}`),
    ) +
    `Total reclaimed space: ${humanSize(images.size)}\n`;
  return output(images.world, prompt + text);
};

/** `docker system …` subcommands. */
export const SYSTEM_COMMANDS: Readonly<Record<string, DockerHandler>> = {
  info: dockerInfo,
  df: systemDf,
  prune: systemPrune,
  events: (p) =>
    output(
      p.world,
      '',
      'lab: docker system events streams until interrupted; the lab does not simulate it\n',
      1,
    ),
};
