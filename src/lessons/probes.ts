/** Probe command lines, and the checks built on them, that more than one lesson uses. */
import type { Check } from './lesson';

/** The names of the networks a container is on, space-separated, as `docker inspect` lists them. */
export const networksOf = (name: string) =>
  `docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' ${name}`;

/** One ping from a container, waiting at most a second: a check must not hang on a drop. */
export const pingFrom = (from: string, to: string) => `docker exec ${from} ping -c 1 -W 1 ${to}`;

/** `from` gets an echo reply from `to` (a name or an address). */
export const reaches = (descriptionKey: string, from: string, to: string): Check => ({
  descriptionKey,
  probe: pingFrom(from, to),
  expect: { exitCode: 0 },
});

/** `container` is attached to `network` (among others). */
export const attached = (descriptionKey: string, container: string, network: string): Check => ({
  descriptionKey,
  probe: networksOf(container),
  expect: { stdoutIncludes: network },
});
