/**
 * `docker info` (docker/cli v27.5.1 cli/command/system/info.go). The lab's host is the CentOS
 * Stream 9 VM the rest of the lab describes: cgroup v2 under systemd, overlay2 on xfs, runc 1.2.4
 * and containerd 1.7.25 as docker-ce 27.5.1 ships them.
 */
import type { Host, World } from '../model';
import { swarmInfoLines } from '../swarm/info';
import { bytesSize } from '../format/units';
import { KERNEL_RELEASE } from '../linux/system';
import { rngForContent } from '../rng';
import { output } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { HOST_CPUS, HOST_MEMORY } from './host-facts';

/** Registry settings as dockerd read daemon.json at start; each mirror gets a trailing slash. */
function registryConfig(h: Host): { insecure: readonly string[]; mirrors: string[] } {
  const r = h.docker.registryConfig;
  return {
    insecure: r?.insecure ?? [],
    mirrors: (r?.mirrors ?? []).map((m) => (m.endsWith('/') ? m : `${m}/`)),
  };
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

function serverInfo(world: World, h: Host): string {
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
    ...swarmInfoLines(world, h.hostname),
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
    ` Kernel Version: ${KERNEL_RELEASE}`,
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

export const INFO_FLAGS: readonly FlagSpec[] = [{ long: 'format', short: 'f', type: 'string' }];

export const dockerInfo: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, INFO_FLAGS, true);
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
  return output(p.world, `${CLIENT_INFO}\n${serverInfo(p.world, hostOf(p.world, p.place.host))}`);
};
