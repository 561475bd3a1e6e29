/** `docker inspect <image>` / `docker image inspect`: a modest types.ImageInspect (API 1.47). */
import { goStruct } from '../format/go-template-value';
import { rfc3339Nano } from '../format/units';
import type { Image } from '../model';
import { imageLabels, imageStopSignal } from './container-inspect';
import { derivedHex, ZERO_TIME } from './inspect-values';
import { imageNames } from './pull';
import { NONE, repoDigests } from './image-names';

export function imageInspectObject(image: Image): unknown {
  const tagged = image.repo !== NONE;
  const layers = image.size < 250_000_000 && !image.exposedPorts.length ? 1 : 7;
  const digests = repoDigests(image);
  const committed =
    image.author !== undefined || image.comment !== undefined || digests.length === 0;
  const stopSignal = imageStopSignal(image);
  const exposed = image.exposedPorts.length
    ? {
        ExposedPorts: Object.fromEntries(
          [...image.exposedPorts].sort().map((p) => [p, goStruct({}, { typeName: 'struct {}' })]),
        ),
      }
    : {};
  return goStruct(
    {
      Id: `sha256:${image.id}`,
      RepoTags: imageNames(image).map((n) => `${n.repo}:${n.tag}`),
      RepoDigests: digests.map((d) => `${d.repo}@${d.digest}`),
      Parent: '',
      Comment: image.comment ?? (committed ? '' : 'buildkit.dockerfile.v0'),
      Created: rfc3339Nano(image.created, Number.parseInt(image.id.slice(0, 5), 16) % 1_000_000),
      DockerVersion: committed ? '27.5.1' : '',
      Author: image.author ?? '',
      Config: goStruct(
        {
          Hostname: '',
          Domainname: '',
          User: image.user ?? '',
          AttachStdin: false,
          AttachStdout: false,
          AttachStderr: false,
          ...exposed,
          Tty: false,
          OpenStdin: false,
          StdinOnce: false,
          Env: [...image.env],
          Cmd: image.cmd.length ? [...image.cmd] : null,
          Image: '',
          Volumes: image.volumes?.length
            ? Object.fromEntries(image.volumes.map((v) => [v, {}]))
            : null,
          WorkingDir: image.workingDir,
          Entrypoint: image.entrypoint ? [...image.entrypoint] : null,
          OnBuild: null,
          Labels: imageLabels(image),
          ...(stopSignal ? { StopSignal: stopSignal } : {}),
        },
        { pointer: true, typeName: 'container.Config' },
      ),
      Architecture: 'amd64',
      Os: 'linux',
      Size: image.size,
      GraphDriver: goStruct(
        {
          Data: {
            MergedDir: `/var/lib/docker/overlay2/${derivedHex(`image:${image.id}`, 64)}/merged`,
            UpperDir: `/var/lib/docker/overlay2/${derivedHex(`image:${image.id}`, 64)}/diff`,
            WorkDir: `/var/lib/docker/overlay2/${derivedHex(`image:${image.id}`, 64)}/work`,
          },
          Name: 'overlay2',
        },
        { typeName: 'types.GraphDriverData' },
      ),
      RootFS: goStruct(
        {
          Type: 'layers',
          Layers: Array.from(
            { length: layers + (committed && digests.length === 0 ? 1 : 0) },
            (_, i) => `sha256:${derivedHex(`rootfs:${image.id}:${i}`, 64)}`,
          ),
        },
        { typeName: 'types.RootFS' },
      ),
      Metadata: goStruct(
        { LastTagTime: committed && tagged ? rfc3339Nano(image.created, 0) : ZERO_TIME },
        { typeName: 'image.Metadata' },
      ),
    },
    { typeName: 'types.ImageInspect' },
  );
}
