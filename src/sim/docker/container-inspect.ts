/**
 * `docker inspect <container>` (Engine 27.5, API 1.47): types.ContainerJSON with its keys in
 * struct order. Structs are tagged with goStruct so `-f` templates see Go structs (and print
 * `{…}`), while JSON.stringify writes the same object as the daemon's JSON.
 */
import { goStruct } from '../format/go-template-value';
import { rfc3339Nano } from '../format/units';
import type { Container, Host, Image } from '../model';
import { mainProcessKind } from './main-process';
import { hostConfigObject } from './host-config-inspect';
import { derivedHex, inspectTime } from './inspect-values';
import { sortedMap } from './network-inspect';
import { networkSettingsObject } from './network-settings-inspect';
import { configVolumes, mountPoints } from './mounts-inspect';

const CONTAINERS_DIR = '/var/lib/docker/containers';

/** Labels and STOPSIGNAL the official images carry (their Dockerfiles' LABEL / STOPSIGNAL). */
const IMAGE_LABELS: Readonly<Record<string, Record<string, string>>> = {
  nginx: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  ubuntu: {
    'org.opencontainers.image.ref.name': 'ubuntu',
    'org.opencontainers.image.version': '24.04',
  },
};
const STOP_SIGNALS: Readonly<Record<string, string>> = { nginx: 'SIGQUIT' };

export const imageLabels = (image: Image | undefined): Record<string, string> => ({
  ...(image ? IMAGE_LABELS[(image.origin ?? image).repo] : undefined),
  ...image?.labels,
});
export const imageStopSignal = (image: Image | undefined): string | undefined =>
  image ? STOP_SIGNALS[(image.origin ?? image).repo] : undefined;

function stateObject(c: Container): object {
  const s = c.state;
  return goStruct(
    {
      Status: s.status,
      Running: s.status === 'running',
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: s.pid,
      ExitCode: s.exitCode,
      Error: '',
      StartedAt: inspectTime(s.startedAt, `${c.id}:started`),
      FinishedAt: inspectTime(s.finishedAt, `${c.id}:finished`),
    },
    { pointer: true, typeName: 'types.ContainerState' },
  );
}

/**
 * Which streams the client attached at create. The model does not record `-d`, so this follows
 * the main process: a one-off command or an `-it` shell was attached, a service was detached.
 */
function attachments(c: Container): { stdin: boolean; out: boolean } {
  const kind = mainProcessKind(c);
  if (kind === 'shell' && c.config.tty && c.config.openStdin) return { stdin: true, out: true };
  return { stdin: false, out: kind === 'oneshot' };
}

function configObject(c: Container, image: Image | undefined): object {
  const a = attachments(c);
  const exposed = c.config.exposedPorts.length
    ? {
        ExposedPorts: Object.fromEntries(
          [...c.config.exposedPorts]
            .sort()
            .map((p) => [p, goStruct({}, { typeName: 'struct {}' })]),
        ),
      }
    : {};
  const stopSignal = imageStopSignal(image);
  return goStruct(
    {
      Hostname: c.config.hostname,
      Domainname: c.config.domainname,
      User: '',
      AttachStdin: a.stdin,
      AttachStdout: a.out,
      AttachStderr: a.out,
      ...exposed,
      Tty: c.config.tty,
      OpenStdin: c.config.openStdin,
      StdinOnce: a.stdin,
      Env: [...c.config.env],
      Cmd: c.config.cmd.length ? [...c.config.cmd] : null,
      Image: c.image,
      Volumes: configVolumes(c),
      WorkingDir: c.config.workingDir,
      Entrypoint: c.config.entrypoint ? [...c.config.entrypoint] : null,
      OnBuild: null,
      Labels: sortedMap({ ...imageLabels(image), ...c.config.labels }),
      ...(stopSignal ? { StopSignal: stopSignal } : {}),
    },
    { pointer: true, typeName: 'container.Config' },
  );
}

/** overlay2's directories: the container's own layer over an `-init` layer over the image's. */
function graphDriver(c: Container): object {
  const layer = `/var/lib/docker/overlay2/${derivedHex(`layer:${c.id}`, 64)}`;
  const lower = [
    `${layer}-init`,
    `/var/lib/docker/overlay2/${derivedHex(`image:${c.imageId}`, 64)}`,
  ];
  return goStruct(
    {
      Data: {
        LowerDir: lower.map((d) => `${d}/diff`).join(':'),
        MergedDir: `${layer}/merged`,
        UpperDir: `${layer}/diff`,
        WorkDir: `${layer}/work`,
      },
      Name: 'overlay2',
    },
    { typeName: 'types.GraphDriverData' },
  );
}

/** The files a container: joiner shares with its donor (HostsPath, ResolvConfPath, HostnamePath). */
function filesOwner(h: Host, c: Container): string {
  const mode = c.hostConfig.networkMode;
  if (!mode.startsWith('container:')) return c.id;
  return h.docker.containers.get(mode.slice('container:'.length))?.id ?? c.id;
}

export function containerInspectObject(h: Host, c: Container): unknown {
  const image = h.docker.images.get(c.imageId)!;
  const started = c.state.startedAt !== null;
  const owner = filesOwner(h, c);
  const file = (name: string) => (started ? `${CONTAINERS_DIR}/${owner}/${name}` : '');
  return goStruct(
    {
      Id: c.id,
      Created: rfc3339Nano(c.created, c.createdNanos),
      Path: c.path,
      Args: [...c.args],
      State: stateObject(c),
      Image: `sha256:${c.imageId}`,
      ResolvConfPath: file('resolv.conf'),
      HostnamePath: file('hostname'),
      HostsPath: file('hosts'),
      LogPath: started ? `${CONTAINERS_DIR}/${c.id}/${c.id}-json.log` : '',
      Name: `/${c.name}`,
      RestartCount: c.restartCount,
      Driver: 'overlay2',
      Platform: 'linux',
      MountLabel: '',
      ProcessLabel: '',
      AppArmorProfile: '',
      ExecIDs: null,
      HostConfig: hostConfigObject(c),
      GraphDriver: graphDriver(c),
      Mounts: mountPoints(c),
      Config: configObject(c, image),
      NetworkSettings: networkSettingsObject(h, c),
    },
    { typeName: 'types.ContainerJSON' },
  );
}
