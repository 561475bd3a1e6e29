/**
 * How Compose finds its own things again: labels on every container and network it creates
 * (docker/compose v2.32.4 pkg/api/labels.go). `com.docker.compose.project` and `.service` group a
 * project's containers; the config hash decides whether `up` keeps or recreates a container.
 */
import type { Container, Daemon, Network } from '../model';
import { rngForContent } from '../rng';
import type { ComposeNetwork, ComposeProject, ComposeService } from './project';

export const COMPOSE_VERSION = '2.32.4';

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  network: 'com.docker.compose.network',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  image: 'com.docker.compose.image',
  dependsOn: 'com.docker.compose.depends_on',
  version: 'com.docker.compose.version',
  slug: 'com.docker.compose.slug',
  replace: 'com.docker.compose.replace',
} as const;

const labelOf = (c: Container, key: string): string | undefined => c.config.labels?.[key];

/**
 * compose's ServiceHash is the SHA-256 of the service's JSON without scale, build and depends_on;
 * the lab's stand-in is a content-derived 64-hex digest of the same fields, so it changes exactly
 * when they do.
 */
export function serviceHash(s: ComposeService): string {
  const hashed = { ...s, scale: undefined, build: undefined, dependsOn: undefined };
  return rngForContent(JSON.stringify(hashed)).hex(64);
}

export const networkHash = (n: ComposeNetwork): string => rngForContent(JSON.stringify(n)).hex(64);

/** The labels a service's container is created with (ToProject's CustomLabels + prepareLabels). */
export function containerLabels(
  project: ComposeProject,
  s: ComposeService,
  number: number,
  imageId: string,
): Record<string, string> {
  return {
    ...s.labels,
    [LABEL.configHash]: serviceHash(s),
    ...(number > 0 ? { [LABEL.number]: String(number) } : {}),
    // The engine's map is unordered; the lab lists dependencies by name.
    [LABEL.dependsOn]: s.dependsOn
      .map((d) => `${d.service}:${d.condition}:${d.restart}`)
      .sort()
      .join(','),
    [LABEL.image]: imageId.startsWith('sha256:') ? imageId : `sha256:${imageId}`,
    [LABEL.oneoff]: number > 0 ? 'False' : 'True',
    [LABEL.project]: project.name,
    [LABEL.configFiles]: project.configFiles.join(','),
    [LABEL.workingDir]: project.workingDir,
    [LABEL.service]: s.name,
    [LABEL.version]: COMPOSE_VERSION,
  };
}

export const networkLabels = (project: ComposeProject, n: ComposeNetwork) => ({
  ...n.labels,
  [LABEL.configHash]: networkHash(n),
  [LABEL.network]: n.key,
  [LABEL.project]: project.name,
  [LABEL.version]: COMPOSE_VERSION,
});

/** A project's containers, one-off `run` containers only when asked for, by name. */
export function projectContainers(
  d: Daemon,
  project: string,
  o: { readonly oneoff?: boolean; readonly service?: string } = {},
): Container[] {
  return [...d.containers.values()]
    .filter(
      (c) =>
        labelOf(c, LABEL.project) === project &&
        (o.oneoff || labelOf(c, LABEL.oneoff) !== 'True') &&
        (o.service === undefined || labelOf(c, LABEL.service) === o.service),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export const serviceOf = (c: Container): string => labelOf(c, LABEL.service) ?? '';
export const numberOf = (c: Container): number => Number(labelOf(c, LABEL.number) ?? 0);
export const configHashOf = (c: Container): string => labelOf(c, LABEL.configHash) ?? '';
export const isOneOff = (c: Container): boolean => labelOf(c, LABEL.oneoff) === 'True';

/** The networks a project created (its label), as `down` finds them. */
export const projectNetworks = (d: Daemon, project: string): Network[] =>
  [...d.networks.values()].filter((n) => n.labels[LABEL.project] === project);

/** Every project that has containers, for `docker compose ls`. */
export function projectNames(d: Daemon): string[] {
  const names = new Set<string>();
  for (const c of d.containers.values()) {
    const p = labelOf(c, LABEL.project);
    if (p !== undefined && labelOf(c, LABEL.configHash) !== undefined) names.add(p);
  }
  return [...names].sort();
}

export const configFilesOf = (c: Container): string => labelOf(c, LABEL.configFiles) ?? '';
