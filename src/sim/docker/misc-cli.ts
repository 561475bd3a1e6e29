/**
 * `docker port` and `docker version` (docker/cli v27.5.1); the image commands
 * (`images`, `commit`, `pull`) live in image-cli.ts.
 */
import { own } from '../own';
import { naturalCompare } from '../format/natural-sort';
import type { World } from '../model';
import { part } from '../parts';
import { KERNEL_RELEASE } from '../linux/system';
import { failure, output, type ProcessResult } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { CANNOT_CONNECT, checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer } from './lookup';
import { joinHostPort, portMap } from './ports-format';
import { COMMANDS } from './usage';

export { dockerCommit, dockerImages, dockerPull } from './image-cli';

/** cli.RequiresRangeArgs: `"docker port" requires at least 1 and at most 2 arguments.` */
function rangeError(world: World, path: string, min: number, max: number): ProcessResult {
  const u = own(COMMANDS, path) ?? COMMANDS['docker port'];
  return failure(
    world,
    `"${path}" requires at least ${min} and at most ${max} arguments.\nSee '${path} --help'.\n\nUsage:  ${u?.use ?? path}\n\n${u?.short ?? ''}`,
  );
}

export const dockerPort: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const [ref = '', wanted] = parsed.value.args;
  if (parsed.value.args.length < 1 || parsed.value.args.length > 2)
    return rangeError(p.world, path, 1, 2);
  const c = findContainer(hostOf(p.world, p.place.host).docker, ref);
  if (!c) return daemonError(p.world, `No such container: ${ref}`);
  const ports = portMap(c);
  let lines: string[];
  if (wanted !== undefined) {
    const [port = '', proto = 'tcp'] = wanted.split('/');
    if (!/^\d+$/.test(port) || Number(port) > 65535) {
      const why = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
      return failure(
        p.world,
        `Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${why}`,
      );
    }
    const bindings = ports[`${port}/${proto || 'tcp'}`];
    if (!bindings)
      return failure(p.world, `Error: No public port '${wanted}' published for ${ref}`);
    lines = bindings.map((b) => joinHostPort(b.HostIp, b.HostPort));
  } else {
    lines = Object.entries(ports).flatMap(([key, bindings]) =>
      (bindings ?? []).map((b) => `${key} -> ${joinHostPort(b.HostIp, b.HostPort)}`),
    );
  }
  lines.sort(naturalCompare);
  return output(p.world, lines.map((l) => `${l}\n`).join(''));
};

// docker-ce 27.5.1 on linux/amd64 (the components' versions and commits of that release).
const CLIENT = {
  Platform: { Name: 'Docker Engine - Community' },
  Version: '27.5.1',
  ApiVersion: '1.47',
  DefaultAPIVersion: '1.47',
  GitCommit: '9f9e405',
  GoVersion: 'go1.22.11',
  Os: 'linux',
  Arch: 'amd64',
  BuildTime: 'Wed Jan 22 13:41:48 2025',
  Context: 'default',
};

const SERVER = {
  Platform: { Name: 'Docker Engine - Community' },
  Version: '27.5.1',
  ApiVersion: '1.47',
  MinAPIVersion: '1.24',
  GitCommit: '4c9b3b0',
  GoVersion: 'go1.22.11',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: KERNEL_RELEASE,
  BuildTime: '2025-01-22T13:41:48.000000000+00:00',
  Experimental: false,
};

// The values start at column 20: tabwriter(minwidth 20, padding 1) over the v27 template.
const CLIENT_TEXT = `Client: Docker Engine - Community
 Version:           27.5.1
 API version:       1.47
 Go version:        go1.22.11
 Git commit:        9f9e405
 Built:             Wed Jan 22 13:41:48 2025
 OS/Arch:           linux/amd64
 Context:           default
`;

const SERVER_TEXT = `
Server: Docker Engine - Community
 Engine:
  Version:          27.5.1
  API version:      1.47 (minimum version 1.24)
  Go version:       go1.22.11
  Git commit:       4c9b3b0
  Built:            Wed Jan 22 13:41:48 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.25
  GitCommit:        bcc810d6b9066471b0b6fa75f557a15a1cbf31bb
 runc:
  Version:          1.2.4
  GitCommit:        v1.2.4-0-g6c52b3f
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

export const VERSION_FLAGS: readonly FlagSpec[] = [{ long: 'format', short: 'f', type: 'string' }];

export const dockerVersion: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, VERSION_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  const running = hostOf(p.world, p.place.host).docker.running;
  const format = parsed.value.strings.get('format');
  if (format) {
    const r = part('template').executeTemplate(format, {
      Client: CLIENT,
      Server: running ? SERVER : null,
    });
    if (!r.ok) return failure(p.world, `template parsing error: ${r.error}`, 64);
    return running
      ? output(p.world, `${r.value}\n`)
      : output(p.world, `${r.value}\n`, `${CANNOT_CONNECT}\n`, 1);
  }
  if (!running) return output(p.world, CLIENT_TEXT, `${CANNOT_CONNECT}\n`, 1);
  return output(p.world, CLIENT_TEXT + SERVER_TEXT);
};
